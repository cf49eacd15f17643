package uk.iroinsight.dashboards.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.iroinsight.dashboards.charts.Annotations;
import uk.iroinsight.dashboards.charts.ChartOptions;
import uk.iroinsight.dashboards.charts.Charts;
import uk.iroinsight.dashboards.charts.Series;
import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.dashboards.data.MartSnapshot.Comparators;
import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.export.DataTable.Cell;
import uk.iroinsight.dashboards.export.DataTable.Column;
import uk.iroinsight.dashboards.layout.Units;
import uk.iroinsight.indicators.Disclosure.Shown;
import uk.iroinsight.indicators.Indicator;

/**
 * The authority against the mean of its statistical neighbours, its region and England over
 * every year with any of their figures, as disclosure control shows them (a hidden figure is a
 * gap), with the chosen year marked; a click on a year's point chooses that year.
 *
 * @param options the chart
 * @param years   the chart's years, left to right: a click's point index is a position in it
 * @param table   the chart's data, with the source of every figure
 */
record TrendChart(ChartOptions options, List<Integer> years, DataTable table) {

    /**
     * The series' names, in their order in the chart and the table; the neighbours' mean says how
     * many neighbours are behind it (DfE's mean is of them all; a records mean of those loaded).
     */
    static List<String> seriesNames(Authority own, List<Figure> snMeans) {
        List<Integer> counts = snMeans.stream().filter(Figure::hasValue)
                .map(f -> f.isRecords() && f.coverage() != null ? f.coverage() : own.neighbours().size()).distinct().sorted().toList();
        String of = counts.isEmpty() ? String.valueOf(own.neighbours().size())
                : counts.size() == 1 ? String.valueOf(counts.get(0)) : counts.get(0) + " to " + counts.get(counts.size() - 1);
        return List.of(own.name(), "Similar councils (mean of " + of + ")", own.regionName(), "England");
    }

    /** The years from the first with any figure to the last with any (none of the four series drawn outside them). */
    static List<Comparators> span(List<Comparators> trend) {
        int first = 0;
        int last = trend.size() - 1;
        while (first <= last && empty(trend.get(first))) {
            first++;
        }
        while (last >= first && empty(trend.get(last))) {
            last--;
        }
        return trend.subList(first, last + 1);
    }

    private static boolean empty(Comparators year) {
        return !year.la().hasValue() && !year.snMean().hasValue() && !year.region().hasValue() && !year.england().hasValue();
    }

    static TrendChart of(MartSnapshot snapshot, Authority own, Indicator indicator, int chosenYear, boolean suppress) {
        List<Comparators> trend = span(snapshot.trend(own.laCode(), indicator.id()));
        List<Integer> years = trend.stream().map(Comparators::year).toList();
        List<String> names = seriesNames(own, trend.stream().map(Comparators::snMean).toList());
        List<List<Double>> values = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("Year ending 31 March"));
        names.forEach(name -> columns.add(Column.number(name)));
        names.forEach(name -> columns.add(Column.text(name + ": source")));
        List<List<Cell>> rows = new ArrayList<>();
        List<Figure> all = new ArrayList<>();
        Double chosenValue = null;
        for (Comparators year : trend) {
            List<Figure> figures = List.of(year.la(), year.snMean(), year.region(), year.england());
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(String.valueOf(year.year())));
            for (int i = 0; i < figures.size(); i++) {
                Shown shown = snapshot.show(figures.get(i), suppress);
                values.get(i).add(shown.value());
                row.add(Cell.number(shown.text(), shown.value()));
                if (i == 0 && year.year() == chosenYear) {
                    chosenValue = shown.value();
                }
            }
            figures.forEach(figure -> row.add(Cell.text(ExplorerText.source(figure))));
            all.addAll(figures);
            rows.add(row);
        }
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            series.add(Series.of(names.get(i), values.get(i)));
        }
        String span = years.isEmpty() ? "" : years.get(0) + " to " + years.get(years.size() - 1);
        String title = indicator.title() + ": " + own.name() + " and its comparators, " + span;
        List<String> categories = years.stream().map(String::valueOf).toList();
        ChartOptions options = Charts.trend(title, Units.chartFormat(indicator), categories, series)
                .withDownload(indicator.id() + "-trend-" + own.laCode());
        if (chosenValue != null) {
            options = options.withAnnotations(Annotations.of(List.of(),
                    List.of(Annotations.point(String.valueOf(chosenYear), chosenValue, chosenYear + " (chosen)"))));
        }
        DataTable table = new DataTable(title, ExplorerText.context(indicator,
                String.join("; ", names.get(0), "the mean of its " + own.neighbours().size()
                        + " statistical neighbours (similar councils), or of those with a figure where the Source says so",
                        own.regionName(), "England"),
                years.isEmpty() ? "None" : years.size() == 1 ? ExplorerText.year(years.get(0)) : "Years ending 31 March " + span,
                ExplorerText.sources(all), snapshot.builtAt()),
                columns, rows);
        return new TrendChart(options, years, table);
    }

    /** The year of the point at this index of any series. */
    Optional<Integer> yearAt(int dataPointIndex) {
        return dataPointIndex >= 0 && dataPointIndex < years.size() ? Optional.of(years.get(dataPointIndex)) : Optional.empty();
    }
}
