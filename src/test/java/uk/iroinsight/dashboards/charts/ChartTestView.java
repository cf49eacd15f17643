package uk.iroinsight.dashboards.charts;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import uk.iroinsight.dashboards.charts.ChartOptions.ColourRange;
import uk.iroinsight.dashboards.charts.Series.Point;
import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.export.DataTable.Cell;
import uk.iroinsight.dashboards.export.DataTable.Column;
import uk.iroinsight.dashboards.export.DataTable.Context;
import uk.iroinsight.dashboards.export.DownloadLinks;
import uk.iroinsight.dashboards.export.TableView;

/**
 * Test-only route for {@link ApexChartBrowserTest}: every chart shape, made up figures, and the
 * ranking's data table with its downloads (below the charts, out of their way). The
 * clicked data point shows in {@code #clicked} as "chart seriesIndex pointIndex x y seriesName".
 */
@AnonymousAllowed
@Route("test/charts")
@PageTitle("Chart test page · IRO Insight")
class ChartTestView extends VerticalLayout {

    static final String HOSTILE_NAME = "<img src=x onerror=\"document.title='pwned'\"> East Midlands & \"friends\"";
    static final List<String> AUTHORITIES = List.of("Camden", "Derby", "Leeds", "Nottinghamshire", "Suffolk");
    static final int OWN = 3;
    static final List<Double> RANKING = List.of(61.0, 72.5, 80.0, 88.4, 93.1), NEW_RANKING = List.of(65.0, 70.0, 84.0, 90.2, 95.0);

    ChartTestView() {
        Span clicked = new Span("none");
        clicked.setId("clicked");

        ApexChart ranking = new ApexChart(ranking(RANKING));
        ranking.setId("bar-chart");
        TableView rankingTable = new TableView(rankingTable(RANKING));
        rankingTable.setId("ranking-table");
        DownloadLinks rankingDownloads = new DownloadLinks(rankingTable::getTable);
        rankingDownloads.setId("ranking-downloads");
        NativeButton update = new NativeButton("New figures", click -> {
            ranking.updateSeries(ranking(NEW_RANKING).series());
            rankingTable.setTable(rankingTable(NEW_RANKING));
            rankingDownloads.refresh();
        });
        update.setId("update");

        Span beforeLine = new Span("Trend");
        beforeLine.setId("before-line");
        List<String> years = List.of("2021", "2022", "2023", "2024", "2025");
        ApexChart trend = new ApexChart(Charts.trend("Reviews on time", ValueFormat.percent(1), years, List.of(
                Series.of("Nottinghamshire", 84.0, 86.5, null, 93.0, 97.0),
                Series.of("Statistical neighbours", 88.0, 88.9, 89.5, 90.1, 90.4),
                Series.of(HOSTILE_NAME, 86.0, 87.1, 88.0, 88.2, 89.0),
                Series.of("England", 87.0, 87.5, 88.1, 88.6, 89.2))).withDownload("reviews-on-time"));
        trend.setId("line-chart");

        ApexChart heatmap = heatmap(years);
        for (ApexChart chart : List.of(ranking, trend, heatmap)) {
            chart.addClickListener(event -> clicked.setText(event.getSource().getId().orElseThrow() + " " + event.getSeriesIndex() + " "
                    + event.getDataPointIndex() + " " + event.getX() + " " + event.getY() + " " + event.getSeries().name()));
        }

        ApexChart funnel = funnel();
        NativeButton remove = new NativeButton("Remove the funnel plot", click -> remove(funnel));
        remove.setId("remove-funnel");

        add(new H2("Ranking"), clicked, update, ranking, beforeLine, trend, remove, funnel, stacked(years), heatmap);
        add(new H2("The ranking as a table"), rankingTable, rankingDownloads);
    }

    /** The ranking chart's data table: what the bars show, Derby's figure suppressed. */
    static DataTable rankingTable(List<Double> values) {
        List<List<Cell>> rows = java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> List.of(Cell.text(AUTHORITIES.get(i)), i == 1 ? Cell.text("[c]")
                        : Cell.number(String.format(java.util.Locale.ROOT, "%.1f", values.get(i)), values.get(i))))
                .toList();
        return new DataTable("Reviews on time, 2025", List.of(new Context("Indicator", "Reviews on time"),
                new Context("Year", "2025"), new Context("Area", "Nottinghamshire")),
                List.of(Column.text("Authority"), Column.number("Reviews on time (%)")), rows);
    }

    private static ChartOptions ranking(List<Double> values) {
        List<Point> bars = java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> Point.at(AUTHORITIES.get(i), values.get(i))).toList();
        return Charts.ranking("Reviews on time, 2025", ValueFormat.percent(1), "Reviews on time", bars, OWN, List.of(
                        Annotations.band(0, 70, "D"), Annotations.band(85, 100, "A")))
                .withDownload("reviews-on-time-ranking-2025");
    }

    private static ApexChart funnel() {
        Series others = Series.points("Other authorities", List.of(Point.at(120, 80.0), Point.at(300, 91.0), Point.at(450, 86.0),
                Point.at(800, 89.5), Point.at(1100, 88.0), Point.at(1500, 90.5)));
        Series own = Series.points("Nottinghamshire", List.of(Point.at(950, 97.0)));
        Series upper = Series.points("99.8% upper limit", List.of(Point.at(100, 99.0), Point.at(500, 94.0), Point.at(1000, 92.5), Point.at(1500, 91.8)));
        Series lower = Series.points("99.8% lower limit", List.of(Point.at(100, 78.0), Point.at(500, 83.0), Point.at(1000, 84.5), Point.at(1500, 85.2)));
        ApexChart chart = new ApexChart(Charts.funnel("Reviews on time by size, 2025", "children looked after", ValueFormat.count(),
                ValueFormat.percent(1), others, own, List.of(upper, lower), Annotations.line(88.6, "England 88.6%")));
        chart.setId("funnel-chart");
        return chart;
    }

    private static ApexChart stacked(List<String> years) {
        List<Series> parts = java.util.stream.IntStream.range(0, 8)
                .mapToObj(pn -> Series.of("PN" + pn, 5.0 + pn, 6.0 + pn, 7.0, 8.0, 9.0 + pn % 3)).toList();
        ApexChart chart = new ApexChart(Charts.stacked("How children took part in their reviews", ValueFormat.percent(0), years, parts));
        chart.setId("stacked-chart");
        return chart;
    }

    private static ApexChart heatmap(List<String> years) {
        List<Series> rows = AUTHORITIES.stream()
                .map(la -> Series.points(la, years.stream().map(year -> Point.at(year, (double) ((la.length() * 7 + year.hashCode()) % 40 + 60))).toList()))
                .toList();
        ApexChart chart = new ApexChart(Charts.heatmap("Reviews on time by year", ValueFormat.percent(0), rows, List.of(
                new ColourRange(0, 75, "#D55E00", "Below 75%"),
                new ColourRange(75, 90, "#E69F00", "75-90%"),
                new ColourRange(90, 100, "#56B4E9", "90% and over"))));
        chart.setId("heatmap-chart");
        return chart;
    }
}
