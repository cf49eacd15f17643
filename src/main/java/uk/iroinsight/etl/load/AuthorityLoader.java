package uk.iroinsight.etl.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import uk.iroinsight.etl.csv.CsvFile;
import uk.iroinsight.etl.csv.UnreadableFileException;
import uk.iroinsight.etl.inbox.InboxScan.LaYearFolder;
import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.etl.validation.ReturnValidator;
import uk.iroinsight.etl.validation.ValidatedReturn;
import uk.iroinsight.etl.validation.ValidatedReturn.FileCount;
import uk.iroinsight.warehouse.DerivedFacts;
import uk.iroinsight.warehouse.SqlScripts;
import uk.iroinsight.warehouse.Warehouse;

/**
 * Loads one authority's LA-year folders: each year is fingerprinted (unchanged years are
 * skipped), read, validated and staged on its own; then every staged year of the authority is
 * swapped in and the authority's derived facts rebuilt, in one transaction. A year whose files
 * cannot be read fails alone and keeps its previous data.
 */
public final class AuthorityLoader {

    private final Warehouse warehouse;
    private final ReturnValidator validator;
    private final Stager stager;
    private final Clock clock;

    public AuthorityLoader(Warehouse warehouse, ReturnValidator validator, Pseudonymiser pseudonymiser, Clock clock) {
        this.warehouse = warehouse;
        this.validator = validator;
        this.stager = new Stager(pseudonymiser);
        this.clock = clock;
    }

    /** Discards staging rows left by a process that died; call once before a run's loads. */
    public void clearAllStaging() throws SQLException {
        warehouse.writeAutoCommit(connection -> {
            SqlScripts.setVariable(connection, "load_id", null);
            SqlScripts.run(connection, "warehouse/load/clear_staging.sql");
            return null;
        });
    }

    public List<LaYearResult> load(String laCode, List<LaYearFolder> years, Long jobExecutionId) throws SQLException {
        List<LaYearResult> results = new ArrayList<>();
        List<Staged> staged = new ArrayList<>();
        try {
            for (LaYearFolder folder : years) {
                String fingerprint = Fingerprint.of(folder.files());
                if (fingerprint.equals(loadedFingerprint(laCode, folder.year()))) {
                    results.add(new LaYearResult(laCode, folder.year(), folder.folder(), LaYearResult.Status.UNCHANGED,
                            "unchanged since the last load", unchangedCounts(folder), List.of(), folder.ignored()));
                    continue;
                }
                Map<String, CsvFile> files;
                try {
                    files = ReturnReader.read(folder, validator);
                } catch (UnreadableFileException e) {
                    results.add(new LaYearResult(laCode, folder.year(), folder.folder(), LaYearResult.Status.FAILED,
                            e.getMessage(), Map.of(e.fileName(), new FileCount(0, 0, 0)), List.of(), folder.ignored()));
                    continue;
                }
                ValidatedReturn validated = validator.validate(laCode, folder.year(), files);
                String loadId = UUID.randomUUID().toString();
                warehouse.writeAutoCommit(connection -> {
                    stager.stage(connection, loadId, validated);
                    return null;
                });
                LoadFaults.afterStaging();
                staged.add(new Staged(folder, validated, loadId, fingerprint));
                results.add(new LaYearResult(laCode, folder.year(), folder.folder(), LaYearResult.Status.LOADED,
                        validated.rowsRejected() == 0 ? "loaded" : "loaded; " + validated.rowsRejected() + " rows rejected",
                        validated.files(), validated.rejections(), folder.ignored()));
            }
            Instant now = clock.instant();
            warehouse.write(connection -> {
                for (Staged s : staged) {
                    SqlScripts.setVariable(connection, "la_code", laCode);
                    SqlScripts.setVariable(connection, "year", (short) s.folder().year());
                    SqlScripts.setVariable(connection, "load_id", s.loadId());
                    SqlScripts.run(connection, "warehouse/load/swap_la_year.sql");
                    recordLaYear(connection, s, jobExecutionId, now);
                }
                if (!staged.isEmpty()) {
                    DerivedFacts.rebuild(connection, laCode);
                }
                for (LaYearResult result : results) {
                    recordFiles(connection, result, jobExecutionId, now);
                }
                return null;
            });
            if (!staged.isEmpty()) {
                LoadFaults.afterSwap();
            }
            return results;
        } finally {
            for (Staged s : staged) {
                warehouse.writeAutoCommit(connection -> {
                    SqlScripts.setVariable(connection, "load_id", s.loadId());
                    SqlScripts.run(connection, "warehouse/load/clear_staging.sql");
                    return null;
                });
            }
        }
    }

    private static Map<String, FileCount> unchangedCounts(LaYearFolder folder) {
        Map<String, FileCount> counts = new java.util.TreeMap<>();
        folder.files().keySet().forEach(name -> counts.put(name, new FileCount(0, 0, 0)));
        return counts;
    }

    private String loadedFingerprint(String laCode, int year) throws SQLException {
        try (Connection connection = warehouse.connect();
                PreparedStatement query = connection.prepareStatement("SELECT fingerprint FROM etl_la_year WHERE la_code = ? AND year = ?")) {
            query.setString(1, laCode);
            query.setInt(2, year);
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void recordLaYear(Connection connection, Staged s, Long jobExecutionId, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT OR REPLACE INTO etl_la_year (la_code, year, fingerprint, loaded_at, job_execution_id, children, rows_loaded, rows_rejected, files)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, string_split(?, ','))""")) {
            insert.setString(1, s.validated().laCode());
            insert.setInt(2, s.validated().year());
            insert.setString(3, s.fingerprint());
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setObject(5, jobExecutionId);
            insert.setInt(6, s.validated().headers().size());
            insert.setInt(7, s.validated().rowsLoaded());
            insert.setInt(8, s.validated().rowsRejected());
            insert.setString(9, String.join(",", new java.util.TreeSet<>(s.validated().files().keySet())));
            insert.execute();
        }
    }

    private static void recordFiles(Connection connection, LaYearResult result, Long jobExecutionId, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO etl_file_load (job_execution_id, la_code, year, folder, file_name, status, rows_read, rows_loaded, rows_rejected, message, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (var file : result.files().entrySet()) {
                insert.setObject(1, jobExecutionId);
                insert.setString(2, result.laCode());
                insert.setInt(3, result.year());
                insert.setString(4, result.folder());
                insert.setString(5, file.getKey());
                insert.setString(6, result.status().name().toLowerCase(java.util.Locale.ROOT));
                insert.setInt(7, file.getValue().read());
                insert.setInt(8, file.getValue().loaded());
                insert.setInt(9, file.getValue().rejected());
                insert.setString(10, result.message());
                insert.setTimestamp(11, Timestamp.from(now));
                insert.addBatch();
            }
            for (String ignored : result.ignored()) {
                insert.setObject(1, jobExecutionId);
                insert.setString(2, result.laCode());
                insert.setInt(3, result.year());
                insert.setString(4, result.folder());
                insert.setString(5, ignored);
                insert.setString(6, "ignored");
                insert.setInt(7, 0);
                insert.setInt(8, 0);
                insert.setInt(9, 0);
                insert.setString(10, "not used by IRO Insight");
                insert.setTimestamp(11, Timestamp.from(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private record Staged(LaYearFolder folder, ValidatedReturn validated, String loadId, String fingerprint) {
    }
}
