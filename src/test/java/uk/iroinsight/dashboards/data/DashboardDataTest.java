package uk.iroinsight.dashboards.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.dashboards.DemoWarehouse;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.indicators.Disclosure;
import uk.iroinsight.indicators.MartsRebuilt;
import uk.iroinsight.security.Access;
import uk.iroinsight.warehouse.Warehouse;

/** The dashboards' query layer against the East Midlands demo warehouse, checked against SQL on the marts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardDataTest {

    /** The raw figures: what an administrator sees. */
    private static final Access ADMIN = Access.admin("test");

    private Warehouse warehouse;
    private DashboardData data;
    private MartSnapshot snapshot;

    @BeforeAll
    void open(@TempDir Path folder) {
        warehouse = Warehouse.open(DemoWarehouse.copyTo(folder.resolve("w.duckdb")));
        data = new DashboardData(warehouse, Catalogue.load());
        snapshot = data.snapshot(ADMIN);
    }

    @AfterAll
    void close() {
        data.close();
        warehouse.close();
    }

    @Test
    void theSnapshotHoldsEveryRowOfTheIndicatorMartAsArrowReadIt() throws Exception {
        assertThat(snapshot.figures()).hasSize((int) sqlNumber("SELECT count(*) FROM mart_indicator"));
        assertThat(snapshot.fingerprint()).isEqualTo(sqlText("SELECT fingerprint FROM mart_build"));
        assertThat(snapshot.builtAt()).isNotNull();
        assertThat(snapshot.authorities()).hasSize((int) sqlNumber("SELECT count(*) FROM dim_authority WHERE is_current"));
        assertThat(snapshot.years()).contains(2022, 2025);
    }

    @Test
    void anAuthoritysOwnFigureIsTheRecordsOneWhereLoadedAndThePublishedOneElsewhere() throws Exception {
        Figure nottinghamshire = snapshot.la("891", 2024, "cla_31mar");
        assertThat(nottinghamshire.source()).isEqualTo("records");
        assertThat(nottinghamshire.value()).isEqualTo(sqlNumber(
                "SELECT value FROM mart_indicator WHERE area_type='la' AND la_code='891' AND year=2024 AND indicator='cla_31mar' AND source='records'"));
        Figure staffordshire = snapshot.la("860", 2024, "cla_31mar"); // a neighbour that is not loaded
        assertThat(staffordshire.source()).isEqualTo("published");
        assertThat(staffordshire.value()).isEqualTo(sqlNumber(
                "SELECT value FROM mart_indicator WHERE area_type='la' AND la_code='860' AND year=2024 AND indicator='cla_31mar' AND source='published'"));
        assertThat(snapshot.la("891", 2024, "no_such_indicator").status()).isEqualTo("not_available");
    }

    @Test
    void comparatorsAreRecordsWhenEveryAuthorityIsLoadedAndPublishedOtherwise() {
        // The whole East Midlands is loaded: its records figure stands for the region.
        assertThat(snapshot.region("891", 2024, "cla_31mar").source()).isEqualTo("records");
        assertThat(snapshot.region("891", 2024, "cla_31mar").coverage()).isEqualTo(10);
        // England and Nottinghamshire's neighbours are mostly not loaded: DfE's figures stand for them.
        assertThat(snapshot.england(2024, "cla_31mar").source()).isEqualTo("published");
        assertThat(snapshot.snMean("891", 2024, "cla_31mar").source()).isEqualTo("published");
        // Nobody publishes participation: the records figure over what is loaded, saying how many.
        Figure participation = snapshot.england(2024, "participation_pct");
        assertThat(participation.source()).isEqualTo("records");
        assertThat(participation.coverage()).isEqualTo(10);
    }

    @Test
    void aRankingOfTheStatisticalNeighboursPutsTheBestFirstAndTheChosenAuthorityInIt() {
        MartSnapshot.Ranking ranking = snapshot.ranking("stability_3plus_pct", 2024, Comparison.SN, "891", true);
        Authority nottinghamshire = snapshot.authority("891").orElseThrow();
        assertThat(ranking.entries()).hasSize(1 + nottinghamshire.neighbours().size());
        assertThat(ranking.entries().get(ranking.indexOfOwn()).authority().laCode()).isEqualTo("891");
        List<Double> values = ranking.entries().stream().map(r -> r.shown().value()).filter(v -> v != null).toList();
        assertThat(values).isSortedAccordingTo((a, b) -> Double.compare(a, b)); // lower is better: ascending
        assertThat(ranking.entries().get(0).rank()).isEqualTo(1);
        assertThat(ranking.quartiles()).hasSize(3);
        assertThat(ranking.quartiles().get(0)).isLessThanOrEqualTo(ranking.quartiles().get(1));

        MartSnapshot.Ranking region = snapshot.ranking("reviews_on_time_pct", 2024, Comparison.REGION, "891", true);
        assertThat(region.entries()).hasSize(10);
        List<Double> higherFirst = region.entries().stream().map(r -> r.shown().value()).filter(v -> v != null).toList();
        assertThat(higherFirst).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(snapshot.ranking("cla_31mar", 2024, Comparison.ALL, "891", true).entries()).hasSize(snapshot.authorities().size());
    }

    @Test
    void aSuppressedFigureHasNoValueNoRankAndComesLast() {
        // Rutland is small: some of its counts are 1 to 5 and must not be drawn for a viewer.
        for (String indicator : List.of("disputes_raised", "cafcass_referrals", "reviews_overdue_31mar", "starts")) {
            MartSnapshot.Ranking ranking = snapshot.ranking(indicator, 2024, Comparison.REGION, "857", true);
            boolean seenHidden = false;
            for (MartSnapshot.Ranked entry : ranking.entries()) {
                if (entry.shown().suppressed()) {
                    assertThat(entry.shown().value()).isNull();
                    assertThat(entry.rank()).isNull();
                    assertThat(entry.shown().text()).isEqualTo(Disclosure.SUPPRESSED);
                    seenHidden = true;
                } else if (seenHidden && entry.shown().value() != null) {
                    throw new AssertionError("a shown figure after a hidden one in " + indicator);
                }
            }
        }
    }

    @Test
    void theFunnelTargetIsTheSetsPooledValueWithLimitsAroundIt() throws Exception {
        MartSnapshot.Funnel funnel = snapshot.funnel("reviews_on_time_pct", 2024, Comparison.REGION, "891", false).orElseThrow();
        double pooled = sqlNumber("""
                SELECT sum(numerator) / sum(denominator) * 100 FROM mart_indicator
                WHERE area_type='la' AND source='records' AND year=2024 AND indicator='reviews_on_time_pct'
                  AND la_code IN ('831','830','856','855','925','940','941','892','891','857')""");
        assertThat(funnel.target()).isCloseTo(pooled, within(1e-9));
        assertThat(funnel.points()).hasSize(10);
        for (double[] limit : funnel.limits()) {
            assertThat(limit[1]).isLessThanOrEqualTo(limit[2]);
            assertThat(limit[2]).isLessThanOrEqualTo(funnel.target());
            assertThat(limit[3]).isGreaterThanOrEqualTo(funnel.target());
            assertThat(limit[4]).isGreaterThanOrEqualTo(limit[3]).isLessThanOrEqualTo(100);
        }
        // Limits narrow as the denominator grows.
        double[] first = funnel.limits().get(0);
        double[] last = funnel.limits().get(funnel.limits().size() - 1);
        assertThat(last[4] - last[1]).isLessThan(first[4] - first[1]);
        assertThat(snapshot.funnel("cla_31mar", 2024, Comparison.REGION, "891", false)).isEmpty(); // a count has no funnel
    }

    @Test
    void theHeatmapRanksEachIndicatorWithinTheRegion() {
        MartSnapshot.Heatmap heatmap = snapshot.heatmap("E12000004", 2024, List.of("reviews_on_time_pct", "cla_rate_10k"), true);
        assertThat(heatmap.regionName()).isEqualTo("East Midlands");
        assertThat(heatmap.rows()).hasSize(10);
        MartSnapshot.HeatCell best = heatmap.rows().stream().map(a -> heatmap.cell(a.laCode(), "reviews_on_time_pct"))
                .filter(c -> c.rank() != null && c.rank() == 1).findFirst().orElseThrow();
        for (Authority authority : heatmap.rows()) {
            MartSnapshot.HeatCell cell = heatmap.cell(authority.laCode(), "reviews_on_time_pct");
            if (cell.shown().value() != null) {
                assertThat(cell.shown().value()).isLessThanOrEqualTo(best.shown().value());
            }
            assertThat(heatmap.cell(authority.laCode(), "cla_rate_10k").rank()).isNull(); // no better or worse
        }
    }

    @Test
    void directionOfTravelFollowsPolarity() {
        Figure now = snapshot.la("891", 2025, "reviews_on_time_pct");
        Figure before = snapshot.la("891", 2024, "reviews_on_time_pct");
        Judgement.Direction direction = snapshot.direction("891", 2025, "reviews_on_time_pct", true);
        int change = java.math.BigDecimal.valueOf(now.value()).setScale(1, java.math.RoundingMode.HALF_UP)
                .compareTo(java.math.BigDecimal.valueOf(before.value()).setScale(1, java.math.RoundingMode.HALF_UP));
        assertThat(direction).isEqualTo(change > 0 ? Judgement.Direction.IMPROVING
                : change < 0 ? Judgement.Direction.WORSENING : Judgement.Direction.NO_CHANGE);
        assertThat(snapshot.direction("891", 2022, "reviews_on_time_pct", true)).isEqualTo(Judgement.Direction.UNKNOWN);
    }

    @Test
    void breakdownsComeFromTheMartAndAddUpToTheTotal() {
        List<DashboardData.BreakdownRow> ages = data.breakdown(ADMIN, "891", 2024, "cla_31mar", "age_band");
        assertThat(ages).isNotEmpty();
        assertThat(ages.stream().mapToDouble(DashboardData.BreakdownRow::numerator).sum())
                .isEqualTo(snapshot.la("891", 2024, "cla_31mar").numerator());
        assertThat(ages).extracting(DashboardData.BreakdownRow::order).isSorted();
        assertThat(data.breakdown(ADMIN, "891", 2024, "cla_31mar", "age_band")).isSameAs(ages); // cached
        assertThat(data.breakdown(ADMIN, "860", 2024, "cla_31mar", "age_band")).isEmpty(); // not loaded
    }

    @Test
    void aRebuildOfTheMartsReplacesTheSnapshotWhole() throws Exception {
        MartSnapshot before = data.snapshot(ADMIN);
        warehouse.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("UPDATE mart_build SET fingerprint = 'changed'");
                statement.execute("UPDATE mart_indicator SET value = value + 1 WHERE la_code = '891' AND year = 2024 AND indicator = 'cla_31mar' AND area_type = 'la' AND source = 'records'");
            }
            return null;
        });
        try {
            assertThat(data.snapshot(ADMIN)).isSameAs(before); // nothing announced yet
            data.onMartsRebuilt(new MartsRebuilt("changed"));
            MartSnapshot after = data.snapshot(ADMIN);
            assertThat(after).isNotSameAs(before);
            assertThat(after.la("891", 2024, "cla_31mar").value()).isEqualTo(before.la("891", 2024, "cla_31mar").value() + 1);
            assertThat(before.la("891", 2024, "cla_31mar").value()).isEqualTo(snapshot.la("891", 2024, "cla_31mar").value());
        } finally {
            warehouse.write(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("UPDATE mart_build SET fingerprint = '" + before.fingerprint() + "'");
                    statement.execute("UPDATE mart_indicator SET value = value - 1 WHERE la_code = '891' AND year = 2024 AND indicator = 'cla_31mar' AND area_type = 'la' AND source = 'records'");
                }
                return null;
            });
            data.refresh();
        }
    }

    private double sqlNumber(String sql) throws Exception {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getDouble(1);
        }
    }

    private String sqlText(String sql) throws Exception {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    // ------------------------------------------------------------------ disclosure in the query layer

    @Test
    void aViewersSnapshotHoldsNoFigureTheSizeRuleHides() {
        MartSnapshot viewer = data.snapshot(Access.viewer("v"));
        assertThat(data.snapshot(Access.NOBODY)).isSameAs(viewer); // nobody signed in sees no more than a viewer
        assertThat(data.snapshot(Access.analyst("a", "891"))).isSameAs(data.snapshot(ADMIN)); // analysts see aggregates unsuppressed
        assertThat(viewer.figures()).hasSameSizeAs(snapshot.figures());
        int hidden = 0;
        for (Figure figure : viewer.figures()) {
            var unit = snapshot.indicator(figure.indicator()).unit().id();
            if (figure.status().equals("suppressed")) {
                assertThat(figure.numerator()).isNull();
                assertThat(figure.denominator()).isNull();
                assertThat(figure.value()).isNull();
                assertThat(figure.rank()).isNull();
                assertThat(figure.quartileBand()).isNull();
                continue;
            }
            assertThat(Disclosure.show(new Disclosure.Figure(figure.numerator(), figure.denominator(), figure.value(),
                    figure.status(), unit), true).suppressed()).as("%s", figure).isFalse();
            assertThat(figure.excluded() == null || figure.excluded() == 0 || figure.excluded() > 5).as("%s", figure).isTrue();
        }
        for (Figure figure : snapshot.figures()) {
            if (!figure.status().equals("suppressed") && snapshot.show(figure, true).suppressed()) {
                hidden++;
            }
        }
        assertThat(hidden).as("the demo has small numbers to hide (Rutland)").isGreaterThan(50);
        assertThat(viewer.figures().stream().filter(f -> f.status().equals("suppressed")).count())
                .isGreaterThanOrEqualTo(snapshot.figures().stream().filter(f -> f.status().equals("suppressed")).count() + hidden);
    }

    @Test
    void aViewerCannotWorkOutAHiddenAuthorityFromItsRegionOrItsNeighboursMean() {
        MartSnapshot raw = data.snapshot(ADMIN);
        MartSnapshot viewer = data.snapshot(Access.viewer("v"));
        List<Authority> region = viewer.inRegion(viewer.authority("857").orElseThrow().regionCode());
        int secondary = 0, means = 0;
        for (int year : viewer.years()) {
            for (var indicator : viewer.catalogue().all()) {
                Figure total = viewer.region("857", year, indicator.id());
                long loaded = region.stream().filter(a -> viewer.isLoaded(a.laCode(), year)).count();
                if (total.isRecords() && total.hasValue() && loaded == region.size()) {
                    long hiddenHere = region.stream().filter(a -> viewer.la(a.laCode(), year, indicator.id()).status().equals("suppressed")
                            && viewer.la(a.laCode(), year, indicator.id()).isRecords()).count();
                    long hiddenRaw = region.stream().filter(a -> raw.show(raw.la(a.laCode(), year, indicator.id()), true).suppressed()).count();
                    // Never exactly one hidden authority under a shown regional total (unless none could take its place).
                    if (hiddenRaw == 1) {
                        assertThat(hiddenHere).as("%s %s", year, indicator.id()).isGreaterThanOrEqualTo(2);
                        secondary++;
                    }
                }
                for (Authority authority : region) {
                    Figure mean = viewer.snMean(authority.laCode(), year, indicator.id());
                    if (mean.isRecords() && mean.hasValue()) {
                        for (String neighbour : authority.neighbours()) {
                            Figure theirs = viewer.la(neighbour, year, indicator.id());
                            if (theirs.isRecords()) {
                                assertThat(theirs.status()).as("%s's neighbour %s %s %s", authority.name(), neighbour, year, indicator.id())
                                        .isNotEqualTo("suppressed");
                            }
                        }
                    } else if (mean.isRecords() && raw.snMean(authority.laCode(), year, indicator.id()).hasValue()) {
                        means++;
                    }
                }
            }
        }
        assertThat(secondary).as("the demo has lone small figures in the East Midlands").isPositive();
        assertThat(means).as("some neighbours' means are hidden for a small neighbour").isPositive();
    }

    @Test
    void aViewersBreakdownsComeWithSmallCellsAndTheirSecondaryCellsRemoved() throws Exception {
        Access viewer = Access.viewer("v");
        int cells = 0, masked = 0;
        for (String la : DemoWarehouse.LAS) {
            for (String[] key : warehouse.query("breakdowns", "SELECT DISTINCT indicator, dimension FROM mart_breakdown WHERE la_code = ? AND year = 2024",
                    row -> new String[] {row.getString(1), row.getString(2)}, la)) {
                List<DashboardData.BreakdownRow> raw = data.breakdown(ADMIN, la, 2024, key[0], key[1]);
                List<DashboardData.BreakdownRow> shown = data.breakdown(viewer, la, 2024, key[0], key[1]);
                assertThat(shown).hasSameSizeAs(raw);
                List<Disclosure.Shown> expected = Disclosure.breakdown(raw.stream().map(r -> r.forDisclosure(snapshot.indicator(key[0]))).toList(),
                        snapshot.la(la, 2024, key[0]).forDisclosure(snapshot.indicator(key[0])), true);
                for (int i = 0; i < raw.size(); i++) {
                    cells++;
                    DashboardData.BreakdownRow row = shown.get(i);
                    assertThat(row.category()).isEqualTo(raw.get(i).category());
                    if (expected.get(i).suppressed()) {
                        masked++;
                        assertThat(row.status()).isEqualTo("suppressed");
                        assertThat(row.numerator()).isNull();
                        assertThat(row.denominator()).isNull();
                        assertThat(row.value()).isNull();
                    } else {
                        assertThat(row).isEqualTo(raw.get(i));
                        assertThat(Disclosure.show(row.forDisclosure(snapshot.indicator(key[0])), true).suppressed())
                                .as("%s %s", la, row).isFalse();
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(1000);
        assertThat(masked).isGreaterThan(20);
    }

    @Test
    void aViewersDataQualityNotesDoNotCountFewerThanSix() {
        assertThat(MartSnapshot.discloseNote("3 of 40 left out: their period of care began before the loaded history. Based on 93%."))
                .isEqualTo("Fewer than 6 left out: their period of care began before the loaded history.");
        assertThat(MartSnapshot.discloseNote("12 of 40 left out: history not loaded. Based on 70%."))
                .isEqualTo("12 of 40 left out: history not loaded. Based on 70%.");
        assertThat(MartSnapshot.discloseNote("7 of 4 left out: x. Based on 1%.")).startsWith("Fewer than 6"); // a total of 1-5 gives a count away too
        assertThat(MartSnapshot.discloseNote("2 of 9120 rows in the files for 2024 were rejected at load; see the reject report."))
                .isEqualTo("Fewer than 6 rows in the files for 2024 were rejected at load; see the reject report.");
        assertThat(MartSnapshot.discloseNote("Something else entirely")).isEqualTo("Something else entirely");
        MartSnapshot viewer = data.snapshot(Access.viewer("v"));
        for (String la : DemoWarehouse.LAS) {
            for (String indicator : snapshot.catalogue().all().stream().map(i -> i.id()).toList()) {
                for (String note : viewer.notes(la, 2024, indicator)) {
                    assertThat(note).doesNotContainPattern("^[1-5] of ").doesNotContainPattern(" of [1-5] ");
                }
            }
        }
    }
}
