package uk.iroinsight.dashboards.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import uk.iroinsight.dashboards.DemoWarehouse;
import uk.iroinsight.dashboards.charts.Series;
import uk.iroinsight.dashboards.charts.Series.Datum;
import uk.iroinsight.dashboards.charts.Series.Point;
import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.dashboards.data.MartSnapshot.Ranked;
import uk.iroinsight.dashboards.data.MartSnapshot.Ranking;
import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.export.DataTable.Cell;
import uk.iroinsight.dashboards.export.DataTable.Context;
import uk.iroinsight.dashboards.layout.Units;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.security.Access;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.warehouse.Warehouse;

/** The explorer's three charts and their tables from the East Midlands demo warehouse, as a viewer sees them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerChartsTest {

    /** The JSON the browser gets, as ChartJson writes it: nulls left out. */
    private static final ObjectMapper JSON = JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private Warehouse warehouse;
    private DashboardData data;
    private MartSnapshot snapshot;
    private Authority notts;
    private Indicator onTime;

    @BeforeAll
    void open(@TempDir Path folder) {
        warehouse = Warehouse.open(DemoWarehouse.copyTo(folder.resolve("w.duckdb")));
        data = new DashboardData(warehouse, Catalogue.load());
        snapshot = data.snapshot(Access.admin("test")); // the figures as they are: the charts apply suppression themselves
        notts = snapshot.authority("891").orElseThrow();
        onTime = snapshot.indicator("reviews_on_time_pct");
    }

    @AfterAll
    void close() {
        warehouse.close();
    }

    @Test
    void theTrendDrawsTheAuthorityAndItsThreeComparatorsAsShownInEveryYearAndTheTableSaysTheSources() {
        TrendChart trend = TrendChart.of(snapshot, notts, onTime, 2024, true);

        assertThat(snapshot.years()).containsSubsequence(trend.years());
        for (int year : snapshot.years()) { // the years left out have no figure in any of the four series
            if (!trend.years().contains(year)) {
                assertThat(List.of(snapshot.la("891", year, onTime.id()), snapshot.snMean("891", year, onTime.id()),
                        snapshot.region("891", year, onTime.id()), snapshot.england(year, onTime.id()))).noneMatch(Figure::hasValue);
            }
        }
        assertThat(trend.years()).contains(2022, 2023, 2024, 2025);
        // DfE does not publish this one: the neighbours' mean is of those loaded, and its name says how many.
        Figure sn2024 = snapshot.snMean("891", 2024, onTime.id());
        assertThat(sn2024.isRecords()).isTrue();
        assertThat(trend.options().series()).extracting(Series::name)
                .containsExactly("Nottinghamshire", "Similar councils (mean of " + sn2024.coverage() + ")", "East Midlands", "England");
        assertThat(trend.table().rows()).hasSize(trend.years().size());
        for (int i = 0; i < trend.years().size(); i++) {
            int year = trend.years().get(i);
            List<Figure> figures = List.of(snapshot.la("891", year, onTime.id()), snapshot.snMean("891", year, onTime.id()),
                    snapshot.region("891", year, onTime.id()), snapshot.england(year, onTime.id()));
            List<Cell> row = trend.table().rows().get(i);
            assertThat(row.get(0).text()).isEqualTo(String.valueOf(year));
            for (int s = 0; s < 4; s++) {
                Double shown = snapshot.show(figures.get(s), true).value();
                assertThat(trend.options().series().get(s).data().get(i).y()).isEqualTo(shown);
                assertThat(row.get(1 + s).number()).isEqualTo(shown);
                assertThat(row.get(5 + s).text()).isEqualTo(ExplorerText.source(figures.get(s)));
            }
            assertThat(trend.yearAt(i)).contains(year);
        }
        assertThat(trend.yearAt(trend.years().size())).isEmpty();
        assertThat(trend.yearAt(-1)).isEmpty();
        assertThat(trend.options().annotations().points()).singleElement()
                .satisfies(point -> assertThat(point.label().text()).isEqualTo("2024 (chosen)"));
        assertThat(context(trend.table(), "Source")).isNotBlank();
        assertThat(context(trend.table(), "Years")).isEqualTo("Years ending 31 March 2022 to 2025");
        assertThat(context(trend.table(), "As of")).isNotEqualTo("not yet built");
    }

    @Test
    void theRankingDrawsTheShownAuthoritiesBestFirstWithTheChosenOneHighlightedAndClicksMapToTheirCodes() {
        RankingChart chart = RankingChart.of(snapshot, notts, onTime, 2024, Comparison.SN, true);
        Ranking ranking = snapshot.ranking(onTime.id(), 2024, Comparison.SN, "891", true);

        List<Datum> bars = chart.options().series().get(0).data();
        assertThat(bars).hasSize(ranking.ranked());
        List<Ranked> shown = ranking.entries().stream().filter(r -> r.rank() != null).toList();
        for (int i = 0; i < bars.size(); i++) {
            Point bar = (Point) bars.get(i);
            assertThat(bar.x()).isEqualTo(shown.get(i).authority().name());
            assertThat(bar.y()).isEqualTo(shown.get(i).shown().value());
            String code = shown.get(i).authority().laCode();
            assertThat(chart.laAt(i, "891")).isEqualTo(code.equals("891") ? java.util.Optional.empty() : java.util.Optional.of(code));
            assertThat(bar.fillColor()).isEqualTo(code.equals("891") ? "#D55E00" : "#7F8C99");
        }
        assertThat(chart.laAt(bars.size(), "891")).isEmpty();
        assertThat(chart.table().rows()).hasSize(ranking.entries().size());
        assertThat(chart.table().rows().get(0).get(0).text()).isEqualTo(shown.get(0).authority().name());
        assertThat(chart.sentence()).startsWith("Nottinghamshire is ").contains(" of " + ranking.ranked() + " among its statistical neighbours")
                .contains(ExplorerText.named(shown.get(shown.get(0).authority().laCode().equals("891") ? 1 : 0), onTime) + ".");
        assertThat(context(chart.table(), "Areas")).startsWith("Nottinghamshire and its " + notts.neighbours().size()
                + " statistical neighbours (similar councils): ");
        assertThat(context(chart.table(), "Year")).isEqualTo("Year ending 31 March 2024");

        if (ranking.ranked() < 4) { // too few for quartiles
            assertThat(chart.options().annotations().yaxis()).isNull();
        }
    }

    @Test
    void theRankingsQuartileBandsRunFromTheLowestShownValueToTheHighestLabelledByPolarity() {
        RankingChart chart = RankingChart.of(snapshot, notts, onTime, 2024, Comparison.REGION, true);
        Ranking ranking = snapshot.ranking(onTime.id(), 2024, Comparison.REGION, "891", true);
        List<Double> shown = ranking.entries().stream().filter(r -> r.rank() != null).map(r -> r.shown().value()).toList();

        var bands = chart.options().annotations().yaxis();
        List<String> labels = List.of("Quartile D (worst)", "Quartile C", "Quartile B", "Quartile A (best)");
        assertThat(bands).hasSize(4);
        for (int i = 0; i < 4; i++) { // a band too thin for its label has none: the words below name it
            var label = bands.get(i).label();
            assertThat(label == null || label.text().equals(labels.get(i))).as("band " + i).isTrue();
        }
        assertThat(chart.reading()).startsWith("Shaded and clear bands mark the quarters of the figures shown: Quartile A (best) ")
                .contains("; Quartile B ").contains("; Quartile C ").contains("; Quartile D (worst) ");
        assertThat(bands.get(0).y()).isEqualTo(shown.get(shown.size() - 1));
        assertThat(bands.get(0).y2()).isEqualTo(ranking.quartiles().get(0));
        assertThat(bands.get(2).y2()).isEqualTo(ranking.quartiles().get(2));
        assertThat(bands.get(3).y2()).isEqualTo(shown.get(0));
        assertThat(bands.get(1).fillColor()).isEqualTo("transparent"); // every other band shaded, so neighbours stay apart
        assertThat(chart.options().series().get(0).data()).hasSize(10);
    }

    @Test
    void theRankingsValueAxisStartsAtZeroUnlessEveryValueIsFarFromIt() {
        assertThat(RankingChart.axisFloor(List.of(79.2, 93.6))).isEqualTo(70.0);
        assertThat(RankingChart.axisFloor(List.of(92.0, 93.5))).isEqualTo(91.0);
        assertThat(RankingChart.axisFloor(List.of(10.0, 139.0))).isNull();
        assertThat(RankingChart.axisFloor(List.of(0.0, 5.0))).isNull();
        assertThat(RankingChart.axisFloor(List.of(50.0, 50.0))).isNull();
        assertThat(RankingChart.axisFloor(List.of())).isNull();
    }

    @Test
    void noSuppressedCountOfASmallAuthorityReachesTheChartsJson() throws Exception {
        Authority rutland = snapshot.authority("857").orElseThrow();
        Indicator disputes = snapshot.indicator("disputes_raised");
        List<Integer> small = new ArrayList<>();
        for (int year : snapshot.years()) {
            Figure figure = snapshot.la("857", year, disputes.id());
            if (figure.value() != null && figure.value() >= 1 && figure.value() <= 5) {
                small.add(year);
            }
        }
        assertThat(small).as("Rutland has a year with 1 to 5 disputes in the demo").isNotEmpty();

        for (int year : small) {
            RankingChart ranking = RankingChart.of(snapshot, rutland, disputes, year, Comparison.REGION, true);
            assertThat(values(JSON.writeValueAsString(ranking.options()))).noneMatch(v -> v > 0 && v <= 5);
            assertThat(ranking.notShown()).contains("Rutland [c]");
            assertThat(ranking.table().rows()).filteredOn(row -> row.get(0).text().equals("Rutland"))
                    .singleElement().satisfies(row -> assertThat(row.get(1)).isEqualTo(new Cell("[c]", null)));
        }
        TrendChart trend = TrendChart.of(snapshot, rutland, disputes, small.get(0), true);
        assertThat(values(JSON.writeValueAsString(trend.options().series().get(0)))).noneMatch(v -> v > 0 && v <= 5);
        assertThat(FunnelChart.of(snapshot, rutland, disputes, small.get(0), Comparison.REGION, true)).isEmpty();
        assertThat(FunnelChart.absence(disputes)).contains("is a count, so it has no funnel plot");
    }

    @Test
    void theFunnelPlotKeepsTheChosenAuthorityApartAndClicksOnTheOthersMapToTheirCodes() {
        FunnelChart funnel = FunnelChart.of(snapshot, notts, onTime, 2024, Comparison.REGION, true).orElseThrow();
        MartSnapshot.Funnel source = snapshot.funnel(onTime.id(), 2024, Comparison.REGION, "891", true).orElseThrow();

        List<Series> series = funnel.options().series();
        assertThat(series).extracting(Series::name).containsExactly("Other authorities", "Nottinghamshire", "95% limits", "99.8% limits",
                "East Midlands overall: " + Units.chartFormat(onTime).format(source.target()));
        assertThat(series.get(1).data()).singleElement().satisfies(own -> assertThat(own.y()).isEqualTo(
                snapshot.show(snapshot.la("891", 2024, onTime.id()), true).value()));
        assertThat(series.get(0).data()).hasSize(source.points().size() - 1);
        for (int i = 0; i < funnel.others().size(); i++) {
            String code = funnel.others().get(i);
            Point point = (Point) series.get(0).data().get(i);
            MartSnapshot.FunnelPoint expected = source.points().stream().filter(p -> p.authority().laCode().equals(code)).findFirst().orElseThrow();
            assertThat(point.x()).isEqualTo(expected.denominator());
            assertThat(point.y()).isEqualTo(expected.value());
            assertThat(funnel.laAt(0, i)).contains(code);
        }
        assertThat(funnel.others()).doesNotContain("891");
        assertThat(funnel.laAt(1, 0)).isEmpty();
        assertThat(funnel.laAt(2, 3)).isEmpty();
        // Each limit is one line down the lower side and one along the upper, with a gap between.
        assertThat(series.get(2).data()).hasSize(2 * source.limits().size() + 1);
        assertThat(series.get(2).data().get(source.limits().size()).y()).isNull();
        assertThat(series.get(4).data()).extracting(Datum::y).containsOnly(source.target());
        assertThat(funnel.sentence()).startsWith("Nottinghamshire (").contains(" lies ");
        assertThat(funnel.table().rows()).hasSize(snapshot.members(Comparison.REGION, "891").size());
        assertThat(funnel.table().rows().get(0).get(0).text()).isEqualTo("Nottinghamshire");
    }

    private static String context(DataTable table, String label) {
        return table.context().stream().filter(c -> c.label().equals(label)).map(Context::value).findFirst().orElseThrow();
    }

    /** Every y of every series' data in the options' JSON. */
    private static List<Double> values(String json) throws Exception {
        List<Double> values = new ArrayList<>();
        JsonNode root = JSON.readTree(json);
        List<JsonNode> series = new ArrayList<>();
        if (root.has("series")) {
            root.get("series").forEach(series::add);
        } else {
            series.add(root);
        }
        for (JsonNode one : series) {
            for (JsonNode datum : one.get("data")) {
                JsonNode y = datum.isObject() ? datum.get("y") : datum;
                if (y != null && y.isNumber()) {
                    values.add(y.asDouble());
                }
            }
        }
        return values;
    }
}
