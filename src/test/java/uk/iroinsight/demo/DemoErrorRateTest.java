package uk.iroinsight.demo;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.demo.ErrorInjector.Kind;
import uk.iroinsight.demo.ErrorInjector.Mistake;
import uk.iroinsight.etl.inbox.Authorities;
import uk.iroinsight.etl.inbox.InboxScan;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.etl.load.AuthorityLoader;
import uk.iroinsight.etl.load.LaYearResult;
import uk.iroinsight.etl.load.ReturnReader;
import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.etl.validation.Rejection;
import uk.iroinsight.etl.validation.ReturnValidator;
import uk.iroinsight.etl.validation.ValidatedReturn;
import uk.iroinsight.warehouse.ReferenceData;
import uk.iroinsight.warehouse.Warehouse;

/**
 * {@code demo --error-rate R}: the mistakes put into the demo are the ones the validator reports,
 * where it reports them, and nothing else is rejected but their consequences. 2025 and 2026 are
 * generated so that both code lists (before and after 2025-26's placement changes) are exercised.
 */
class DemoErrorRateTest {

    /** A county, an inner-London borough with many UASC, a small unitary. */
    private static final List<String> LAS = List.of("891", "210", "867");
    private static final int FROM = 2025;
    private static final int TO = 2026;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What the validator says about each kind of mistake (a fragment of its reason). */
    private static final Map<Kind, String> REASONS = new EnumMap<>(Map.ofEntries(
            Map.entry(Kind.IMPOSSIBLE_DATE, "is not a valid date"),
            Map.entry(Kind.DATE_WRONG_FORMAT, "is not a valid date"),
            Map.entry(Kind.DOB_AFTER_YEAR, "is after the end of the collection year"),
            Map.entry(Kind.ETHNIC_NOT_IN_LIST, "is not a code of the ethnicity list"),
            Map.entry(Kind.SEX_NOT_IN_LIST, "is not a code of the sex list"),
            Map.entry(Kind.CHILD_ON_TWO_HEADER_ROWS, "appears on more than one header row"),
            Map.entry(Kind.LS_BLANK, "LS is required but blank"),
            Map.entry(Kind.PLACE_BLANK, "PLACE is required but blank"),
            Map.entry(Kind.PLACE_NOT_VALID_IN_YEAR, " return ("),
            Map.entry(Kind.REC_NOT_VALID_IN_YEAR, " return ("),
            Map.entry(Kind.DEC_BEFORE_DECOM, "is before DECOM"),
            Map.entry(Kind.REC_BLANK, "is blank but DEC is given"),
            Map.entry(Kind.EPISODES_OVERLAP, "overlaps the episode starting"),
            Map.entry(Kind.EPISODE_LEFT_OPEN, "is blank (episode open) but a later episode starts"),
            Map.entry(Kind.EPISODE_REPEATED, "two episodes of this child start on the same day"),
            Map.entry(Kind.REVIEW_REPEATED, "repeats the review on line"),
            Map.entry(Kind.PN0_AGED_4_OR_OVER, "is PN0 (child under 4) but the child was"),
            Map.entry(Kind.NOT_PN0_UNDER_4, "must be PN0"),
            Map.entry(Kind.REVIEW_OUTSIDE_YEAR, "is outside the collection year"),
            Map.entry(Kind.CHILD_NOT_IN_HEADER, "is not in header.csv"),
            Map.entry(Kind.UASC_DOB_DIFFERS, "differs from the child's DOB in header.csv"),
            Map.entry(Kind.RESOLVED_BEFORE_RAISED, "is before RAISED"),
            Map.entry(Kind.THEME_NOT_IN_LIST, "is not a code of the dispute theme list"),
            Map.entry(Kind.THEME_BLANK, "is required for a CONCERN"),
            Map.entry(Kind.OUTCOME_BLANK, "is blank but RESOLVED is given"),
            Map.entry(Kind.STAGE1_DATE_BLANK, "is blank but the dispute reached stage"),
            Map.entry(Kind.DISPUTE_REPEATED, "is already used on line"),
            Map.entry(Kind.FTE_NEGATIVE, "is negative"),
            Map.entry(Kind.AGENCY_FTE_ABOVE_IRO_FTE, "is more than IRO_FTE")));

    private static ReferenceFigures reference;
    private static final ReturnValidator VALIDATOR = ReturnValidator.withShippedRules();

    @TempDir
    Path folder;

    @BeforeAll
    static void loadReference() {
        reference = ReferenceFigures.load();
    }

    private DemoGenerator.Summary generate(String name, long seed, List<String> las, double rate) {
        return new DemoGenerator(reference).generate(new DemoOptions(folder.resolve(name), seed, FROM, TO, las, rate));
    }

    @Test
    void everyKindOfMistakeIsInjectedAndEachIsRejectedAtItsFileLineAndField() throws Exception {
        DemoGenerator.Summary summary = generate("all", 5, LAS, 1);
        List<Mistake> mistakes = new ArrayList<>(summary.mistakes());
        // a return has one workforce snapshot: give one LA-year two a month, so that each workforce kind occurs
        Path laYear = folder.resolve("all/867/2026");
        StringBuilder workforce = new StringBuilder("DATE,IRO_FTE,IRO_HEADCOUNT,VACANT_FTE,AGENCY_FTE\n");
        for (int month = 0; month < 12; month++) {
            LocalDate first = LocalDate.of(2025, 4, 1).plusMonths(month);
            workforce.append(DATE.format(first.withDayOfMonth(15))).append(",4.5,5,0.5,1.0\n");
            workforce.append(DATE.format(first.plusMonths(1).minusDays(1))).append(",4.6,5,0.0,1.0\n");
        }
        ErrorInjector.Result injected = new ErrorInjector(5, 1).inject("867", 2026, Map.of(ReturnValidator.WORKFORCE, workforce.toString()));
        Files.writeString(laYear.resolve(ReturnValidator.WORKFORCE), injected.files().get(ReturnValidator.WORKFORCE));
        mistakes.removeIf(m -> m.la().equals("867") && m.year() == 2026 && m.file().equals(ReturnValidator.WORKFORCE));
        mistakes.addAll(injected.mistakes());

        assertThat(mistakes.stream().map(Mistake::kind).collect(toSet())).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Kind.class));
        assertEveryMistakeIsReportedAndNothingElse(folder.resolve("all"), mistakes);
    }

    @Test
    void atTwoPercentTheMistakesAreRejectedWhereTheyWerePutAndTheRejectsAreInASensibleBand() throws Exception {
        Path clean = folder.resolve("clean");
        new DemoGenerator(reference).generate(new DemoOptions(clean, 3, FROM, TO, LAS));
        DemoGenerator.Summary summary = generate("two-percent", 3, LAS, 0.02);
        Map<String, ValidatedReturn> validated = assertEveryMistakeIsReportedAndNothingElse(folder.resolve("two-percent"), summary.mistakes());

        // about 2% of the children, disputes and workforce snapshots of the clean demo
        long units = 0;
        long rows = 0;
        for (Path laYear : laYears(clean)) {
            units += dataRows(laYear.resolve("header.csv")) + dataRows(laYear.resolve("disputes.csv")) + dataRows(laYear.resolve("workforce.csv"));
        }
        for (ValidatedReturn result : validated.values()) {
            rows += result.files().values().stream().mapToInt(ValidatedReturn.FileCount::read).sum();
        }
        long mistakes = summary.mistakes().size();
        assertThat(mistakes).isBetween(Math.round(0.02 * units * 0.7), Math.round(0.02 * units * 1.3));
        // each mistake rejects its row, and a quarantined child all of its rows (about four on average)
        long rejected = validated.values().stream().mapToInt(ValidatedReturn::rowsRejected).sum();
        assertThat(rejected).isBetween(mistakes, 6 * mistakes);
        assertThat((double) rejected / rows).isBetween(0.01, 0.08);
        // the mix: no single kind dominates, and the kinds of every table occur
        Map<Kind, List<Mistake>> byKind = summary.mistakes().stream().collect(groupingBy(Mistake::kind));
        assertThat(byKind.size()).isGreaterThanOrEqualTo(15);
        assertThat(byKind.values()).allSatisfy(list -> assertThat(list.size()).isLessThan((int) (0.2 * mistakes)));
        assertThat(summary.mistakes().stream().map(Mistake::file).collect(toSet()))
                .contains(ReturnValidator.HEADER, ReturnValidator.EPISODES, ReturnValidator.REVIEWS, ReturnValidator.DISPUTES);
    }

    @Test
    void childrenWithoutMistakesStillLoad() throws Exception {
        Path clean = folder.resolve("clean");
        new DemoGenerator(reference).generate(new DemoOptions(clean, 4, FROM, TO, LAS));
        DemoGenerator.Summary summary = generate("inbox", 4, LAS, 0.02);
        Path inbox = folder.resolve("inbox");
        try (Warehouse warehouse = Warehouse.open(folder.resolve("warehouse.duckdb"))) {
            warehouse.write(connection -> {
                ReferenceData.load(connection);
                return null;
            });
            InboxScan scan = new InboxScanner(Authorities.load(), CLOCK).scan(inbox);
            assertThat(scan.problems()).isEmpty();
            AuthorityLoader loader = new AuthorityLoader(warehouse, VALIDATOR,
                    new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)), CLOCK);
            List<LaYearResult> results = new ArrayList<>();
            for (var authority : scan.byAuthority().entrySet()) {
                results.addAll(loader.load(authority.getKey(), authority.getValue(), null));
            }
            assertThat(results).hasSize(LAS.size() * 2);
            for (LaYearResult result : results) {
                assertThat(result.status()).isEqualTo(LaYearResult.Status.LOADED);
                Path cleanFolder = clean.resolve(result.folder());
                Set<String> quarantined = summary.mistakes().stream()
                        .filter(m -> result.folder().equals(m.la() + "/" + m.year()) && m.quarantinesChild())
                        .map(Mistake::child).collect(toSet());
                assertThat(quarantined).isNotEmpty();
                Map<String, Long> cleanEpisodes = rowsPerChild(cleanFolder.resolve("episodes.csv"));
                long cleanChildren = dataRows(cleanFolder.resolve("header.csv"));
                assertThat(result.files().get("header.csv").loaded()).as(result.folder()).isEqualTo(cleanChildren - quarantined.size());
                assertThat(result.files().get("episodes.csv").loaded()).as(result.folder()).isEqualTo(
                        cleanEpisodes.entrySet().stream().filter(e -> !quarantined.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum());
                assertThat(result.rowsRejected()).isPositive();
            }
        }
    }

    @Test
    void theSameSeedAndRateWriteByteIdenticalFilesAndTheSameMistakes() throws IOException {
        DemoGenerator.Summary first = generate("a", 9, LAS.subList(1, 3), 0.05);
        DemoGenerator.Summary second = generate("b", 9, LAS.subList(1, 3), 0.05);
        assertThat(InboxHash.of(folder.resolve("b"))).isEqualTo(InboxHash.of(folder.resolve("a")));
        assertThat(second.mistakes()).isEqualTo(first.mistakes()).isNotEmpty();
    }

    @Test
    void rateZeroWritesExactlyTheDemoWithoutTheOption() throws IOException {
        new DemoGenerator(reference).generate(new DemoOptions(folder.resolve("without"), 2, FROM, TO, List.of("867")));
        DemoGenerator.Summary zero = generate("zero", 2, List.of("867"), 0);
        assertThat(zero.mistakes()).isEmpty();
        assertThat(InboxHash.of(folder.resolve("zero"))).isEqualTo(InboxHash.of(folder.resolve("without")));
        assertThat(new DemoOptions(folder, 1, 2020, 2021, List.of()).errorRate()).isZero();
    }

    @Test
    void mistakesChangeOnlyTheRowsTheyAreIn() throws IOException {
        new DemoGenerator(reference).generate(new DemoOptions(folder.resolve("clean"), 6, FROM, TO, List.of("867")));
        DemoGenerator.Summary summary = generate("dirty", 6, List.of("867"), 0.03);
        for (Path laYear : laYears(folder.resolve("clean"))) {
            Path dirtyYear = folder.resolve("dirty").resolve(folder.resolve("clean").relativize(laYear));
            try (Stream<Path> files = Files.list(laYear)) {
                for (Path file : files.toList()) {
                    List<String> before = Files.readAllLines(file);
                    List<String> after = Files.readAllLines(dirtyYear.resolve(file.getFileName()));
                    String name = file.getFileName().toString();
                    long changed = summary.mistakes().stream()
                            .filter(m -> dirtyYear.endsWith(m.la() + "/" + m.year()) && m.file().equals(name)).count();
                    List<String> removed = new ArrayList<>(before);
                    removed.removeAll(after);
                    List<String> added = new ArrayList<>(after);
                    added.removeAll(before);
                    assertThat(removed.size()).as(name).isLessThanOrEqualTo((int) changed);
                    assertThat(added.size()).as(name).isLessThanOrEqualTo((int) changed);
                    assertThat(after.get(0)).isEqualTo(before.get(0));
                }
            }
        }
    }

    @Test
    void anAuthoritysMistakesDoNotDependOnWhichOtherAuthoritiesAreGenerated() throws IOException {
        DemoGenerator.Summary several = generate("several", 3, LAS, 0.05);
        DemoGenerator.Summary alone = generate("alone", 3, List.of("210"), 0.05);
        assertThat(InboxHash.of(folder.resolve("alone/210"))).isEqualTo(InboxHash.of(folder.resolve("several/210")));
        assertThat(alone.mistakes()).isEqualTo(several.mistakes().stream().filter(m -> m.la().equals("210")).toList());
    }

    @Test
    void aHigherRateKeepsTheMistakesOfALowerOne() {
        List<String> low = generate("low", 8, List.of("867"), 0.02).mistakes().stream().map(DemoErrorRateTest::what).toList();
        List<String> high = generate("high", 8, List.of("867"), 0.1).mistakes().stream().map(DemoErrorRateTest::what).toList();
        assertThat(low).isNotEmpty();
        assertThat(high).containsAll(low).hasSizeGreaterThan(2 * low.size());
    }

    @Test
    void theErrorRateIsAFractionFromZeroToOne() {
        for (double rate : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> new DemoOptions(folder, 1, 2020, 2021, List.of(), rate))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--error-rate must be between 0 and 1");
        }
        assertThat(new DemoOptions(folder, 1, 2020, 2021, List.of(), 1).errorRate()).isEqualTo(1);
    }

    // ---- helpers ------------------------------------------------------------------------

    /**
     * Validates the inbox as {@code validate} does and checks that every mistake is rejected at its
     * file, line and field with the reason its kind implies, and that every other rejection is a row
     * of a child whose mistake quarantined it (or a dispute about such a child), saying so.
     */
    private static Map<String, ValidatedReturn> assertEveryMistakeIsReportedAndNothingElse(Path inbox, List<Mistake> mistakes) throws Exception {
        InboxScan scan = new InboxScanner(Authorities.load(), CLOCK).scan(inbox);
        assertThat(scan.problems()).isEmpty();
        Map<String, List<Mistake>> byFolder = mistakes.stream().collect(groupingBy(m -> m.la() + "/" + m.year()));
        Map<String, ValidatedReturn> results = new java.util.TreeMap<>();
        for (InboxScan.LaYearFolder laYear : scan.laYears()) {
            ValidatedReturn result = VALIDATOR.validate(laYear.laCode(), laYear.year(), ReturnReader.read(laYear, VALIDATOR));
            results.put(laYear.folder(), result);
            List<Mistake> here = byFolder.getOrDefault(laYear.folder(), List.of());
            Map<String, List<Rejection>> atLine = result.rejections().stream().collect(groupingBy(r -> r.file() + ":" + r.line()));
            for (Mistake mistake : here) {
                List<Rejection> found = atLine.getOrDefault(mistake.file() + ":" + mistake.line(), List.of());
                assertThat(found.stream().anyMatch(r -> mistake.field().equals(r.field()) && r.reason().contains(REASONS.get(mistake.kind()))))
                        .as("%s is reported: %s", mistake, found).isTrue();
            }
            Set<String> lines = here.stream().map(m -> m.file() + ":" + m.line()).collect(toSet());
            Set<String> quarantined = here.stream().filter(Mistake::quarantinesChild).map(Mistake::child).collect(toSet());
            for (Rejection rejection : result.rejections()) {
                boolean mistake = lines.contains(rejection.file() + ":" + rejection.line());
                boolean consequence = quarantined.contains(rejection.child()) && rejection.reason().startsWith("child quarantined");
                assertThat(mistake || consequence).as("%s/%s is explained by an injected mistake", laYear.folder(), rejection.describe()).isTrue();
            }
        }
        assertThat(results.keySet()).containsAll(byFolder.keySet());
        return results;
    }

    private static String what(Mistake m) {
        return m.la() + "/" + m.year() + " " + m.kind() + " " + m.file() + " " + m.field() + " " + m.child() + " " + m.value();
    }

    private static List<Path> laYears(Path inbox) throws IOException {
        try (Stream<Path> files = Files.walk(inbox, 2)) {
            return files.filter(p -> inbox.relativize(p).getNameCount() == 2 && Files.isDirectory(p)).sorted().toList();
        }
    }

    private static long dataRows(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readAllLines(file).size() - 1 : 0;
    }

    private static Map<String, Long> rowsPerChild(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).collect(groupingBy(l -> l.substring(0, l.indexOf(',')), java.util.stream.Collectors.counting()));
    }
}
