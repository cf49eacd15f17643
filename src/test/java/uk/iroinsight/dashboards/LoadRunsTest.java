package uk.iroinsight.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.dashboards.admin.Authorities;
import uk.iroinsight.warehouse.Warehouse;

/**
 * The load history's totals and files, on a hand-written history:
 * <pre>
 * run 1: 891/2023 loaded (header 2/2/0, episodes 3/3/0, reviews 3/2/1), 891/2024 loaded (header 3/3/0,
 *        reviews 5/4/1, oc2.csv ignored), 892/2024 failed (episodes.csv unreadable), folder 999 refused
 * run 2: 891/2023 unchanged (3 files), 891/2024 loaded again (header 3/3/0, reviews 5/5/0)
 * run 3: nothing yet (running)
 * </pre>
 * Now loaded: 891/2023 by run 1 with 1 reject, 891/2024 by run 2 with none; so run 1's reject
 * report holds 1 row, run 2's none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadRunsTest {

    private Warehouse warehouse;
    private LoadRuns runs;

    @BeforeAll
    void aWarehouseWithAHistory(@TempDir Path folder) throws Exception {
        warehouse = Warehouse.open(folder.resolve("history.duckdb"));
        warehouse.write(connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("""
                        INSERT INTO dim_authority VALUES
                          ('891', 'E10000024', 'Nottinghamshire', 'E12000004', 'East Midlands', 'E12000004', 'East Midlands', 'E10', true),
                          ('892', 'E06000018', 'Nottingham', 'E12000004', 'East Midlands', 'E12000004', 'East Midlands', 'E06', true),
                          ('909', 'E10000006', 'Cumbria', 'E12000002', 'North West', 'E12000002', 'North West', 'E10', false)""");
                sql.execute("""
                        INSERT INTO etl_file_load (job_execution_id, la_code, year, folder, file_name, status, rows_read, rows_loaded,
                                                   rows_rejected, message, finished_at) VALUES
                          (1, '891', 2023, '891/2023', 'header.csv',   'loaded', 2, 2, 0, 'loaded; 1 rows rejected', now()),
                          (1, '891', 2023, '891/2023', 'episodes.csv', 'loaded', 3, 3, 0, 'loaded; 1 rows rejected', now()),
                          (1, '891', 2023, '891/2023', 'reviews.csv',  'loaded', 3, 2, 1, 'loaded; 1 rows rejected', now()),
                          (1, '891', 2024, '891/2024', 'header.csv',   'loaded', 3, 3, 0, 'loaded; 1 rows rejected', now()),
                          (1, '891', 2024, '891/2024', 'reviews.csv',  'loaded', 5, 4, 1, 'loaded; 1 rows rejected', now()),
                          (1, '891', 2024, '891/2024', 'oc2.csv',      'ignored', 0, 0, 0, 'not used by IRO Insight', now()),
                          (1, '892', 2024, '892/2024', 'episodes.csv', 'failed', 0, 0, 0, 'episodes.csv: is empty', now()),
                          (1, NULL, NULL,  '999',      '',             'failed', 0, 0, 0, 'folder ''999'' is not a DfE LA code', now()),
                          (2, '891', 2023, '891/2023', 'header.csv',   'unchanged', 0, 0, 0, 'unchanged since the last load', now()),
                          (2, '891', 2023, '891/2023', 'episodes.csv', 'unchanged', 0, 0, 0, 'unchanged since the last load', now()),
                          (2, '891', 2023, '891/2023', 'reviews.csv',  'unchanged', 0, 0, 0, 'unchanged since the last load', now()),
                          (2, '891', 2024, '891/2024', 'header.csv',   'loaded', 3, 3, 0, 'loaded', now()),
                          (2, '891', 2024, '891/2024', 'reviews.csv',  'loaded', 5, 5, 0, 'loaded', now())""");
                sql.execute("""
                        INSERT INTO etl_la_year (la_code, year, fingerprint, loaded_at, job_execution_id, children, rows_loaded, rows_rejected) VALUES
                          ('891', 2023, 'a', now(), 1, 2, 7, 1),
                          ('891', 2024, 'b', now(), 2, 3, 8, 0)""");
                sql.execute("""
                        INSERT INTO etl_reject (la_code, year, file_name, line, field, value, reason) VALUES
                          ('891', 2023, 'reviews.csv', 3, 'PN', 'PN0', 'PN0 is for a child under 4')""");
            }
            return null;
        });
        runs = new LoadRuns(warehouse);
    }

    @AfterAll
    void close() {
        warehouse.close();
    }

    @Test
    void eachRunCountsItsLaYearsByWhatHappenedAndAddsUpItsRows() {
        Map<Long, LoadRuns.RunTotals> totals = runs.totalsSince(1);

        assertThat(totals).containsOnlyKeys(1L, 2L);
        assertThat(totals.get(1L)).isEqualTo(new LoadRuns.RunTotals(1, 2, 0, 1, 1, 16, 14, 2, 1));
        assertThat(totals.get(2L)).isEqualTo(new LoadRuns.RunTotals(2, 1, 1, 0, 0, 8, 8, 0, 0));
    }

    @Test
    void onlyRunsFromTheOldestShownAreCounted() {
        assertThat(runs.totalsSince(2)).containsOnlyKeys(2L);
        assertThat(runs.totalsSince(3)).isEmpty();
    }

    @Test
    void aRunsFilesListFailuresFirstThenByFolderAndFileWithTheAuthoritysName() {
        assertThat(runs.files(1))
                .extracting(f -> f.folder() + " " + f.laName() + " " + f.fileName() + " " + f.status() + " " + f.rowsRead() + "/"
                        + f.rowsLoaded() + "/" + f.rowsRejected() + " " + f.message())
                .containsExactly(
                        "892/2024 Nottingham episodes.csv failed 0/0/0 episodes.csv: is empty",
                        "999   failed 0/0/0 folder '999' is not a DfE LA code",
                        "891/2023 Nottinghamshire episodes.csv loaded 3/3/0 loaded; 1 rows rejected",
                        "891/2023 Nottinghamshire header.csv loaded 2/2/0 loaded; 1 rows rejected",
                        "891/2023 Nottinghamshire reviews.csv loaded 3/2/1 loaded; 1 rows rejected",
                        "891/2024 Nottinghamshire header.csv loaded 3/3/0 loaded; 1 rows rejected",
                        "891/2024 Nottinghamshire oc2.csv ignored 0/0/0 not used by IRO Insight",
                        "891/2024 Nottinghamshire reviews.csv loaded 5/4/1 loaded; 1 rows rejected");
        assertThat(runs.files(3)).isEmpty();
    }

    @Test
    void theAuthoritiesOfferedAreTheCurrentOnesByName() {
        assertThat(runs.authorities()).extracting(Authorities.Authority::label).containsExactly("Nottingham (892)", "Nottinghamshire (891)");
    }
}
