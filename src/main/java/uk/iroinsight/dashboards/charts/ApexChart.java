package uk.iroinsight.dashboards.charts;

import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.shared.Registration;

import elemental.json.JsonObject;
import elemental.json.JsonType;

/**
 * A chart drawn by ApexCharts (npm {@code apexcharts}, bundled by the Vaadin build; no CDN).
 *
 * <pre>
 * ApexChart chart = new ApexChart(Charts.trend("Reviews on time", ValueFormat.percent(1), years, areas)
 *         .withDownload("reviews-on-time"));
 * chart.addClickListener(click -> drillInto(click.getCategory()));
 * chart.updateSeries(otherAreas);   // redrawn in place, not re-created
 * </pre>
 *
 * <p>In the browser ({@code iro-apex-chart.js}) the chart takes Lumo's font and colours, is
 * destroyed when the element leaves the page, and can be reached with Tab: the arrow keys move
 * a visible focus between data points and Enter chooses one, as a click does.
 */
@Tag("iro-apex-chart")
@NpmPackage(value = "apexcharts", version = "7.9.1")
@JsModule("./iro-apex-chart.js")
public class ApexChart extends Component implements HasSize, HasStyle {

    static final String CLICK_EVENT = "iro-chart-click";

    private ChartOptions options;
    private boolean listeningForClicks;

    public ApexChart(ChartOptions options) {
        setOptions(options);
    }

    public ChartOptions getOptions() {
        return options;
    }

    /**
     * Draws these options. When only the series changed, or only the series, x-axis categories
     * and annotations, the drawn chart is updated in place; otherwise it is drawn anew.
     */
    public void setOptions(ChartOptions newOptions) {
        this.options = Objects.requireNonNull(newOptions, "options");
        getElement().setProperty("options", ChartJson.write(newOptions));
    }

    /**
     * New data for the same chart: ApexCharts animates from the old values to the new. The
     * description stays; if it names the data, give a new one with
     * {@link ChartOptions#withDescription} through {@link #setOptions}.
     */
    public void updateSeries(List<Series> series) {
        setOptions(options.withSeries(series));
    }

    /** Called when a data point is clicked, tapped, or chosen with Enter. */
    public Registration addClickListener(ComponentEventListener<ChartClickEvent> listener) {
        if (!listeningForClicks) {
            listeningForClicks = true;
            getElement().addEventListener(CLICK_EVENT, this::clicked)
                    .addEventData("event.detail.seriesIndex")
                    .addEventData("event.detail.dataPointIndex");
        }
        return addListener(ChartClickEvent.class, listener);
    }

    private void clicked(DomEvent event) {
        JsonObject data = event.getEventData();
        Integer seriesIndex = index(data, "event.detail.seriesIndex");
        Integer dataPointIndex = index(data, "event.detail.dataPointIndex");
        if (seriesIndex != null && dataPointIndex != null) {
            ChartClickEvent.of(this, options, seriesIndex, dataPointIndex).ifPresent(this::fireEvent);
        }
    }

    private static Integer index(JsonObject data, String key) {
        if (!data.hasKey(key) || data.get(key).getType() != JsonType.NUMBER) {
            return null;
        }
        double value = data.getNumber(key);
        return value == Math.rint(value) && Math.abs(value) < Integer.MAX_VALUE ? (int) value : null;
    }
}
