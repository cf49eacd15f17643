package uk.iroinsight.etl.job;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import uk.iroinsight.etl.inbox.InboxScan;
import uk.iroinsight.warehouse.Warehouse;

/**
 * The load history kept in the warehouse: what each run did per file, and the rejected rows of
 * the LA-years now loaded (the reject report).
 */
@Component
public class LoadHistory {

    /** One file of one LA-year in one run. */
    public record FileLoad(Long jobExecutionId, String laCode, Integer year, String folder, String fileName, String status,
            int rowsRead, int rowsLoaded, int rowsRejected, String message) {
    }

    /** One rejected row, as stored (identifying values withheld). */
    public record RejectedRow(String laCode, int year, String fileName, int line, String field, String value, String reason) {
    }

    private final Warehouse warehouse;
    private final Clock clock;

    LoadHistory(Warehouse warehouse, Clock clock) {
        this.warehouse = warehouse;
        this.clock = clock;
    }

    void recordProblems(Long jobExecutionId, List<InboxScan.Problem> problems) throws SQLException {
        if (problems.isEmpty()) {
            return;
        }
        warehouse.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO etl_file_load (job_execution_id, folder, file_name, status, rows_read, rows_loaded, rows_rejected, message, finished_at)
                    VALUES (?, ?, '', 'failed', 0, 0, 0, ?, ?)""")) {
                for (InboxScan.Problem problem : problems) {
                    insert.setObject(1, jobExecutionId);
                    insert.setString(2, problem.folder());
                    insert.setString(3, problem.reason());
                    insert.setTimestamp(4, Timestamp.from(clock.instant()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** What the warehouse holds now: returns loaded per authority and year (etl_la_year). */
    public record Loaded(int authorities, int laYears, long rowsLoaded, long rowsRejected) {
    }

    /** The LA-years of record-level returns the warehouse holds now. */
    public Loaded loaded() {
        return query("""
                SELECT count(DISTINCT la_code), count(*), coalesce(sum(rows_loaded), 0), coalesce(sum(rows_rejected), 0)
                FROM etl_la_year""",
                rows -> new Loaded(rows.getInt(1), rows.getInt(2), rows.getLong(3), rows.getLong(4))).get(0);
    }

    /**
     * What a run did in LA-years (folders): loaded, unchanged, unreadable (a file could not be
     * read), refused (not an LA-year folder), and its rows loaded and rejected; and its published
     * DfE files (INBOX/published/) loaded and refused.
     */
    public record RunTotals(int loaded, int unchanged, int unreadable, int refusedFolders, long rowsLoaded, long rowsRejected,
            int publishedLoaded, int publishedRefused) {
    }

    public RunTotals runTotals(long jobExecutionId) {
        return query("""
                SELECT count(DISTINCT folder) FILTER (WHERE status = 'loaded' AND NOT published),
                       count(DISTINCT folder) FILTER (WHERE status = 'unchanged' AND NOT published),
                       count(DISTINCT folder) FILTER (WHERE status = 'failed' AND la_code IS NOT NULL),
                       count(DISTINCT folder) FILTER (WHERE status = 'failed' AND la_code IS NULL AND NOT published),
                       coalesce(sum(rows_loaded) FILTER (WHERE NOT published), 0), coalesce(sum(rows_rejected), 0),
                       count(*) FILTER (WHERE status = 'loaded' AND published),
                       count(*) FILTER (WHERE status = 'failed' AND published)
                FROM (SELECT *, folder = 'published' AND la_code IS NULL AND file_name <> '' AS published
                      FROM etl_file_load WHERE job_execution_id = ?)""",
                rows -> new RunTotals(rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getInt(4), rows.getLong(5), rows.getLong(6),
                        rows.getInt(7), rows.getInt(8)),
                jobExecutionId).get(0);
    }

    /** Files or folders of a run that could not be loaded. */
    public long failures(long jobExecutionId) {
        return query("SELECT count(DISTINCT folder) FROM etl_file_load WHERE job_execution_id = ? AND status = 'failed'",
                rows -> rows.getLong(1), jobExecutionId).get(0);
    }

    /** What a run did, file by file. */
    public List<FileLoad> fileLoads(long jobExecutionId) {
        return query("""
                SELECT job_execution_id, la_code, year, folder, file_name, status, rows_read, rows_loaded, rows_rejected, message
                FROM etl_file_load WHERE job_execution_id = ? ORDER BY folder, file_name""",
                rows -> new FileLoad(rows.getLong(1), rows.getString(2), (Integer) rows.getObject(3, Integer.class), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getInt(7), rows.getInt(8), rows.getInt(9), rows.getString(10)),
                jobExecutionId);
    }

    /** The rejected rows of an LA-year as now loaded: the reject report. */
    public List<RejectedRow> rejects(String laCode, int year) {
        return query("""
                SELECT la_code, year, file_name, line, field, value, reason FROM etl_reject
                WHERE la_code = ? AND year = ? ORDER BY file_name, line""",
                rows -> new RejectedRow(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getInt(4), rows.getString(5),
                        rows.getString(6), rows.getString(7)),
                laCode, year);
    }

    /**
     * The rejected rows of the LA-years a run loaded and that are still loaded as that run left
     * them (an LA-year loaded again since belongs to the later run's report).
     */
    public List<RejectedRow> runRejects(long jobExecutionId) {
        return query("""
                SELECT r.la_code, r.year, r.file_name, r.line, r.field, r.value, r.reason
                FROM etl_reject r JOIN etl_la_year l ON l.la_code = r.la_code AND l.year = r.year
                WHERE l.job_execution_id = ? ORDER BY r.la_code, r.year, r.file_name, r.line""",
                rows -> new RejectedRow(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getInt(4), rows.getString(5),
                        rows.getString(6), rows.getString(7)),
                jobExecutionId);
    }

    /** Writes the reject report of an LA-year as CSV (file, line, field, value, reason). */
    public void writeRejectReport(String laCode, int year, Appendable out) throws java.io.IOException {
        writeCsv(rejects(laCode, year), out);
    }

    /** Writes the reject report of the LA-years a run loaded ({@link #runRejects}) as CSV. */
    public void writeRunRejectReport(long jobExecutionId, Appendable out) throws java.io.IOException {
        writeCsv(runRejects(jobExecutionId), out);
    }

    /** RFC 4180: a header, CRLF after every record, cells quoted where needed (see {@link #csv}). */
    static void writeCsv(List<RejectedRow> rows, Appendable out) throws java.io.IOException {
        out.append("la_code,year,file,line,field,value,reason\r\n");
        for (RejectedRow row : rows) {
            out.append(String.join(",", csv(row.laCode()), String.valueOf(row.year()), csv(row.fileName()), String.valueOf(row.line()),
                    csv(row.field()), csv(row.value()), csv(row.reason()))).append("\r\n");
        }
    }

    /**
     * One CSV cell: text a spreadsheet would run as a formula (starting with = + - @, a tab or a
     * carriage return) gets a leading single quote; a cell holding a comma, a quote, a line
     * break or that quote is enclosed in double quotes, inner quotes doubled.
     */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || !text.equals(value)) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private <T> List<T> query(String sql, Warehouse.RowMapper<T> mapper, Object... parameters) {
        return warehouse.query("the load history", sql, mapper, parameters);
    }
}
