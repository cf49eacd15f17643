package uk.iroinsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.IroInsight;
import uk.iroinsight.etl.WarehouseContents;

/**
 * A load killed mid-way converges when run again: a child JVM loads the three-authority inbox
 * with fault injection ({@code iro.fault.<point>=1}, see FaultInjection: after an authority's
 * staging, inside a swap's transaction, after a swap, inside the marts' rebuild), halts with exit
 * code 99 as if killed, and a second {@code load} of the same
 * inbox into the same warehouse must leave every table exactly as a clean load of that inbox
 * into a fresh warehouse does (same secrets folder, so the same pseudonyms); the killed run
 * stays in the job history, marked FAILED. Also: {@code load} twice on the same inbox leaves the
 * warehouse unchanged and records every file 'unchanged'. Tables are compared whole
 * ({@code SELECT * ... ORDER BY ALL}), less run history (etl_file_load, timestamps, job ids).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadCrashRecoveryTest {

    private static final Path INBOX = WarehouseContents.resource("inboxes/three-authorities");
    private static final long CHILD_JVM_TIMEOUT_SECONDS = 120;

    /** What a killed load left, and what running the load again made of it. */
    private record Crash(int exitCode, String stderr, long authoritiesSwapped, long stagedHeaderRows, long loadedHeaderRows,
            long martsBuiltFromLaYears, Cli.Result rerun, Map<String, List<String>> tables, List<String> batchStatuses) {
    }

    private Path folder;
    private Path secrets;
    private Path cleanDb;
    private Map<String, List<String>> clean;
    private Cli.Result cleanSecondLoad;
    private Map<String, List<String>> cleanAfterSecondLoad;
    private Crash afterSwap;
    private Crash afterStaging;
    private Crash inSwap;
    private Crash inMartsBuild;

    @BeforeAll
    void loadCleanlyTwiceThenKillTwoLoadsAndRunThemAgain(@TempDir Path temporaryFolder) throws Exception {
        folder = temporaryFolder;
        secrets = folder.resolve("secrets");
        cleanDb = folder.resolve("clean.duckdb");
        Cli.Result first = Cli.run(secrets, "load", "--inbox", INBOX.toString(), "--db", cleanDb.toString());
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        clean = WarehouseContents.tables(cleanDb);
        cleanSecondLoad = Cli.run(secrets, "load", "--inbox", INBOX.toString(), "--db", cleanDb.toString());
        cleanAfterSecondLoad = WarehouseContents.tables(cleanDb);

        afterSwap = killAndRerun("after-swap", folder.resolve("halted-after-swap.duckdb"));
        afterStaging = killAndRerun("after-staging", folder.resolve("halted-after-staging.duckdb"));
        inSwap = killAndRerun("in-swap", folder.resolve("halted-in-swap.duckdb"));
        // Pass 2: the first rebuild is the start-up one, of the new, empty warehouse.
        inMartsBuild = killAndRerun("in-marts-build", 2, folder.resolve("halted-in-marts-build.duckdb"));
    }

    @Test
    void loadingTheSameInboxTwiceLeavesTheWarehouseAsItWasAndRecordsEveryFileUnchanged() throws Exception {
        assertThat(cleanSecondLoad.code()).as(cleanSecondLoad.err()).isZero();
        assertThat(clean.get("return_header")).hasSize(7);
        WarehouseContents.assertSameContents(cleanAfterSecondLoad, clean);
        assertThat(WarehouseContents.rows(cleanDb, """
                SELECT DISTINCT status FROM etl_file_load
                WHERE job_execution_id = (SELECT max(job_execution_id) FROM etl_file_load) AND file_name <> 'oc2.csv'"""))
                .containsExactly("unchanged");
        assertThat(cleanSecondLoad.outLines()).contains("total: 0 rows read, 0 loaded, 0 rejected");
    }

    @Test
    void aLoadKilledAfterItsFirstSwapConvergesWhenRunAgain() {
        assertThat(afterSwap.exitCode()).as("exit code of the halted load; stderr:\n" + afterSwap.stderr()).isEqualTo(99);
        assertThat(afterSwap.stderr()).contains("fault injection: halting at after-swap (pass 1, iro.fault.after-swap)");
        // Killed part-way: at least one authority swapped in, not all three.
        assertThat(afterSwap.authoritiesSwapped()).as("authorities swapped in before the halt").isBetween(1L, 2L);

        assertThat(afterSwap.rerun().code()).as(afterSwap.rerun().out() + afterSwap.rerun().err()).isZero();
        WarehouseContents.assertSameContents(afterSwap.tables(), clean);
    }

    @Test
    void aLoadKilledAfterStagingBeforeAnySwapConvergesWhenRunAgain() {
        assertThat(afterStaging.exitCode()).as("exit code of the halted load; stderr:\n" + afterStaging.stderr()).isEqualTo(99);
        assertThat(afterStaging.stderr()).contains("fault injection: halting at after-staging (pass 1, iro.fault.after-staging)");
        // Killed with an LA-year staged and nothing swapped in.
        assertThat(afterStaging.stagedHeaderRows()).as("staged header rows left behind").isPositive();
        assertThat(afterStaging.loadedHeaderRows()).isZero();
        assertThat(afterStaging.authoritiesSwapped()).isZero();

        assertThat(afterStaging.rerun().code()).as(afterStaging.rerun().out() + afterStaging.rerun().err()).isZero();
        WarehouseContents.assertSameContents(afterStaging.tables(), clean);
        assertThat(clean.get("stg_header")).isEmpty();
    }

    @Test
    void aLoadKilledInsideItsFirstSwapBeforeTheCommitLeavesNothingSwappedAndConvergesWhenRunAgain() {
        assertThat(inSwap.exitCode()).as("exit code of the halted load; stderr:\n" + inSwap.stderr()).isEqualTo(99);
        assertThat(inSwap.stderr()).contains("fault injection: halting at in-swap (pass 1, iro.fault.in-swap)");
        // The swap's transaction never committed: DuckDB rolled it back on the next open.
        assertThat(inSwap.authoritiesSwapped()).as("authorities swapped in before the halt").isZero();
        assertThat(inSwap.loadedHeaderRows()).isZero();
        assertThat(inSwap.stagedHeaderRows()).as("staged rows the dead swap left").isPositive();

        assertThat(inSwap.rerun().code()).as(inSwap.rerun().out() + inSwap.rerun().err()).isZero();
        WarehouseContents.assertSameContents(inSwap.tables(), clean);
    }

    @Test
    void aLoadKilledInsideTheMartsRebuildKeepsItsSwappedDataAndTheNextRunRebuildsTheMarts() {
        assertThat(inMartsBuild.exitCode()).as("exit code of the halted load; stderr:\n" + inMartsBuild.stderr()).isEqualTo(99);
        assertThat(inMartsBuild.stderr()).contains("fault injection: halting at in-marts-build (pass 2, iro.fault.in-marts-build)");
        // Every authority was swapped in (committed) before the marts' rebuild began; the marts
        // are those of the empty warehouse, so the next run finds them stale.
        assertThat(inMartsBuild.authoritiesSwapped()).isEqualTo(3);
        assertThat(inMartsBuild.martsBuiltFromLaYears()).as("LA-years of the marts the halted rebuild left (the start-up build's)").isZero();

        assertThat(inMartsBuild.rerun().code()).as(inMartsBuild.rerun().out() + inMartsBuild.rerun().err()).isZero();
        assertThat(inMartsBuild.rerun().outLines()).contains("total: 0 rows read, 0 loaded, 0 rejected");
        WarehouseContents.assertSameContents(inMartsBuild.tables(), clean);
    }

    @Test
    void aKilledLoadIsMarkedFailedInTheJobHistoryByTheNextRun() {
        // LoadService.markAbandonedRunsFailed: the run the kill interrupted stays in the Spring
        // Batch history, marked FAILED when the next process starts; the re-run COMPLETED.
        assertThat(afterSwap.batchStatuses()).as("BATCH_JOB_EXECUTION after a kill after the first swap")
                .containsExactly("FAILED", "COMPLETED");
        assertThat(afterStaging.batchStatuses()).as("BATCH_JOB_EXECUTION after a kill after the first staging")
                .containsExactly("FAILED", "COMPLETED");
        assertThat(inSwap.batchStatuses()).as("BATCH_JOB_EXECUTION after a kill inside the first swap")
                .containsExactly("FAILED", "COMPLETED");
        assertThat(inMartsBuild.batchStatuses()).as("BATCH_JOB_EXECUTION after a kill inside the marts' rebuild")
                .containsExactly("FAILED", "COMPLETED");
    }

    private Crash killAndRerun(String faultPoint, Path db) throws Exception {
        return killAndRerun(faultPoint, 1, db);
    }

    private Crash killAndRerun(String faultPoint, int pass, Path db) throws Exception {
        Path work = Files.createDirectories(folder.resolve("child-" + db.getFileName()));
        int exitCode = haltedLoad("-Diro.fault." + faultPoint + "=" + pass, db, work);
        String stderr = Files.readString(work.resolve("stderr.txt"));
        long swapped;
        long staged;
        long loaded;
        long marts;
        try (Connection connection = WarehouseContents.openReadOnly(db)) {
            swapped = WarehouseContents.count(connection, "SELECT count(DISTINCT la_code) FROM etl_la_year");
            staged = WarehouseContents.count(connection, "SELECT count(*) FROM stg_header");
            loaded = WarehouseContents.count(connection, "SELECT count(*) FROM return_header");
            marts = WarehouseContents.count(connection, "SELECT coalesce(max(la_years), -1) FROM mart_build");
        }
        Cli.Result rerun = Cli.run(secrets, "load", "--inbox", INBOX.toString(), "--db", db.toString());
        return new Crash(exitCode, stderr, swapped, staged, loaded, marts, rerun, WarehouseContents.tables(db), batchExecutionStatuses(db));
    }

    /**
     * Runs {@code load --inbox INBOX --db db} in a child JVM with a fault-injection property and
     * the shared secrets folder in IRO_SECRETS_DIR; waits (bounded) for it to end; its exit code.
     */
    private int haltedLoad(String faultProperty, Path db, Path work) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Xmx512m",
                faultProperty,
                // Swap after every authority (the default waits for a million staged rows), so a
                // halt after the first swap leaves the inbox part-loaded.
                "-Diro.load.swap-rows=1",
                // Also as a system property while --db alone is overridden by application.properties
                // (LoadAndValidateCommandsTest#theDbOptionChoosesTheWarehouseFileTheLoadWritesTo).
                "-Diro.db=" + db.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                IroInsight.class.getName(),
                "load", "--inbox", INBOX.toString(), "--db", db.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile())
                .redirectError(work.resolve("stderr.txt").toFile());
        builder.environment().put("IRO_SECRETS_DIR", secrets.toAbsolutePath().toString());
        Process process = builder.start();
        if (!process.waitFor(CHILD_JVM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the child load did not halt within " + CHILD_JVM_TIMEOUT_SECONDS + " s; stderr:\n"
                    + Files.readString(work.resolve("stderr.txt")));
        }
        return process.exitValue();
    }

    /** BATCH_JOB_EXECUTION statuses, oldest first, from the H2 job repository beside the warehouse. */
    private static List<String> batchExecutionStatuses(Path db) throws Exception {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath() + ".batch", "sa", "");
                var query = h2.createStatement();
                var rows = query.executeQuery("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")) {
            List<String> statuses = new ArrayList<>();
            while (rows.next()) {
                statuses.add(rows.getString(1));
            }
            return statuses;
        }
    }
}
