package uk.iroinsight.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The derived facts (warehouse/derive/*.sql) on small hand-built 903 returns of authority 891.
 * Each case's answer is worked out on paper in its comment. Calendar used: weekends plus the
 * England and Wales bank holidays of 2022-2025 (inserted below) are not working days.
 * Rows read back are "|"-joined strings, NULL as "null".
 */
class DerivedFactsTest {

    private static final String LA = "891";

    /** England and Wales bank holidays, December 2022 to January 2025. */
    private static final List<String> BANK_HOLIDAYS = List.of(
            "2022-12-26", "2022-12-27", "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01",
            "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26", "2024-01-01",
            "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25",
            "2024-12-26", "2025-01-01");

    @TempDir
    Path folder;

    private Warehouse warehouse;

    @BeforeEach
    void openWarehouseWithCalendar() throws SQLException {
        warehouse = Warehouse.open(folder.resolve("test.duckdb"));
        warehouse.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                // Uses 10_reference.sql's dim_date when it exists; otherwise a test-local one.
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS dim_date (
                            date DATE PRIMARY KEY, collection_year SMALLINT NOT NULL,
                            is_working_day BOOLEAN NOT NULL, working_day_index INTEGER NOT NULL,
                            day_of_week TINYINT)""");
                statement.execute("DELETE FROM dim_date");
                statement.execute("""
                        INSERT INTO dim_date BY NAME
                        WITH days AS (
                            SELECT CAST(d AS DATE) AS date
                            FROM generate_series(TIMESTAMP '2015-01-01', TIMESTAMP '2030-12-31', INTERVAL 1 DAY) g(d)
                        ), flags AS (
                            SELECT date, CAST(isodow(date) AS TINYINT) AS day_of_week,
                                   isodow(date) <= 5 AND date NOT IN (%s) AS is_working_day
                            FROM days
                        )
                        SELECT date,
                               CAST(year(date) + CASE WHEN month(date) >= 4 THEN 1 ELSE 0 END AS SMALLINT) AS collection_year,
                               is_working_day,
                               CAST(sum(CAST(is_working_day AS INTEGER)) OVER (ORDER BY date) AS INTEGER) AS working_day_index,
                               day_of_week
                        FROM flags""".formatted(String.join(", ",
                        BANK_HOLIDAYS.stream().map(d -> "DATE '" + d + "'").toList())));
            }
            return null;
        });
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    // ---------------------------------------------------------------- periods and episodes

    @Test
    void anX1ChainAcrossTwoReturnsFormsOnePeriodOfCare() throws SQLException {
        // 2023 return: S 01/10/2022 U4 ceased X1 01/02/2023; L 01/02/2023 open.
        // 2024 return (revised): L 01/02/2023 now ceased X1 15/11/2023; P 15/11/2023 K2 ceased E4A 20/02/2024.
        // One period 01/10/2022-20/02/2024 ending E4A, start known (S, after 01/04/2022 = start of
        // the earliest loaded year 2023). Standard placements: U4 01/10/2022-15/11/2023, K2 after.
        episode(2023, "A", "2022-10-01", "S", "C2", "U4", "2023-02-01", "X1");
        episode(2023, "A", "2023-02-01", "L", "C2", "U4", null, null);
        episode(2024, "A", "2023-02-01", "L", "C2", "U4", "2023-11-15", "X1");
        episode(2024, "A", "2023-11-15", "P", "C2", "K2", "2024-02-20", "E4A");
        rebuild();

        assertEquals(List.of("1|2022-10-01|2024-02-20|E4A|true"),
                rows("SELECT period_seq, start_date, end_date, end_reason, start_known FROM fact_period_of_care"));
        assertEquals(List.of("2022-10-01|1|2023", "2023-02-01|1|2024", "2023-11-15|1|2024"),
                rows("SELECT decom, period_seq, return_year FROM fact_episode ORDER BY decom"));
        assertEquals(List.of("1|2022-10-01|2023-11-15|U4", "2|2023-11-15|2024-02-20|K2"),
                rows("SELECT placement_seq, start_date, end_date, place FROM fact_placement"
                        + " WHERE counting_rule = 'standard' ORDER BY placement_seq"));
        // 2023: started, in care at 31/03/2023; 2024: ceased, not in care at 31/03/2024.
        assertEquals(List.of("2023|true|true|false", "2024|false|false|true"),
                rows("SELECT year, in_care_31mar, started_in_year, ceased_in_year FROM fact_child_year ORDER BY year"));
    }

    @Test
    void aRevisedEpisodeInALaterReturnReplacesTheEarlierCopy() throws SQLException {
        // Same (child, decom) in both returns: the 2024 copy wins (closed, and LS revised C1 -> C2);
        // the same for a review re-sent with a corrected code.
        episode(2023, "A", "2022-09-01", "S", "C1", "U6", null, null);
        episode(2024, "A", "2022-09-01", "S", "C2", "U6", "2023-10-01", "E4A");
        review(2023, "A", "2022-10-03", "PN1");
        review(2024, "A", "2022-10-03", "PN5");
        rebuild();

        assertEquals(List.of("2022-09-01|2023-10-01|C2|2024"),
                rows("SELECT decom, dec, ls, return_year FROM fact_episode"));
        assertEquals(List.of("2022-10-03|PN5|2024"),
                rows("SELECT review_date, review_code, return_year FROM fact_review"));
    }

    @Test
    void aLaterReturnWithAChangedStartDateDropsTheOverlappingOlderCopy() throws SQLException {
        // 2023 return: S 01/09/2022 U6 open. 2024 return corrects the start to 05/09/2022 and
        // goes on: S 05/09/2022 U6 ceased X1 01/10/2023, P 01/10/2023 K2 open. The 2023 copy
        // overlaps the 2024 episodes and is dropped, so one period starts 05/09/2022 (not two).
        // A 2023-only episode of child B that ended before 2023-24 overlaps nothing and stays.
        episode(2023, "A", "2022-09-01", "S", "C2", "U6", null, null);
        episode(2024, "A", "2022-09-05", "S", "C2", "U6", "2023-10-01", "X1");
        episode(2024, "A", "2023-10-01", "P", "C2", "K2", null, null);
        episode(2023, "B", "2022-05-01", "S", "V2", "U6", "2022-08-01", "E13");
        rebuild();

        assertEquals(List.of("A|2022-09-05|2024", "A|2023-10-01|2024", "B|2022-05-01|2023"),
                rows("SELECT child_key, decom, return_year FROM fact_episode ORDER BY child_key, decom"));
        assertEquals(List.of("A|1|2022-09-05|null", "B|1|2022-05-01|2022-08-01"),
                rows("SELECT child_key, period_seq, start_date, end_date FROM fact_period_of_care ORDER BY child_key"));
    }

    // ---------------------------------------------------------------- placements

    @Test
    void aHospitalStayAndReturnToTheSamePlacementCountsOnePlacementNotTwo() throws SQLException {
        // U4 (urn 1111111) -> T1 hospital -> back to U4 urn 1111111: the T1 episode is not a placement
        // and the return is not a new one: 1 placement 01/06/2023-open (episodes would say 3).
        episode(2024, "A", "2023-06-01", "S", "C2", "U4", "2023-09-01", "X1", "1111111", "post-a");
        episode(2024, "A", "2023-09-01", "P", "C2", "T1", "2023-09-10", "X1", null, null);
        episode(2024, "A", "2023-09-10", "P", "C2", "U4", null, null, "1111111", "post-a");
        // Same, but the return matches on the placement postcode only (agency URN not given).
        episode(2024, "B", "2023-06-01", "S", "C2", "U6", "2023-09-01", "X1", "XXXXXXX", "post-b");
        episode(2024, "B", "2023-09-01", "P", "C2", "T1", "2023-09-10", "X1", null, null);
        episode(2024, "B", "2023-09-10", "P", "C2", "U6", null, null, "XXXXXXX", "post-b");
        rebuild();

        assertEquals(List.of("A|1|2023-06-01|null|U4", "B|1|2023-06-01|null|U6"),
                rows("SELECT child_key, placement_seq, start_date, end_date, place FROM fact_placement"
                        + " WHERE counting_rule = 'standard' ORDER BY child_key"));
        assertEquals(List.of("A|1", "B|1"),
                rows("SELECT child_key, placements_in_year FROM fact_child_year WHERE year = 2024 ORDER BY child_key"));
    }

    @Test
    void aHospitalStayFollowedByADifferentPlacementCountsTheNewPlacement() throws SQLException {
        // U4 -> T1 -> K2 (another place): U4 01/06-01/09, K2 from 10/09 = 2 placements.
        // Then K2 -> T4 -> U6 (a different foster home again): a third placement from 20/12.
        episode(2024, "A", "2023-06-01", "S", "C2", "U4", "2023-09-01", "X1", "1111111", "post-a");
        episode(2024, "A", "2023-09-01", "P", "C2", "T1", "2023-09-10", "X1", null, null);
        episode(2024, "A", "2023-09-10", "P", "C2", "K2", "2023-12-15", "X1", "2222222", "post-k");
        episode(2024, "A", "2023-12-15", "P", "C2", "T4", "2023-12-20", "X1", null, null);
        episode(2024, "A", "2023-12-20", "P", "C2", "U6", null, null, "3333333", "post-u");
        rebuild();

        assertEquals(List.of("1|2023-06-01|2023-09-01|U4", "2|2023-09-10|2023-12-15|K2", "3|2023-12-20|null|U6"),
                rows("SELECT placement_seq, start_date, end_date, place FROM fact_placement"
                        + " WHERE counting_rule = 'standard' ORDER BY placement_seq"));
        assertEquals(List.of("3"), rows("SELECT placements_in_year FROM fact_child_year WHERE year = 2024"));
    }

    @Test
    void aLegalStatusOnlyEpisodeContinuesThePlacement() throws SQLException {
        // S C1 U6 01/05/2023 -> L C2 U6 01/07/2023: one placement from 01/05/2023, still open.
        episode(2024, "A", "2023-05-01", "S", "C1", "U6", "2023-07-01", "X1");
        episode(2024, "A", "2023-07-01", "L", "C2", "U6", null, null);
        rebuild();

        assertEquals(List.of("standard|1|2023-05-01|null", "count_same_carer_moves|1|2023-05-01|null"),
                rows("SELECT counting_rule, placement_seq, start_date, end_date FROM fact_placement"
                        + " ORDER BY counting_rule DESC"));
        assertEquals(List.of("true|false"),
                rows("SELECT bool_or(starts_placement) FILTER (WHERE rne = 'S'), bool_or(starts_placement) FILTER (WHERE rne = 'L')"
                        + " FROM fact_episode"));
    }

    @Test
    void sameCarerMovesCountOnlyUnderCountSameCarerMoves() throws SQLException {
        // S U6 01/05/2023 -> T (carer moved house) 01/08 -> U (LS change, same carer) 01/10 -> P K2 01/12.
        // Standard: U6 from 01/05 and K2 from 01/12 = 2. Counting same-carer moves: 4.
        episode(2024, "A", "2023-05-01", "S", "C1", "U6", "2023-08-01", "X1");
        episode(2024, "A", "2023-08-01", "T", "C1", "U6", "2023-10-01", "X1");
        episode(2024, "A", "2023-10-01", "U", "C2", "U6", "2023-12-01", "X1");
        episode(2024, "A", "2023-12-01", "P", "C2", "K2", null, null);
        rebuild();

        assertEquals(List.of("2|4"),
                rows("SELECT placements_in_year, placements_in_year_incl_same_carer FROM fact_child_year WHERE year = 2024"));
        assertEquals(List.of("standard|2023-05-01,2023-12-01", "count_same_carer_moves|2023-05-01,2023-08-01,2023-10-01,2023-12-01"),
                rows("SELECT counting_rule, string_agg(CAST(start_date AS VARCHAR), ',' ORDER BY start_date)"
                        + " FROM fact_placement GROUP BY counting_rule ORDER BY counting_rule DESC"));
    }

    @Test
    void adoptionWithTheCurrentFosterCarersIsNotANewPlacementAndLongTermStabilityReachesBack() throws SQLException {
        // Child A: S U4 10/01/2021 -> B A5 (placed for adoption with the same foster carers) 01/06/2023:
        // one placement from 10/01/2021 under both rules, so the stable placement at 31/03/2024
        // started 10/01/2021.
        // Child B: S U4 10/01/2021 -> P A6 (adopters, not the foster carers) 01/06/2023: two
        // placements (2024 counts 2: U4 open on 1 April + A6), but for long-term stability the
        // adoptive placement reaches back to the U4 start, 10/01/2021.
        episode(2021, "A", "2021-01-10", "S", "C2", "U4", null, null);
        episode(2024, "A", "2021-01-10", "S", "C2", "U4", "2023-06-01", "X1");
        episode(2024, "A", "2023-06-01", "B", "E1", "A5", null, null);
        episode(2021, "B", "2021-01-10", "S", "C2", "U4", null, null);
        episode(2024, "B", "2021-01-10", "S", "C2", "U4", "2023-06-01", "X1");
        episode(2024, "B", "2023-06-01", "P", "E1", "A6", null, null);
        rebuild();

        assertEquals(List.of("A|1|1|2021-01-10|2021-01-10|true", "B|2|2|2021-01-10|2021-01-10|true"),
                rows("SELECT child_key, placements_in_year, placements_in_year_incl_same_carer, placement_start_31mar,"
                        + " placement_start_31mar_incl_same_carer, period_start_known FROM fact_child_year WHERE year = 2024"
                        + " ORDER BY child_key"));
        assertEquals(List.of("A|1|2021-01-10|null|U4", "B|1|2021-01-10|2023-06-01|U4", "B|2|2023-06-01|null|A6"),
                rows("SELECT child_key, placement_seq, start_date, end_date, place FROM fact_placement"
                        + " WHERE counting_rule = 'standard' ORDER BY child_key, placement_seq"));
    }

    @Test
    void anEpisodeThatCeasesTheDayItStartsIsNotAPlacement() throws SQLException {
        // Child A: U6 01/05/2023 -> P K2 01/06/2023 ceased the same day (E4A): 1 placement, U6,
        // ending 01/06/2023. Child B: looked after under 24 hours (S and E13 on 01/07/2023): a
        // period that starts and ceases in 2024, and no placement at all.
        episode(2024, "A", "2023-05-01", "S", "V2", "U6", "2023-06-01", "X1");
        episode(2024, "A", "2023-06-01", "P", "V2", "K2", "2023-06-01", "E4A");
        episode(2024, "B", "2023-07-01", "S", "V2", "U6", "2023-07-01", "E13");
        rebuild();

        assertEquals(List.of("A|1|2023-05-01|2023-06-01|U6"),
                rows("SELECT child_key, placement_seq, start_date, end_date, place FROM fact_placement"
                        + " WHERE counting_rule = 'standard'"));
        assertEquals(List.of("A|true|true|1", "B|true|true|0"),
                rows("SELECT child_key, started_in_year, ceased_in_year, placements_in_year FROM fact_child_year"
                        + " WHERE year = 2024 ORDER BY child_key"));
    }

    @Test
    void placementsInTheYearCountThePlacementOpenOnFirstApril() throws SQLException {
        // Child A: U4 from 01/06/2022, K2 from 01/05/2023, U6 from 01/09/2023: 2024 counts U4
        // (open on 01/04/2023) + K2 + U6 = 3; 2023 counts U4 only = 1.
        // Child B: U4 from 01/06/2022 ends on 01/04/2023 itself, K2 from 01/04/2023: U4 was not
        // open on 1 April (left that day), K2 starts in the year: 2024 counts 1.
        episode(2023, "A", "2022-06-01", "S", "C2", "U4", null, null);
        episode(2024, "A", "2022-06-01", "S", "C2", "U4", "2023-05-01", "X1");
        episode(2024, "A", "2023-05-01", "P", "C2", "K2", "2023-09-01", "X1");
        episode(2024, "A", "2023-09-01", "P", "C2", "U6", null, null);
        episode(2023, "B", "2022-06-01", "S", "C2", "U4", null, null);
        episode(2024, "B", "2022-06-01", "S", "C2", "U4", "2023-04-01", "X1");
        episode(2024, "B", "2023-04-01", "P", "C2", "K2", null, null);
        rebuild();

        assertEquals(List.of("A|2023|1", "A|2024|3", "B|2023|1", "B|2024|1"),
                rows("SELECT child_key, year, placements_in_year FROM fact_child_year ORDER BY child_key, year"));
        assertEquals(List.of("A|2024|2023-09-01", "B|2024|2023-04-01"),
                rows("SELECT child_key, year, placement_start_31mar FROM fact_child_year WHERE year = 2024 ORDER BY child_key"));
    }

    // ---------------------------------------------------------------- 31 March snapshot

    @Test
    void aChildWhoseEpisodeCeasesOn31MarchIsNotInCareButOneCeasingOn1AprilIs() throws SQLException {
        // A ceases 31/03/2024: not in care at 31/03/2024, ceased in 2024.
        // B ceases 01/04/2024: in care at 31/03/2024 (placement U4), ceased in 2025.
        episode(2024, "A", "2023-05-10", "S", "C2", "U4", "2024-03-31", "E4A");
        episode(2024, "B", "2023-05-10", "S", "C2", "U4", null, null);
        episode(2025, "B", "2023-05-10", "S", "C2", "U4", "2024-04-01", "E4A");
        rebuild();

        assertEquals(List.of("A|2024|false|true|null", "B|2024|true|false|U4", "B|2025|false|true|null"),
                rows("SELECT child_key, year, in_care_31mar, ceased_in_year, place_31mar FROM fact_child_year"
                        + " ORDER BY child_key, year"));
    }

    @Test
    void aChildLookedAfterOnlyOnShortBreaksIsLeftOut() throws SQLException {
        // Child S: three V3 short breaks (and a review that should not exist, rule 399): the
        // episodes are kept but flagged, and nothing else is derived. Child A (V4 breaks, then
        // full-time care under C2 joined by X1): only the C2 episode forms a period, whose start
        // is known (A began to be looked after other than on short breaks there).
        episode(2024, "S", "2023-05-01", "S", "V3", "R1", "2023-05-03", "E8");
        episode(2024, "S", "2023-07-01", "S", "V3", "R1", "2023-07-03", "E8");
        episode(2024, "S", "2024-03-30", "S", "V3", "R1", null, null);
        review(2024, "S", "2023-06-01", "PN1");
        episode(2024, "A", "2023-05-01", "S", "V4", "R1", "2023-09-01", "X1");
        episode(2024, "A", "2023-09-01", "L", "C2", "R1", null, null);
        rebuild();

        assertEquals(List.of("A|1", "S|3"),
                rows("SELECT child_key, count(*) FILTER (WHERE short_break) FROM fact_episode GROUP BY child_key ORDER BY child_key"));
        assertEquals(List.of("0|0|0"),
                rows("SELECT (SELECT count(*) FROM fact_period_of_care WHERE child_key = 'S'),"
                        + " (SELECT count(*) FROM fact_review WHERE child_key = 'S'),"
                        + " (SELECT count(*) FROM fact_child_year WHERE child_key = 'S')"));
        assertEquals(List.of("A|2023-09-01|true"),
                rows("SELECT child_key, start_date, start_known FROM fact_period_of_care"));
        assertEquals(List.of("A|2024|true|true|R1|2023-09-01"),
                rows("SELECT child_key, year, in_care_31mar, started_in_year, place_31mar, placement_start_31mar FROM fact_child_year"));
    }

    @Test
    void uascAt31MarchComesFromThatYearsUascRows() throws SQLException {
        // A: UASC status ceases 01/02/2025 (> 31/03/2024): UASC. B: ceased on 31/03/2024: not.
        // C: no date: UASC. D: no UASC row: not.
        for (String child : List.of("A", "B", "C", "D")) {
            episode(2024, child, "2023-06-01", "S", "V2", "K2", null, null);
        }
        uasc(2024, "A", "2025-02-01");
        uasc(2024, "B", "2024-03-31");
        uasc(2024, "C", null);
        rebuild();

        assertEquals(List.of("A|true", "B|false", "C|true", "D|false"),
                rows("SELECT child_key, uasc_31mar FROM fact_child_year ORDER BY child_key"));
    }

    @Test
    void theHeaderOfTheYearGivesTheAgeAt31MarchAndTheLatestHeaderGivesSexAndEthnicity() throws SQLException {
        header(2023, "A", 2, "WOTH", 10);
        header(2024, "A", 2, "WBRI", 11);
        episode(2023, "A", "2022-06-01", "S", "C2", "U4", null, null);
        episode(2024, "A", "2022-06-01", "S", "C2", "U4", null, null);
        rebuild();

        assertEquals(List.of("2|WBRI|11|2024"),
                rows("SELECT sex, ethnic, age_31mar_latest, latest_return_year FROM dim_child"));
        assertEquals(List.of("2023|10|WBRI", "2024|11|WBRI"),
                rows("SELECT year, age_31mar, ethnic FROM fact_child_year ORDER BY year"));
    }

    // ---------------------------------------------------------------- reviews

    @Test
    void reviewsFollowThe20WorkingDayThreeMonthAndSixMonthSchedule() throws SQLException {
        // Period starts Fri 16/12/2022. 20 working days after, skipping 26-27/12 and 02/01 bank
        // holidays: 19-23/12 (5), 28-30/12 (8), 03-06/01 (12), 09-13/01 (17), 16-18/01 (20) ->
        // review 1 due Wed 18/01/2023 (13/01 without the holidays); held 18/01: on time.
        // Review 2 due 18/01 + 3 months = 18/04/2023; held 14/04: on time.
        // Review 3 due 14/04 + 6 months = 14/10/2023; held early 31/08/2023: on time, and it resets:
        // review 4 due 31/08/2023 + 6 months = 29/02/2024 (clamped to month end); held Tue
        // 05/03/2024: late by 3 working days (Fri 01/03, Mon 04/03, Tue 05/03).
        episode(2023, "A", "2022-12-16", "S", "C1", "U6", null, null);
        episode(2024, "A", "2022-12-16", "S", "C1", "U6", null, null);
        review(2023, "A", "2023-01-18", "PN1");
        review(2024, "A", "2023-04-14", "PN1");
        review(2024, "A", "2023-08-31", "PN1");
        review(2024, "A", "2024-03-05", "PN1");
        rebuild();

        assertEquals(List.of(
                        "2023-01-18|1|1|2023-01-18|true|0",
                        "2023-04-14|1|2|2023-04-18|true|0",
                        "2023-08-31|1|3|2023-10-14|true|0",
                        "2024-03-05|1|4|2024-02-29|false|3"),
                rows("SELECT review_date, period_seq, review_seq, due_date, on_time, working_days_late"
                        + " FROM fact_review ORDER BY review_date"));
        // 2023: 1 review, on time; next (review 2) due 18/04/2023, not overdue.
        // 2024: 3 reviews, 2 on time; next due 05/03/2024 + 6 months = 05/09/2024.
        assertEquals(List.of("2023|1|1|0|2023-04-18|false|true|true", "2024|3|2|0|2024-09-05|false|true|true"),
                rows("SELECT year, reviews_in_year, reviews_on_time, reviews_due_unknown, next_review_due,"
                        + " overdue_31mar, schedule_known, looked_after_20wd FROM fact_child_year ORDER BY year"));
    }

    @Test
    void aPeriodThatStartedBeforeTheLoadedHistoryHasAnUnknownFirstDueDate() throws SQLException {
        // Earliest loaded return 2024 (history from 01/04/2023). A has been looked after since
        // 01/06/2021: its first loaded review (10/05/2023) has no known due date; the next is due
        // 6 months after it, 10/11/2023, held 01/11/2023: on time. Next due 01/05/2024.
        // B, also looked after since 2021, had no review in 2023-24: nothing can be established
        // (next due unknown, schedule_known false).
        episode(2024, "A", "2021-06-01", "S", "C2", "U4", null, null);
        review(2024, "A", "2023-05-10", "PN1");
        review(2024, "A", "2023-11-01", "PN1");
        episode(2024, "B", "2021-06-01", "S", "C2", "U4", null, null);
        rebuild();

        assertEquals(List.of("2023-05-10|null|null|null|null", "2023-11-01|null|2023-11-10|true|0"),
                rows("SELECT review_date, review_seq, due_date, on_time, working_days_late FROM fact_review ORDER BY review_date"));
        assertEquals(List.of("A|false|true|2|1|1|2024-05-01|false|true", "B|false|true|0|0|0|null|null|false"),
                rows("SELECT child_key, period_start_known, looked_after_20wd, reviews_in_year, reviews_on_time,"
                        + " reviews_due_unknown, next_review_due, overdue_31mar, schedule_known FROM fact_child_year"
                        + " ORDER BY child_key"));
    }

    @Test
    void aChildWithNoReviewPastItsDueDateIsOverdueAt31March() throws SQLException {
        // A: S Tue 02/01/2024, review 1 due 20 working days later: 03-05/01 (3), 08-12 (8),
        // 15-19 (13), 22-26 (18), 29-30 (20) -> 30/01/2024; none held by 31/03/2024: overdue.
        // B: S Wed 20/03/2024: review 1 due 20 working days later, over Good Friday 29/03 and
        // Easter Monday 01/04: 21-22/03 (2), 25-28/03 (6), 02-05/04 (10), 08-12 (15), 15-19 (20)
        // -> 19/04/2024: not overdue, and not yet looked after for 20 working days.
        episode(2024, "A", "2024-01-02", "S", "C2", "U4", null, null);
        episode(2024, "B", "2024-03-20", "S", "C2", "U4", null, null);
        rebuild();

        assertEquals(List.of("A|2024-01-30|true|true|true", "B|2024-04-19|false|false|true"),
                rows("SELECT child_key, next_review_due, overdue_31mar, looked_after_20wd, schedule_known"
                        + " FROM fact_child_year ORDER BY child_key"));
    }

    // ---------------------------------------------------------------- local records, scope

    @Test
    void aDisputeIsTakenFromTheLatestLogWithWorkingDaysToResolve() throws SQLException {
        // Raised Wed 20/12/2023 (collection year 2024), stage 1 Fri 22/12, resolved Wed 10/01/2024
        // (2025 log; the 2024 log still had it open). Working days after 20/12 up to 10/01,
        // skipping 25-26/12 and 01/01: 21, 22, 27, 28, 29/12, 02-05/01, 08-10/01 = 12; from 22/12: 10.
        dispute(2024, "D1", "2023-12-20", "2023-12-22", null);
        dispute(2025, "D1", "2023-12-20", "2023-12-22", "2024-01-10");
        workforce(2024, "2024-03-31", "7.50");
        rebuild();

        assertEquals(List.of("D1|2024|2025|2024-01-10|12|10"),
                rows("SELECT dispute_id, raised_year, return_year, resolved, working_days_to_resolve,"
                        + " working_days_stage1_to_resolve FROM fact_dispute"));
        assertEquals(List.of("2024|2024-03-31|7.50"),
                rows("SELECT year, snapshot_date, iro_fte FROM fact_workforce"));
    }

    @Test
    void rebuildingReplacesOnlyItsOwnAuthoritysFactsAndCanBeRepeated() throws SQLException {
        episode(2024, "A", "2023-06-01", "S", "C2", "U4", null, null);
        rebuild();
        warehouse.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO fact_child_year (la_code, year, child_key, in_care_31mar, started_in_year,"
                        + " ceased_in_year, placements_in_year, placements_in_year_incl_same_carer, uasc_31mar,"
                        + " reviews_in_year, reviews_on_time, reviews_due_unknown, schedule_known)"
                        + " VALUES ('999', 2024, 'Z', true, false, false, 1, 1, false, 0, 0, 0, false)");
            }
            return null;
        });
        rebuild();

        assertEquals(List.of("891|A", "999|Z"),
                rows("SELECT la_code, child_key FROM fact_child_year ORDER BY la_code"));
        assertEquals(List.of("1|1|2"),
                rows("SELECT (SELECT count(*) FROM fact_episode), (SELECT count(*) FROM fact_period_of_care),"
                        + " (SELECT count(*) FROM fact_placement)"));
    }

    // ---------------------------------------------------------------- fixtures

    private void episode(int year, String child, String decom, String rne, String ls, String place,
                         String dec, String rec) throws SQLException {
        episode(year, child, decom, rne, ls, place, dec, rec, null, null);
    }

    private void episode(int year, String child, String decom, String rne, String ls, String place,
                         String dec, String rec, String urn, String postKey) throws SQLException {
        insert("""
                INSERT INTO return_episode (la_code, year, child_key, decom, rne, ls, cin, place, place_provider,
                    dec, rec, reason_place_change, urn, pl_post_key, age_at_decom, source_line)
                VALUES (?, ?, ?, CAST(? AS DATE), ?, ?, 'N1', ?, 'PR1', CAST(? AS DATE), ?, NULL, ?, ?, 8, 1)""",
                LA, year, child, decom, rne, ls, place, dec, rec, urn, postKey);
    }

    private void review(int year, String child, String date, String code) throws SQLException {
        insert("INSERT INTO return_review VALUES (?, ?, ?, CAST(? AS DATE), ?, 8, 1)", LA, year, child, date, code);
    }

    private void uasc(int year, String child, String duc) throws SQLException {
        insert("INSERT INTO return_uasc VALUES (?, ?, ?, CAST(? AS DATE), 1)", LA, year, child, duc);
    }

    private void header(int year, String child, int sex, String ethnic, int age) throws SQLException {
        insert("INSERT INTO return_header VALUES (?, ?, ?, ?, DATE '2013-01-01', ?, ?, 1)",
                LA, year, child, sex, age, ethnic);
    }

    private void dispute(int year, String id, String raised, String stage1, String resolved) throws SQLException {
        insert("""
                INSERT INTO local_dispute VALUES (?, ?, ?, 'A', 'CONCERN', CAST(? AS DATE), 'CARE_PLAN_DRIFT', '1',
                    CAST(? AS DATE), false, CAST(? AS DATE), ?, 1)""",
                LA, year, id, raised, stage1, resolved, resolved == null ? null : "RESOLVED");
    }

    private void workforce(int year, String date, String fte) throws SQLException {
        insert("INSERT INTO local_workforce VALUES (?, ?, CAST(? AS DATE), CAST(? AS DECIMAL(7,2)), 8, 1, 0, 1)",
                LA, year, date, fte);
    }

    private void insert(String sql, Object... values) throws SQLException {
        warehouse.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.execute();
            }
            return null;
        });
    }

    /** Adds a header row (born January 2015) for every child-year without one, then rebuilds. */
    private void rebuild() throws SQLException {
        warehouse.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO return_header
                        SELECT DISTINCT la_code, year, child_key, 1, DATE '2015-01-01', CAST(year - 2015 AS TINYINT), 'WBRI', 1
                        FROM (SELECT la_code, year, child_key FROM return_episode
                              UNION SELECT la_code, year, child_key FROM return_review) r
                        WHERE NOT EXISTS (SELECT 1 FROM return_header h
                                          WHERE h.la_code = r.la_code AND h.year = r.year AND h.child_key = r.child_key)""");
            }
            DerivedFacts.rebuild(connection, LA);
            return null;
        });
        assertEachFactHasItsGrain();
    }

    /** The fact tables have no primary keys (30_facts.sql): their grain is checked here instead. */
    private void assertEachFactHasItsGrain() throws SQLException {
        List<String> grains = List.of(
                "dim_child|la_code, child_key",
                "fact_episode|la_code, child_key, decom",
                "fact_period_of_care|la_code, child_key, period_seq",
                "fact_placement|la_code, child_key, counting_rule, period_seq, placement_seq",
                "fact_review|la_code, child_key, review_date",
                "fact_child_year|la_code, year, child_key",
                "fact_dispute|la_code, dispute_id",
                "fact_workforce|la_code, year, snapshot_date");
        for (String grain : grains) {
            String[] tableAndKey = grain.split("\\|");
            assertEquals(List.of("0"), rows("SELECT count(*) FROM (SELECT " + tableAndKey[1] + " FROM " + tableAndKey[0]
                    + " GROUP BY ALL HAVING count(*) > 1)"), "duplicate rows in " + tableAndKey[0]);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection connection = warehouse.connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    cells.add(String.valueOf(result.getString(i)));
                }
                rows.add(String.join("|", cells));
            }
            return rows;
        }
    }
}
