package uk.iroinsight.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference data loaded from the real files in etl/reference/, checked against known figures. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReferenceDataTest {

    @TempDir
    static Path folder;

    private static Warehouse warehouse;

    @BeforeAll
    static void load_the_reference_data_once() throws SQLException {
        warehouse = Warehouse.open(folder.resolve("w.duckdb"));
        warehouse.write(connection -> {
            ReferenceData.load(connection);
            return null;
        });
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    // --- authorities and neighbours ---------------------------------------------------------

    @Test
    void there_are_153_current_authorities_and_the_two_legacy_ones_Cumbria_and_Northamptonshire() throws SQLException {
        assertEquals(153L, value("SELECT count(*) FROM dim_authority WHERE is_current"));
        assertEquals(List.of(List.of("909", "Cumbria"), List.of("928", "Northamptonshire")),
                rows("SELECT la_code, la_name FROM dim_authority WHERE NOT is_current ORDER BY la_code"));
        assertEquals(List.of(List.of("E08000016", "Barnsley", "E12000003", true)),
                rows("SELECT ons_code, la_name, region_code, is_current FROM dim_authority WHERE la_code = '370'"));
        // London boroughs: DfE publication region Inner/Outer London, English region London
        assertEquals(List.of(List.of("E13000001", "E12000007")),
                rows("SELECT region_code, gor_code FROM dim_authority WHERE la_code = '201'"));
    }

    @Test
    void every_current_authority_has_ten_ranked_current_neighbours_in_the_2025_model() throws SQLException {
        List<List<Object>> incomplete = rows("""
                SELECT a.la_code, count(n.rank), count(DISTINCT n.rank), min(n.rank), max(n.rank),
                       count(nb.la_code) FILTER (WHERE nb.is_current)
                FROM dim_authority AS a
                LEFT JOIN ref_statistical_neighbour AS n ON n.la_code = a.la_code AND n.sn_model = 'CSSNBT_2025'
                LEFT JOIN dim_authority AS nb ON nb.la_code = n.neighbour_la_code
                WHERE a.is_current
                GROUP BY a.la_code
                HAVING NOT (count(n.rank) = 10 AND count(DISTINCT n.rank) = 10 AND min(n.rank) = 1 AND max(n.rank) = 10
                            AND count(nb.la_code) FILTER (WHERE nb.is_current) = 10)""");
        assertEquals(List.of(), incomplete);
        assertEquals(1530L, value("SELECT count(*) FROM ref_statistical_neighbour WHERE sn_model = 'CSSNBT_2025'"));
        // Barnsley's closest neighbour in 2025 is Rotherham
        assertEquals("372", value("""
                SELECT neighbour_la_code FROM ref_statistical_neighbour
                WHERE sn_model = 'CSSNBT_2025' AND la_code = '370' AND rank = 1"""));
    }

    @Test
    void the_2021_model_keeps_pre_2019_Dorset_and_Poole_as_neighbours_without_a_current_authority() throws SQLException {
        assertEquals(List.of(List.of("836", 6L, "835"), List.of("837", 3L, "836")), rows("""
                SELECT la_code, CAST(rank AS BIGINT), neighbour_old_code FROM ref_statistical_neighbour
                WHERE sn_model = 'CSSNBT_2021' AND neighbour_la_code IS NULL ORDER BY la_code"""));
        assertEquals(List.of("CSSNBT_2021", "CSSNBT_2025"),
                column("SELECT DISTINCT sn_model FROM ref_statistical_neighbour ORDER BY 1"));
    }

    // --- population and published figures --------------------------------------------------

    @Test
    void Barnsley_2025_is_366_children_over_51799_so_its_rate_70_7_is_published_as_71() throws SQLException {
        assertEquals(List.of(List.of(2025L, 51799L)), rows("""
                SELECT CAST(year AS BIGINT), CAST(population_0_17 AS BIGINT) FROM fact_population
                WHERE area_type = 'la' AND la_code = '370' AND mid_year = 2024"""));
        assertEquals("E08000016", value("SELECT area_code FROM fact_population WHERE la_code = '370' AND mid_year = 2024"));

        assertEquals(List.of(List.of(366.0, 366.0, "ok", "EES 2025")), rows("""
                SELECT value, numerator, status, release FROM fact_published_indicator
                WHERE indicator = 'cla_31mar' AND area_type = 'la' AND la_code = '370' AND year = 2025"""));
        List<Object> rate = rows("""
                SELECT value, numerator, denominator FROM fact_published_indicator
                WHERE indicator = 'cla_rate_10k' AND la_code = '370' AND year = 2025""").get(0);
        assertEquals(List.of(71.0, 366.0, 51799.0), rate);
        double computed = 366.0 / 51799.0 * 10_000;
        assertEquals(70.66, computed, 0.01);
        assertEquals(71L, Math.round(computed));

        // the published denominator of every EES 2025 rate is the mid-(year-1) estimate we hold
        assertEquals(0L, value("""
                SELECT count(*) FROM published_indicator_release AS r
                LEFT JOIN fact_population AS p
                       ON p.area_type = r.area_type AND p.area_code = r.area_code AND p.year = r.year
                WHERE r.release = 'EES 2025' AND r.indicator LIKE '%rate_10k' AND r.denominator IS NOT NULL
                  AND r.denominator IS DISTINCT FROM p.population_0_17"""));
    }

    @Test
    void a_suppressed_or_not_applicable_cell_becomes_a_status_with_no_value() throws SQLException {
        // City of London, 31 March 2025: 'c' in EES 2025 (LAIT shows '-')
        assertEquals(List.of(List.of("suppressed", "c", "EES 2025")), rows("""
                SELECT status, symbol, release FROM fact_published_indicator
                WHERE indicator = 'cla_31mar' AND la_code = '201' AND year = 2025 AND value IS NULL AND numerator IS NULL"""));
        assertEquals(List.of(List.of("not_available", "-")), rows("""
                SELECT status, symbol FROM published_indicator_release
                WHERE indicator = 'cla_31mar' AND la_code = '201' AND year = 2025 AND release = 'LAIT 2025' AND value IS NULL"""));
        // its rate keeps the published population as denominator
        assertEquals(List.of(List.of("suppressed", 847.0)), rows("""
                SELECT status, denominator FROM fact_published_indicator
                WHERE indicator = 'cla_rate_10k' AND la_code = '201' AND year = 2025 AND value IS NULL"""));
        // Isles of Scilly: 'z' (not applicable)
        assertEquals(List.of(List.of("not_available", "z")), rows("""
                SELECT status, symbol FROM fact_published_indicator
                WHERE indicator = 'cla_31mar' AND la_code = '420' AND year = 2025 AND value IS NULL"""));
        // no symbol is ever stored as a number, and every number is 'ok'
        assertEquals(0L, value("""
                SELECT count(*) FROM published_indicator_release
                WHERE (status = 'ok') <> (value IS NOT NULL) OR (status = 'ok') <> (symbol IS NULL)"""));
        assertEquals(List.of("-", "c", "z"), column("SELECT DISTINCT symbol FROM published_indicator_release WHERE symbol IS NOT NULL ORDER BY 1"));
    }

    @Test
    void England_and_regional_rows_are_present() throws SQLException {
        assertEquals(List.of(List.of("E92000001", 81770.0, "EES 2025")), rows("""
                SELECT area_code, value, release FROM fact_published_indicator
                WHERE indicator = 'cla_31mar' AND area_type = 'england' AND year = 2025 AND la_code IS NULL"""));
        assertEquals(12183016L, value("""
                SELECT CAST(population_0_17 AS BIGINT) FROM fact_population
                WHERE area_type = 'england' AND area_code = 'E92000001' AND mid_year = 2024"""));
        // nine regions plus Inner and Outer London, in the published figures and the population
        assertEquals(11L, value("SELECT count(DISTINCT area_code) FROM fact_published_indicator WHERE area_type = 'region'"));
        assertEquals(11L, value("SELECT count(DISTINCT area_code) FROM fact_population WHERE area_type = 'region'"));
        // every indicator for England in every year 2016-2025 (rates of starting/ceasing from 2018)
        assertEquals(List.of(List.of("cla_31mar", 10L), List.of("cla_rate_10k", 10L), List.of("ceased", 10L),
                        List.of("ceased_rate_10k", 8L), List.of("stability_3plus_pct", 10L),
                        List.of("stability_long_term_pct", 8L), List.of("starts", 10L), List.of("starts_rate_10k", 8L)),
                rows("""
                        SELECT indicator, count(*) FROM fact_published_indicator
                        WHERE area_type = 'england' AND status = 'ok'
                        GROUP BY indicator
                        ORDER BY CASE WHEN indicator LIKE 'cla%' THEN 0 ELSE 1 END, indicator"""));
    }

    @Test
    void the_newest_release_wins_where_releases_differ() throws SQLException {
        // Hartlepool, CLA at 31 March 2024: 334 in EES 2024, revised to 336 in EES 2025
        assertEquals(List.of(List.of("EES 2024", 334.0), List.of("EES 2025", 336.0), List.of("LAIT 2025", 336.0)), rows("""
                SELECT release, value FROM published_indicator_release
                WHERE indicator = 'cla_31mar' AND la_code = '805' AND year = 2024 ORDER BY release"""));
        assertEquals(List.of(List.of("EES 2025", 336.0)), rows("""
                SELECT release, value FROM fact_published_indicator
                WHERE indicator = 'cla_31mar' AND la_code = '805' AND year = 2024"""));
        // England 2024: 83,630 in EES 2024, 83,530 in EES 2025
        assertEquals(List.of(List.of("EES 2024", 83630.0), List.of("EES 2025", 83530.0)), rows("""
                SELECT release, value FROM published_indicator_release
                WHERE indicator = 'cla_31mar' AND area_type = 'england' AND year = 2024 AND release LIKE 'EES%' ORDER BY release"""));
        assertEquals(83530.0, value("""
                SELECT value FROM fact_published_indicator WHERE indicator = 'cla_31mar' AND area_type = 'england' AND year = 2024"""));
        // 2020 is only in EES 2024 and LAIT: EES wins (LAIT has '-' where EES has 'c' for Isles of Scilly)
        assertEquals(List.of(List.of("suppressed", "c", "EES 2024")), rows("""
                SELECT status, symbol, release FROM fact_published_indicator
                WHERE indicator = 'cla_31mar' AND la_code = '420' AND year = 2020"""));
        // 2016-2019 only LAIT has: North Lincolnshire's IRO report gives 251 CLA at 31 March 2019, 231 in 2020
        assertEquals(List.of(List.of(2019L, 251.0, "LAIT 2025"), List.of(2020L, 231.0, "EES 2024")), rows("""
                SELECT CAST(year AS BIGINT), value, release FROM fact_published_indicator
                WHERE indicator = 'cla_31mar' AND la_code = '813' AND year IN (2019, 2020) ORDER BY year"""));
        // one row per indicator, area and year
        assertEquals(0L, value("""
                SELECT count(*) FROM (SELECT DISTINCT indicator, area_type, area_code, year FROM published_indicator_release) AS k
                WHERE NOT EXISTS (SELECT 1 FROM fact_published_indicator AS f
                                  WHERE f.indicator = k.indicator AND f.area_type = k.area_type
                                    AND f.area_code = k.area_code AND f.year = k.year)"""));
    }

    @Test
    void a_stability_percentage_keeps_its_published_numerator_and_denominator() throws SQLException {
        // Barnsley 2025: 50 of 366 children had 3+ placements (14%); 68 of 120 in long-term stable placements (57%)
        assertEquals(List.of(List.of("stability_3plus_pct", 50.0, 366.0, 14.0), List.of("stability_long_term_pct", 68.0, 120.0, 57.0)),
                rows("""
                        SELECT indicator, numerator, denominator, value FROM fact_published_indicator
                        WHERE la_code = '370' AND year = 2025 AND indicator LIKE 'stability%' ORDER BY indicator"""));
    }

    // --- calendar ----------------------------------------------------------------------------

    @Test
    void VE_day_2020_was_a_bank_holiday_and_the_usual_early_May_Monday_was_a_working_day() throws SQLException {
        assertEquals(List.of(List.of(false, "Early May bank holiday (VE day)")),
                rows("SELECT is_working_day, bank_holiday FROM dim_date WHERE date = DATE '2020-05-08'"));
        assertEquals(true, value("SELECT is_working_day FROM dim_date WHERE date = DATE '2020-05-04'"));
        assertEquals(List.of(List.of(LocalDate.of(2000, 1, 1), LocalDate.of(2040, 12, 31), 14976L)),
                rows("SELECT min(date), max(date), count(*) FROM dim_date"));
    }

    @Test
    void five_working_days_after_Friday_20_December_2024_is_Tuesday_31_December() throws SQLException {
        // Fri 20 Dec 2024 + 5 working days: Mon 23 (1), Tue 24 (2), Wed 25 Christmas Day and Thu 26
        // Boxing Day are bank holidays, Fri 27 (3), Sat 28 / Sun 29 weekend, Mon 30 (4), Tue 31 (5).
        assertEquals(LocalDate.of(2024, 12, 31), value("SELECT add_working_days(DATE '2024-12-20', 5)"));
        assertEquals(5L, value("SELECT CAST(working_days_between(DATE '2024-12-20', DATE '2024-12-31') AS BIGINT)"));
        // from a Saturday, the first working day after is the Monday
        assertEquals(LocalDate.of(2024, 12, 23), value("SELECT add_working_days(DATE '2024-12-21', 1)"));
        // the macros work on a table's column too
        assertEquals(LocalDate.of(2025, 1, 2), value("""
                SELECT add_working_days(d, 1) FROM (VALUES (DATE '2024-12-31')) AS t(d)"""));
        // working_day_index: a non-working day carries the index of the last working day before it
        assertEquals(0L, value("""
                SELECT count(*) FROM dim_date AS d
                WHERE working_day_index <> (SELECT count(*) FROM dim_date AS w
                                            WHERE w.is_working_day AND w.date <= d.date)
                  AND d.date < DATE '2001-01-01'"""));
        assertEquals(2025L, value("SELECT CAST(collection_year AS BIGINT) FROM dim_date WHERE date = DATE '2025-03-31'"));
        assertEquals(2026L, value("SELECT CAST(collection_year AS BIGINT) FROM dim_date WHERE date = DATE '2025-04-01'"));
    }

    @Test
    void years_beyond_the_bank_holiday_list_get_the_regular_holidays_from_the_rules() throws SQLException {
        // Easter Sunday 2035 is 25 March; Christmas 2032 is a Saturday (substitutes Mon 27, Tue 28)
        assertEquals(List.of(
                        List.of(LocalDate.of(2035, 3, 23), "Good Friday", "rule"),
                        List.of(LocalDate.of(2035, 3, 26), "Easter Monday", "rule")),
                rows("SELECT date, name, source FROM dim_bank_holiday WHERE date BETWEEN DATE '2035-03-01' AND DATE '2035-04-30' ORDER BY date"));
        assertEquals(List.of(false, false, true), column("""
                SELECT is_working_day FROM dim_date WHERE date IN (DATE '2032-12-27', DATE '2032-12-28', DATE '2032-12-29') ORDER BY date"""));
        assertEquals(213L, value("SELECT count(*) FROM dim_bank_holiday WHERE source = 'list'"));
    }

    // --- loading -----------------------------------------------------------------------------

    @Test
    void loading_again_with_unchanged_files_does_nothing(@TempDir Path own) throws SQLException {
        try (Warehouse fresh = Warehouse.open(own.resolve("w.duckdb"))) {
            try (Connection connection = fresh.connect()) {
                assertFalse(ReferenceData.isLoaded(connection));
            }
            fresh.write(connection -> {
                ReferenceData.load(connection);
                return null;
            });
            Map<String, List<Object>> first = loads(fresh);
            fresh.write(connection -> {
                ReferenceData.load(connection);
                return null;
            });
            assertEquals(first, loads(fresh));
            try (Connection connection = fresh.connect()) {
                assertTrue(ReferenceData.isLoaded(connection));
            }
            List<Object> reference = first.get("reference");
            assertTrue(((String) reference.get(0)).matches("[0-9a-f]{64}"), "SHA-256 checksum");
            assertEquals(first.keySet().stream().filter(name -> !name.equals("reference"))
                            .mapToLong(name -> (Long) first.get(name).get(2)).sum(),
                    reference.get(2), "total rows");
            assertEquals(155L, first.get("dim_authority").get(2));
        }
    }

    @Test
    void a_changed_checksum_reloads_everything_in_one_transaction(@TempDir Path own) throws SQLException {
        try (Warehouse fresh = Warehouse.open(own.resolve("w.duckdb"))) {
            fresh.write(connection -> {
                ReferenceData.load(connection);
                return null;
            });
            Map<String, List<Object>> first = loads(fresh);
            fresh.write(connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("UPDATE etl_reference_load SET checksum = 'stale'");
                }
                ReferenceData.load(connection);
                return null;
            });
            Map<String, List<Object>> second = loads(fresh);
            assertEquals(first.get("reference").get(0), second.get("reference").get(0));
            assertNotEquals(first.get("reference").get(1), second.get("reference").get(1), "loaded_at");
            assertEquals(first.get("reference").get(2), second.get("reference").get(2), "same rows");
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    /** etl_reference_load by name: [checksum, loaded_at, rows]. */
    private static Map<String, List<Object>> loads(Warehouse w) throws SQLException {
        Map<String, List<Object>> loads = new LinkedHashMap<>();
        try (Connection connection = w.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT name, checksum, loaded_at, rows FROM etl_reference_load ORDER BY name");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                Timestamp loadedAt = result.getTimestamp(3);
                loads.put(result.getString(1), List.of(result.getString(2), loadedAt, result.getLong(4)));
            }
        }
        return loads;
    }

    private static Object value(String sql) throws SQLException {
        List<List<Object>> rows = rows(sql);
        assertEquals(1, rows.size(), "one row from " + sql);
        return rows.get(0).get(0);
    }

    private static List<Object> column(String sql) throws SQLException {
        return rows(sql).stream().map(row -> row.get(0)).toList();
    }

    /** The rows of a query, with dates as LocalDate, integers as Long and decimals as Double. */
    private static List<List<Object>> rows(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = warehouse.connect();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet result = query.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(normalise(result.getObject(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object normalise(Object value) {
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate) {
            return value;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        return value;
    }
}
