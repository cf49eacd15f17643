package uk.iroinsight.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import uk.iroinsight.etl.validation.CodeLists;

/**
 * Puts the mistakes real LA extracts contain into an LA-year's demo files, so that
 * {@code validate} and {@code load} have a reject report to show: impossible or mistyped dates,
 * blank required fields, codes not valid in that collection year, episodes that overlap or are
 * left open, duplicated rows, PN codes that contradict the child's age, references to children
 * missing from the header, disputes resolved before they were raised, negative FTEs.
 *
 * <p>Each child (with all of its rows), each dispute and each workforce snapshot is affected with
 * probability {@code rate}, and then by exactly one mistake, chosen by weight among the mistakes
 * its rows allow. Every mistake is one the loader's validator rejects; {@link Mistake} says where
 * it should be reported. The random stream is derived from the seed, the authority and the year
 * only (never from the generator's own stream), so the same seed and rate give the same files,
 * an authority's files do not depend on which others are generated, rate 0 leaves the files
 * untouched, and a higher rate keeps the mistakes of a lower one and adds more.
 */
public final class ErrorInjector {

    static final String HEADER = "header.csv";
    static final String EPISODES = "episodes.csv";
    static final String REVIEWS = "reviews.csv";
    static final String UASC = "uasc.csv";
    static final String DISPUTES = "disputes.csv";
    static final String WORKFORCE = "workforce.csv";
    private static final List<String> FILES = List.of(HEADER, EPISODES, REVIEWS, UASC, DISPUTES, WORKFORCE);

    /** Salt that keeps the mistakes' random stream apart from the simulation's. */
    private static final long SALT = 0x5DEECE66DL * 0x2545F4914F6CDD1DL;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    /** The kinds of mistake, each one a check of ReturnValidator rejects. */
    public enum Kind {
        IMPOSSIBLE_DATE("a date that does not exist (31/02/2019, 31/06/2024)"),
        DATE_WRONG_FORMAT("a date in another format (2024/03/31, 31-03-2024, 31.03.2024, 31/03/24, 03/31/2024, an Excel serial number)"),
        DOB_AFTER_YEAR("a date of birth after the collection year (the current year typed as the year of birth)"),
        ETHNIC_NOT_IN_LIST("an ethnicity code from another list (school census extended codes such as WENG, or NK)"),
        SEX_NOT_IN_LIST("SEX as M/F or 9 instead of 1/2"),
        CHILD_ON_TWO_HEADER_ROWS("a child's header row repeated"),
        LS_BLANK("legal status left blank"),
        PLACE_BLANK("placement type left blank"),
        PLACE_NOT_VALID_IN_YEAR("a placement code not valid in that year: retired (H5, P2, Z1 from 2025-26) or a year early (K3 in 2023-24, Z11-Z14 in 2024-25)"),
        REC_NOT_VALID_IN_YEAR("a reason ceased not valid in that year: legacy SGO codes E43/E44 from 2018-19, or E45-E48 a year early"),
        DEC_BEFORE_DECOM("an episode ceasing before it began"),
        REC_BLANK("an ended episode without a reason ceased"),
        EPISODES_OVERLAP("an episode ceasing after the child's next episode began"),
        EPISODE_LEFT_OPEN("an earlier episode never closed (DEC and REC blank)"),
        EPISODE_REPEATED("an episode row repeated"),
        REVIEW_REPEATED("a review row repeated"),
        PN0_AGED_4_OR_OVER("PN0 kept for a child who had turned 4"),
        NOT_PN0_UNDER_4("PN1-PN7 for a child under 4"),
        REVIEW_OUTSIDE_YEAR("a review dated outside the collection year"),
        CHILD_NOT_IN_HEADER("a review or dispute whose CHILD is mistyped (no such child in the header)"),
        UASC_DOB_DIFFERS("a UASC row whose DOB was not updated with the header's"),
        RESOLVED_BEFORE_RAISED("a dispute resolved before it was raised"),
        THEME_NOT_IN_LIST("a dispute theme not in the list (CONTACT, PLACEMENT_STABILITY, free text)"),
        THEME_BLANK("a CONCERN without a theme"),
        OUTCOME_BLANK("a resolved dispute without an outcome"),
        STAGE1_DATE_BLANK("a formal dispute without its stage 1 date"),
        DISPUTE_REPEATED("a dispute row repeated"),
        FTE_NEGATIVE("a negative vacant FTE (over-establishment written as a negative vacancy)"),
        AGENCY_FTE_ABOVE_IRO_FTE("agency FTE counted on top of IRO_FTE instead of within it");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * One injected mistake, where the validator reports it: the file, its line (1 = the header
     * row), the field and the value now in it. {@code child} is the row's CHILD (null for a
     * workforce row or a dispute without one).
     */
    public record Mistake(String la, int year, String file, int line, String field, String value, Kind kind, String child) {

        /** A header or episode mistake quarantines the child: the validator rejects all of its rows. */
        public boolean quarantinesChild() {
            return file.equals(HEADER) || file.equals(EPISODES);
        }

        public static final Comparator<Mistake> ORDER = Comparator.comparing(Mistake::la).thenComparingInt(Mistake::year)
                .thenComparing(Mistake::file).thenComparingInt(Mistake::line).thenComparing(Mistake::field);
    }

    /** An LA-year's files after injection (only the files that changed) and the mistakes. */
    public record Result(Map<String, String> files, List<Mistake> mistakes) {
    }

    private final long seed;
    private final double rate;
    private final CodeLists codes;

    /** @param rate fraction (0-1) of children, disputes and workforce snapshots given a mistake */
    public ErrorInjector(long seed, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("the error rate must be between 0 and 1, not " + rate);
        }
        this.seed = seed;
        this.rate = rate;
        this.codes = rate == 0 ? null : CodeLists.load();
    }

    /** Rewrites the files of one LA-year folder that get mistakes; at rate 0 reads nothing. */
    public List<Mistake> inject(Path folder, String la, int year) {
        if (rate == 0) {
            return List.of();
        }
        try {
            Map<String, String> files = new LinkedHashMap<>();
            for (String name : FILES) {
                Path file = folder.resolve(name);
                if (Files.isRegularFile(file)) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            Result result = inject(la, year, files);
            for (var changed : result.files().entrySet()) {
                Files.writeString(folder.resolve(changed.getKey()), changed.getValue(), StandardCharsets.UTF_8);
            }
            return result.mistakes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inject mistakes into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Injects mistakes into the texts of one LA-year's files (file name → CSV text). */
    public Result inject(String la, int year, Map<String, String> files) {
        if (rate == 0) {
            return new Result(Map.of(), List.of());
        }
        return new Run(la, year, files).run();
    }

    /** The random stream of one LA-year's mistakes. */
    static SplittableRandom randomFor(long seed, String la, int year) {
        return new SplittableRandom(DemoGenerator.seedFor(seed ^ SALT, la + "/" + year));
    }

    // ---- one LA-year ---------------------------------------------------------------------

    private final class Run {
        private final String la;
        private final int year;
        private final LocalDate yearStart;
        private final LocalDate yearEnd;
        private final Map<String, Table> tables = new LinkedHashMap<>();
        private final List<Pending> pending = new ArrayList<>();
        /** Per child, in header order: its header row, episodes and reviews in file order, UASC row. */
        private final Map<String, Child> children = new LinkedHashMap<>();

        Run(String la, int year, Map<String, String> files) {
            this.la = la;
            this.year = year;
            this.yearStart = LocalDate.of(year - 1, 4, 1);
            this.yearEnd = LocalDate.of(year, 3, 31);
            files.forEach((name, text) -> tables.put(name, new Table(name, text)));
        }

        Result run() {
            Table header = tables.get(HEADER);
            for (Line line : header == null ? List.<Line>of() : header.lines) {
                String child = header.get(line, "CHILD");
                if (child != null && !child.isEmpty()) {
                    Child c = children.computeIfAbsent(child, Child::new);
                    if (c.header == null) {
                        c.header = line;
                    }
                }
            }
            index(EPISODES, (child, line) -> child.episodes.add(line));
            index(REVIEWS, (child, line) -> child.reviews.add(line));
            index(UASC, (child, line) -> child.uasc = child.uasc == null ? line : child.uasc);

            SplittableRandom random = randomFor(seed, la, year);
            for (Child child : List.copyOf(children.values())) {
                affect(random, r -> childMistake(child, r));
            }
            Table disputes = tables.get(DISPUTES);
            if (disputes != null) {
                for (Line line : List.copyOf(disputes.lines)) {
                    affect(random, r -> disputeMistake(disputes, line, r));
                }
            }
            Table workforce = tables.get(WORKFORCE);
            if (workforce != null) {
                for (Line line : List.copyOf(workforce.lines)) {
                    affect(random, r -> workforceMistake(workforce, line, r));
                }
            }
            return result();
        }

        /** One unit: the same two draws whatever the rate, so a higher rate keeps a lower rate's mistakes. */
        private void affect(SplittableRandom random, Consumer<SplittableRandom> mistake) {
            double u = random.nextDouble();
            SplittableRandom own = random.split();
            if (u < rate) {
                mistake.accept(own);
            }
        }

        private void index(String file, BiConsumer<Child, Line> add) {
            Table table = tables.get(file);
            if (table == null) {
                return;
            }
            for (Line line : table.lines) {
                Child child = children.get(table.get(line, "CHILD"));
                if (child != null) {
                    add.accept(child, line);
                }
            }
        }

        private Result result() {
            Map<String, String> changed = new LinkedHashMap<>();
            Map<Table, Map<Line, Integer>> numbers = new HashMap<>();
            for (Table table : tables.values()) {
                if (table.changed) {
                    changed.put(table.name, table.text());
                }
                Map<Line, Integer> lineNumbers = new IdentityHashMap<>();
                for (int i = 0; i < table.lines.size(); i++) {
                    lineNumbers.put(table.lines.get(i), i + 2);
                }
                numbers.put(table, lineNumbers);
            }
            List<Mistake> mistakes = new ArrayList<>();
            for (Pending p : pending) {
                mistakes.add(new Mistake(la, year, p.table.name, numbers.get(p.table).get(p.line), p.field, p.table.get(p.line, p.field),
                        p.kind, p.child));
            }
            mistakes.sort(Mistake.ORDER);
            return new Result(changed, List.copyOf(mistakes));
        }

        // ---- a child's mistakes ----------------------------------------------------------

        private void childMistake(Child child, SplittableRandom r) {
            if (child.header == null || child.header.fields == null) {
                return;
            }
            Table header = tables.get(HEADER);
            Table episodes = tables.get(EPISODES);
            Table reviews = tables.get(REVIEWS);
            LocalDate dob = parse(header.get(child.header, "DOB"));
            List<Line> episodeRows = editable(child.episodes);
            List<Line> ended = episodeRows.stream()
                    .filter(e -> parse(episodes.get(e, "DEC")) != null && parse(episodes.get(e, "DECOM")) != null).toList();
            List<Line> reviewRows = editable(child.reviews).stream().filter(v -> parse(reviews.get(v, "REVIEW")) != null).toList();
            List<Option> options = new ArrayList<>();

            // dates: mostly the DOB, also DECOM, DEC and review dates
            List<Target> dates = new ArrayList<>();
            if (dob != null) {
                dates.add(new Target(header, child.header, "DOB", 3));
            }
            episodeRows.stream().filter(e -> parse(episodes.get(e, "DECOM")) != null)
                    .forEach(e -> dates.add(new Target(episodes, e, "DECOM", 2.0 / episodeRows.size())));
            ended.forEach(e -> dates.add(new Target(episodes, e, "DEC", 1.0 / ended.size())));
            reviewRows.forEach(v -> dates.add(new Target(reviews, v, "REVIEW", 2.0 / reviewRows.size())));
            if (!dates.isEmpty()) {
                options.add(new Option(Kind.IMPOSSIBLE_DATE, 7, x -> {
                    Target t = pickWeighted(dates, x);
                    set(t.table, t.line, t.field, impossibleDate(parse(t.table.get(t.line, t.field)), x), Kind.IMPOSSIBLE_DATE, child.id);
                }));
                options.add(new Option(Kind.DATE_WRONG_FORMAT, 7, x -> {
                    Target t = pickWeighted(dates, x);
                    set(t.table, t.line, t.field, wrongFormat(parse(t.table.get(t.line, t.field)), x), Kind.DATE_WRONG_FORMAT, child.id);
                }));
            }

            // header.csv
            if (dob != null) {
                options.add(new Option(Kind.DOB_AFTER_YEAR, 2, x -> {
                    LocalDate typed = dob.withYear(year);
                    if (!typed.isAfter(yearEnd)) {
                        typed = dob.withYear(year + 1);
                    }
                    set(header, child.header, "DOB", DATE.format(typed), Kind.DOB_AFTER_YEAR, child.id);
                }));
            }
            String ethnic = header.get(child.header, "ETHNIC");
            if (ethnic != null && !ethnic.isEmpty()) {
                options.add(new Option(Kind.ETHNIC_NOT_IN_LIST, 5, x -> {
                    List<String> other = ETHNIC_ELSEWHERE.getOrDefault(ethnic, ETHNIC_UNKNOWN);
                    set(header, child.header, "ETHNIC", other.get(x.nextInt(other.size())), Kind.ETHNIC_NOT_IN_LIST, child.id);
                }));
            }
            String sex = header.get(child.header, "SEX");
            if ("1".equals(sex) || "2".equals(sex)) {
                options.add(new Option(Kind.SEX_NOT_IN_LIST, 2, x -> set(header, child.header, "SEX",
                        x.nextInt(5) == 0 ? "9" : sex.equals("1") ? "M" : "F", Kind.SEX_NOT_IN_LIST, child.id)));
            }
            options.add(new Option(Kind.CHILD_ON_TWO_HEADER_ROWS, 2, x -> {
                Line copy = header.repeat(child.header);
                pending.add(new Pending(header, copy, "CHILD", Kind.CHILD_ON_TWO_HEADER_ROWS, child.id));
            }));

            // episodes.csv
            if (!episodeRows.isEmpty()) {
                options.add(new Option(Kind.LS_BLANK, 5, x -> set(episodes, pick(episodeRows, x), "LS", "", Kind.LS_BLANK, child.id)));
                options.add(new Option(Kind.PLACE_BLANK, 4, x -> set(episodes, pick(episodeRows, x), "PLACE", "", Kind.PLACE_BLANK, child.id)));
                options.add(new Option(Kind.EPISODE_REPEATED, 3, x -> {
                    Line original = pick(episodeRows, x);
                    episodes.repeat(original);
                    pending.add(new Pending(episodes, original, "DECOM", Kind.EPISODE_REPEATED, child.id));
                }));
            }
            List<String> oldOrNewPlaces = invalidIn(year, "placement_type", PLACE_CONFUSED.keySet());
            List<Line> placed = episodeRows.stream().filter(e -> isPermanentPlacement(episodes.get(e, "PLACE"))).toList();
            if (!oldOrNewPlaces.isEmpty() && !placed.isEmpty()) {
                options.add(new Option(Kind.PLACE_NOT_VALID_IN_YEAR, 5, x -> {
                    Line e = pick(placed, x);
                    String confused = PLACE_CONFUSED.get(episodes.get(e, "PLACE"));
                    List<String> preferred = oldOrNewPlaces.stream().filter(c -> !c.startsWith("Z")).toList();
                    String code = confused != null && oldOrNewPlaces.contains(confused) ? confused
                            : !preferred.isEmpty() ? pick(preferred, x) : pick(oldOrNewPlaces, x);
                    set(episodes, e, "PLACE", code, Kind.PLACE_NOT_VALID_IN_YEAR, child.id);
                }));
            }
            List<Line> sgo = ended.stream().filter(e -> !invalidIn(year, "reason_ceased",
                    REC_CONFUSED.getOrDefault(episodes.get(e, "REC"), List.of())).isEmpty()).toList();
            if (!sgo.isEmpty()) {
                options.add(new Option(Kind.REC_NOT_VALID_IN_YEAR, 3, x -> {
                    Line e = pick(sgo, x);
                    set(episodes, e, "REC", pick(invalidIn(year, "reason_ceased", REC_CONFUSED.get(episodes.get(e, "REC"))), x),
                            Kind.REC_NOT_VALID_IN_YEAR, child.id);
                }));
            }
            if (!ended.isEmpty()) {
                options.add(new Option(Kind.DEC_BEFORE_DECOM, 4, x -> {
                    Line e = pick(ended, x);
                    LocalDate decom = parse(episodes.get(e, "DECOM"));
                    LocalDate dec = parse(episodes.get(e, "DEC"));
                    // the year typed as the previous one, or the day of another event
                    LocalDate typed = x.nextInt(3) == 0 ? dec.minusYears(1) : decom.minusDays(1 + x.nextInt(28));
                    if (!typed.isBefore(decom)) {
                        typed = decom.minusDays(1 + x.nextInt(28));
                    }
                    set(episodes, e, "DEC", DATE.format(typed), Kind.DEC_BEFORE_DECOM, child.id);
                }));
                options.add(new Option(Kind.REC_BLANK, 5, x -> set(episodes, pick(ended, x), "REC", "", Kind.REC_BLANK, child.id)));
            }
            List<Line[]> followed = followed(episodes, episodeRows);
            if (!followed.isEmpty()) {
                List<Line[]> overlappable = followed.stream().filter(p -> parse(episodes.get(p[1], "DECOM")).isBefore(yearEnd)).toList();
                if (!overlappable.isEmpty()) {
                    options.add(new Option(Kind.EPISODES_OVERLAP, 4, x -> {
                        Line[] pair = pick(overlappable, x);
                        LocalDate next = parse(episodes.get(pair[1], "DECOM"));
                        LocalDate typed = next.plusDays(1 + x.nextInt(28));
                        set(episodes, pair[0], "DEC", DATE.format(typed.isAfter(yearEnd) ? yearEnd : typed), Kind.EPISODES_OVERLAP, child.id);
                    }));
                }
                options.add(new Option(Kind.EPISODE_LEFT_OPEN, 3, x -> {
                    Line[] pair = pick(followed, x);
                    episodes.set(pair[0], "REC", "");
                    episodes.set(pair[0], "REASON_PLACE_CHANGE", "");
                    set(episodes, pair[0], "DEC", "", Kind.EPISODE_LEFT_OPEN, child.id);
                }));
            }

            // reviews.csv
            if (!reviewRows.isEmpty()) {
                options.add(new Option(Kind.REVIEW_REPEATED, 6, x -> {
                    Line copy = reviews.repeat(pick(reviewRows, x));
                    pending.add(new Pending(reviews, copy, "REVIEW", Kind.REVIEW_REPEATED, child.id));
                }));
                options.add(new Option(Kind.REVIEW_OUTSIDE_YEAR, 4, x -> {
                    Line v = pick(reviewRows, x);
                    LocalDate held = parse(reviews.get(v, "REVIEW"));
                    LocalDate typed = x.nextBoolean() ? held.minusYears(1) : yearEnd.plusDays(1 + x.nextInt(45));
                    set(reviews, v, "REVIEW", DATE.format(typed), Kind.REVIEW_OUTSIDE_YEAR, child.id);
                }));
                options.add(new Option(Kind.CHILD_NOT_IN_HEADER, 3, x -> {
                    Line v = pick(reviewRows, x);
                    set(reviews, v, "CHILD", mistype(child.id, x), Kind.CHILD_NOT_IN_HEADER, child.id);
                }));
            }
            if (dob != null) {
                List<Line> turnedFour = reviewRows.stream().filter(v -> {
                    int age = Period.between(dob, parse(reviews.get(v, "REVIEW"))).getYears();
                    return age >= 4 && age < 8 && !"PN0".equals(reviews.get(v, "REVIEW_CODE"));
                }).toList();
                if (!turnedFour.isEmpty()) {
                    options.add(new Option(Kind.PN0_AGED_4_OR_OVER, 4,
                            x -> set(reviews, pick(turnedFour, x), "REVIEW_CODE", "PN0", Kind.PN0_AGED_4_OR_OVER, child.id)));
                }
                List<Line> underFour = reviewRows.stream()
                        .filter(v -> "PN0".equals(reviews.get(v, "REVIEW_CODE"))
                                && Period.between(dob, parse(reviews.get(v, "REVIEW"))).getYears() < 4)
                        .toList();
                if (!underFour.isEmpty()) {
                    options.add(new Option(Kind.NOT_PN0_UNDER_4, 4, x -> set(reviews, pick(underFour, x), "REVIEW_CODE",
                            pick(TODDLER_CODES, x), Kind.NOT_PN0_UNDER_4, child.id)));
                }
            }

            // uasc.csv
            Table uasc = tables.get(UASC);
            if (child.uasc != null && child.uasc.fields != null && parse(uasc.get(child.uasc, "DOB")) != null) {
                // age assessments often change a UASC child's DOB: one table is then left behind
                options.add(new Option(Kind.UASC_DOB_DIFFERS, 12, x -> {
                    LocalDate assessed = parse(uasc.get(child.uasc, "DOB")).plusYears(x.nextBoolean() ? 1 : -1);
                    set(uasc, child.uasc, "DOB", DATE.format(assessed), Kind.UASC_DOB_DIFFERS, child.id);
                }));
            }
            choose(options, r);
        }

        /** Pairs (episode, the child's next episode by DECOM) where the first has ended. */
        private List<Line[]> followed(Table episodes, List<Line> rows) {
            List<Line> sorted = rows.stream().filter(e -> parse(episodes.get(e, "DECOM")) != null)
                    .sorted(Comparator.comparing((Line e) -> parse(episodes.get(e, "DECOM")))).toList();
            List<Line[]> pairs = new ArrayList<>();
            for (int i = 0; i + 1 < sorted.size(); i++) {
                if (parse(episodes.get(sorted.get(i), "DEC")) != null) {
                    pairs.add(new Line[] {sorted.get(i), sorted.get(i + 1)});
                }
            }
            return pairs;
        }

        // ---- disputes and workforce -------------------------------------------------------

        private void disputeMistake(Table disputes, Line line, SplittableRandom r) {
            if (line.fields == null) {
                return;
            }
            String child = disputes.get(line, "CHILD");
            String owner = child.isEmpty() ? null : child;
            LocalDate raised = parse(disputes.get(line, "RAISED"));
            List<Option> options = new ArrayList<>();
            if (raised != null && !disputes.get(line, "RESOLVED").isEmpty()) {
                options.add(new Option(Kind.RESOLVED_BEFORE_RAISED, 4, x -> set(disputes, line, "RESOLVED",
                        DATE.format(raised.minusDays(1 + x.nextInt(30))), Kind.RESOLVED_BEFORE_RAISED, owner)));
            }
            String theme = disputes.get(line, "THEME");
            if (!theme.isEmpty()) {
                options.add(new Option(Kind.THEME_NOT_IN_LIST, 4, x -> set(disputes, line, "THEME",
                        THEME_ELSEWHERE.getOrDefault(theme, "MISC"), Kind.THEME_NOT_IN_LIST, owner)));
            }
            if (!theme.isEmpty() && "CONCERN".equals(disputes.get(line, "TYPE"))) {
                options.add(new Option(Kind.THEME_BLANK, 2, x -> set(disputes, line, "THEME", "", Kind.THEME_BLANK, owner)));
            }
            if (!disputes.get(line, "RESOLVED").isEmpty() && !disputes.get(line, "OUTCOME").isEmpty()) {
                options.add(new Option(Kind.OUTCOME_BLANK, 3, x -> set(disputes, line, "OUTCOME", "", Kind.OUTCOME_BLANK, owner)));
            }
            String stage = disputes.get(line, "STAGE_REACHED");
            if (!stage.isEmpty() && !stage.equals("INFORMAL") && !disputes.get(line, "STAGE1_DATE").isEmpty()) {
                options.add(new Option(Kind.STAGE1_DATE_BLANK, 2, x -> set(disputes, line, "STAGE1_DATE", "", Kind.STAGE1_DATE_BLANK, owner)));
            }
            if (raised != null) {
                options.add(new Option(Kind.DATE_WRONG_FORMAT, 3,
                        x -> set(disputes, line, "RAISED", wrongFormat(raised, x), Kind.DATE_WRONG_FORMAT, owner)));
            }
            if (owner != null) {
                options.add(new Option(Kind.CHILD_NOT_IN_HEADER, 2,
                        x -> set(disputes, line, "CHILD", mistype(owner, x), Kind.CHILD_NOT_IN_HEADER, owner)));
            }
            if (!disputes.get(line, "DISPUTE_ID").isEmpty()) {
                options.add(new Option(Kind.DISPUTE_REPEATED, 2, x -> {
                    Line copy = disputes.repeat(line);
                    pending.add(new Pending(disputes, copy, "DISPUTE_ID", Kind.DISPUTE_REPEATED, owner));
                }));
            }
            choose(options, r);
        }

        private void workforceMistake(Table workforce, Line line, SplittableRandom r) {
            if (line.fields == null) {
                return;
            }
            List<Option> options = new ArrayList<>();
            Double fte = number(workforce.get(line, "IRO_FTE"));
            Double vacant = number(workforce.get(line, "VACANT_FTE"));
            if (vacant != null) {
                options.add(new Option(Kind.FTE_NEGATIVE, 3, x -> set(workforce, line, "VACANT_FTE",
                        decimal(-(vacant > 0 ? vacant : 0.5 + x.nextInt(16) / 10.0)), Kind.FTE_NEGATIVE, null)));
            }
            if (fte != null && number(workforce.get(line, "AGENCY_FTE")) != null) {
                options.add(new Option(Kind.AGENCY_FTE_ABOVE_IRO_FTE, 2, x -> set(workforce, line, "AGENCY_FTE",
                        decimal(fte + 0.5 + x.nextInt(26) / 10.0), Kind.AGENCY_FTE_ABOVE_IRO_FTE, null)));
            }
            LocalDate date = parse(workforce.get(line, "DATE"));
            if (date != null) {
                options.add(new Option(Kind.DATE_WRONG_FORMAT, 2, x -> set(workforce, line, "DATE", wrongFormat(date, x),
                        Kind.DATE_WRONG_FORMAT, null)));
            }
            choose(options, r);
        }

        // ---- helpers ----------------------------------------------------------------------

        private void choose(List<Option> options, SplittableRandom r) {
            int total = options.stream().mapToInt(Option::weight).sum();
            if (total == 0) {
                return;
            }
            int draw = r.nextInt(total);
            for (Option option : options) {
                draw -= option.weight();
                if (draw < 0) {
                    option.apply().accept(r);
                    return;
                }
            }
        }

        private void set(Table table, Line line, String field, String value, Kind kind, String child) {
            if (table.columns.containsKey(field)) {
                table.set(line, field, value);
                pending.add(new Pending(table, line, field, kind, child));
            }
        }

        /**
         * The codes of the list (among {@code candidates}) that an LA plausibly writes in a year in
         * which they are not valid: a retired code, any year after it was retired (systems keep old
         * codes), or a new code a year before it is valid (used as soon as it was announced).
         */
        private List<String> invalidIn(int year, String list, Collection<String> candidates) {
            return candidates.stream().sorted().filter(c -> codes.find(list, c)
                    .filter(code -> !code.validIn(year))
                    .filter(code -> (code.validTo() != null && year > code.validTo()) || (code.validFrom() != null && year == code.validFrom() - 1))
                    .isPresent()).toList();
        }

        private boolean isPermanentPlacement(String place) {
            return place != null && !place.isEmpty() && codes.find("placement_type", place).map(c -> !c.flag("temporary")).orElse(false);
        }

        /** A CHILD typed wrong: leading zeros lost, two digits swapped or one mistyped, never another child's. */
        private String mistype(String child, SplittableRandom r) {
            int end = child.length();
            while (end > 0 && !Character.isDigit(child.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && Character.isDigit(child.charAt(start - 1))) {
                start--;
            }
            List<String> variants = new ArrayList<>();
            if (end > start) {
                String digits = child.substring(start, end);
                String stripped = digits.replaceFirst("^0+(?=\\d)", "");
                if (!stripped.equals(digits)) {
                    variants.add(child.substring(0, start) + stripped + child.substring(end));
                }
                for (int i = start; i + 1 < end; i++) {
                    if (child.charAt(i) != child.charAt(i + 1)) {
                        variants.add(child.substring(0, i) + child.charAt(i + 1) + child.charAt(i) + child.substring(i + 2));
                    }
                }
                int last = end - 1;
                char digit = child.charAt(last);
                variants.add(child.substring(0, last) + (char) ('0' + (digit - '0' + 1) % 10) + child.substring(end));
            }
            variants.removeIf(children::containsKey);
            if (variants.isEmpty()) {
                String typed = child + "0";
                while (children.containsKey(typed)) {
                    typed += "0";
                }
                return typed;
            }
            return variants.get(r.nextInt(variants.size()));
        }

        /** The date with a day its month does not have. */
        private String impossibleDate(LocalDate date, SplittableRandom r) {
            int month = date.getMonthValue();
            return switch (month) {
                case 2 -> (date.isLeapYear() || r.nextBoolean() ? "30" : "29") + "/02/" + date.getYear();
                case 4, 6, 9, 11 -> "31/%02d/%d".formatted(month, date.getYear());
                // a 31-day month typed as its 30-day (or February) neighbour
                default -> "31/%02d/%d".formatted(switch (month) {
                    case 1 -> 2;
                    case 3 -> 4;
                    case 5, 7 -> 6;
                    case 8 -> 9;
                    default -> 11;
                }, date.getYear());
            };
        }

        /** The date as another system or a spreadsheet writes it. */
        private String wrongFormat(LocalDate date, SplittableRandom r) {
            List<String> formats = new ArrayList<>(List.of("yyyy/MM/dd", "yyyy/MM/dd", "yyyy/MM/dd", "dd/MM/yy", "dd/MM/yy", "dd-MM-yyyy",
                    "dd-MM-yyyy", "dd.MM.yyyy", "excel"));
            if (date.getDayOfMonth() > 12) {
                formats.add("MM/dd/yyyy");
                formats.add("MM/dd/yyyy");
            }
            String format = pick(formats, r);
            if (format.equals("excel")) {
                return String.valueOf(ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), date));
            }
            return DateTimeFormatter.ofPattern(format, Locale.ROOT).format(date);
        }
    }

    /** Codes of another ethnicity list for the 903 code they stand for (school census extended codes). */
    private static final Map<String, List<String>> ETHNIC_ELSEWHERE = Map.of(
            "WBRI", List.of("WENG", "WSCO", "WWEL", "WCOR"),
            "WOTH", List.of("WEUR", "WALB", "WPOR", "WTUR", "WKOS"),
            "BAFR", List.of("BNGN", "BSOM", "BGHA", "BSLN"),
            "APKN", List.of("AMPK", "AKPA", "AOPK"),
            "AOTH", List.of("AAFG", "ASNL", "ANEP"),
            "OOTH", List.of("OARA", "OOEG"));
    private static final List<String> ETHNIC_UNKNOWN = List.of("NK", "UNKN", "NOTK");

    /** Placement codes confused with their predecessor or successor (H5 and P2 became K3, Z1 became Z11-Z14). */
    private static final Map<String, String> PLACE_CONFUSED = Map.of("K3", "H5", "H5", "K3", "P2", "K3", "Z1", "Z11", "Z11", "Z1",
            "Z12", "Z1", "Z13", "Z1", "Z14", "Z1");
    /** Reasons ceased confused with the codes for the same order before or after 2018-19's split of SGOs. */
    private static final Map<String, List<String>> REC_CONFUSED = Map.of("E45", List.of("E43"), "E46", List.of("E43"),
            "E47", List.of("E44"), "E48", List.of("E44"), "E43", List.of("E45", "E46"), "E44", List.of("E47", "E48"));
    private static final List<String> TODDLER_CODES = List.of("PN1", "PN1", "PN1", "PN2", "PN3", "PN4", "PN7", "PN7");
    private static final Map<String, String> THEME_ELSEWHERE = Map.of("FAMILY_TIME", "CONTACT", "PLACEMENT", "PLACEMENT_STABILITY",
            "CARE_PLAN_DRIFT", "CARE PLAN DRIFT", "PERMANENCE_DELAY", "PERMANENCE", "DECISION_NOT_IMPLEMENTED", "DECISIONS",
            "REVIEW_PROCESS", "REVIEWS", "PATHWAY_PLANNING", "PATHWAY PLAN", "STATUTORY_VISITS", "VISITS");

    private static <T> T pick(List<T> items, SplittableRandom r) {
        return items.get(r.nextInt(items.size()));
    }

    private static Target pickWeighted(List<Target> targets, SplittableRandom r) {
        double total = targets.stream().mapToDouble(Target::weight).sum();
        double draw = r.nextDouble() * total;
        for (Target t : targets) {
            draw -= t.weight();
            if (draw < 0) {
                return t;
            }
        }
        return targets.get(targets.size() - 1);
    }

    private static List<Line> editable(List<Line> lines) {
        return lines.stream().filter(l -> l.fields != null).toList();
    }

    private static LocalDate parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Double number(String value) {
        try {
            return value == null || value.isEmpty() ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private record Option(Kind kind, int weight, Consumer<SplittableRandom> apply) {
    }

    private record Target(Table table, Line line, String field, double weight) {
    }

    private record Pending(Table table, Line line, String field, Kind kind, String child) {
    }

    private static final class Child {
        final String id;
        Line header;
        final List<Line> episodes = new ArrayList<>();
        final List<Line> reviews = new ArrayList<>();
        Line uasc;

        Child(String id) {
            this.id = id;
        }
    }

    /** One row: its fields when it is plain (no quotes, as many fields as columns), else kept as written. */
    private static final class Line {
        final String[] fields;
        final String text;

        Line(String text, int columns) {
            String[] split = text.indexOf('"') >= 0 ? null : text.split(",", -1);
            this.fields = split != null && split.length == columns ? split : null;
            this.text = text;
        }

        Line(String[] fields) {
            this.fields = fields;
            this.text = null;
        }
    }

    /** A CSV file as the demo writes it: a header row, plain rows, LF line ends. */
    private static final class Table {
        final String name;
        final String headerRow;
        final Map<String, Integer> columns = new HashMap<>();
        final List<Line> lines = new ArrayList<>();
        final boolean finalNewline;
        boolean changed;

        Table(String name, String text) {
            this.name = name;
            this.finalNewline = text.endsWith("\n");
            String[] rows = text.split("\n", -1);
            this.headerRow = rows[0];
            String[] names = headerRow.split(",", -1);
            for (int i = 0; i < names.length; i++) {
                columns.put(names[i].strip().toUpperCase(Locale.ROOT), i);
            }
            int last = finalNewline ? rows.length - 1 : rows.length;
            for (int i = 1; i < last; i++) {
                lines.add(new Line(rows[i], names.length));
            }
        }

        /** The field's value, "" when the column is missing, null when the row is not plain. */
        String get(Line line, String column) {
            Integer i = columns.get(column);
            if (line.fields == null) {
                return null;
            }
            return i == null ? "" : line.fields[i];
        }

        /** Sets the field; a column the file does not have is left out. */
        void set(Line line, String column, String value) {
            Integer i = columns.get(column);
            if (i != null) {
                line.fields[i] = value;
                changed = true;
            }
        }

        /** Writes a copy of the row right after it; returns the copy. */
        Line repeat(Line line) {
            Line copy = new Line(line.fields.clone());
            lines.add(lines.indexOf(line) + 1, copy);
            changed = true;
            return copy;
        }

        String text() {
            StringBuilder out = new StringBuilder(headerRow);
            for (Line line : lines) {
                out.append('\n').append(line.fields == null ? line.text : String.join(",", line.fields));
            }
            if (finalNewline) {
                out.append('\n');
            }
            return out.toString();
        }
    }
}
