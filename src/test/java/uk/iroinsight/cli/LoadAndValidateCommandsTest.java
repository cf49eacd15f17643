package uk.iroinsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.etl.WarehouseContents;
import uk.iroinsight.etl.csv.CsvFile;
import uk.iroinsight.etl.inbox.Authorities;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.etl.load.ReturnReader;
import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.etl.privacy.SecretKeys;
import uk.iroinsight.etl.validation.ReturnValidator;
import uk.iroinsight.etl.validation.ValidatedReturn;

/**
 * {@code load} and {@code validate} on whole inboxes: the public fake 903 return of Data to
 * Insight (../shared/data/thirdparty/ssda903_fake, which deliberately holds thousands of invalid
 * rows) laid out as one LA-year 891/2018, and a hand-made inbox in which one file is then broken.
 * Each {@code load} starts a Spring context (seconds), so each inbox is loaded once in
 * {@code @BeforeAll} and checked by several tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadAndValidateCommandsTest {

    private static final Pattern VALIDATE_COUNTS = Pattern.compile("^891/2018/header\\.csv: (\\d+) rows, (\\d+) valid, (\\d+) rejected$",
            Pattern.MULTILINE);

    private Path folder;
    private Path secrets;
    private Path fakeInbox;
    private Path fakeDb;
    private Cli.Result fakeLoad;
    private Cli.Result fakeValidate;

    @BeforeAll
    void loadThePublicFakeReturn(@TempDir Path temporaryFolder) throws IOException {
        folder = temporaryFolder;
        secrets = folder.resolve("secrets");
        fakeInbox = folder.resolve("fake-inbox");
        Path laYear = Files.createDirectories(fakeInbox.resolve("891/2018"));
        try (Stream<Path> files = Files.list(fakeData())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
                Files.copy(file, laYear.resolve(file.getFileName()));
            }
        }
        fakeDb = folder.resolve("fake.duckdb");
        fakeValidate = Cli.run(secrets, "validate", "--inbox", fakeInbox.toString());
        fakeLoad = Cli.run(secrets, "load", "--inbox", fakeInbox.toString(), "--db", fakeDb.toString());
    }

    /** ../shared beside the repository (as in CI), else the workplace's copy. */
    private static Path fakeData() {
        for (Path candidate : List.of(Path.of("").toAbsolutePath().resolve("../shared/data/thirdparty/ssda903_fake").normalize(),
                Path.of("/work/shared/data/thirdparty/ssda903_fake"))) {
            if (Files.isRegularFile(candidate.resolve("header.csv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("the public fake 903 return (shared/data/thirdparty/ssda903_fake) is not beside the repository");
    }

    // ------------------------------------------------------------------ the public fake return

    @Test
    void loadingThePublicFakeReturnCompletesAndReportsItsInvalidRowsWithReasons() {
        assertThat(fakeLoad.code()).as(fakeLoad.err()).isZero();
        assertThat(fakeLoad.outLines())
                .anyMatch(line -> line.matches("891/2018\\s+header\\.csv\\s+loaded\\s+2675\\s+\\d+\\s+\\d+\\s+.*"))
                .anyMatch(line -> line.matches("891/2018\\s+oc2\\.csv\\s+ignored\\s+0\\s+0\\s+0\\s+not used by IRO Insight"))
                .anyMatch(line -> line.startsWith("rejected rows of 891/2018 ("))
                // the file's line 3 is an open episode with REC X1; line 2 is the same child's, quarantined with it
                .contains("  episodes.csv line 3, REC 'X1': is given but DEC is blank (REC must be blank while the episode is open)")
                .anyMatch(line -> line.startsWith("  episodes.csv line 2, CHILD: child quarantined, none of its rows are loaded"));
    }

    @Test
    void loadingThePublicFakeReturnLoadsEveryChildThatValidateAccepts() throws Exception {
        Matcher counts = VALIDATE_COUNTS.matcher(fakeValidate.out());
        assertThat(counts.find()).as(fakeValidate.out().lines().filter(l -> l.contains("header.csv: ")).toList().toString()).isTrue();
        int acceptedHeaders = Integer.parseInt(counts.group(2));
        assertThat(acceptedHeaders).isGreaterThan(500);

        // The same children, one by one: the pseudonyms of the headers the validator accepts.
        ReturnValidator validator = ReturnValidator.withShippedRules();
        var laYear = new InboxScanner(Authorities.load(), Clock.systemDefaultZone()).scan(fakeInbox).laYears().get(0);
        ValidatedReturn validated = validator.validate("891", 2018, ReturnReader.read(laYear, validator));
        Pseudonymiser pseudonyms = new Pseudonymiser(new SecretKeys(secrets).pseudonymKey());
        Set<String> expected = validated.headers().stream().map(h -> pseudonyms.childKey("891", h.child())).collect(Collectors.toSet());
        assertThat(expected).hasSize(acceptedHeaders);

        try (Connection db = WarehouseContents.openReadOnly(fakeDb)) {
            assertThat(WarehouseContents.count(db, "SELECT count(*) FROM return_header WHERE la_code = '891' AND year = 2018"))
                    .isEqualTo(acceptedHeaders);
            assertThat(new HashSet<>(WarehouseContents.rows(db, "SELECT child_key FROM return_header"))).isEqualTo(expected);
            assertThat(WarehouseContents.rows(db, "SELECT children, rows_loaded, rows_rejected FROM etl_la_year"))
                    .containsExactly(acceptedHeaders + "|" + validated.rowsLoaded() + "|" + validated.rowsRejected());
            assertThat(WarehouseContents.count(db, "SELECT count(*) FROM return_episode")).isEqualTo(validated.episodes().size());
            assertThat(WarehouseContents.count(db, "SELECT count(*) FROM return_review")).isEqualTo(validated.reviews().size());
            assertThat(WarehouseContents.count(db, "SELECT count(*) FROM etl_reject")).isEqualTo(validated.rejections().size());
        }
    }

    @Test
    void validatingThePublicFakeReturnExitsZeroAndPrintsFileLineFieldValueAndReason() {
        assertThat(fakeValidate.code()).as(fakeValidate.err()).isZero();
        List<String> rejections = fakeValidate.outLines().stream().filter(line -> line.contains(" line ")).toList();
        assertThat(rejections).hasSizeGreaterThan(1000)
                .allMatch(line -> line.matches("891/2018/(header|episodes|reviews|uasc)\\.csv line \\d+(, [A-Z_]+( '.*')?)?: .+"), "file line, field 'value': reason")
                .contains("891/2018/episodes.csv line 3, REC 'X1': is given but DEC is blank (REC must be blank while the episode is open)");
        assertThat(fakeValidate.outLines())
                .contains("891/2018/oc2.csv: ignored (not used by IRO Insight)")
                .anyMatch(line -> line.matches("summary: 1 LA-year folder\\(s\\), \\d+ rows read, \\d+ rejected, 0 unreadable file\\(s\\) or folder\\(s\\)"));
    }

    @Test
    void theFakeWarehouseHoldsNoChildIdentifierNorUpnOfTheFiles() throws Exception {
        // Every CHILD of every file, and every UPN. Short CHILD values ("12") would match line
        // numbers in reasons, so values are compared as whole words of 5 characters or more (6-digit
        // identifiers are 90% of the file); UPNs (13 characters) anywhere in a text.
        Set<String> children = new HashSet<>();
        Set<String> upns = new HashSet<>();
        for (String file : List.of("header.csv", "episodes.csv", "reviews.csv", "uasc.csv")) {
            CsvFile csv = CsvFile.read(fakeInbox.resolve("891/2018").resolve(file));
            int child = csv.position("CHILD").orElseThrow();
            csv.rows().forEach(row -> children.add(row.fields()[child].strip()));
            csv.position("UPN").ifPresent(upn -> csv.rows().forEach(row -> upns.add(row.fields()[upn].strip())));
        }
        children.removeIf(c -> c.length() < 5);
        upns.removeIf(u -> u.length() < 5);
        assertThat(children).hasSizeGreaterThan(2000);
        try (Connection db = WarehouseContents.openReadOnly(fakeDb)) {
            assertThat(WarehouseContents.textCells(db, value -> Stream.of(value.split("[^A-Za-z0-9]+")).anyMatch(children::contains)
                    || upns.stream().anyMatch(value::contains))).isEmpty();
        }
    }

    // ------------------------------------------------------------------ an unreadable file

    @Test
    void anUnreadableFileFailsItsLaYearWithAOneLineReasonAndKeepsThePreviousData() throws Exception {
        // Run 1: 891 (2023, 2024) and 892/2024 of the hand-made inbox load (exit 0).
        // Run 2: 891/2024/episodes.csv is now separated by ';', and 893/2024 is new. The run exits
        // non-zero with one line on stderr; 891/2024 is 'failed' with "episodes.csv: is separated
        // by ';'..." and keeps its rows; 893/2024 loads; the unchanged LA-years stay 'unchanged'.
        Path inbox = folder.resolve("broken-inbox");
        Path secretsHere = folder.resolve("broken-secrets");
        Path db = folder.resolve("broken.duckdb");
        Path source = WarehouseContents.resource("inboxes/three-authorities");
        WarehouseContents.copyFolder(source.resolve("891"), inbox.resolve("891"));
        WarehouseContents.copyFolder(source.resolve("892"), inbox.resolve("892"));

        Cli.Result first = Cli.run(secretsHere, "load", "--inbox", inbox.toString(), "--db", db.toString());
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        String laYear = "WHERE la_code = '891' AND year = 2024 ORDER BY ALL";
        List<String> before = laYearRows(db, laYear);
        assertThat(before).hasSizeGreaterThan(10);

        Path episodes = inbox.resolve("891/2024/episodes.csv");
        Files.writeString(episodes, Files.readString(episodes).replace(',', ';'), StandardCharsets.UTF_8);
        WarehouseContents.copyFolder(source.resolve("893"), inbox.resolve("893"));
        Cli.Result second = Cli.run(secretsHere, "load", "--inbox", inbox.toString(), "--db", db.toString());

        assertThat(second.code()).isNotZero();
        assertThat(second.err().strip()).doesNotContain("\n").contains("1 LA-year(s) or folder(s) could not be loaded");
        String reason = "episodes.csv: is separated by ';', not commas (the header is one column)";
        assertThat(second.outLines()).anyMatch(line -> line.matches("891/2024\\s+episodes\\.csv\\s+failed\\s+0\\s+0\\s+0\\s+" + Pattern.quote(reason)));
        assertThat(laYearRows(db, laYear)).isEqualTo(before);
        assertThat(WarehouseContents.rows(db, """
                SELECT folder, file_name, status, message FROM etl_file_load
                WHERE job_execution_id = (SELECT max(job_execution_id) FROM etl_file_load) AND status <> 'ignored'
                ORDER BY folder, file_name""")).containsExactly(
                "891/2023|episodes.csv|unchanged|unchanged since the last load",
                "891/2023|header.csv|unchanged|unchanged since the last load",
                "891/2023|reviews.csv|unchanged|unchanged since the last load",
                "891/2024|episodes.csv|failed|" + reason,
                "892/2024|episodes.csv|unchanged|unchanged since the last load",
                "892/2024|header.csv|unchanged|unchanged since the last load",
                "892/2024|reviews.csv|unchanged|unchanged since the last load",
                "893/2024|episodes.csv|loaded|loaded",
                "893/2024|header.csv|loaded|loaded",
                "893/2024|reviews.csv|loaded|loaded");
        assertThat(WarehouseContents.rows(db, "SELECT la_code, year, count(*) FROM return_header GROUP BY ALL ORDER BY ALL"))
                .containsExactly("891|2023|2", "891|2024|3", "892|2024|1", "893|2024|1");

        // The audit trail: each run by "cli:" and the operating system's user, its start and what it did.
        String who = "cli:" + System.getProperty("user.name");
        String folderName = inbox.toAbsolutePath().normalize().toString();
        assertThat(WarehouseContents.rows(db, "SELECT username, coalesce(role, '-'), event, target, detail FROM audit_event ORDER BY id"))
                .containsExactly(
                        who + "|-|load|" + folderName + "|started",
                        who + "|-|load|" + folderName + "|run 1 ended COMPLETED: 3 LA-years loaded, 0 unchanged, 0 unreadable, "
                                + "0 folders refused; 27 rows loaded, 6 rejected",
                        who + "|-|load|" + folderName + "|started",
                        who + "|-|load|" + folderName + "|run 2 ended COMPLETED: 1 LA-years loaded, 2 unchanged, 1 unreadable, "
                                + "0 folders refused; 3 rows loaded, 0 rejected");

        Cli.Result validate = Cli.run(secretsHere, "validate", "--inbox", inbox.toString());
        assertThat(validate.code()).isNotZero();
        assertThat(validate.outLines()).contains("891/2024/" + reason)
                .anyMatch(line -> line.startsWith("summary: 4 LA-year folder(s), ") && line.endsWith(", 1 unreadable file(s) or folder(s)"));
    }

    private static List<String> laYearRows(Path db, String where) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("return_header", "return_episode", "return_review", "return_uasc", "local_dispute",
                "local_workforce", "etl_reject")) {
            WarehouseContents.rows(db, "SELECT * FROM " + table + " " + where).forEach(row -> rows.add(table + ": " + row));
        }
        WarehouseContents.rows(db, "SELECT fingerprint, children, rows_loaded, rows_rejected FROM etl_la_year " + where)
                .forEach(row -> rows.add("etl_la_year: " + row));
        return rows;
    }

    // ------------------------------------------------------------------ --db

    @Test
    void theDbOptionChoosesTheWarehouseFileTheLoadWritesTo() throws Exception {
        // PRODUCT.md §5: load --inbox DIR --db FILE. Run without any other setting of iro.db; the
        // default (application.properties) would be ${user.dir}/data/iro-insight.duckdb, pointed
        // here at a temporary folder so a wrong result cannot touch the working copy.
        Path inbox = folder.resolve("db-option-inbox");
        WarehouseContents.copyFolder(WarehouseContents.resource("inboxes/three-authorities/893"), inbox.resolve("893"));
        Path db = folder.resolve("chosen/warehouse.duckdb");
        Path userDir = Files.createDirectories(folder.resolve("user-dir"));
        String previous = System.getProperty("user.dir");
        Cli.Result result;
        System.setProperty("user.dir", userDir.toString());
        try {
            result = Cli.run(folder.resolve("db-option-secrets"), false, "load", "--inbox", inbox.toString(), "--db", db.toString());
        } finally {
            System.setProperty("user.dir", previous);
        }

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(userDir.resolve("data/iro-insight.duckdb")).as("the default warehouse file").doesNotExist();
        assertThat(db).exists();
        assertThat(WarehouseContents.rows(db, "SELECT la_code, count(*) FROM return_header GROUP BY ALL")).containsExactly("893|1");
    }
}
