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

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import uk.iroinsight.etl.csv.CsvFile;
import uk.iroinsight.etl.csv.UnreadableFileException;
import uk.iroinsight.etl.inbox.InboxScan.LaYearFolder;
import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.etl.validation.ReturnValidator;
import uk.iroinsight.etl.validation.ValidatedReturn;
import uk.iroinsight.etl.validation.ValidatedReturn.FileCount;
import uk.iroinsight.warehouse.DerivedFacts;
import uk.iroinsight.warehouse.FaultInjection;
import uk.iroinsight.warehouse.SqlScripts;
import uk.iroinsight.warehouse.Warehouse;

/**
 * Loads authorities' LA-year folders in two phases.
 * <ol>
 * <li>{@link #stage}: each year of one authority is fingerprinted (unchanged years are
 * skipped), read, validated and appended to the staging tables in a transaction of its own,
 * without waiting for other writers, so authorities stage in parallel and while a swap runs. When
 * every year of the authority is staged, one more transaction marks them ready (stg_la_year). A
 * year whose files cannot be read fails alone and keeps its previous data.</li>
 * <li>{@link #swapStaged}: every LA-year marked ready is swapped in, set-based, and the derived
 * facts of their authorities rebuilt, in one transaction ({@code warehouse/load/swap.sql},
 * {@link DerivedFacts}). Swapping many authorities at once costs little more than swapping
 * one, so the load job swaps in batches of millions of rows.</li>
 * </ol>
 */
public final class AuthorityLoader {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuthorityLoader.class);
    private static final long LOAD_ID_MIN = 131_621_703_842_267_136L; // 36^11: the smallest 12-digit base-36 number
    private static final long LOAD_ID_MAX = 4_738_381_338_321_616_896L; // 36^12

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
            SqlScripts.run(connection, "warehouse/load/clear_staging.sql");
            return null;
        });
    }

    /** Stages and swaps in one authority's years (the load job stages and swaps separately). */
    public List<LaYearResult> load(String laCode, List<LaYearFolder> years, Long jobExecutionId) throws SQLException {
        Staging staging = stageYears(laCode, years, jobExecutionId);
        swap(staging.loadIds());
        return staging.results();
    }

    /**
     * Stages one authority's changed years and marks them ready to swap; records at once the
     * files of its unchanged and unreadable years. Returns what happened to each year.
     */
    public List<LaYearResult> stage(String laCode, List<LaYearFolder> years, Long jobExecutionId) throws SQLException {
        return stageYears(laCode, years, jobExecutionId).results();
    }

    /** Rows staged and ready to swap for a job run (null: for loads outside a job). */
    public long stagedRows(Long jobExecutionId) throws SQLException {
        try (Connection connection = warehouse.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT coalesce(sum(rows_loaded), 0) FROM stg_la_year WHERE job_execution_id IS NOT DISTINCT FROM ?")) {
            query.setObject(1, jobExecutionId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Swaps in every LA-year of the job run marked ready, if they hold at least {@code minRows}
     * rows, in one transaction; returns the number of LA-years swapped.
     */
    public int swapStaged(Long jobExecutionId, long minRows) throws SQLException {
        return swapWhere("job_execution_id IS NOT DISTINCT FROM ?", jobExecutionId, minRows);
    }

    private int swap(List<String> loadIds) throws SQLException {
        if (loadIds.isEmpty()) {
            return 0;
        }
        return swapWhere("list_contains(string_split(?, ','), load_id)", String.join(",", loadIds), 0);
    }

    private int swapWhere(String condition, Object parameter, long minRows) throws SQLException {
        Instant now = clock.instant();
        long started = System.nanoTime();
        int swapped = warehouse.write(connection -> {
            try (PreparedStatement scope = connection.prepareStatement(
                    "CREATE OR REPLACE TEMP TABLE swap_scope AS SELECT load_id, la_code, year, rows_loaded FROM stg_la_year WHERE " + condition)) {
                scope.setObject(1, parameter);
                scope.execute();
            }
            List<String> authorities = new ArrayList<>();
            long rows = 0;
            try (var statement = connection.createStatement();
                    var found = statement.executeQuery("SELECT la_code, sum(rows_loaded) FROM swap_scope GROUP BY la_code ORDER BY la_code")) {
                while (found.next()) {
                    authorities.add(found.getString(1));
                    rows += found.getLong(2);
                }
            }
            int laYears = 0;
            if (!authorities.isEmpty() && rows >= minRows) {
                SqlScripts.setVariable(connection, "loaded_at", Timestamp.from(now));
                SqlScripts.run(connection, "warehouse/load/swap.sql");
                DerivedFacts.rebuild(connection, authorities);
                FaultInjection.at("in-swap");
                try (var statement = connection.createStatement(); var count = statement.executeQuery("SELECT count(*) FROM swap_scope")) {
                    count.next();
                    laYears = count.getInt(1);
                }
            }
            try (var statement = connection.createStatement()) {
                statement.execute("DROP TABLE swap_scope");
            }
            return laYears;
        });
        if (swapped > 0) {
            LOG.debug("swapped {} LA-years in {} ms", swapped, ms(System.nanoTime() - started));
            FaultInjection.at("after-swap");
        }
        return swapped;
    }

    private Staging stageYears(String laCode, List<LaYearFolder> years, Long jobExecutionId) throws SQLException {
        List<LaYearResult> results = new ArrayList<>();
        List<Staged> staged = new ArrayList<>();
        long started = System.nanoTime();
        long reading = 0;
        long validating = 0;
        long staging = 0;
        Map<Integer, String> loaded = loadedFingerprints(laCode);
        for (LaYearFolder folder : years) {
            long t0 = System.nanoTime();
            ReturnReader.Snapshot snapshot = ReturnReader.Snapshot.of(folder);
            String fingerprint = Fingerprint.of(snapshot);
            if (fingerprint.equals(loaded.get(folder.year()))) {
                results.add(new LaYearResult(laCode, folder.year(), folder.folder(), LaYearResult.Status.UNCHANGED,
                        "unchanged since the last load", unchangedCounts(folder), List.of(), folder.ignored()));
                continue;
            }
            Map<String, CsvFile> files;
            try {
                files = ReturnReader.parse(snapshot, validator);
                var changed = snapshot.changed();
                if (changed.isPresent()) {
                    throw new UnreadableFileException(changed.get(), "changed while the load read it (is it still being written?): "
                            + "the LA-year keeps its previous data and the next run loads it");
                }
            } catch (UnreadableFileException e) {
                results.add(new LaYearResult(laCode, folder.year(), folder.folder(), LaYearResult.Status.FAILED,
                        e.getMessage(), Map.of(e.fileName(), new FileCount(0, 0, 0)), List.of(), folder.ignored()));
                continue;
            }
            long t1 = System.nanoTime();
            reading += t1 - t0;
            ValidatedReturn validated = validator.validate(laCode, folder.year(), files);
            long t2 = System.nanoTime();
            validating += t2 - t1;
            LaYearResult result = new LaYearResult(laCode, folder.year(), folder.folder(), LaYearResult.Status.LOADED,
                    validated.rowsRejected() == 0 ? "loaded" : "loaded; " + validated.rowsRejected() + " rows rejected",
                    validated.files(), validated.rejections(), folder.ignored());
            staged.add(new Staged(newLoadId(), validated, fingerprint, result));
            results.add(result);
        }
        // One transaction for the authority: its years' rows, their files' history and the
        // marks that make them ready to swap (an appender per table for all of them).
        long t3 = System.nanoTime();
        Instant now = clock.instant();
        try (Stager.Memory memory = new Stager.Memory()) {
            warehouse.writeStaging(connection -> {
                stager.stage(connection, staged.stream().map(s -> new Stager.Load(s.loadId(), s.validated())).toList(), memory);
                recordFiles(connection, "stg_file_load", staged.stream().map(Staged::result).toList(),
                        staged.stream().map(Staged::loadId).toList(), jobExecutionId, now);
                markReady(connection, staged, jobExecutionId);
                recordFiles(connection, "etl_file_load", results.stream().filter(r -> r.status() != LaYearResult.Status.LOADED).toList(),
                        null, jobExecutionId, now);
                return null;
            });
        }
        staging = System.nanoTime() - t3;
        if (!staged.isEmpty()) {
            FaultInjection.at("after-staging");
        }
        LOG.debug("{}: staged {} LA-years in {} ms (fingerprint and read {} ms, validate {} ms, stage {} ms)", laCode, staged.size(),
                ms(System.nanoTime() - started), ms(reading), ms(validating), ms(staging));
        return new Staging(results, staged.stream().map(Staged::loadId).toList());
    }

    /**
     * A random id for one staged LA-year: 12 base-36 characters (62 bits), short enough for DuckDB
     * to keep inline in every staged row (a UUID's 36 characters made staging a third slower).
     */
    static String newLoadId() {
        return Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(LOAD_ID_MIN, LOAD_ID_MAX), 36);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static Map<String, FileCount> unchangedCounts(LaYearFolder folder) {
        Map<String, FileCount> counts = new java.util.TreeMap<>();
        folder.files().keySet().forEach(name -> counts.put(name, new FileCount(0, 0, 0)));
        return counts;
    }

    /** The fingerprints of the authority's loaded years, by year. */
    private Map<Integer, String> loadedFingerprints(String laCode) throws SQLException {
        Map<Integer, String> loaded = new java.util.HashMap<>();
        try (Connection connection = warehouse.connect();
                PreparedStatement query = connection.prepareStatement("SELECT year, fingerprint FROM etl_la_year WHERE la_code = ?")) {
            query.setString(1, laCode);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    loaded.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return loaded;
    }

    /** Marks staged LA-years ready to swap (stg_la_year), with one appender. */
    private static void markReady(Connection connection, List<Staged> staged, Long jobExecutionId) throws SQLException {
        try (DuckDBAppender a = connection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_la_year")) {
            for (Staged s : staged) {
                a.beginRow().append(s.loadId()).append(s.validated().laCode()).append((short) s.validated().year()).append(s.fingerprint());
                nullable(a, jobExecutionId);
                a.append(s.validated().headers().size()).append(s.validated().rowsLoaded()).append(s.validated().rowsRejected())
                        .append(String.join(",", new java.util.TreeSet<>(s.validated().files().keySet()))).endRow();
            }
        }
    }

    /**
     * Appends the per-file history rows of LA-years to etl_file_load, or, with their load ids, to
     * stg_file_load (their swap moves them).
     */
    private static void recordFiles(Connection connection, String table, List<LaYearResult> results, List<String> loadIds,
            Long jobExecutionId, Instant now) throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        java.time.LocalDateTime finished = java.time.LocalDateTime.ofInstant(now, java.time.ZoneId.systemDefault());
        try (DuckDBAppender a = connection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (int i = 0; i < results.size(); i++) {
                LaYearResult result = results.get(i);
                String loadId = loadIds == null ? null : loadIds.get(i);
                String status = result.status().name().toLowerCase(java.util.Locale.ROOT);
                for (var file : result.files().entrySet()) {
                    fileRow(a, loadId, jobExecutionId, result, file.getKey(), status, file.getValue(), result.message(), finished);
                }
                for (String ignored : result.ignored()) {
                    fileRow(a, loadId, jobExecutionId, result, ignored, "ignored", new FileCount(0, 0, 0), "not used by IRO Insight", finished);
                }
            }
        }
    }

    private static void fileRow(DuckDBAppender a, String loadId, Long jobExecutionId, LaYearResult result, String fileName, String status,
            FileCount count, String message, java.time.LocalDateTime finished) throws SQLException {
        a.beginRow();
        if (loadId != null) {
            a.append(loadId);
        }
        nullable(a, jobExecutionId);
        a.append(result.laCode()).append((short) result.year()).append(result.folder()).append(fileName).append(status)
                .append(count.read()).append(count.loaded()).append(count.rejected());
        if (message == null) {
            a.appendNull();
        } else {
            a.append(message);
        }
        a.append(finished).endRow();
    }

    private static void nullable(DuckDBAppender a, Long value) throws SQLException {
        if (value == null) {
            a.appendNull();
        } else {
            a.append(value.longValue());
        }
    }

    private record Staged(String loadId, ValidatedReturn validated, String fingerprint, LaYearResult result) {
    }

    private record Staging(List<LaYearResult> results, List<String> loadIds) {
    }
}
