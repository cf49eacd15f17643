package uk.iroinsight.dashboards.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import uk.iroinsight.dashboards.charts.Annotations.YAxisAnnotation;
import uk.iroinsight.dashboards.charts.ChartOptions.ColourRange;
import uk.iroinsight.dashboards.charts.ChartOptions.Fill;
import uk.iroinsight.dashboards.charts.ChartOptions.Legend;
import uk.iroinsight.dashboards.charts.ChartOptions.Markers;
import uk.iroinsight.dashboards.charts.ChartOptions.Pattern;
import uk.iroinsight.dashboards.charts.ChartOptions.PlotOptions;
import uk.iroinsight.dashboards.charts.ChartOptions.Stroke;
import uk.iroinsight.dashboards.charts.Series.Point;

/**
 * The dashboards' chart shapes, with their accessible description written from the data. Each
 * series differs from the others by more than colour: marker shape and dash pattern (lines),
 * fill pattern (stacked bars), a text label (the highlighted bar or point), the value in the
 * cell (heatmaps). Adjust the result with {@link ChartOptions}' {@code with...} methods.
 */
public final class Charts {

    private static final List<MarkerShape> SHAPES = List.of(MarkerShape.CIRCLE, MarkerShape.SQUARE, MarkerShape.TRIANGLE,
            MarkerShape.DIAMOND, MarkerShape.STAR, MarkerShape.CROSS, MarkerShape.PLUS);
    private static final List<Integer> DASHES = List.of(0, 6, 2, 10, 4, 8, 1);
    private static final List<String> PATTERNS = List.of("slantedLines", "circles", "horizontalLines", "squares", "verticalLines");

    private Charts() {
    }

    /**
     * A trend: one line per area over the years (the authority, its statistical neighbours, its
     * region, England), each with its own marker shape and dash pattern; null values are gaps.
     */
    public static ChartOptions trend(String title, ValueFormat format, List<String> years, List<Series> areas) {
        int n = areas.size();
        return ChartOptions.builder(ChartType.LINE)
                .title(title)
                .description(describe(title, "line chart", years, areas))
                .series(areas)
                .categories(years)
                .format(format)
                .tooltip(true, false)
                .stroke(new Stroke("straight", perSeries(n, i -> i == 0 ? 3 : 2), perSeries(n, i -> DASHES.get(i % DASHES.size()))))
                .markers(new Markers(perSeries(n, i -> 5), perSeries(n, i -> SHAPES.get(i % SHAPES.size())), 1))
                .legend(new Legend(true, "top", true))
                .build();
    }

    /**
     * A ranking: one bar per authority in the order given, the {@code highlighted} one in its own
     * colour, outlined and labelled with its name; {@code bands} (quartiles, say) shade the plot.
     */
    public static ChartOptions ranking(String title, ValueFormat format, String seriesName, List<Point> bars, int highlighted,
                                       List<YAxisAnnotation> bands) {
        List<Point> coloured = new ArrayList<>(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Point bar = bars.get(i);
            coloured.add(i == highlighted ? bar.highlighted(Palette.HIGHLIGHT, Palette.TEXT) : bar.highlighted(Palette.MUTED, null));
        }
        Point own = bars.get(highlighted);
        String ownName = String.valueOf(own.x());
        String description = title + ": bar chart of " + bars.size() + " authorities in rank order; " + ownName + " highlighted"
                + (own.y() == null ? ", no data" : ", " + format.format(own.y())) + ", " + ordinal(highlighted + 1) + " of " + bars.size() + ".";
        Annotations annotations = Annotations.of(bands,
                own.y() == null ? List.of() : List.of(Annotations.point(own.x(), own.y(), ownName)));
        return ChartOptions.builder(ChartType.BAR)
                .title(title)
                .description(description)
                .series(Series.points(seriesName, coloured))
                .format(format)
                .annotations(annotations)
                .colors(List.of(Palette.MUTED))
                .tooltip(false, true)
                .stroke(new Stroke(null, List.of(2), null)) // the bars' own strokeColor: only the highlighted one differs
                .plotOptions(new PlotOptions(new ChartOptions.Bar(false, "80%"), null))
                .legend(new Legend(false, null, null))
                .build();
    }

    /**
     * A funnel plot: every authority's value against its size ({@code others}, grey circles),
     * the viewer's own ({@code own}, a large star in the highlight colour), control limits as
     * dashed lines of points ({@code limits}) and the average as a labelled line.
     */
    public static ChartOptions funnel(String title, String xTitle, ValueFormat xFormat, ValueFormat format, Series others, Series own,
                                      List<Series> limits, YAxisAnnotation average) {
        List<Series> all = new ArrayList<>();
        all.add(others.drawnAs(ChartType.SCATTER).coloured(Palette.MUTED));
        all.add(own.drawnAs(ChartType.SCATTER).coloured(Palette.HIGHLIGHT));
        limits.forEach(limit -> all.add(limit.drawnAs(ChartType.LINE).coloured(Palette.TEXT)));
        int n = all.size();
        return ChartOptions.builder(ChartType.LINE)
                .title(title)
                .description(title + ": funnel plot of " + others.data().size() + " authorities by " + xTitle + ", with "
                        + own.name() + " highlighted and " + limits.size() + " control limits: "
                        + limits.stream().map(Series::name).collect(Collectors.joining(", ")) + ".")
                .series(all)
                .numericX(xFormat)
                .xTitle(xTitle)
                .format(format)
                .annotations(Annotations.of(List.of(average), List.of()))
                .colors(all.stream().map(Series::color).toList())
                .tooltip(false, true)
                .stroke(new Stroke("straight", perSeries(n, i -> i < 2 ? 0 : 2), perSeries(n, i -> i < 2 ? 0 : DASHES.get(1 + (i - 2) % 3))))
                .markers(new Markers(perSeries(n, i -> i == 0 ? 5 : i == 1 ? 9 : 0),
                        perSeries(n, i -> i == 0 ? MarkerShape.CIRCLE : i == 1 ? MarkerShape.STAR : MarkerShape.LINE), 1))
                .legend(new Legend(true, "top", null))
                .build();
    }

    /**
     * Stacked bars of a whole split into parts (the PN0–PN7 mix per year): each part in its own
     * colour, every other light one in a fill pattern too, with its value written on it.
     */
    public static ChartOptions stacked(String title, ValueFormat format, List<String> categories, List<Series> parts) {
        int n = parts.size();
        List<String> colours = perSeries(n, i -> Palette.OKABE_ITO.get(i % Palette.OKABE_ITO.size()));
        // A pattern leaves the bar mostly white, so only light colours take one: black text stays readable.
        List<Boolean> patterned = perSeries(n, i -> i % 2 == 1 && Palette.textOn(colours.get(i)).equals("#000000"));
        return ChartOptions.builder(ChartType.BAR)
                .stacked()
                .title(title)
                .description(describe(title, "stacked bar chart", categories, parts))
                .series(parts)
                .categories(categories)
                .format(format)
                .colors(colours)
                .dataLabels(perSeries(n, i -> patterned.get(i) ? "#000000" : Palette.textOn(colours.get(i))))
                .tooltip(true, false)
                .fill(new Fill(perSeries(n, i -> patterned.get(i) ? "pattern" : "solid"), new Pattern(perSeries(n, i -> PATTERNS.get(i / 2 % PATTERNS.size())))))
                .plotOptions(new PlotOptions(new ChartOptions.Bar(false, "70%"), null))
                .legend(new Legend(true, "bottom", null))
                .build();
    }

    /**
     * A heatmap: one row per series (points with the column as x), the first row at the top,
     * coloured by {@code ranges}, which the legend names, and the value written in every cell.
     * ApexCharts draws the first series at the bottom, so the options hold the rows reversed
     * (a click's series index counts in that order; {@link ChartClickEvent#getSeries()} is the row).
     */
    public static ChartOptions heatmap(String title, ValueFormat format, List<Series> rows, List<ColourRange> ranges) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("a heatmap needs its colour ranges");
        }
        List<Series> bottomUp = new ArrayList<>(rows);
        Collections.reverse(bottomUp);
        List<String> columns = rows.isEmpty() ? List.of() : rows.get(0).data().stream()
                .map(datum -> datum instanceof Point point ? String.valueOf(point.x()) : "").toList();
        return ChartOptions.builder(ChartType.HEATMAP)
                .title(title)
                .description(describe(title, "heatmap", columns, rows))
                .series(bottomUp)
                .format(format)
                .dataLabels(List.of("#000000"))
                .colors(List.of(Palette.OKABE_ITO.get(0)))
                .tooltip(false, true)
                .plotOptions(new PlotOptions(null, new ChartOptions.Heatmap(new ChartOptions.ColorScale(ranges))))
                .legend(new Legend(true, "bottom", null))
                .build();
    }

    /** "Reviews on time: line chart, 2016 to 2025, 4 series: A, B, C, D." */
    static String describe(String title, String kind, List<String> categories, List<Series> series) {
        StringBuilder text = new StringBuilder(title).append(": ").append(kind);
        if (!categories.isEmpty()) {
            text.append(", ").append(categories.get(0));
            if (categories.size() > 1) {
                text.append(" to ").append(categories.get(categories.size() - 1));
            }
        }
        text.append(", ").append(series.size()).append(" series: ")
                .append(series.stream().map(Series::name).collect(Collectors.joining(", "))).append('.');
        return text.toString();
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static <T> List<T> perSeries(int n, IntFunction<T> value) {
        return n == 0 ? Collections.emptyList() : IntStream.range(0, n).mapToObj(value).toList();
    }
}
