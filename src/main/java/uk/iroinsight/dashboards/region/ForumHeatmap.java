package uk.iroinsight.dashboards.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.iroinsight.dashboards.charts.ChartOptions;
import uk.iroinsight.dashboards.charts.ChartOptions.ColourRange;
import uk.iroinsight.dashboards.charts.Charts;
import uk.iroinsight.dashboards.charts.Series;
import uk.iroinsight.dashboards.charts.Series.Point;
import uk.iroinsight.dashboards.charts.ValueFormat;
import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.MartSnapshot.HeatCell;
import uk.iroinsight.dashboards.data.MartSnapshot.Heatmap;

/**
 * The regional forum's heatmap: each cell's text (the value as shown and the rank in the region,
 * "94.2 (2nd)") and its shade, the quarter of the region the rank falls in. The chart plots the
 * shade's code, never the figure, so the colour scale works across indicators of different units
 * and a hidden figure has nothing to leak; the text carries the figure.
 */
final class ForumHeatmap {

    /** A cell's colour, with the words the legend gives it. Black text reads on each at better than 4.5:1. */
    enum Shade {
        BEST(1, "#5AAEE0", "Best quarter of the region"),
        SECOND(2, "#B9DDF3", "Second quarter"),
        THIRD(3, "#F8D2A6", "Third quarter"),
        WORST(4, "#EE9A4D", "Worst quarter of the region"),
        NO_DIRECTION(5, "#CDD2D7", "Neither higher nor lower is better (no rank)"),
        NO_FIGURE(6, "#F2F3F4", "No figure to show ([c] hidden, [x] not available)");

        final int code;
        final String colour;
        final String words;

        Shade(int code, String colour, String words) {
            this.code = code;
            this.colour = colour;
            this.words = words;
        }
    }

    /** The authority and indicator a cell stands for: where a click drills to. */
    record Target(String la, String indicator) {
    }

    private ForumHeatmap() {
    }

    /**
     * The quarter of the region a rank falls in, by its position p from best (0) to worst (1):
     * p up to 1/4 best, up to 1/2 second, below 3/4 third, from 3/4 worst. The outer quarters are
     * symmetric: in a region of ten the top three and the bottom three take them. Worked in whole
     * numbers, so the edges are exact. A lone ranked figure counts as best.
     */
    static Shade quarter(int rank, int ranked) {
        if (rank < 1 || rank > Math.max(ranked, 1)) {
            throw new IllegalArgumentException("rank " + rank + " of " + ranked);
        }
        int steps = Math.max(ranked - 1, 0);  // p = (rank - 1) / steps
        int from = rank - 1;
        if (4 * from <= steps) {
            return Shade.BEST;
        }
        if (2 * from <= steps) {
            return Shade.SECOND;
        }
        return 4 * from < 3 * steps ? Shade.THIRD : Shade.WORST;
    }

    static Shade shade(HeatCell cell) {
        if (cell == null || cell.shown().value() == null) {
            return Shade.NO_FIGURE;
        }
        if (cell.rank() == null) {
            return Shade.NO_DIRECTION;
        }
        return quarter(cell.rank(), cell.of());
    }

    /** "94.2 (2nd)", "65.3" (no rank for an indicator without polarity), "[c]". */
    static String text(HeatCell cell) {
        if (cell == null) {
            return "[x]";
        }
        return cell.shown().text() + (cell.rank() == null || cell.shown().value() == null ? "" : " (" + ordinal(cell.rank()) + ")");
    }

    static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** The colour scale, one range per shade, named in words for the legend. */
    static List<ColourRange> ranges() {
        return java.util.Arrays.stream(Shade.values()).map(s -> new ColourRange(s.code, s.code, s.colour, s.words)).toList();
    }

    /** The chart: a row per authority (the region's order), a column per key indicator. */
    static ChartOptions options(String title, Heatmap heatmap, List<ForumColumns.Column> columns) {
        List<Series> rows = new ArrayList<>();
        for (Authority authority : heatmap.rows()) {
            List<Point> cells = new ArrayList<>();
            for (ForumColumns.Column column : columns) {
                HeatCell cell = heatmap.cell(authority.laCode(), column.indicator().id());
                cells.add(Point.at(column.label(), (double) shade(cell).code).labelled(text(cell)));
            }
            rows.add(Series.points(authority.name(), cells));
        }
        return Charts.heatmap(title, ValueFormat.count(), rows, ranges())
                .withDescription(title + ": heatmap of " + heatmap.rows().size() + " authorities (rows) by " + columns.size()
                        + " indicators (columns). Each cell shows the authority's value and its rank in the region, 1st best; "
                        + "its colour shows the quarter of the region the rank falls in. Choosing a cell opens that authority's "
                        + "indicator in the explorer.")
                .withHeight(Math.max(320, 60 + 44 * heatmap.rows().size()));
    }

    /**
     * The cell a click chose. The chart holds the rows bottom-up ({@link Charts#heatmap}), so
     * series index 0 is the last authority; the point index is the column.
     */
    static Optional<Target> target(int seriesIndex, int dataPointIndex, List<Authority> rows, List<ForumColumns.Column> columns) {
        int row = rows.size() - 1 - seriesIndex;
        if (row < 0 || row >= rows.size() || dataPointIndex < 0 || dataPointIndex >= columns.size()) {
            return Optional.empty();
        }
        return Optional.of(new Target(rows.get(row).laCode(), columns.get(dataPointIndex).indicator().id()));
    }
}
