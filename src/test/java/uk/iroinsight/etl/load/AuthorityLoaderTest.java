package uk.iroinsight.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import uk.iroinsight.etl.WarehouseContents;
import uk.iroinsight.etl.inbox.Authorities;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.etl.validation.ReturnValidator;
import uk.iroinsight.etl.validation.ValidatedReturn.FileCount;
import uk.iroinsight.warehouse.ReferenceData;
import uk.iroinsight.warehouse.Warehouse;

/**
 * The loader on small hand-made inboxes written in a temporary folder: what is quarantined,
 * rejected and loaded, what the derived facts make of it, which file layouts it accepts, and
 * what an unreadable file does. Every expected answer is worked out on paper in the test's
 * comment. Collection year 2024 runs 1 April 2023 to 31 March 2024, 2025 the year after.
 */
class AuthorityLoaderTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Pseudonymiser PSEUDONYMS = new Pseudonymiser(KEY);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    private static final String HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";
    private static final String EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
    private static final String REVIEWS = "CHILD,DOB,REVIEW,REVIEW_CODE";

    /** A warehouse file with the schema and reference data, copied for each test (loading reference data takes ~1 s). */
    private static Path template;

    @TempDir
    Path folder;

    private Path inbox;
    private Warehouse warehouse;
    private AuthorityLoader loader;

    @BeforeAll
    static void buildTemplateWarehouse(@TempDir Path templateFolder) throws SQLException {
        template = templateFolder.resolve("template.duckdb");
        try (Warehouse warehouse = Warehouse.open(template)) {
            warehouse.write(connection -> {
                ReferenceData.load(connection);
                return null;
            });
        }
    }

    @BeforeEach
    void openWarehouse() throws IOException {
        inbox = Files.createDirectories(folder.resolve("inbox"));
        Path db = folder.resolve("warehouse.duckdb");
        Files.copy(template, db);
        warehouse = Warehouse.open(db);
        loader = new AuthorityLoader(warehouse, ReturnValidator.withShippedRules(), PSEUDONYMS, CLOCK);
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    // ------------------------------------------------------------------ rows and children

    @Test
    void overlappingEpisodesQuarantineTheWholeChildAndTheOtherChildrenLoad() throws Exception {
        // A's second episode starts 01/09/2023, before the first ends (01/10/2023): A's episodes
        // conflict, so all of A (header line 2, episodes lines 2-3, review line 2) is rejected.
        // B is untouched: 1 header, 1 episode, 1 review loaded.
        write("891", 2024, "header.csv", HEADER,
                "A,1,15/06/2012,WBRI,UPN-A,,",
                "B,2,20/02/2010,BAFR,UPN-B,,");
        write("891", 2024, "episodes.csv", EPISODES,
                "A,01/05/2023,S,C2,N1,U4,PR1,01/10/2023,X1,,,,1234567",
                "A,01/09/2023,P,C2,N1,U6,PR4,,,,,,2345678",
                "B,10/04/2023,S,V2,N4,U6,PR1,,,,,,3456789");
        write("891", 2024, "reviews.csv", REVIEWS,
                "A,15/06/2012,20/05/2023,PN1",
                "B,20/02/2010,05/05/2023,PN1");

        List<LaYearResult> results = loadInbox();

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(LaYearResult.Status.LOADED);
            assertThat(r.files()).containsEntry("header.csv", new FileCount(2, 1, 1))
                    .containsEntry("episodes.csv", new FileCount(3, 1, 2))
                    .containsEntry("reviews.csv", new FileCount(2, 1, 1));
        });
        String b = key("891", "B");
        assertThat(rows("SELECT child_key FROM return_header")).containsExactly(b);
        assertThat(rows("SELECT child_key, decom FROM return_episode")).containsExactly(b + "|2023-04-10");
        assertThat(rows("SELECT child_key, review_date FROM return_review")).containsExactly(b + "|2023-05-05");
        assertThat(rows("SELECT DISTINCT child_key FROM fact_episode")).containsExactly(b);
        assertThat(rows("SELECT child_key FROM dim_child")).containsExactly(b);
        // The conflict itself, and each quarantined row with the reason.
        assertThat(rows("SELECT file_name, line, field, reason FROM etl_reject WHERE file_name = 'episodes.csv' AND field = 'DEC'"))
                .singleElement().asString().startsWith("episodes.csv|2|DEC|overlaps the episode starting 2023-09-01");
        assertThat(rows("SELECT file_name, line, child_key FROM etl_reject WHERE reason LIKE 'child quarantined%' ORDER BY ALL"))
                .containsExactly("episodes.csv|2|" + key("891", "A"), "episodes.csv|3|" + key("891", "A"),
                        "header.csv|2|" + key("891", "A"), "reviews.csv|2|" + key("891", "A"));
    }

    @Test
    void anX1ChainAcrossTwoReturnsIsOnePeriodOfCareSpanningBothYears() throws Exception {
        // 2024 return: S 01/10/2023 ceased X1 15/03/2024; L 15/03/2024 open.
        // 2025 return: L 15/03/2024 now ceased X1 10/06/2024; P 10/06/2024 K2 ceased E4A 20/02/2025.
        // One period of care 01/10/2023 - 20/02/2025 ending E4A, start known (RNE S on or after
        // 1 April 2023, the start of the earliest loaded year); three episodes, all in period 1.
        write("891", 2024, "header.csv", HEADER, "A,1,15/06/2012,WBRI,UPN-A,,");
        write("891", 2024, "episodes.csv", EPISODES,
                "A,01/10/2023,S,C1,N1,U6,PR1,15/03/2024,X1,,,,1234567",
                "A,15/03/2024,L,C2,N1,U6,PR1,,,,,,1234567");
        write("891", 2024, "reviews.csv", REVIEWS, "A,15/06/2012,25/10/2023,PN1");
        write("891", 2025, "header.csv", HEADER, "A,1,15/06/2012,WBRI,UPN-A,,");
        write("891", 2025, "episodes.csv", EPISODES,
                "A,15/03/2024,L,C2,N1,U6,PR1,10/06/2024,X1,CARPL,,,1234567",
                "A,10/06/2024,P,C2,N1,K2,PR4,20/02/2025,E4A,,,,7654321");
        write("891", 2025, "reviews.csv", REVIEWS, "A,15/06/2012,20/04/2024,PN1");

        assertThat(loadInbox()).extracting(LaYearResult::status).containsExactly(LaYearResult.Status.LOADED, LaYearResult.Status.LOADED);
        assertThat(rows("SELECT period_seq, start_date, end_date, end_reason, start_known FROM fact_period_of_care"))
                .containsExactly("1|2023-10-01|2025-02-20|E4A|true");
        assertThat(rows("SELECT decom, dec, rec, period_seq, return_year FROM fact_episode ORDER BY decom"))
                .containsExactly("2023-10-01|2024-03-15|X1|1|2024", "2024-03-15|2024-06-10|X1|1|2025", "2024-06-10|2025-02-20|E4A|1|2025");
        assertThat(rows("SELECT review_date, period_seq FROM fact_review ORDER BY ALL"))
                .containsExactly("2023-10-25|1", "2024-04-20|1");
    }

    @Test
    void aRevisedEpisodeInALaterReturnWinsInFactEpisode() throws Exception {
        // The 2024 return has the episode open with LS C1; the 2025 return sends the same
        // (child, DECOM) closed on 01/10/2024 (E4A) with LS revised to C2. Both copies stay in
        // return_episode (one per return); fact_episode holds one episode, the 2025 copy.
        write("891", 2024, "header.csv", HEADER, "A,2,01/02/2011,WBRI,UPN-A,,");
        write("891", 2024, "episodes.csv", EPISODES, "A,01/09/2023,S,C1,N1,U6,PR1,,,,,,1234567");
        write("891", 2024, "reviews.csv", REVIEWS);
        write("891", 2025, "header.csv", HEADER, "A,2,01/02/2011,WBRI,UPN-A,,");
        write("891", 2025, "episodes.csv", EPISODES, "A,01/09/2023,S,C2,N1,U6,PR1,01/10/2024,E4A,,,,1234567");
        write("891", 2025, "reviews.csv", REVIEWS);

        loadInbox();

        assertThat(rows("SELECT year, ls, dec FROM return_episode ORDER BY year"))
                .containsExactly("2024|C1|null", "2025|C2|2024-10-01");
        assertThat(rows("SELECT decom, dec, rec, ls, return_year FROM fact_episode"))
                .containsExactly("2023-09-01|2024-10-01|E4A|C2|2025");
    }

    @Test
    void aPn0ForAFiveYearOldIsRejectedAndTheRestOfTheChildLoads() throws Exception {
        // B was born 10/01/2018, so was 5 on 20/05/2023: PN0 (under 4) is wrong and that review
        // row alone is rejected (field REVIEW_CODE, value PN0). B's header, episode and other
        // review (PN3 on 10/11/2023) load.
        write("891", 2024, "header.csv", HEADER, "B,2,10/01/2018,BAFR,UPN-B,,");
        write("891", 2024, "episodes.csv", EPISODES, "B,01/05/2023,S,C2,N1,U4,PR1,,,,,,1234567");
        write("891", 2024, "reviews.csv", REVIEWS,
                "B,10/01/2018,20/05/2023,PN0",
                "B,10/01/2018,10/11/2023,PN3");

        loadInbox();

        String b = key("891", "B");
        assertThat(rows("SELECT file_name, line, field, value, child_key FROM etl_reject"))
                .containsExactly("reviews.csv|2|REVIEW_CODE|PN0|" + b);
        assertThat(rows("SELECT reason FROM etl_reject").get(0)).contains("PN0").contains("was 5");
        assertThat(rows("SELECT child_key FROM return_header")).containsExactly(b);
        assertThat(rows("SELECT child_key, decom FROM return_episode")).containsExactly(b + "|2023-05-01");
        assertThat(rows("SELECT review_date, review_code FROM fact_review")).containsExactly("2023-11-10|PN3");
    }

    @Test
    void aReviewForAChildNotInTheHeaderIsRejectedWithAReasonNamingHeaderCsv() throws Exception {
        // GHOST has a review but no header row: that review is rejected (field CHILD, value
        // withheld as identifying); A loads in full.
        write("891", 2024, "header.csv", HEADER, "A,1,15/06/2012,WBRI,UPN-A,,");
        write("891", 2024, "episodes.csv", EPISODES, "A,01/05/2023,S,C2,N1,U4,PR1,,,,,,1234567");
        write("891", 2024, "reviews.csv", REVIEWS,
                "A,15/06/2012,20/05/2023,PN1",
                "GHOST,01/01/2015,01/09/2023,PN1");

        LaYearResult result = loadInbox().get(0);

        assertThat(result.rejections()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("reviews.csv");
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.field()).isEqualTo("CHILD");
            assertThat(r.reason()).contains("header.csv");
        });
        assertThat(rows("SELECT file_name, line, field, value FROM etl_reject")).containsExactly("reviews.csv|3|CHILD|null");
        assertThat(rows("SELECT reason FROM etl_reject").get(0)).contains("header.csv");
        assertThat(rows("SELECT child_key, review_date FROM return_review")).containsExactly(key("891", "A") + "|2023-05-20");
    }

    @Test
    void aTemporaryT1PlacementAndReturnCountsAsOnePlacementNotTwo() throws Exception {
        // U4 (URN 1234567) from 01/05/2023; a hospital stay T1 10/09-24/09/2023; back to the same
        // U4 (same URN) from 24/09/2023, open. The T1 episode is not a placement and the return
        // to the pre-temporary placement continues it: one placement from 01/05/2023, open, under
        // both counting rules; 1 placement in the year 2024.
        write("891", 2024, "header.csv", HEADER, "C,1,03/03/2015,MWBC,UPN-C,,");
        write("891", 2024, "episodes.csv", EPISODES,
                "C,01/05/2023,S,C1,N1,U4,PR1,10/09/2023,X1,,,ZZ4 4DD,1234567",
                "C,10/09/2023,P,C1,N1,T1,,24/09/2023,X1,,,,XXXXXXX",
                "C,24/09/2023,P,C2,N1,U4,PR1,,,,,ZZ4 4DD,1234567");
        write("891", 2024, "reviews.csv", REVIEWS);

        loadInbox();

        assertThat(rows("SELECT counting_rule, placement_seq, start_date, end_date, place FROM fact_placement ORDER BY ALL"))
                .containsExactly("count_same_carer_moves|1|2023-05-01|null|U4", "standard|1|2023-05-01|null|U4");
        assertThat(rows("SELECT year, in_care_31mar, placements_in_year FROM fact_child_year")).containsExactly("2024|true|1");
    }

    @Test
    void anotherSsda903FileSuchAsOc2IsIgnoredPolitely() throws Exception {
        write("891", 2024, "header.csv", HEADER, "A,1,15/06/2012,WBRI,UPN-A,,");
        write("891", 2024, "episodes.csv", EPISODES, "A,01/05/2023,S,C2,N1,U4,PR1,,,,,,1234567");
        write("891", 2024, "reviews.csv", REVIEWS);
        write("891", 2024, "oc2.csv", "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
                + "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED", "A,15/06/2012,12,,0,1,1,1,1,0,0,0");

        LaYearResult result = loadInbox().get(0);

        assertThat(result.status()).isEqualTo(LaYearResult.Status.LOADED);
        assertThat(result.ignored()).containsExactly("oc2.csv");
        assertThat(result.rejections()).isEmpty();
        assertThat(rows("SELECT file_name, status, rows_read, rows_rejected, message FROM etl_file_load ORDER BY file_name"))
                .containsExactly("episodes.csv|loaded|1|0|loaded", "header.csv|loaded|1|0|loaded",
                        "oc2.csv|ignored|0|0|not used by IRO Insight", "reviews.csv|loaded|0|0|loaded");
    }

    // ------------------------------------------------------------------ file layouts

    /** Ways other tools write the same table; each must load exactly like the plain file. */
    enum Layout {
        BYTE_ORDER_MARK(text -> "\uFEFF" + text),
        CRLF_LINE_ENDS(text -> text.replace("\n", "\r\n")),
        EXTRA_COLUMNS(text -> mapLines(text, (i, cells) -> {
            List<String> out = new ArrayList<>();
            out.add(i == 0 ? "LA" : "891");
            out.addAll(cells);
            out.add(i == 0 ? "YEAR" : "2024");
            return out;
        })),
        DIFFERENT_COLUMN_ORDER(text -> mapLines(text, (i, cells) -> {
            List<String> out = new ArrayList<>(cells);
            Collections.reverse(out);
            return out;
        })),
        LOWER_CASE_COLUMN_NAMES(text -> text.substring(0, text.indexOf('\n')).toLowerCase(Locale.ROOT) + text.substring(text.indexOf('\n'))),
        TRAILING_BLANK_LINES(text -> text + "\n\n   \n\r\n"),
        ALL_AT_ONCE(text -> BYTE_ORDER_MARK.apply(CRLF_LINE_ENDS.apply(TRAILING_BLANK_LINES.apply(
                LOWER_CASE_COLUMN_NAMES.apply(DIFFERENT_COLUMN_ORDER.apply(EXTRA_COLUMNS.apply(text)))))));

        private final UnaryOperator<String> rewrite;

        Layout(UnaryOperator<String> rewrite) {
            this.rewrite = rewrite;
        }

        String apply(String text) {
            return rewrite.apply(text);
        }

        private interface LineRewrite {
            List<String> apply(int index, List<String> cells);
        }

        private static String mapLines(String text, LineRewrite rewrite) {
            String[] lines = text.split("\n");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                out.add(String.join(",", rewrite.apply(i, Arrays.asList(lines[i].split(",", -1)))));
            }
            return String.join("\n", out) + "\n";
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Layout.class)
    void aFileWithAnotherLayoutLoadsExactlyLikeThePlainVersion(Layout layout) throws Exception {
        // Plain files first (2 children, 3 episodes, 3 reviews of which one is rejected: A was
        // 10 on 20/05/2023, so PN0 is wrong); then the same rows rewritten in the layout replace
        // them. The LA-year must be re-loaded (status loaded, not unchanged) with the same counts
        // and leave every table exactly as the plain version did.
        Map<String, String> plain = Map.of(
                "header.csv", lines(HEADER, "A,1,15/06/2012,WBRI,UPN-A,,", "B,2,10/01/2018,BAFR,UPN-B,,"),
                "episodes.csv", lines(EPISODES,
                        "A,01/05/2023,S,C2,N1,U4,PR1,10/09/2023,X1,,ZZ1 1AA,ZZ4 4DD,1234567",
                        "A,10/09/2023,P,C2,N1,K2,PR4,,,,ZZ1 1AA,ZZ5 5EE,7654321",
                        "B,01/06/2023,S,V2,N4,U3,PR1,,,,ZZ1 1AB,ZZ2 2BC,2345678"),
                "reviews.csv", lines(REVIEWS, "A,15/06/2012,20/05/2023,PN0", "A,15/06/2012,20/11/2023,PN1",
                        "B,10/01/2018,20/06/2023,PN2"));
        plain.forEach((file, text) -> writeText("891", 2024, file, text));
        LaYearResult plainResult = loadInbox().get(0);
        Map<String, List<String>> plainContents = contents();
        assertThat(plainResult.status()).isEqualTo(LaYearResult.Status.LOADED);
        assertThat(plainResult.rowsLoaded()).isEqualTo(7);
        assertThat(plainResult.rowsRejected()).isEqualTo(1);

        plain.forEach((file, text) -> writeText("891", 2024, file, layout.apply(text)));
        LaYearResult variantResult = loadInbox().get(0);

        assertThat(variantResult.status()).isEqualTo(LaYearResult.Status.LOADED);
        assertThat(variantResult.files()).isEqualTo(plainResult.files());
        assertThat(variantResult.rejections()).isEqualTo(plainResult.rejections());
        WarehouseContents.assertSameContents(contents(), plainContents);
    }

    // ------------------------------------------------------------------ unreadable files

    /** Files that are not a readable table: the LA-year fails with a one-line reason naming the file. */
    enum Broken {
        BINARY_GARBAGE("episodes.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 1},
                "holds binary data"),
        SEMICOLON_DELIMITER("episodes.csv", (EPISODES.replace(',', ';') + "\nA;01/05/2023;S;C2;N1;U4;PR1;;;;;;1234567\n")
                .getBytes(StandardCharsets.UTF_8), "is separated by ';'"),
        EMPTY_FILE("reviews.csv", new byte[0], "is empty (0 bytes)"),
        ONLY_BLANK_LINES("header.csv", "\n\r\n   \n\n".getBytes(StandardCharsets.UTF_8), "has no header row"),
        MISSING_REQUIRED_COLUMN("episodes.csv", (EPISODES.replace("DECOM,", "") + "\nA,S,C2,N1,U4,PR1,,,,,,1234567\n")
                .getBytes(StandardCharsets.UTF_8), "has no column DECOM"),
        MISSING_REQUIRED_FILE("reviews.csv", null, "is missing");

        final String file;
        final byte[] bytes;
        final String reason;

        Broken(String file, byte[] bytes, String reason) {
            this.file = file;
            this.bytes = bytes;
            this.reason = reason;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Broken.class)
    void anUnreadableFileFailsItsLaYearKeepsItsPreviousDataAndTheRestOfTheInboxLoads(Broken broken) throws Exception {
        // Run 1: 891/2024 loads (1 child). Run 2: one file of 891/2024 is broken, and two good
        // LA-years are new: 891/2025 (same authority) and 892/2024 (another authority).
        // Expected: 891/2024 FAILED with "<file>: <reason>" on one line, recorded as 'failed' in
        // etl_file_load; its return rows, rejects and fingerprint exactly as after run 1;
        // 891/2025 and 892/2024 loaded.
        writeGoodReturn("891", 2024);
        loadInbox();
        String laYear = "la_code = '891' AND year = 2024";
        List<String> before = laYearRows(laYear);
        assertThat(before).anyMatch(row -> row.startsWith("return_header"));

        Path file = inbox.resolve("891/2024/" + broken.file);
        if (broken.bytes == null) {
            Files.delete(file);
        } else {
            Files.write(file, broken.bytes);
        }
        writeGoodReturn("891", 2025);
        writeGoodReturn("892", 2024);
        List<LaYearResult> results = loadInbox();

        assertThat(results).extracting(r -> r.laCode() + "/" + r.year() + " " + r.status())
                .containsExactly("891/2024 FAILED", "891/2025 LOADED", "892/2024 LOADED");
        String message = results.get(0).message();
        assertThat(message).doesNotContain("\n").startsWith(broken.file + ": ").contains(broken.reason);
        assertThat(rows("SELECT folder, file_name, message FROM etl_file_load WHERE status = 'failed'"))
                .containsExactly("891/2024|" + broken.file + "|" + message);
        assertThat(laYearRows(laYear)).isEqualTo(before);
        assertThat(rows("SELECT la_code, year, count(*) FROM return_header GROUP BY ALL ORDER BY ALL"))
                .containsExactly("891|2024|1", "891|2025|1", "892|2024|1");
    }

    // ------------------------------------------------------------------ helpers

    /** One child, one open episode, two reviews of which the second is rejected (PN9 is no code). */
    private void writeGoodReturn(String la, int year) {
        write(la, year, "header.csv", HEADER, "A,1,15/06/2012,WBRI,UPN-A,,");
        write(la, year, "episodes.csv", EPISODES, "A,01/05/" + (year - 1) + ",S,C2,N1,U4,PR1,,,,,,1234567");
        write(la, year, "reviews.csv", REVIEWS, "A,15/06/2012,20/05/" + (year - 1) + ",PN1", "A,15/06/2012,01/01/" + year + ",PN9");
    }

    /** Every return, local and reject row of an LA-year, plus its fingerprint, as "table: row". */
    private List<String> laYearRows(String where) throws SQLException {
        List<String> all = new ArrayList<>();
        for (String table : List.of("return_header", "return_episode", "return_review", "return_uasc", "local_dispute",
                "local_workforce", "etl_reject", "etl_la_year")) {
            String columns = table.equals("etl_la_year") ? "la_code, year, fingerprint, children, rows_loaded, rows_rejected" : "*";
            rows("SELECT " + columns + " FROM " + table + " WHERE " + where + " ORDER BY ALL").forEach(r -> all.add(table + ": " + r));
        }
        return all;
    }

    private List<LaYearResult> loadInbox() throws SQLException {
        var scan = new InboxScanner(Authorities.load(), CLOCK).scan(inbox);
        assertThat(scan.problems()).isEmpty();
        List<LaYearResult> results = new ArrayList<>();
        for (var authority : scan.byAuthority().entrySet()) {
            results.addAll(loader.load(authority.getKey(), authority.getValue(), null));
        }
        return results;
    }

    /** Every table's rows; etl_la_year without its fingerprint (which hashes the files' bytes). */
    private Map<String, List<String>> contents() throws SQLException {
        try (Connection connection = warehouse.connect()) {
            Map<String, List<String>> tables = new TreeMap<>(WarehouseContents.tables(connection));
            tables.put("etl_la_year", WarehouseContents.rows(connection,
                    "SELECT la_code, year, children, rows_loaded, rows_rejected FROM etl_la_year ORDER BY ALL"));
            return tables;
        }
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection connection = warehouse.connect()) {
            return WarehouseContents.rows(connection, sql);
        }
    }

    private static String key(String la, String child) {
        return PSEUDONYMS.childKey(la, child);
    }

    private static String lines(String... lines) {
        return Arrays.stream(lines).map(line -> line + "\n").collect(Collectors.joining());
    }

    private void write(String la, int year, String file, String... lines) {
        writeText(la, year, file, lines(lines));
    }

    private void writeText(String la, int year, String file, String text) {
        try {
            Path path = inbox.resolve(la).resolve(String.valueOf(year)).resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
