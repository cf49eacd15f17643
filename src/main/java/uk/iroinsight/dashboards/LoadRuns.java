package uk.iroinsight.dashboards;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import uk.iroinsight.dashboards.admin.Authorities;
import uk.iroinsight.warehouse.Warehouse;

/**
 * What each load run did, from the warehouse's file history ({@code etl_file_load}): per run the
 * LA-years loaded, unchanged and failed and the rows read, loaded and rejected; per file of a run
 * its status, counts and message. The run itself (start, end, status) is in the batch repository.
 */
@Service
class LoadRuns {

    /**
     * One run in totals. {@code laYearsFailed} counts LA-years whose files could not be read;
     * {@code foldersRefused} folders the scan could not use at all (not an authority or a year).
     * {@code rejectsNow} is the size of its reject report: rejected rows of the LA-years it loaded
     * that are still loaded as it left them.
     */
    record RunTotals(long jobExecutionId, int laYearsLoaded, int laYearsUnchanged, int laYearsFailed, int foldersRefused,
            long rowsRead, long rowsLoaded, long rowsRejected, long rejectsNow) {

        static RunTotals none(long jobExecutionId) {
            return new RunTotals(jobExecutionId, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** One file (or, with an empty name, one refused folder) of a run. */
    record FileRow(String folder, String laName, String fileName, String status, int rowsRead, int rowsLoaded, int rowsRejected,
            String message) {
    }

    private final Warehouse warehouse;

    LoadRuns(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The totals of every run numbered {@code fromJobExecutionId} or later, by run. */
    Map<Long, RunTotals> totalsSince(long fromJobExecutionId) {
        return warehouse.query("the load history", """
                WITH files AS (
                    SELECT job_execution_id,
                           count(DISTINCT folder) FILTER (WHERE status = 'loaded' AND la_code IS NOT NULL) AS loaded,
                           count(DISTINCT folder) FILTER (WHERE status = 'unchanged' AND la_code IS NOT NULL) AS unchanged,
                           count(DISTINCT folder) FILTER (WHERE status = 'failed' AND la_code IS NOT NULL) AS failed,
                           count(DISTINCT folder) FILTER (WHERE status = 'failed' AND la_code IS NULL) AS refused,
                           sum(rows_read) FILTER (WHERE la_code IS NOT NULL) AS rows_read,
                           sum(rows_loaded) FILTER (WHERE la_code IS NOT NULL) AS rows_loaded,
                           sum(rows_rejected) AS rows_rejected
                    FROM etl_file_load WHERE job_execution_id >= ? GROUP BY job_execution_id),
                rejects AS (
                    SELECT l.job_execution_id, count(*) AS rejects_now
                    FROM etl_reject r JOIN etl_la_year l ON l.la_code = r.la_code AND l.year = r.year
                    WHERE l.job_execution_id >= ? GROUP BY l.job_execution_id)
                SELECT f.*, coalesce(r.rejects_now, 0) FROM files f LEFT JOIN rejects r USING (job_execution_id)""",
                row -> new RunTotals(row.getLong(1), row.getInt(2), row.getInt(3), row.getInt(4), row.getInt(5),
                        row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9)),
                fromJobExecutionId, fromJobExecutionId)
                .stream().collect(Collectors.toMap(RunTotals::jobExecutionId, Function.identity()));
    }

    /** What a run did, file by file: refused folders and failures first, then by folder and file. */
    List<FileRow> files(long jobExecutionId) {
        return warehouse.query("the files of load run " + jobExecutionId, """
                SELECT f.folder, coalesce(a.la_name, ''), f.file_name, f.status, f.rows_read, f.rows_loaded, f.rows_rejected,
                       coalesce(f.message, '')
                FROM etl_file_load f LEFT JOIN dim_authority a ON a.la_code = f.la_code
                WHERE f.job_execution_id = ?
                ORDER BY f.status <> 'failed', f.folder, f.file_name""",
                row -> new FileRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5), row.getInt(6),
                        row.getInt(7), row.getString(8)),
                jobExecutionId);
    }

    /** The current English authorities, by name: those the inbox may hold returns of. */
    List<Authorities.Authority> authorities() {
        return Authorities.current(warehouse);
    }
}
