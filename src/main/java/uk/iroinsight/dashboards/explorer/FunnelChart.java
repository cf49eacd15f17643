package uk.iroinsight.dashboards.explorer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.iroinsight.dashboards.charts.Annotations;
import uk.iroinsight.dashboards.charts.Annotations.YAxisAnnotation;
import uk.iroinsight.dashboards.charts.ChartOptions;
import uk.iroinsight.dashboards.charts.Charts;
import uk.iroinsight.dashboards.charts.Series;
import uk.iroinsight.dashboards.charts.Series.Point;
import uk.iroinsight.dashboards.charts.ValueFormat;
import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.dashboards.data.MartSnapshot.Funnel;
import uk.iroinsight.dashboards.data.MartSnapshot.FunnelPoint;
import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.export.DataTable.Cell;
import uk.iroinsight.dashboards.export.DataTable.Column;
import uk.iroinsight.dashboards.layout.Units;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.indicators.Disclosure.Shown;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.indicators.Indicator.Unit;

/**
 * A funnel plot of the comparison set for a year: every authority whose figure can be shown
 * against its denominator, the chosen one as its own series, the set's overall value as the
 * target line and the 95% and 99.8% control limits around it. A click on another authority's
 * point chooses it.
 *
 * @param options  the chart
 * @param others   the first series' authorities, in its order: a click's point index there is a position in it
 * @param sentence where the chosen authority lies and what that means
 * @param table    every authority of the set with its denominator, figure and position
 */
record FunnelChart(ChartOptions options, List<String> others, String sentence, DataTable table) {

    /** The first series: the other authorities; the second: the chosen one. */
    static final int OTHERS = 0, OWN = 1;

    /** Funnel plots are for percentages and rates, whose denominators say how much chance there is in them. */
    static boolean applies(Indicator indicator) {
        return indicator.unit() == Unit.PERCENT || indicator.unit() == Unit.RATE_10K || indicator.unit() == Unit.PER_100;
    }

    /** Why an indicator has no funnel plot, or why there is none this year. */
    static String absence(Indicator indicator) {
        String what = switch (indicator.unit()) {
            case COUNT -> "a count";
            case MEDIAN -> "a median number of working days, with no denominator";
            case FTE -> "a number of staff (full-time equivalent)";
            case RATIO -> "a ratio of children to staff, whose denominator is not a number of children";
            default -> null;
        };
        if (what == null) {
            return "No authority in the comparison set has a figure that can be shown for this year, so there is no funnel plot.";
        }
        return "A funnel plot compares percentages and rates with the number of children they are of, to show which differences "
                + "are more than chance. " + indicator.title() + " is " + what + ", so it has no funnel plot: compare it in the ranking above.";
    }

    static Optional<FunnelChart> of(MartSnapshot snapshot, Authority own, Indicator indicator, int year, Comparison comparison,
                                    boolean suppress) {
        if (!applies(indicator)) {
            return Optional.empty();
        }
        return snapshot.funnel(indicator.id(), year, comparison, own.laCode(), suppress)
                .map(funnel -> build(snapshot, own, funnel, suppress));
    }

    private static FunnelChart build(MartSnapshot snapshot, Authority own, Funnel funnel, boolean suppress) {
        Indicator indicator = funnel.indicator();
        List<Point> others = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Point> mine = new ArrayList<>();
        for (FunnelPoint point : funnel.points()) {
            Point drawn = Point.at(point.denominator(), point.value());
            if (point.authority().equals(own)) {
                mine.add(drawn);
            } else {
                others.add(drawn);
                codes.add(point.authority().laCode());
            }
        }
        // The target is named in the legend, as a line of its own: a label on the plot would sit where
        // the limit lines close in on it, at the funnel's narrow end, and be crossed by them.
        String target = ExplorerText.target(funnel, own);
        List<double[]> rows = funnel.limits();
        Series targetLine = Series.points(target, List.of(Point.at(rows.get(0)[0], funnel.target()),
                Point.at(rows.get(rows.size() - 1)[0], funnel.target())));
        List<Series> limits = List.of(limit("95% limits", rows, 2, 3), limit("99.8% limits", rows, 1, 4), targetLine);
        YAxisAnnotation unlabelled = new YAxisAnnotation(funnel.target(), null, "transparent", null, null, null, null);
        String xTitle = denominatorWords(indicator);
        String title = indicator.title() + " by size: " + ExplorerText.setName(funnel.comparison(), own)
                + ", year ending 31 March " + funnel.year();
        ChartOptions options = Charts.funnel(title, xTitle, ValueFormat.count(), Units.chartFormat(indicator),
                        Series.points("Other authorities", others), Series.points(own.name(), mine), limits, unlabelled)
                .withDownload(indicator.id() + "-funnel-" + funnel.comparison().id() + "-" + funnel.year());
        List<Authority> members = snapshot.members(funnel.comparison(), own.laCode());
        int withFigures = (int) members.stream().map(m -> snapshot.la(m.laCode(), funnel.year(), indicator.id()))
                .filter(f -> f.numerator() != null && f.denominator() != null && f.denominator() > 0).count();
        return new FunnelChart(options, List.copyOf(codes),
                ExplorerText.funnelSentence(funnel, own, ExplorerText.behind(withFigures, members.size())),
                table(snapshot, own, funnel, title, xTitle, suppress));
    }

    /**
     * One limit as a line down the lower side and, after a gap, along the upper side: the two
     * sides are one series, named once in the legend.
     */
    static Series limit(String name, List<double[]> rows, int lower, int upper) {
        List<Point> points = new ArrayList<>();
        rows.forEach(row -> points.add(Point.at(row[0], row[lower])));
        points.add(Point.at(rows.get(rows.size() - 1)[0], null));
        rows.forEach(row -> points.add(Point.at(row[0], row[upper])));
        return Series.points(name, points);
    }

    /** The x axis: what the denominator counts. */
    static String denominatorWords(Indicator indicator) {
        return switch (indicator.unit()) {
            case RATE_10K -> "Children aged 0 to 17 in the authority";
            case PER_100 -> "Children looked after";
            default -> "Size (the number the percentage is of)";
        };
    }

    private static DataTable table(MartSnapshot snapshot, Authority own, Funnel funnel, String title, String xTitle, boolean suppress) {
        Indicator indicator = funnel.indicator();
        List<List<Cell>> rows = new ArrayList<>();
        Set<String> drawn = new HashSet<>();
        List<FunnelPoint> points = new ArrayList<>(funnel.points());
        points.sort(Comparator.comparing((FunnelPoint p) -> !p.authority().equals(own)).thenComparing(p -> p.authority().name()));
        for (FunnelPoint point : points) {
            drawn.add(point.authority().laCode());
            rows.add(List.of(Cell.text(point.authority().name()),
                    Cell.number(ExplorerText.count(point.denominator()), point.denominator()),
                    Cell.number(point.shown().text(), point.shown().value()),
                    Cell.text(capitalise(funnel.position(point)))));
        }
        for (Authority member : snapshot.members(funnel.comparison(), own.laCode())) {
            if (!drawn.contains(member.laCode())) {
                Shown shown = snapshot.show(snapshot.la(member.laCode(), funnel.year(), indicator.id()), suppress);
                rows.add(shown.value() == null
                        ? List.of(Cell.text(member.name()), Cell.text(shown.text()), Cell.text(shown.text()), Cell.text("Not shown"))
                        : List.of(Cell.text(member.name()), Cell.text("Not known"), Cell.number(shown.text(), shown.value()),
                                Cell.text("Not in the plot: no denominator")));
            }
        }
        List<Authority> members = snapshot.members(funnel.comparison(), own.laCode());
        return new DataTable(title, ExplorerText.context(indicator, ExplorerText.areas(funnel.comparison(), members),
                        ExplorerText.year(funnel.year()),
                        ExplorerText.sources(members.stream().map(m -> snapshot.la(m.laCode(), funnel.year(), indicator.id())).toList())
                                + "; target line: " + ExplorerText.target(funnel, own) + " (all the set's numerators over all its denominators)",
                        snapshot.builtAt()),
                List.of(Column.text("Authority"), Column.number(xTitle), Column.number(indicator.title()), Column.text("Position")),
                rows);
    }

    /** The authority of a clicked point: another authority's, never the chosen one's own. */
    Optional<String> laAt(int seriesIndex, int dataPointIndex) {
        return seriesIndex == OTHERS && dataPointIndex >= 0 && dataPointIndex < others.size()
                ? Optional.of(others.get(dataPointIndex)) : Optional.empty();
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
