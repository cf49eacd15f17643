package uk.iroinsight.etl.published;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import uk.iroinsight.etl.csv.CsvFile;
import uk.iroinsight.etl.csv.UnreadableFileException;
import uk.iroinsight.etl.inbox.Authorities;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.warehouse.PublishedFigures;
import uk.iroinsight.warehouse.Warehouse;

/**
 * Loads the published DfE files of the inbox ({@code INBOX/published/*.csv}): newer releases of
 * the figures shipped under {@code etl/reference/published/}, or DfE corrections of one. Each
 * file is read once, checked whole ({@link PublishedFile}) and written in a transaction of its own
 * together with the re-ranking of the releases and its line in the run's history
 * ({@code etl_file_load}, folder {@code published}), so a reader sees the release before it or
 * after it. A file that is refused changes nothing; the others still load.
 */
public final class PublishedInbox {

    /** The inbox folder holding published files, and {@code etl_file_load.folder} for them. */
    public static final String FOLDER = "published";

    /** What happened to one file: loaded, unchanged or failed, with a one-line note. */
    public record Result(String fileName, String status, int rowsRead, int figures, String note) {
    }

    private final Warehouse warehouse;
    private final Authorities authorities;
    private final Clock clock;

    public PublishedInbox(Warehouse warehouse, Authorities authorities, Clock clock) {
        this.warehouse = warehouse;
        this.authorities = authorities;
        this.clock = clock;
    }

    /** Loads each file in turn; a refused file is recorded as failed and the rest go on. */
    public List<Result> load(List<Path> files, Long jobExecutionId) throws SQLException {
        List<Result> results = new ArrayList<>();
        for (Path path : files) {
            results.add(loadOne(path, jobExecutionId));
        }
        return results;
    }

    private Result loadOne(Path path, Long jobExecutionId) throws SQLException {
        String fileName = path.getFileName().toString();
        String sourceFile = "inbox/" + FOLDER + "/" + fileName;
        Instant now = clock.instant();
        PublishedFile.Checked checked;
        byte[] bytes;
        try {
            bytes = CsvFile.readBytes(path);
            checked = PublishedFile.check(CsvFile.parseBytes(path, bytes), sourceFile, authorities, InboxScanner.latestYear(clock));
        } catch (UnreadableFileException e) {
            return failed(fileName, 0, sourceFile + " " + e.reason(), jobExecutionId, now);
        } catch (PublishedFileException e) {
            return failed(fileName, 0, e.getMessage(), jobExecutionId, now);
        }
        byte[] loaded = bytes;
        return warehouse.write(connection -> {
            PublishedFigures.Outcome outcome = PublishedFigures.write(connection, checked.toWrite(), loaded, sourceFile,
                    PublishedFigures.Origin.INBOX, jobExecutionId, now);
            if (outcome.status().equals("loaded")) {
                PublishedFigures.rank(connection);
            }
            String note = checked.release() + ", " + checked.firstYear() + "-" + checked.lastYear() + ": " + outcome.note();
            Result result = new Result(fileName, outcome.status(), checked.rows(), outcome.figures(), note);
            record(connection, result, jobExecutionId, now);
            return result;
        });
    }

    private Result failed(String fileName, int rowsRead, String message, Long jobExecutionId, Instant now) throws SQLException {
        Result result = new Result(fileName, "failed", rowsRead, 0, message);
        warehouse.write(connection -> {
            record(connection, result, jobExecutionId, now);
            return null;
        });
        return result;
    }

    private static void record(java.sql.Connection connection, Result result, Long jobExecutionId, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO etl_file_load (job_execution_id, la_code, year, folder, file_name, status, rows_read, rows_loaded,
                                           rows_rejected, message, finished_at)
                VALUES (?, NULL, NULL, ?, ?, ?, ?, ?, 0, ?, ?)""")) {
            insert.setObject(1, jobExecutionId);
            insert.setString(2, FOLDER);
            insert.setString(3, result.fileName());
            insert.setString(4, result.status());
            insert.setInt(5, result.rowsRead());
            insert.setInt(6, result.figures());
            insert.setString(7, result.note());
            insert.setTimestamp(8, Timestamp.from(now));
            insert.executeUpdate();
        }
    }
}
