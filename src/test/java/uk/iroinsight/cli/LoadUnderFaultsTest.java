package uk.iroinsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.IroInsight;
import uk.iroinsight.etl.WarehouseContents;

/**
 * The load under faults outside it (issue 8): the warehouse file held by another process, a
 * disk that fills up mid-load (a file-size limit, {@code ulimit -f}, on a child JVM), and the
 * inbox rewritten while loads read it. In every case the load ends with a clear message, the
 * warehouse is never left half-loaded, and the next run ends where a clean load ends.
 */
class LoadUnderFaultsTest {

    private static final Path INBOX = WarehouseContents.resource("inboxes/three-authorities");
    private static final long CHILD_TIMEOUT_SECONDS = 120;

    @TempDir
    Path folder;

    @Test
    void aWarehouseHeldByAnotherProcessIsRefusedWithAClearMessageAndIsLeftAsItWas() throws Exception {
        Path secrets = folder.resolve("secrets");
        Path db = folder.resolve("held.duckdb");
        Path inbox = folder.resolve("inbox");
        WarehouseContents.copyFolder(INBOX, inbox);
        WarehouseContents.deleteTree(inbox.resolve("893"));
        assertThat(Cli.run(secrets, "load", "--inbox", inbox.toString(), "--db", db.toString()).code()).isZero();
        Map<String, List<String>> before = WarehouseContents.tables(db);

        WarehouseContents.copyFolder(INBOX, inbox);
        Process holder = java(List.of(Holder.class.getName(), db.toString()), null, folder.resolve("holder.log"));
        try (BufferedReader holderOut = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(holderOut.readLine()).as("the holder's first line").isEqualTo("holding");
            Cli.Result refused = Cli.run(secrets, "load", "--inbox", inbox.toString(), "--db", db.toString());
            assertThat(refused.code()).as(refused.out() + refused.err()).isNotZero();
            assertThat(refused.err()).contains("cannot open the warehouse").contains("another process holds it (PID " + holder.pid());
        } finally {
            holder.getOutputStream().close(); // the holder ends when its stdin closes
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        WarehouseContents.assertSameContents(WarehouseContents.tables(db), before);
        Cli.Result after = Cli.run(secrets, "load", "--inbox", inbox.toString(), "--db", db.toString());
        assertThat(after.code()).as(after.out() + after.err()).isZero();
        assertThat(WarehouseContents.rows(db, "SELECT DISTINCT la_code FROM etl_la_year ORDER BY 1")).containsExactly("891", "892", "893");
    }

    @Test
    void aDiskThatFillsUpMidLoadFailsTheRunCleanlyAndTheNextRunConverges() throws Exception {
        Path secrets = folder.resolve("secrets");
        Path clean = folder.resolve("clean.duckdb");
        assertThat(Cli.run(secrets, "load", "--inbox", INBOX.toString(), "--db", clean.toString()).code()).isZero();
        Map<String, List<String>> cleanTables = WarehouseContents.tables(clean);

        // A warehouse holding 891 only, then the whole inbox loaded by a JVM that may not write
        // a file beyond a little more than the warehouse's size: its writes fail (EFBIG) part-way.
        Path db = folder.resolve("full.duckdb");
        Path inbox = folder.resolve("inbox");
        WarehouseContents.copyFolder(INBOX, inbox);
        WarehouseContents.deleteTree(inbox.resolve("892"));
        WarehouseContents.deleteTree(inbox.resolve("893"));
        assertThat(Cli.run(secrets, "load", "--inbox", inbox.toString(), "--db", db.toString()).code()).isZero();
        Map<String, List<String>> before = WarehouseContents.tables(db);
        WarehouseContents.copyFolder(INBOX, inbox);
        long limitKb = Files.size(db) / 1024 + 64;
        Path log = folder.resolve("full-disk.log");
        Process load = java(List.of(IroInsight.class.getName(), "load", "--inbox", inbox.toString(), "--db", db.toString()),
                limitKb, log);
        load.getOutputStream().close();
        assertThat(load.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the load on a full disk ends").isTrue();
        String output = Files.readString(log);
        assertThat(load.exitValue()).as("exit code on a full disk; output:\n" + output).isNotZero();
        assertThat(output).as("what the load said").containsIgnoringCase("file too large");

        // Whatever had committed is whole: each LA-year is as before or as the clean load has it.
        Map<String, List<String>> after = WarehouseContents.tables(db);
        for (String table : List.of("return_header", "return_episode", "return_review", "etl_la_year")) {
            for (String la : List.of("891", "892", "893")) {
                List<String> rows = only(after.get(table), la);
                assertThat(rows).as(table + " of " + la + " after the full disk")
                        .satisfiesAnyOf(r -> assertThat(r).isEqualTo(only(before.get(table), la)),
                                r -> assertThat(r).isEqualTo(only(cleanTables.get(table), la)));
            }
        }
        Cli.Result rerun = Cli.run(secrets, "load", "--inbox", inbox.toString(), "--db", db.toString());
        assertThat(rerun.code()).as(rerun.out() + rerun.err()).isZero();
        WarehouseContents.assertSameContents(WarehouseContents.tables(db), cleanTables);
    }

    @Test
    void filesReplacedWhileLoadsReadThemNeverLoadAMixAndTheNextQuietRunConverges() throws Exception {
        Path secrets = folder.resolve("secrets");
        Path inbox = folder.resolve("inbox");
        WarehouseContents.copyFolder(INBOX, inbox);
        Path header = inbox.resolve("891/2024/header.csv");
        String versionA = Files.readString(header);
        String versionB = versionA.replace("ZQ891B,2,10/01/2018,BAFR", "ZQ891B,2,10/01/2018,WBRI");
        assertThat(versionB).isNotEqualTo(versionA);
        Path episodes = inbox.resolve("893/2024/episodes.csv");
        byte[] episodesBytes = Files.readAllBytes(episodes);

        // The warehouse 891/2024's header is either version's, loaded cleanly on their own.
        List<String> headerA = cleanHeader(secrets, inbox, versionA, "a");
        List<String> headerB = cleanHeader(secrets, inbox, versionB, "b");
        Files.writeString(header, versionA);

        Path db = folder.resolve("changing.duckdb");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger flips = new AtomicInteger();
        Thread writer = new Thread(() -> {
            // Replaces 891/2024/header.csv atomically with the other version, and deletes and
            // re-creates 893/2024/episodes.csv, as fast as it can.
            Path staged = header.resolveSibling(".header.csv.tmp");
            try {
                while (!stop.get()) {
                    int flip = flips.incrementAndGet();
                    Files.writeString(staged, flip % 2 == 0 ? versionA : versionB);
                    Files.move(staged, header, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    if (flip % 5 == 0) {
                        Files.delete(episodes);
                        Thread.onSpinWait();
                        Files.write(episodes, episodesBytes);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "inbox-writer");
        writer.start();
        List<Integer> codes = new ArrayList<>();
        try {
            for (int run = 0; run < 6; run++) {
                Cli.Result result = Cli.run(secrets, "load", "--inbox", inbox.toString(), "--db", db.toString());
                codes.add(result.code());
                // 0, or 1 when an LA-year was refused (missing or changed while read): never a crash.
                assertThat(result.code()).as("run " + run + ": " + result.out() + result.err()).isIn(0, 1);
                if (result.code() == 1) {
                    assertThat(result.err()).contains("could not be loaded");
                }
                List<String> loaded = WarehouseContents.rows(db, "SELECT * EXCLUDE (la_code, year) FROM return_header"
                        + " WHERE la_code = '891' AND year = 2024 ORDER BY ALL");
                assertThat(loaded).as("891/2024 after run " + run).satisfiesAnyOf(
                        rows -> assertThat(rows).isEmpty(),
                        rows -> assertThat(rows).isEqualTo(headerA),
                        rows -> assertThat(rows).isEqualTo(headerB));
            }
        } finally {
            stop.set(true);
            writer.join(10_000);
        }
        assertThat(flips.get()).as("times the writer replaced the file").isGreaterThan(10);
        Files.writeString(header, versionB);
        Files.write(episodes, episodesBytes);
        Cli.Result quiet = Cli.run(secrets, "load", "--inbox", inbox.toString(), "--db", db.toString());
        assertThat(quiet.code()).as(quiet.out() + quiet.err()).isZero();

        Path clean = folder.resolve("clean-b.duckdb");
        assertThat(Cli.run(secrets, "load", "--inbox", inbox.toString(), "--db", clean.toString()).code()).isZero();
        WarehouseContents.assertSameContents(WarehouseContents.tables(db), WarehouseContents.tables(clean));
    }

    /** The return_header rows of 891/2024 when the inbox, with that header, is loaded into a fresh warehouse. */
    private List<String> cleanHeader(Path secrets, Path inbox, String version, String name) throws Exception {
        Files.writeString(inbox.resolve("891/2024/header.csv"), version);
        Path db = folder.resolve("version-" + name + ".duckdb");
        assertThat(Cli.run(secrets, "load", "--inbox", inbox.toString(), "--db", db.toString()).code()).isZero();
        return WarehouseContents.rows(db, "SELECT * EXCLUDE (la_code, year) FROM return_header WHERE la_code = '891' AND year = 2024 ORDER BY ALL");
    }

    private static List<String> only(List<String> rows, String la) {
        return rows.stream().filter(row -> row.startsWith(la + "|")).toList();
    }

    /**
     * Starts a child JVM on this classpath (a file-size limit in KiB through the shell's
     * {@code ulimit -f} when given), its stdout piped to the caller when {@code log} is the
     * holder's, otherwise into {@code log} with its stderr.
     */
    private Process java(List<String> mainAndArgs, Long fileSizeLimitKb, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m",
                "-Diro.secrets-dir=" + folder.resolve("secrets"),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        int db = command.indexOf("--db");
        if (db >= 0) {
            command.add(command.indexOf("-cp"), "-Diro.db=" + command.get(db + 1));
        }
        ProcessBuilder builder;
        if (fileSizeLimitKb != null) {
            builder = new ProcessBuilder("bash", "-c", "ulimit -f " + fileSizeLimitKb + " && exec \"$@\"", "bash");
            builder.command().addAll(command);
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        } else {
            builder = new ProcessBuilder(command).redirectError(log.toFile());
        }
        builder.environment().put("IRO_SECRETS_DIR", folder.resolve("secrets").toString());
        return builder.directory(folder.toFile()).start();
    }

    /** A child JVM's main: opens the warehouse file read-write, says "holding", holds it until its stdin closes. */
    public static final class Holder {

        private Holder() {
        }

        public static void main(String[] args) throws Exception {
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + Path.of(args[0]).toAbsolutePath())) {
                connection.createStatement().execute("SELECT 1");
                System.out.println("holding");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // until the parent closes our stdin
                }
            }
        }
    }
}
