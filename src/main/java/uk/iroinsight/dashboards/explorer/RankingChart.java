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
 * @param table     every authority of the set with its figure, rank and source
 */
record RankingChart(ChartOptions options, List<String> laCodes, String sentence, String notShown, DataTable table) {

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
        if (!bars.isEmpty()) {
            if (highlighted < 0) { // its place would tell what the hidden figure is near: an empty slot at the end
                highlighted = bars.size();
                bars.add(Point.at(own.name(), null));
                codes.add(own.laCode());
            }
            options = Charts.ranking(title, Units.chartFormat(indicator), indicator.title(), bars, highlighted, bands(ranking))
                    .withDownload(indicator.id() + "-ranking-" + comparison.id() + "-" + year);
        }
        return new RankingChart(options, List.copyOf(codes), ExplorerText.rankingSentence(ranking, own),
                ExplorerText.notShown(ranking), table(snapshot, own, ranking, title));
    }

    /**
     * Quartile bands between the lowest shown value, the quartiles and the highest, each
     * labelled by its quarter; every other one shaded, so neighbouring bands stay apart.
     */
    static List<YAxisAnnotation> bands(Ranking ranking) {
        if (ranking.quartiles().size() != 3) {
            return List.of();
        }
        List<Double> shown = ranking.entries().stream().filter(r -> r.rank() != null).map(r -> r.shown().value()).toList();
        double min = shown.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = shown.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        List<Double> edges = List.of(min, ranking.quartiles().get(0), ranking.quartiles().get(1), ranking.quartiles().get(2), max);
        List<String> labels = ExplorerText.bandLabels(ranking.indicator().polarity());
        List<YAxisAnnotation> bands = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            YAxisAnnotation band = Annotations.band(edges.get(i), edges.get(i + 1), labels.get(i));
            bands.add(i % 2 == 0 ? band : new YAxisAnnotation(band.y(), band.y2(), band.borderColor(), "transparent",
                    band.opacity(), band.strokeDashArray(), band.label()));
        }
        return bands;
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
