package uk.iroinsight.dashboards.charts;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.ComponentEvent;

import uk.iroinsight.dashboards.charts.Series.Datum;
import uk.iroinsight.dashboards.charts.Series.Point;

/**
 * A data point was chosen, by a click or tap, or by Enter on the point the keyboard focus is on:
 * for drill-down. The browser sends only the two indexes; the series, x and value are read from
 * the options the server holds, so a view never acts on labels sent by the client.
 */
public class ChartClickEvent extends ComponentEvent<ApexChart> {

    private final int seriesIndex;
    private final int dataPointIndex;
    private final Series series;
    private final Object x;
    private final Double y;

    ChartClickEvent(ApexChart source, int seriesIndex, int dataPointIndex, Series series, Object x, Double y) {
        super(source, true);
        this.seriesIndex = seriesIndex;
        this.dataPointIndex = dataPointIndex;
        this.series = series;
        this.x = x;
        this.y = y;
    }

    /** The event for these indexes of {@code options}, or none when they point outside its data. */
    static Optional<ChartClickEvent> of(ApexChart source, ChartOptions options, int seriesIndex, int dataPointIndex) {
        if (seriesIndex < 0 || seriesIndex >= options.series().size()) {
            return Optional.empty();
        }
        Series series = options.series().get(seriesIndex);
        if (dataPointIndex < 0 || dataPointIndex >= series.data().size()) {
            return Optional.empty();
        }
        Datum datum = series.data().get(dataPointIndex);
        List<String> categories = options.xaxis() == null || options.xaxis().categories() == null ? List.of() : options.xaxis().categories();
        Object x = datum instanceof Point point ? point.x()
                : dataPointIndex < categories.size() ? categories.get(dataPointIndex) : null;
        return Optional.of(new ChartClickEvent(source, seriesIndex, dataPointIndex, series, x, datum.y()));
    }

    public int getSeriesIndex() {
        return seriesIndex;
    }

    public int getDataPointIndex() {
        return dataPointIndex;
    }

    public Series getSeries() {
        return series;
    }

    /** The point's x: its category (a String: a year, an authority) or its number; null if the chart has neither. */
    public Object getX() {
        return x;
    }

    /** The category the point belongs to, or null on a numeric x axis. */
    public String getCategory() {
        return x instanceof String category ? category : null;
    }

    /** The point's value, or null for a gap. */
    public Double getY() {
        return y;
    }
}
