package uk.iroinsight.dashboards.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.iroinsight.dashboards.charts.Annotations;
import uk.iroinsight.dashboards.charts.Annotations.YAxisAnnotation;
import uk.iroinsight.dashboards.charts.ChartOptions;
import uk.iroinsight.dashboards.charts.Charts;
import uk.iroinsight.dashboards.charts.Series.Point;
import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.dashboards.data.MartSnapshot.Ranked;
import uk.iroinsight.dashboards.data.MartSnapshot.Ranking;
import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.export.DataTable.Cell;
import uk.iroinsight.dashboards.export.DataTable.Column;
import uk.iroinsight.dashboards.layout.Units;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.indicators.Indicator;

/**
 * The comparison set's authorities in rank order for a year, one bar each for those whose figure
 * can be shown (the chosen one highlighted and labelled), over quartile bands; those that
 * cannot be shown are named in words, not drawn. A click on a bar chooses its authority.
 *
 * @param options   the chart, or null when no authority has a figure that can be shown
 * @param laCodes   the bars' authorities, left to right: a click's point index is a position in it
 * @param sentence  where the chosen authority stands, and the best of the others
 * @param notShown  the authorities not drawn, in words ("Not shown: Rutland [c]."), or empty
 * @param reading   how to read the chart: the quartile bands' ranges, and where the value axis starts if not at zero
 * @param table     every authority of the set with its figure, rank and source
 */
record RankingChart(ChartOptions options, List<String> laCodes, String sentence, String notShown, String reading,
                    DataTable table) {

    /** A band less than this share of the value axis is too thin for its label: the words under the chart name it. */
    static final double LABELLED_BAND = 0.15;

    static RankingChart of(MartSnapshot snapshot, Authority own, Indicator indicator, int year, Comparison comparison,
                           boolean suppress) {
        Ranking ranking = snapshot.ranking(indicator.id(), year, comparison, own.laCode(), suppress);
        List<Point> bars = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        int highlighted = -1;
        for (Ranked entry : ranking.entries()) {
            if (entry.rank() != null) {
                if (entry.authority().equals(own)) {
                    highlighted = bars.size();
                }
                bars.add(Point.at(entry.authority().name(), entry.shown().value()));
                codes.add(entry.authority().laCode());
            }
        }
        String title = indicator.title() + ": " + ExplorerText.setName(comparison, own) + ", year ending 31 March " + year;
        ChartOptions options = null;
        String reading = "";
        if (!bars.isEmpty()) {
            if (highlighted < 0) { // its place would tell what the hidden figure is near: an empty slot at the end
                highlighted = bars.size();
                bars.add(Point.at(own.name(), null));
                codes.add(own.laCode());
            }
            List<Double> shown = bars.stream().map(Point::y).filter(y -> y != null).toList();
            Double floor = axisFloor(shown);
            double top = shown.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double range = top - (floor == null ? Math.min(0, shown.stream().mapToDouble(Double::doubleValue).min().orElse(0)) : floor);
            options = Charts.ranking(title, Units.chartFormat(indicator), indicator.title(), bars, highlighted, bands(ranking, range))
                    .withDownload(indicator.id() + "-ranking-" + comparison.id() + "-" + year);
            if (floor != null) {
                options = startingAt(options, floor);
            }
            reading = bandWords(ranking) + (floor == null ? "" : " The value axis starts at "
                    + Units.chartFormat(indicator).format(floor) + ", not at zero, so that the differences can be seen.");
        }
        return new RankingChart(options, List.copyOf(codes), ExplorerText.rankingSentence(ranking, own),
                ExplorerText.notShown(ranking), reading.trim(), table(snapshot, own, ranking, title));
    }

    /**
     * Where the value axis starts: zero, unless every value is far from it (the lowest is more
     * than the spread above zero), when bars from zero would all look the same; then a round
     * number half the spread below the lowest. Null for zero.
     */
    static Double axisFloor(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double spread = max - min;
        if (min <= 0 || spread <= 0 || min < spread) {
            return null;
        }
        double step = Math.pow(10, Math.floor(Math.log10(spread)));
        double floor = Math.floor((min - spread / 2) / step) * step;
        return floor <= 0 ? null : floor;
    }

    private static ChartOptions startingAt(ChartOptions o, double floor) {
        ChartOptions.YAxis y = o.yaxis();
        ChartOptions.YAxis axis = y == null ? new ChartOptions.YAxis(null, floor, null, null, null)
                : new ChartOptions.YAxis(y.title(), floor, y.max(), y.reversed(), y.labels());
        return new ChartOptions(o.chart(), o.title(), o.series(), o.xaxis(), axis, o.annotations(), o.colors(), o.dataLabels(),
                o.tooltip(), o.stroke(), o.markers(), o.legend(), o.plotOptions(), o.fill(), o.noData());
    }

    /** "Quartile bands: Quartile A (best) 92.1% to 93.6%; ..." from the best band down, or empty without quartiles. */
    static String bandWords(Ranking ranking) {
        List<double[]> edges = edges(ranking);
        if (edges.isEmpty()) {
            return "";
        }
        List<String> labels = ExplorerText.bandLabels(ranking.indicator().polarity());
        var format = Units.chartFormat(ranking.indicator());
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parts.add(labels.get(i) + " " + format.format(edges.get(i)[0]) + " to " + format.format(edges.get(i)[1]));
        }
        if (ranking.indicator().polarity() != Indicator.Polarity.LOWER_BETTER) {
            java.util.Collections.reverse(parts);
        }
        return "Shaded and clear bands mark the quarters of the figures shown: " + String.join("; ", parts) + ".";
    }

    /** The four bands' {from, to}, lowest values first: min, lower quartile, median, upper quartile, max. */
    private static List<double[]> edges(Ranking ranking) {
        if (ranking.quartiles().size() != 3) {
            return List.of();
        }
        List<Double> shown = ranking.entries().stream().filter(r -> r.rank() != null).map(r -> r.shown().value()).toList();
        double min = shown.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = shown.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        List<Double> q = ranking.quartiles();
        return List.of(new double[] {min, q.get(0)}, new double[] {q.get(0), q.get(1)}, new double[] {q.get(1), q.get(2)},
                new double[] {q.get(2), max});
    }

    /**
     * Quartile bands between the lowest shown value, the quartiles and the highest, each
     * labelled by its quarter unless too thin on an axis of this {@code range} for the label
     * (the words under the chart give every band); every other one shaded, so neighbouring
     * bands stay apart.
     */
    static List<YAxisAnnotation> bands(Ranking ranking, double range) {
        List<double[]> edges = edges(ranking);
        List<String> labels = ExplorerText.bandLabels(ranking.indicator().polarity());
        YAxisAnnotation[] bands = new YAxisAnnotation[edges.size()];
        double lastLabel = Double.POSITIVE_INFINITY; // labels sit at a band's top: keep each clear of the one above
        for (int i = edges.size() - 1; i >= 0; i--) {
            double from = edges.get(i)[0];
            double to = edges.get(i)[1];
            YAxisAnnotation band = Annotations.band(from, to, labels.get(i));
            boolean labelled = range > 0 && (to - from) / range >= LABELLED_BAND && (lastLabel - to) / range >= LABELLED_BAND;
            if (labelled) {
                lastLabel = to;
            }
            bands[i] = new YAxisAnnotation(band.y(), band.y2(), band.borderColor(), i % 2 == 0 ? band.fillColor() : "transparent",
                    band.opacity(), band.strokeDashArray(), labelled ? band.label() : null);
        }
        return List.of(bands);
    }

    private static DataTable table(MartSnapshot snapshot, Authority own, Ranking ranking, String title) {
        Indicator indicator = ranking.indicator();
        List<List<Cell>> rows = new ArrayList<>();
        for (Ranked entry : ranking.entries()) {
            rows.add(List.of(Cell.text(entry.authority().name()),
                    Cell.number(entry.shown().text(), entry.shown().value()),
                    entry.rank() == null ? Cell.text("No rank") : Cell.number(String.valueOf(entry.rank()), (double) entry.rank()),
                    Cell.text(ExplorerText.source(entry.figure()))));
        }
        List<Authority> members = snapshot.members(ranking.comparison(), own.laCode());
        return new DataTable(title, ExplorerText.context(indicator, ExplorerText.areas(ranking.comparison(), members),
                ExplorerText.year(ranking.year()), ExplorerText.sources(ranking.entries().stream().map(Ranked::figure).toList()),
                snapshot.builtAt()),
                List.of(Column.text("Authority"), Column.number(indicator.title() + " (" + Units.unitWords(indicator).toLowerCase() + ")"),
                        Column.number("Rank (1 = " + (indicator.polarity() == Indicator.Polarity.NONE ? "highest" : "best") + ")"),
                        Column.text("Source")),
                rows);
    }

    /** The authority of the bar at this index, unless it is the chosen one's own. */
    Optional<String> laAt(int dataPointIndex, String chosen) {
        return dataPointIndex >= 0 && dataPointIndex < laCodes.size() && !laCodes.get(dataPointIndex).equals(chosen)
                ? Optional.of(laCodes.get(dataPointIndex)) : Optional.empty();
    }
}
