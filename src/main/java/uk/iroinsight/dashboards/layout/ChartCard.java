package uk.iroinsight.dashboards.layout;

import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.export.DownloadLinks;
import uk.iroinsight.dashboards.export.TableView;
import uk.iroinsight.indicators.Indicator;

/**
 * A chart with everything WCAG and the users need around it: a heading, the chart (or any
 * component), its data table (shown under a "Show the data as a table" toggle, open by default
 * for keyboard and screen-reader users who want it), CSV and XLSX downloads of exactly that table
 * with its context, and where it shows one indicator, "How is this calculated" from the catalogue.
 */
public class ChartCard extends Div {

    /**
     * @param heading   the card's heading (an h2)
     * @param chart     the chart, or any visual
     * @param table     what the chart shows, as a table (read again for each download)
     * @param indicator the indicator it shows, for the definition, or null
     */
    public ChartCard(String heading, Component chart, Supplier<DataTable> table, Indicator indicator) {
        addClassName("iro-card");
        add(new H2(heading));
        if (indicator != null) {
            add(definition(indicator));
        }
        add(chart);
        DataTable shown = table.get();
        Details data = new Details("Show the data as a table", new TableView(shown));
        data.addClassName("iro-table-toggle");
        add(data, new DownloadLinks(table));
    }

    /** "How is this calculated": the catalogue's plain-English definition, unit and direction. */
    public static Details definition(Indicator indicator) {
        Div body = new Div(new Paragraph(indicator.definition()));
        String direction = switch (indicator.polarity()) {
            case HIGHER_BETTER -> "Higher is better.";
            case LOWER_BETTER -> "Lower is better.";
            case NONE -> "Neither higher nor lower is better in itself.";
        };
        body.add(new Paragraph(Units.unitWords(indicator) + ". " + direction
                + (indicator.published() ? " DfE publishes this figure for every authority." : " DfE does not publish this figure: "
                + "it is computed from the loaded returns.")));
        if (indicator.excluded() != null) {
            body.add(new Paragraph("Left out of the denominator: " + indicator.excluded() + "."));
        }
        if (indicator.band() != null) {
            body.add(new Paragraph("Reference band: " + indicator.band().label() + "."));
        }
        Details details = new Details("How is this calculated?", body);
        details.addClassName("iro-definition");
        return details;
    }
}
