package uk.iroinsight.dashboards.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import uk.iroinsight.dashboards.charts.ChartOptions;
import uk.iroinsight.dashboards.charts.Palette;
import uk.iroinsight.dashboards.charts.Series.Point;
import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.MartSnapshot.HeatCell;
import uk.iroinsight.dashboards.data.MartSnapshot.Heatmap;
import uk.iroinsight.dashboards.region.ForumHeatmap.Shade;
import uk.iroinsight.dashboards.region.ForumHeatmap.Target;
import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.indicators.Disclosure.Shown;

class ForumHeatmapTest {

    private final Catalogue catalogue = Catalogue.load();

    @Test
    void inARegionOfTenTheTopThreeAndTheBottomThreeTakeTheOuterQuarters() {
        List<Shade> shades = IntStream.rangeClosed(1, 10).mapToObj(rank -> ForumHeatmap.quarter(rank, 10)).toList();
        assertThat(shades).containsExactly(Shade.BEST, Shade.BEST, Shade.BEST, Shade.SECOND, Shade.SECOND, Shade.THIRD, Shade.THIRD,
                Shade.WORST, Shade.WORST, Shade.WORST);
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(rank -> ForumHeatmap.quarter(rank, 5)).toList())
                .containsExactly(Shade.BEST, Shade.BEST, Shade.SECOND, Shade.WORST, Shade.WORST);
        assertThat(ForumHeatmap.quarter(1, 1)).isEqualTo(Shade.BEST);
    }

    @Test
    void aCellShowsItsValueAndRankAndIsGreyWithoutPolarityOrPaleWithoutAFigure() {
        HeatCell ranked = cell(94.2, "94.2", 2, 10);
        HeatCell unranked = cell(65.3, "65.3", null, 10);
        HeatCell hidden = new HeatCell(figure("reviews_on_time_pct", null), new Shown("[c]", true, null), null, 9);

        assertThat(ForumHeatmap.text(ranked)).isEqualTo("94.2 (2nd)");
        assertThat(ForumHeatmap.text(cell(80.0, "80.0", 11, 12))).isEqualTo("80.0 (11th)");
        assertThat(ForumHeatmap.text(unranked)).isEqualTo("65.3");
        assertThat(ForumHeatmap.text(hidden)).isEqualTo("[c]");
        assertThat(ForumHeatmap.text(null)).isEqualTo("[x]");
        assertThat(ForumHeatmap.shade(ranked)).isEqualTo(Shade.BEST);
        assertThat(ForumHeatmap.shade(cell(50.0, "50.0", 9, 10))).isEqualTo(Shade.WORST);
        assertThat(ForumHeatmap.shade(unranked)).isEqualTo(Shade.NO_DIRECTION);
        assertThat(ForumHeatmap.shade(hidden)).isEqualTo(Shade.NO_FIGURE);
    }

    @Test
    void everyShadeHasItsOwnRangeAndWordsAndBlackTextReadsOnIt() {
        List<ChartOptions.ColourRange> ranges = ForumHeatmap.ranges();
        assertThat(ranges).hasSize(Shade.values().length);
        for (Shade shade : Shade.values()) {
            ChartOptions.ColourRange range = ranges.get(shade.ordinal());
            assertThat(range.from()).isEqualTo(shade.code).isEqualTo(range.to());
            assertThat(range.name()).isEqualTo(shade.words).isNotBlank();
            assertThat(Palette.textOn(shade.colour)).isEqualTo("#000000");
            assertThat(contrastWithBlack(shade.colour)).as(shade.name()).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(ranges.stream().map(ChartOptions.ColourRange::color).distinct()).hasSize(ranges.size());
    }

    @Test
    void theChartHoldsRowsBottomUpAndAClickMapsBackToTheAuthorityAndIndicatorDrawnThere() {
        List<Authority> rows = List.of(authority("831", "Derby"), authority("830", "Derbyshire"), authority("857", "Rutland"));
        List<ForumColumns.Column> columns = List.of(new ForumColumns.Column(catalogue.get("reviews_on_time_pct"), "Reviews on time %"),
                new ForumColumns.Column(catalogue.get("cla_rate_10k"), "CLA per 10,000"));
        Map<String, Map<String, HeatCell>> cells = new HashMap<>();
        cells.put("831", Map.of("reviews_on_time_pct", cell(91.0, "91.0", 2, 3), "cla_rate_10k", cell(80.0, "80.0", null, 3)));
        cells.put("830", Map.of("reviews_on_time_pct", cell(95.0, "95.0", 1, 3)));
        Heatmap heatmap = new Heatmap("E12000004", "East Midlands", 2024, List.of(), rows, cells);

        ChartOptions options = ForumHeatmap.options("Key indicators", heatmap, columns);

        assertThat(options.series()).extracting(s -> s.name()).containsExactly("Rutland", "Derbyshire", "Derby");
        Point derbyOnTime = (Point) options.series().get(2).data().get(0);
        assertThat(derbyOnTime.label()).isEqualTo("91.0 (2nd)");
        assertThat(derbyOnTime.y()).isEqualTo(Shade.SECOND.code);
        assertThat(((Point) options.series().get(0).data().get(1)).label()).isEqualTo("[x]");
        assertThat(options.chart().height()).isGreaterThanOrEqualTo(320);

        assertThat(ForumHeatmap.target(0, 0, rows, columns)).contains(new Target("857", "reviews_on_time_pct"));
        assertThat(ForumHeatmap.target(2, 1, rows, columns)).contains(new Target("831", "cla_rate_10k"));
        assertThat(ForumHeatmap.target(1, 1, rows, columns)).contains(new Target("830", "cla_rate_10k"));
        assertThat(ForumHeatmap.target(3, 0, rows, columns)).isEmpty();
        assertThat(ForumHeatmap.target(0, 2, rows, columns)).isEmpty();
        assertThat(ForumHeatmap.target(-1, 0, rows, columns)).isEmpty();
    }

    private static HeatCell cell(double value, String text, Integer rank, int of) {
        return new HeatCell(figure("x", value), new Shown(text, false, value), rank, of);
    }

    private static Figure figure(String indicator, Double value) {
        return new Figure("la", "E0", "An authority", "000", 2024, indicator, "records", null, null, value,
                value == null ? "not_available" : "ok", null, null, null, null, null, null, null);
    }

    private static Authority authority(String code, String name) {
        return new Authority(code, "E0" + code, name, "E12000004", "East Midlands", "E12000004", List.of());
    }

    private static double contrastWithBlack(String hex) {
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            l += weights[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return (l + 0.05) / 0.05;
    }
}
