package uk.iroinsight.etl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.iroinsight.IroInsightApplication;
import uk.iroinsight.demo.DemoGenerator;
import uk.iroinsight.demo.DemoOptions;
import uk.iroinsight.demo.ReferenceFigures;
import uk.iroinsight.etl.WarehouseContents;
import uk.iroinsight.etl.job.LoadHistory;
import uk.iroinsight.etl.job.LoadService;
import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.security.Access;
import uk.iroinsight.warehouse.Warehouse;

/**
 * Fuzzing the loader (issue 8): a valid demo inbox (three authorities, two years, 1% realistic
 * mistakes) is loaded once; then, case after case, one LA-year is damaged ({@link Damage},
 * {@link InboxMutator}, seeded), the inbox loaded again through the real job, and the warehouse
 * checked against the load before the damage:
 * <ul>
 * <li>the load ends, within two minutes, as a COMPLETED run (never a crashed job);</li>
 * <li>no other LA-year changes (its rows, rejects and fingerprint), nor any other authority's
 * derived facts;</li>
 * <li>if the run refused the damaged file or folder, the run's history names it and the
 * LA-year's previous data, rejects and fingerprint are intact; otherwise every child the damage
 * did not touch is loaded whole, exactly as before, and where the damage must be rejected a
 * reject names the file;</li>
 * <li>a harmless rewrite of a file (other column order, quoting, CRLF, ...) loads the same data;</li>
 * <li>loading the undamaged inbox again restores the whole warehouse, marts included, to the
 * state before the damage (a revised return replaces exactly what it revises).</li>
 * </ul>
 * The normal suite runs one case per damage ({@code Damage.values().length} cases, seeds from
 * 20261202); the long run is {@code -Diro.fuzz.cases=1000} (see the README), optionally with
 * {@code -Diro.fuzz.seed=N}. Each run writes {@code target/fuzz/REPORT.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoaderFuzzTest {

    private static final List<String> AUTHORITIES = List.of("857", "318", "420");
    private static final int FROM = 2023;
    private static final int TO = 2024;
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(2);
    private static final Access FUZZER = Access.admin("fuzzer");
    /** Tables of one LA-year's loaded data and load record. */
    private static final List<String> LA_YEAR_TABLES = List.of("return_header", "return_episode", "return_review", "return_uasc",
            "local_dispute", "local_workforce", "etl_reject", "etl_la_year");
    /** Tables derived per authority. */
    private static final List<String> AUTHORITY_TABLES = List.of("dim_child", "fact_episode", "fact_period_of_care", "fact_placement",
            "fact_review", "fact_child_year", "fact_dispute", "fact_workforce");

    private final int cases = Integer.getInteger("iro.fuzz.cases", Damage.values().length);
    private final long seed = Long.getLong("iro.fuzz.seed", 20261202L);

    private ConfigurableApplicationContext context;
    private Path base;
    private Path inbox;
    private Map<String, List<String>> baselineTables;
    private Map<String, Map<String, List<String>>> baselineLaYears;
    private Map<String, Map<String, List<String>>> baselineAuthorities;
    private final Map<Damage, Tally> tallies = new EnumMap<>(Damage.class);
    private final List<String> failures = new ArrayList<>();
    private long started;

    /** How the cases of one damage ended. */
    private static final class Tally {
        int cases;
        int refused;
        int loadedWithRejects;
        int loadedClean;
        int failed;
        long millis;
    }

    @BeforeAll
    void loadTheValidInbox(@TempDir Path folder) throws Exception {
        started = System.nanoTime();
        base = folder.resolve("base");
        inbox = folder.resolve("inbox");
        new DemoGenerator(ReferenceFigures.load()).generate(new DemoOptions(base, 8, FROM, TO, AUTHORITIES, 0.01));
        WarehouseContents.copyFolder(base, inbox);
        context = new SpringApplicationBuilder(IroInsightApplication.class)
                .web(WebApplicationType.NONE)
                .run("--iro.db=" + folder.resolve("warehouse.duckdb"),
                        "--iro.secrets-dir=" + folder.resolve("secrets"),
                        "--iro.scheduling-enabled=false",
                        "--logging.level.root=WARN",
                        "--logging.level.org.springframework.batch=ERROR",
                        // Each SQL script's end, in a file: should the JVM die in native code, the log says where.
                        "--logging.level.uk.iroinsight.warehouse.SqlScripts=DEBUG",
                        "--logging.file.name=" + Path.of("target", "fuzz", "fuzz.log").toAbsolutePath(),
                        "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
        JobExecution first = load();
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        baselineTables = tables();
        assertThat(baselineTables.get("etl_la_year")).hasSize(AUTHORITIES.size() * (TO - FROM + 1));
        baselineLaYears = laYears();
        baselineAuthorities = authorities();
    }

    @AfterAll
    void writeTheReportAndClose() throws IOException {
        if (context != null) {
            context.close();
        }
        Path report = Path.of("target", "fuzz", "REPORT.md");
        Files.createDirectories(report.getParent());
        StringBuilder text = new StringBuilder("# Loader fuzzing: ").append(cases).append(" cases from seed ").append(seed)
                .append(", ").append((System.nanoTime() - started) / 1_000_000_000).append(" s\n\n")
                .append("| damage | expected | cases | file or folder refused | loaded; a reject names the file | loaded; none does | failed | mean ms |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (var entry : tallies.entrySet()) {
            Tally t = entry.getValue();
            text.append("| ").append(entry.getKey().description).append(" | ").append(entry.getKey().expect).append(" | ")
                    .append(t.cases).append(" | ").append(t.refused).append(" | ").append(t.loadedWithRejects).append(" | ")
                    .append(t.loadedClean).append(" | ").append(t.failed).append(" | ").append(t.millis / Math.max(1, t.cases)).append(" |\n");
        }
        text.append("\nFailures: ").append(failures.size()).append('\n');
        failures.forEach(f -> text.append("- ").append(f).append('\n'));
        Files.writeString(report, text);
        System.out.println(text);
    }

    @TestFactory
    Stream<DynamicTest> everyDamagedInboxLoadsSafely() {
        Damage[] damages = Damage.values();
        return IntStream.range(0, cases).mapToObj(i -> {
            long caseSeed = seed + i;
            Damage damage = damages[i % damages.length];
            return DynamicTest.dynamicTest("seed " + caseSeed + ": " + damage.description, () -> fuzzCase(damage, caseSeed));
        });
    }

    private void fuzzCase(Damage damage, long caseSeed) throws Throwable {
        long caseStarted = System.nanoTime();
        Tally tally = tallies.computeIfAbsent(damage, d -> new Tally());
        tally.cases++;
        InboxMutator.Mutation mutation = new InboxMutator(inbox, new Random(caseSeed)).apply(damage);
        // Written before the loads: should the JVM die (a native crash), the last line says which case it ran.
        Path progress = Path.of("target", "fuzz", "progress.log");
        Files.createDirectories(progress.getParent());
        Files.writeString(progress, "seed " + caseSeed + ": " + mutation + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        Throwable failure = null;
        try {
            check(mutation, tally);
        } catch (Throwable e) {
            failure = e;
        }
        try {
            restore(mutation);
        } catch (Throwable e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        tally.millis += (System.nanoTime() - caseStarted) / 1_000_000;
        if (failure != null) {
            tally.failed++;
            failures.add("seed " + caseSeed + ": " + mutation + ": " + firstLine(failure));
            throw failure;
        }
    }

    private void check(InboxMutator.Mutation mutation, Tally tally) throws Exception {
        JobExecution run = load();
        assertThat(run.getStatus()).as("the run's status").isEqualTo(BatchStatus.COMPLETED);
        String folder = mutation.folder();
        LoadHistory history = context.getBean(LoadHistory.class);
        List<LoadHistory.FileLoad> refusals = history.fileLoads(run.getId()).stream()
                .filter(f -> f.status().equals("failed") && folder.equals(f.folder()))
                .toList();
        Map<String, Map<String, List<String>>> laYears = laYears();

        // Nothing else changes.
        for (String other : baselineLaYears.keySet()) {
            if (!other.equals(folder)) {
                assertThat(laYears.get(other)).as("LA-year " + other + ", not damaged").isEqualTo(baselineLaYears.get(other));
            }
        }
        Map<String, Map<String, List<String>>> authorities = authorities();
        for (String la : baselineAuthorities.keySet()) {
            if (!la.equals(mutation.laCode())) {
                assertThat(authorities.get(la)).as("derived facts of authority " + la + ", not damaged").isEqualTo(baselineAuthorities.get(la));
            }
        }

        Damage.Expect expect = mutation.damage().expect;
        if (!refusals.isEmpty()) {
            tally.refused++;
            assertThat(expect).as("refused " + refusals.get(0).message() + "; expected").isIn(Damage.Expect.UNREADABLE,
                    Damage.Expect.FOLDER_REFUSED, Damage.Expect.EITHER);
            LoadHistory.FileLoad refusal = refusals.get(0);
            assertThat(refusal.message()).as("the refusal's reason").isNotBlank();
            if (expect == Damage.Expect.FOLDER_REFUSED) {
                assertThat(refusal.message()).contains(mutation.folder().substring(mutation.folder().indexOf('/') + 1));
            } else if (!mutation.file().isEmpty()) {
                assertThat(refusal.fileName()).as("the file the run names as unreadable").isEqualTo(mutation.file());
                assertThat(refusal.message()).startsWith(mutation.file() + ": ");
            }
            assertThat(laYears.get(folder)).as("the refused LA-year keeps its previous data").isEqualTo(baselineLaYears.get(folder));
            return;
        }
        assertThat(expect).as("the run loaded the LA-year; expected").isIn(Damage.Expect.EITHER, Damage.Expect.REJECTS, Damage.Expect.SAME);
        List<LoadHistory.RejectedRow> rejects = history.runRejects(run.getId()).stream()
                .filter(r -> r.laCode().equals(mutation.laCode()) && r.year() == mutation.year())
                .toList();
        boolean fileRejected = rejects.stream().anyMatch(r -> r.fileName().equals(mutation.file()));
        if (fileRejected) {
            tally.loadedWithRejects++;
        } else {
            tally.loadedClean++;
        }
        if (expect == Damage.Expect.REJECTS) {
            assertThat(fileRejected).as("a reject names " + mutation.file() + "; rejects: " + rejects).isTrue();
        }
        Map<String, List<String>> before = withoutLines(baselineLaYears.get(folder));
        Map<String, List<String>> after = withoutLines(laYears.get(folder));
        if (expect == Damage.Expect.SAME) {
            for (String table : List.of("return_header", "return_episode", "return_review", "return_uasc", "local_dispute", "local_workforce")) {
                assertThat(after.get(table)).as(table + " of " + folder + ", rewritten harmlessly").isEqualTo(before.get(table));
            }
            // The same rejects, less their line numbers (blank lines move them).
            assertThat(rejectsWithoutLines(laYears.get(folder))).as("rejects of " + folder + ", rewritten harmlessly")
                    .isEqualTo(rejectsWithoutLines(baselineLaYears.get(folder)));
            return;
        }
        if (mutation.touchedAll()) {
            return;
        }
        Pseudonymiser pseudonymiser = context.getBean(Pseudonymiser.class);
        Set<String> touched = mutation.touchedChildren().stream()
                .filter(child -> child != null && !child.isBlank())
                .map(child -> pseudonymiser.childKey(mutation.laCode(), child.strip()))
                .collect(Collectors.toSet());
        for (String table : List.of("return_header", "return_episode", "return_review", "return_uasc", "local_dispute", "local_workforce")) {
            if (table.equals(tableOf(mutation.file())) && table.startsWith("local_")) {
                continue; // its rows are not children's: any may have been touched
            }
            assertThat(untouched(after.get(table), touched)).as(table + " of " + folder + ": the children the damage did not touch")
                    .isEqualTo(untouched(before.get(table), touched));
        }
    }

    /** Puts the damaged LA-year back as it was and loads again: the warehouse must be as before the damage. */
    private void restore(InboxMutator.Mutation mutation) throws Exception {
        Path damaged = inbox.resolve(mutation.laCode()).resolve(String.valueOf(mutation.year()));
        WarehouseContents.deleteTree(damaged);
        WarehouseContents.copyFolder(base.resolve(mutation.laCode()).resolve(String.valueOf(mutation.year())), damaged);
        JobExecution run = load();
        assertThat(run.getStatus()).as("the restoring run").isEqualTo(BatchStatus.COMPLETED);
        Map<String, List<String>> tables = tables();
        for (String table : baselineTables.keySet()) {
            assertThat(tables.get(table)).as("after loading the undamaged inbox again: " + table).isEqualTo(baselineTables.get(table));
        }
    }

    private JobExecution load() {
        LoadService loads = context.getBean(LoadService.class);
        return assertTimeoutPreemptively(LOAD_LIMIT, () -> loads.runAndWait(inbox, FUZZER), "the load must end within " + LOAD_LIMIT);
    }

    private Map<String, List<String>> tables() throws SQLException {
        try (Connection connection = context.getBean(Warehouse.class).connect()) {
            return WarehouseContents.tables(connection);
        }
    }

    /**
     * Each LA-year's rows of {@link #LA_YEAR_TABLES}, by "la/year" and table: every column but
     * la_code, year and run history (loaded_at, job_execution_id), child_key first, sorted.
     */
    private Map<String, Map<String, List<String>>> laYears() throws SQLException {
        Map<String, Map<String, List<String>>> result = new TreeMap<>();
        try (Connection connection = context.getBean(Warehouse.class).connect()) {
            for (String table : LA_YEAR_TABLES) {
                List<String> columns = columns(connection, table, List.of("la_code", "year", "loaded_at", "job_execution_id"));
                for (String row : WarehouseContents.rows(connection, "SELECT la_code || '/' || year, " + String.join(", ", columns)
                        + " FROM " + table + " ORDER BY ALL")) {
                    String[] parts = row.split("\\|", 2);
                    result.computeIfAbsent(parts[0], k -> new TreeMap<>()).computeIfAbsent(table, k -> new ArrayList<>()).add(parts[1]);
                }
            }
        }
        for (var laYear : result.values()) {
            LA_YEAR_TABLES.forEach(table -> laYear.putIfAbsent(table, List.of()));
        }
        return result;
    }

    /** Each authority's derived rows of {@link #AUTHORITY_TABLES}, by authority and table. */
    private Map<String, Map<String, List<String>>> authorities() throws SQLException {
        Map<String, Map<String, List<String>>> result = new TreeMap<>();
        try (Connection connection = context.getBean(Warehouse.class).connect()) {
            for (String table : AUTHORITY_TABLES) {
                List<String> columns = columns(connection, table, List.of("la_code"));
                for (String row : WarehouseContents.rows(connection, "SELECT la_code, " + String.join(", ", columns)
                        + " FROM " + table + " ORDER BY ALL")) {
                    String[] parts = row.split("\\|", 2);
                    result.computeIfAbsent(parts[0], k -> new TreeMap<>()).computeIfAbsent(table, k -> new ArrayList<>()).add(parts[1]);
                }
            }
        }
        return result;
    }

    /** A table's columns, child_key first if it has one, less the excluded and TIMESTAMP ones. */
    private static List<String> columns(Connection connection, String table, List<String> excluded) throws SQLException {
        List<String> columns = new ArrayList<>(WarehouseContents.rows(connection, """
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'main' AND table_name = ? AND data_type NOT LIKE 'TIMESTAMP%'
                ORDER BY column_name <> 'child_key', ordinal_position""", table));
        columns.removeAll(excluded);
        return columns.stream().map(c -> "\"" + c + "\"").toList();
    }

    /** The same rows less their source_line (the last column of the return tables is not it: see columns()). */
    private static Map<String, List<String>> withoutLines(Map<String, List<String>> laYear) {
        Map<String, List<String>> result = new TreeMap<>();
        laYear.forEach((table, rows) -> result.put(table, rows.stream().map(LoaderFuzzTest::dropSourceLine).sorted().toList()));
        return result;
    }

    private static String dropSourceLine(String row) {
        // The return tables end with source_line (schema/20_returns.sql): drop the last field.
        int last = row.lastIndexOf('|');
        return last < 0 ? row : row.substring(0, last);
    }

    /** etl_reject rows (child_key, file_name, line, field, value, reason) without the line. */
    private static List<String> rejectsWithoutLines(Map<String, List<String>> laYear) {
        return laYear.get("etl_reject").stream().map(row -> {
            String[] fields = row.split("\\|", -1);
            List<String> kept = new ArrayList<>(List.of(fields));
            kept.remove(2);
            // Reasons may cite other lines ("its episode on line 149 was rejected").
            return String.join("|", kept).replaceAll("line \\d+", "line #");
        }).sorted().toList();
    }

    /** Rows whose first field (child_key) is not one of the touched children's keys. */
    private static List<String> untouched(List<String> rows, Set<String> touched) {
        return rows.stream().filter(row -> !touched.contains(row.split("\\|", 2)[0])).toList();
    }

    private static String tableOf(String file) {
        return switch (file) {
            case "header.csv" -> "return_header";
            case "episodes.csv" -> "return_episode";
            case "reviews.csv" -> "return_review";
            case "uasc.csv" -> "return_uasc";
            case "disputes.csv" -> "local_dispute";
            case "workforce.csv" -> "local_workforce";
            default -> "";
        };
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, Math.min(newline, 300)));
    }
}
