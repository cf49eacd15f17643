package uk.iroinsight.etl.validation;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import uk.iroinsight.etl.csv.CsvFile;
import uk.iroinsight.etl.csv.UnreadableFileException;
import uk.iroinsight.etl.validation.ReturnRecords.Dispute;
import uk.iroinsight.etl.validation.ReturnRecords.Episode;
import uk.iroinsight.etl.validation.ReturnRecords.Header;
import uk.iroinsight.etl.validation.ReturnRecords.Review;
import uk.iroinsight.etl.validation.ReturnRecords.Uasc;
import uk.iroinsight.etl.validation.ReturnRecords.Workforce;

/**
 * Checks one LA-year's files against ssda903.md: field rules from the layouts and code lists,
 * then the rules that span rows and tables (episode chains, overlaps, duplicates, PN0 against
 * age, reviews only while in care, references to the header).
 *
 * <p>A review, UASC, dispute or workforce row with a problem is rejected alone. A child whose
 * header or episodes conflict is quarantined whole: all of its rows are rejected, each saying why,
 * so the warehouse never holds half a child's history.
 */
public final class ReturnValidator {

    public static final String HEADER = "header.csv";
    public static final String EPISODES = "episodes.csv";
    public static final String REVIEWS = "reviews.csv";
    public static final String UASC = "uasc.csv";
    public static final String DISPUTES = "disputes.csv";
    public static final String WORKFORCE = "workforce.csv";

    /** Files a return must have, and those it may have. */
    public static final List<String> REQUIRED_FILES = List.of(HEADER, EPISODES, REVIEWS);
    public static final List<String> OPTIONAL_FILES = List.of(UASC, DISPUTES, WORKFORCE);

    private static final LocalDate FREEING_ORDERS_END = LocalDate.of(2005, 12, 30);

    private final CodeLists codes;
    private final Layouts layouts;

    public ReturnValidator(CodeLists codes, Layouts layouts) {
        this.codes = codes;
        this.layouts = layouts;
    }

    public static ReturnValidator withShippedRules() {
        return new ReturnValidator(CodeLists.load(), Layouts.load());
    }

    /**
     * Fails when a file's header lacks a column the layout requires; a table with a header of
     * one field holding ';' or a tab is reported as using the wrong delimiter.
     */
    public void checkColumns(CsvFile file) throws UnreadableFileException {
        List<String> missing = layouts.of(file.fileName()).stream()
                .filter(Layouts.Column::required)
                .map(Layouts.Column::name)
                .filter(name -> !file.hasColumn(name))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        if (file.suspectedDelimiter().isPresent()) {
            char delimiter = file.suspectedDelimiter().get();
            throw new UnreadableFileException(file.path(), "is separated by '" + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter))
                    + "', not commas (the header is one column)");
        }
        throw new UnreadableFileException(file.path(), "has no column " + String.join(", ", missing)
                + " in its header (found: " + String.join(", ", file.columns()) + ")");
    }

    /** Validates the files of one LA-year (keyed by file name; optional files may be absent). */
    public ValidatedReturn validate(String laCode, int year, Map<String, CsvFile> files) {
        return new Run(laCode, year, files).validate();
    }

    /** The state of one validation. */
    private final class Run {
        private final String laCode;
        private final int year;
        private final LocalDate yearStart;
        private final LocalDate yearEnd;
        private final Map<String, CsvFile> files;
        private final List<Rejection> rejections = new ArrayList<>();
        private final Map<String, Set<Integer>> rejectedLines = new HashMap<>();
        /** Child → why it is quarantined (the first reason found). */
        private final Map<String, String> quarantined = new LinkedHashMap<>();

        Run(String laCode, int year, Map<String, CsvFile> files) {
            this.laCode = laCode;
            this.year = year;
            this.yearStart = LocalDate.of(year - 1, 4, 1);
            this.yearEnd = LocalDate.of(year, 3, 31);
            this.files = files;
        }

        ValidatedReturn validate() {
            Map<String, Header> headers = headers();
            Map<String, List<Episode>> episodes = episodes(headers);
            List<Review> reviews = reviews(headers, episodes);
            List<Uasc> uasc = uasc(headers);
            List<Dispute> disputes = disputes(headers);
            List<Workforce> workforce = workforce();

            // Quarantine: every row of a child whose rows conflict is rejected, with the reason.
            List<Header> keptHeaders = headers.values().stream().filter(h -> !quarantined.containsKey(h.child())).toList();
            List<Episode> keptEpisodes = new ArrayList<>();
            for (var entry : episodes.entrySet()) {
                if (quarantined.containsKey(entry.getKey())) {
                    entry.getValue().forEach(e -> consequence(EPISODES, e.line(), e.child()));
                } else {
                    keptEpisodes.addAll(entry.getValue());
                }
            }
            headers.values().stream().filter(h -> quarantined.containsKey(h.child())).forEach(h -> consequence(HEADER, h.line(), h.child()));
            List<Review> keptReviews = keep(reviews, REVIEWS, Review::line, Review::child);
            List<Uasc> keptUasc = keep(uasc, UASC, Uasc::line, Uasc::child);
            List<Dispute> keptDisputes = keep(disputes, DISPUTES, Dispute::line, Dispute::child);

            keptEpisodes.sort(Comparator.comparingInt(Episode::line));
            rejections.sort(Comparator.comparing(Rejection::file).thenComparingInt(Rejection::line));
            return new ValidatedReturn(laCode, year, keptHeaders, keptEpisodes, keptReviews, keptUasc, keptDisputes, workforce,
                    List.copyOf(rejections), counts(Map.of(HEADER, keptHeaders.size(), EPISODES, keptEpisodes.size(),
                            REVIEWS, keptReviews.size(), UASC, keptUasc.size(), DISPUTES, keptDisputes.size(), WORKFORCE, workforce.size())));
        }

        private <T> List<T> keep(List<T> rows, String file, Function<T, Integer> line, Function<T, String> child) {
            List<T> kept = new ArrayList<>();
            for (T row : rows) {
                String c = child.apply(row);
                if (c != null && quarantined.containsKey(c)) {
                    consequence(file, line.apply(row), c);
                } else {
                    kept.add(row);
                }
            }
            return kept;
        }

        private void consequence(String file, int line, String child) {
            reject(new Rejection(file, line, "CHILD", child, "child quarantined, none of its rows are loaded: " + quarantined.get(child), child));
        }

        private Map<String, ValidatedReturn.FileCount> counts(Map<String, Integer> loaded) {
            Map<String, ValidatedReturn.FileCount> counts = new TreeMap<>();
            files.forEach((name, file) -> {
                int rejected = rejectedLines.getOrDefault(name, Set.of()).size();
                counts.put(name, new ValidatedReturn.FileCount(file.rows().size(), loaded.getOrDefault(name, 0), rejected));
            });
            return counts;
        }

        private void reject(Rejection rejection) {
            rejections.add(rejection);
            rejectedLines.computeIfAbsent(rejection.file(), f -> new HashSet<>()).add(rejection.line());
        }

        private void reject(Row row) {
            row.problems().forEach(this::reject);
        }

        private void quarantine(String child, String reason) {
            quarantined.putIfAbsent(child, reason);
        }

        private List<Row> rows(String fileName) {
            CsvFile file = files.get(fileName);
            if (file == null) {
                return List.of();
            }
            Row.Shape shape = new Row.Shape(file, layouts.of(fileName));
            List<Row> rows = new ArrayList<>(file.rows().size());
            for (var record : file.rows()) {
                rows.add(Row.check(shape, record, codes, year));
            }
            return rows;
        }

        // ---- header.csv ------------------------------------------------------------------

        private Map<String, Header> headers() {
            Map<String, Header> headers = new LinkedHashMap<>();
            Map<String, Integer> firstLine = new HashMap<>();
            for (Row row : rows(HEADER)) {
                String child = row.child();
                if (child != null && firstLine.containsKey(child)) {
                    row.reject("CHILD", "appears on more than one header row (first on line " + firstLine.get(child) + ")");
                    quarantine(child, "CHILD is on more than one header row");
                }
                LocalDate dob = row.date("DOB");
                if (dob != null && dob.isAfter(yearEnd)) {
                    row.reject("DOB", "is after the end of the collection year (" + yearEnd + ")");
                }
                if (child != null) {
                    firstLine.putIfAbsent(child, row.line());
                }
                if (!row.ok()) {
                    reject(row);
                    if (child != null) {
                        quarantine(child, "its header row (line " + row.line() + ") was rejected");
                    }
                    continue;
                }
                headers.putIfAbsent(child, new Header(row.line(), child, Integer.parseInt(row.text("SEX")), dob, row.text("ETHNIC")));
            }
            return headers;
        }

        // ---- episodes.csv ----------------------------------------------------------------

        private Map<String, List<Episode>> episodes(Map<String, Header> headers) {
            Map<String, List<Episode>> byChild = new LinkedHashMap<>();
            for (Row row : rows(EPISODES)) {
                String child = row.child();
                Header header = child == null ? null : headers.get(child);
                if (child != null && header == null && !quarantined.containsKey(child)) {
                    row.reject("CHILD", "is not in header.csv");
                }
                LocalDate decom = row.date("DECOM");
                LocalDate dec = row.date("DEC");
                if (decom != null) {
                    if (header != null && decom.isBefore(header.dob())) {
                        row.reject("DECOM", "is before the child's date of birth");
                    }
                    if (decom.isAfter(yearEnd)) {
                        row.reject("DECOM", "is after the end of the collection year (" + yearEnd + ")");
                    }
                }
                if (dec != null) {
                    if (decom != null && dec.isBefore(decom)) {
                        row.reject("DEC", "is before DECOM");
                    }
                    if (dec.isAfter(yearEnd)) {
                        row.reject("DEC", "is after the end of the collection year (" + yearEnd + ")");
                    }
                    if (dec.isBefore(yearStart)) {
                        row.reject("DEC", "is before the collection year began (" + yearStart + "): the episode does not belong in this return");
                    }
                }
                String rec = row.text("REC");
                if (dec == null && !row.raw("REC").isEmpty()) {
                    row.reject("REC", "is given but DEC is blank (REC must be blank while the episode is open)");
                }
                if (dec != null && row.raw("REC").isEmpty()) {
                    row.reject("REC", "is blank but DEC is given (an ended episode needs a reason)");
                }
                String place = row.text("PLACE");
                if (place != null && row.raw("PLACE_PROVIDER").isEmpty()
                        && codes.find("placement_type", place).map(c -> c.flag("provider_required")).orElse(false)) {
                    row.reject("PLACE_PROVIDER", "is required for placement " + place);
                }
                String ls = row.text("LS");
                if (decom != null && "D1".equals(ls) && decom.isAfter(FREEING_ORDERS_END)) {
                    row.reject("LS", "D1 (freeing order) is not valid for episodes starting after December 2005");
                }
                if (decom != null && "E1".equals(ls) && !decom.isAfter(FREEING_ORDERS_END)) {
                    row.reject("LS", "E1 (placement order) is not valid for episodes starting before December 2005");
                }
                if (!row.ok()) {
                    reject(row);
                    if (child != null) {
                        quarantine(child, "its episode on line " + row.line() + " was rejected");
                    }
                    continue;
                }
                byChild.computeIfAbsent(child, c -> new ArrayList<>()).add(new Episode(row.line(), child, decom, row.text("RNE"), ls,
                        row.text("CIN"), place, row.text("PLACE_PROVIDER"), dec, rec, row.text("REASON_PLACE_CHANGE"),
                        row.text("URN"), row.text("PL_POST")));
            }
            byChild.forEach((child, chain) -> {
                if (!quarantined.containsKey(child)) {
                    checkChain(child, chain);
                }
            });
            return byChild;
        }

        /** Episodes of one child, in DECOM order: no duplicates, no overlaps, X1 joins, only the last open. */
        private void checkChain(String child, List<Episode> episodes) {
            episodes.sort(Comparator.comparing(Episode::decom).thenComparingInt(Episode::line));
            for (int i = 0; i < episodes.size(); i++) {
                Episode episode = episodes.get(i);
                Episode next = i + 1 < episodes.size() ? episodes.get(i + 1) : null;
                String problem = null;
                String field = null;
                if (next != null && next.decom().equals(episode.decom())) {
                    field = "DECOM";
                    problem = "two episodes of this child start on the same day (lines " + episode.line() + " and " + next.line() + ")";
                } else if (next != null && episode.dec() == null) {
                    field = "DEC";
                    problem = "is blank (episode open) but a later episode starts on " + next.decom() + " (line " + next.line() + ")";
                } else if (next != null && next.decom().isBefore(episode.dec())) {
                    field = "DEC";
                    problem = "overlaps the episode starting " + next.decom() + " (line " + next.line() + ")";
                } else if ("X1".equals(episode.rec()) && (next == null || !next.decom().equals(episode.dec()))) {
                    field = "REC";
                    problem = "is X1 but no episode of this child starts on DEC " + episode.dec();
                }
                if (problem != null) {
                    reject(new Rejection(EPISODES, episode.line(), field, field.equals("REC") ? episode.rec()
                            : field.equals("DEC") ? String.valueOf(episode.dec()) : String.valueOf(episode.decom()), problem, child));
                    quarantine(child, "episodes conflict (line " + episode.line() + ": " + problem + ")");
                }
            }
        }

        // ---- reviews.csv -----------------------------------------------------------------

        private List<Review> reviews(Map<String, Header> headers, Map<String, List<Episode>> episodes) {
            List<Review> reviews = new ArrayList<>();
            Map<String, Review> seen = new HashMap<>();
            Set<String> conflicting = new HashSet<>();
            for (Row row : rows(REVIEWS)) {
                String child = row.child();
                Header header = child == null ? null : headers.get(child);
                LocalDate review = row.date("REVIEW");
                if (child != null && header == null && !quarantined.containsKey(child)) {
                    row.reject("CHILD", "is not in header.csv");
                }
                LocalDate dob = row.date("DOB");
                if (header != null && dob != null && !dob.equals(header.dob())) {
                    row.reject("DOB", "differs from the child's DOB in header.csv");
                }
                if (review != null) {
                    if (review.isBefore(yearStart) || review.isAfter(yearEnd)) {
                        row.reject("REVIEW", "is outside the collection year (" + yearStart + " to " + yearEnd + ")");
                    }
                    if (header != null) {
                        if (review.isBefore(header.dob())) {
                            row.reject("REVIEW", "is before the child's date of birth");
                        }
                        String code = row.text("REVIEW_CODE");
                        boolean underFour = Period.between(header.dob(), review).getYears() < 4;
                        if (code != null && code.equals("PN0") && !underFour) {
                            row.reject("REVIEW_CODE", "is PN0 (child under 4) but the child was " + Period.between(header.dob(), review).getYears()
                                    + " on the review date");
                        } else if (code != null && !code.equals("PN0") && underFour) {
                            row.reject("REVIEW_CODE", "must be PN0: the child was under 4 on the review date");
                        }
                        // A quarantined child's episodes are incomplete (the rejected ones are missing), so they
                        // cannot say whether it was looked after that day: its reviews are rejected with the child.
                        List<Episode> childEpisodes = episodes.getOrDefault(child, List.of());
                        if (quarantined.containsKey(child)) {
                            // rejected below as a consequence of the quarantine
                        } else if (!childEpisodes.isEmpty() && childEpisodes.stream().noneMatch(e -> e.covers(review))) {
                            row.reject("REVIEW", "is a date on which the child was not looked after (no episode covers it)");
                        } else if (childEpisodes.isEmpty()) {
                            row.reject("CHILD", "has no episodes in episodes.csv: reviews are only for children looked after");
                        } else if (childEpisodes.stream().filter(e -> e.covers(review)).allMatch(e -> isShortBreak(e.ls()))) {
                            row.reject("REVIEW", "falls in a short-break episode (V3/V4): reviews are not recorded for short breaks");
                        }
                    }
                }
                if (!row.ok()) {
                    reject(row);
                    continue;
                }
                Review parsed = new Review(row.line(), child, review, row.text("REVIEW_CODE"));
                String key = child + "|" + review;
                Review earlier = seen.putIfAbsent(key, parsed);
                if (earlier == null) {
                    reviews.add(parsed);
                } else if (earlier.reviewCode().equals(parsed.reviewCode())) {
                    reject(new Rejection(REVIEWS, row.line(), "REVIEW", row.raw("REVIEW"), "repeats the review on line " + earlier.line(), child));
                } else {
                    reject(new Rejection(REVIEWS, row.line(), "REVIEW", row.raw("REVIEW"),
                            "the same review date is on line " + earlier.line() + " with another participation code", child));
                    conflicting.add(key);
                }
            }
            List<Review> kept = new ArrayList<>();
            for (Review review : reviews) {
                if (conflicting.contains(review.child() + "|" + review.review())) {
                    reject(new Rejection(REVIEWS, review.line(), "REVIEW", review.review().toString(),
                            "the same review date appears again with another participation code", review.child()));
                } else {
                    kept.add(review);
                }
            }
            return kept;
        }

        private boolean isShortBreak(String ls) {
            return codes.find("legal_status", ls).map(c -> c.flag("short_break")).orElse(false);
        }

        // ---- uasc.csv --------------------------------------------------------------------

        private List<Uasc> uasc(Map<String, Header> headers) {
            List<Uasc> uasc = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (Row row : rows(UASC)) {
                String child = row.child();
                Header header = child == null ? null : headers.get(child);
                if (child != null && header == null && !quarantined.containsKey(child)) {
                    row.reject("CHILD", "is not in header.csv");
                }
                if (header != null && row.text("SEX") != null && Integer.parseInt(row.text("SEX")) != header.sex()) {
                    row.reject("SEX", "differs from the child's SEX in header.csv");
                }
                if (header != null && row.date("DOB") != null && !row.date("DOB").equals(header.dob())) {
                    row.reject("DOB", "differs from the child's DOB in header.csv");
                }
                if (header != null && row.date("DUC") != null && row.date("DUC").isBefore(header.dob())) {
                    row.reject("DUC", "is before the child's date of birth");
                }
                if (child != null && seen.containsKey(child)) {
                    row.reject("CHILD", "already has a UASC row (line " + seen.get(child) + ")");
                }
                if (!row.ok()) {
                    reject(row);
                    continue;
                }
                seen.put(child, row.line());
                uasc.add(new Uasc(row.line(), child, row.date("DUC")));
            }
            return uasc;
        }

        // ---- disputes.csv ----------------------------------------------------------------

        private List<Dispute> disputes(Map<String, Header> headers) {
            List<Dispute> disputes = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (Row row : rows(DISPUTES)) {
                String id = row.raw("DISPUTE_ID");
                String child = row.child();
                if (child != null && !headers.containsKey(child) && !quarantined.containsKey(child)) {
                    row.reject("CHILD", "is not in header.csv");
                }
                if (!id.isEmpty() && seen.containsKey(id)) {
                    row.reject("DISPUTE_ID", "is already used on line " + seen.get(id));
                }
                String type = row.text("TYPE");
                LocalDate raised = row.date("RAISED");
                if (raised != null && raised.isAfter(yearEnd)) {
                    row.reject("RAISED", "is after the end of the collection year (" + yearEnd + ")");
                }
                if ("CONCERN".equals(type) && row.raw("THEME").isEmpty()) {
                    row.reject("THEME", "is required for a CONCERN");
                }
                String stage = row.text("STAGE_REACHED");
                LocalDate stage1 = row.date("STAGE1_DATE");
                boolean formal = stage != null && !stage.equals("INFORMAL");
                if (formal && stage1 == null && row.raw("STAGE1_DATE").isEmpty()) {
                    row.reject("STAGE1_DATE", "is blank but the dispute reached stage " + stage);
                }
                if ("INFORMAL".equals(stage) && !row.raw("STAGE1_DATE").isEmpty()) {
                    row.reject("STAGE1_DATE", "is given but the dispute stayed INFORMAL");
                }
                if (stage1 != null && raised != null && stage1.isBefore(raised)) {
                    row.reject("STAGE1_DATE", "is before RAISED");
                }
                LocalDate resolved = row.date("RESOLVED");
                if (resolved != null && raised != null && resolved.isBefore(raised)) {
                    row.reject("RESOLVED", "is before RAISED");
                }
                if (resolved != null && stage1 != null && resolved.isBefore(stage1)) {
                    row.reject("RESOLVED", "is before STAGE1_DATE");
                }
                if (row.raw("RESOLVED").isEmpty() != row.raw("OUTCOME").isEmpty()) {
                    row.reject("OUTCOME", row.raw("OUTCOME").isEmpty() ? "is blank but RESOLVED is given" : "is given but RESOLVED is blank");
                }
                if (!id.isEmpty()) {
                    seen.putIfAbsent(id, row.line());
                }
                if (!row.ok()) {
                    reject(row);
                    continue;
                }
                disputes.add(new Dispute(row.line(), id, child, type, raised, row.text("THEME"), stage, stage1,
                        Boolean.TRUE.equals(row.flag("CAFCASS")), resolved, row.text("OUTCOME")));
            }
            return disputes;
        }

        // ---- workforce.csv ---------------------------------------------------------------

        private List<Workforce> workforce() {
            List<Workforce> snapshots = new ArrayList<>();
            Map<LocalDate, Integer> seen = new HashMap<>();
            for (Row row : rows(WORKFORCE)) {
                LocalDate date = row.date("DATE");
                if (date != null && (date.isBefore(yearStart) || date.isAfter(yearEnd))) {
                    row.reject("DATE", "is outside the collection year (" + yearStart + " to " + yearEnd + ")");
                }
                if (date != null && seen.containsKey(date)) {
                    row.reject("DATE", "already has a snapshot (line " + seen.get(date) + ")");
                }
                for (String column : List.of("IRO_FTE", "VACANT_FTE", "AGENCY_FTE")) {
                    if (row.decimal(column) != null && row.decimal(column).signum() < 0) {
                        row.reject(column, "is negative");
                    }
                }
                if (row.integer("IRO_HEADCOUNT") != null && row.integer("IRO_HEADCOUNT") < 0) {
                    row.reject("IRO_HEADCOUNT", "is negative");
                }
                if (row.decimal("AGENCY_FTE") != null && row.decimal("IRO_FTE") != null
                        && row.decimal("AGENCY_FTE").compareTo(row.decimal("IRO_FTE")) > 0) {
                    row.reject("AGENCY_FTE", "is more than IRO_FTE (agency staff are part of IRO_FTE)");
                }
                if (date != null) {
                    seen.putIfAbsent(date, row.line());
                }
                if (!row.ok()) {
                    reject(row);
                    continue;
                }
                snapshots.add(new Workforce(row.line(), date, row.decimal("IRO_FTE"), row.integer("IRO_HEADCOUNT"),
                        row.decimal("VACANT_FTE"), row.decimal("AGENCY_FTE")));
            }
            return snapshots;
        }
    }
}
