package uk.iroinsight.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.etl.WarehouseContents;

/**
 * The marts as a whole, on the three-authority test inbox (891 with 2023 and 2024, 892 and 893
 * with 2024; some rows rejected on purpose): their grain, that breakdowns add up, that England
 * sums the authorities, and when they are rebuilt.
 */
class IndicatorMartsTest {

    @TempDir
    static Path folder;

    /** Loaded once: the tests only read, except the rebuild test, which restores the default flags. */
    private static MartFixture fixture;

    @BeforeAll
    static void loadThreeAuthorities() {
        fixture = MartFixture.in(folder).copyInbox(WarehouseContents.resource("inboxes/three-authorities")).loadAllowingRejects();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void everyLoadedLaYearHasEveryCatalogueIndicatorOnceAndNothingElseHasRecords() {
        int indicators = Catalogue.load().all().size();
        assertThat(fixture.rows("""
                SELECT la_code || '/' || year || ' ' || count(*) || ' ' || count(DISTINCT indicator) FROM mart_indicator
                WHERE area_type = 'la' AND source = 'records' GROUP BY la_code, year ORDER BY 1"""))
                .containsExactly("891/2023 " + indicators + " " + indicators, "891/2024 " + indicators + " " + indicators,
                        "892/2024 " + indicators + " " + indicators, "893/2024 " + indicators + " " + indicators);
        assertThat(fixture.rows("""
                SELECT count(*) FROM (SELECT area_type, area_code, year, indicator, source FROM mart_indicator
                                      GROUP BY ALL HAVING count(*) > 1)""")).containsExactly("0");
    }

    @Test
    void everyBreakdownAddsUpToItsAuthoritysFigure() {
        // For each LA-year, indicator and dimension: the categories' numerators and denominators
        // sum to the LA's own (medians carry none).
        assertThat(fixture.rows("SELECT count(*) FROM mart_breakdown")).doesNotContain("0");
        assertThat(fixture.rows("""
                SELECT b.la_code || '/' || b.year || ' ' || b.indicator || ' by ' || b.dimension
                FROM (SELECT la_code, year, indicator, dimension, sum(numerator) AS numerator, sum(denominator) AS denominator
                      FROM mart_breakdown GROUP BY ALL) b
                JOIN mart_indicator m ON m.area_type = 'la' AND m.source = 'records'
                     AND m.la_code = b.la_code AND m.year = b.year AND m.indicator = b.indicator
                WHERE b.numerator IS DISTINCT FROM m.numerator OR b.denominator IS DISTINCT FROM m.denominator""")).isEmpty();
    }

    @Test
    void englandSumsTheAuthoritiesThatHaveAValue() {
        // cla_31mar 2024: England (records) = 891 + 892 + 893, over 3 authorities.
        assertThat(fixture.rows("""
                SELECT e.numerator = (SELECT sum(numerator) FROM mart_indicator WHERE area_type = 'la' AND source = 'records'
                                      AND year = 2024 AND indicator = 'cla_31mar') AND e.coverage = 3
                FROM mart_indicator e
                WHERE area_type = 'england' AND source = 'records' AND year = 2024 AND indicator = 'cla_31mar'"""))
                .containsExactly("true");
    }

    @Test
    void theMartsAreRebuiltOnlyWhenAnInputChanged() throws SQLException {
        IndicatorMarts marts = fixture.marts();
        assertThat(marts.refreshIfStale()).as("nothing changed since load()").isFalse();
        fixture.rebuildWith(new IndicatorFlags(false, true, "CSSNBT_2025"));
        assertThat(fixture.rows("SELECT pn4_counts_as_participation FROM mart_build")).containsExactly("true");
        assertThat(fixture.marts().refreshIfStale()).isFalse();
        fixture.rebuildWith(IndicatorFlags.defaults());
        assertThat(fixture.rows("SELECT pn4_counts_as_participation FROM mart_build")).containsExactly("false");
    }

    @Test
    void rejectedRowsAreNotedPerLaYear() {
        assertThat(fixture.rows("SELECT la_code || '/' || year FROM mart_dq_note WHERE note = 'rejected_rows' ORDER BY 1"))
                .isNotEmpty()
                .allSatisfy(laYear -> assertThat(fixture.rows("SELECT rows_rejected > 0 FROM etl_la_year WHERE la_code || '/' || year = '"
                        + laYear + "'")).containsExactly("true"));
    }

    @Test
    void theReconciliationSetsRecordsAgainstPublishedFiguresPerLaYear() {
        // Nottinghamshire 2024: the fixture's 2 children in care at 31 March against the figure DfE
        // published (EES 2025, the newest release for 2024): difference = records - published; a
        // row for each of the eight published indicators, as the LA-year is loaded and published.
        assertThat(fixture.rows("""
                SELECT indicator || ' ' || records_value || ' ' || published_value || ' ' || difference || ' ' || published_release
                FROM mart_reconciliation WHERE la_code = '891' AND year = 2024 AND indicator = 'cla_31mar'"""))
                .singleElement().asString().startsWith("cla_31mar 2.0 ").endsWith(" EES 2025")
                .satisfies(row -> {
                    String[] parts = row.split(" ");
                    assertThat(Double.parseDouble(parts[1]) - Double.parseDouble(parts[2])).isEqualTo(Double.parseDouble(parts[3]));
                });
        assertThat(fixture.rows("SELECT count(*) FROM mart_reconciliation WHERE la_code = '891' AND year = 2024"))
                .containsExactly("8");
        // The preferred source: records for a loaded LA-year, published otherwise.
        assertThat(fixture.rows("""
                SELECT year || ' ' || source FROM mart_la_indicator WHERE la_code = '891' AND indicator = 'cla_31mar'
                AND year IN (2022, 2023, 2024) ORDER BY year""")).containsExactly("2022 published", "2023 records", "2024 records");
    }
}
