package uk.iroinsight.etl.published;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import uk.iroinsight.etl.csv.CsvFile;
import uk.iroinsight.etl.csv.CsvRow;
import uk.iroinsight.etl.inbox.Authorities;
import uk.iroinsight.warehouse.PublishedFigures;
import uk.iroinsight.warehouse.PublishedKind;

/**
 * Checks a published DfE file before any of it is loaded: which kind it is (by its columns),
 * which release (its latest year), and that every row the warehouse reads is sound. A file with
 * any problem is refused whole, with the problems named by line and column; the release it
 * would have replaced stays as it was.
 */
public final class PublishedFile {

    /** The DfE symbols a cell may hold instead of a number (warehouse/schema/10_reference.sql). */
    public static final Set<String> SYMBOLS = Set.of("c", "k", "low", "u", "x", "z", ":", "..", "-");

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern LAIT_CODE = Pattern.compile("[0-9]{3}(\\.0)?");
    private static final int FIRST_YEAR = 2000;
    private static final int PROBLEMS_LISTED = 10;

    /** The population_type values of an EES volume file (indicators: ees_volume.sql). */
    static final Set<String> POPULATION_TYPES = Set.of(
            "Children looked after on 31 March each year",
            "Children looked after at 31 March each year",
            "Children starting to be looked after each year",
            "Children ceasing to be looked after each year");

    /** The LAIT measures loaded (lait.sql), with the counts used as their numerators. */
    static final Set<String> LAIT_MEASURES = Set.of("LACnum", "LAC", "LACnum_Start", "LAC_Start_Rate", "LACceased",
            "LAC_Cease_Rate", "LACStable_2016on", "LAC_LongStable%", "LACStableNum_2016on", "LAC_LongStableNum");

    /** LAIT's codes for England and the regions (lait.sql), and the pre-2019 authorities it leaves out. */
    static final Set<String> LAIT_AREAS = Set.of("970", "980", "981", "982", "983", "984", "985", "986", "987", "988", "989", "990",
            "835", "836", "837");

    /** What a sound file is. */
    public record Checked(PublishedKind kind, String release, int firstYear, int lastYear, int rows, List<String> readAs) {

        /** The file as the warehouse writes it. */
        public PublishedFigures.File toWrite() {
            return new PublishedFigures.File(kind, release, readAs);
        }
    }

    private PublishedFile() {
    }

    /**
     * Checks {@code file} (named {@code name} in messages); {@code latestYear} is the latest
     * collection year a figure may have.
     *
     * @throws PublishedFileException naming the file, and each problem's line and column
     */
    public static Checked check(CsvFile file, String name, Authorities authorities, int latestYear) {
        List<String> header = file.columns();
        PublishedKind kind = PublishedKind.of(header).orElseThrow(() -> new PublishedFileException(name + " is not a DfE file IRO Insight reads: "
                + notAKind(header)));
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            int position = i;
            kind.canonical(header.get(i)).ifPresent(column -> at.putIfAbsent(column, position));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Integer> firstLineOfKey = new HashMap<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        int rows = 0;
        for (CsvRow row : file.rows()) {
            Cells cells = new Cells(row, at, problems);
            if (cells.blankLine()) {
                continue;
            }
            rows++;
            if (row.fields().length != header.size()) {
                problems.add("line " + row.line() + " has " + row.fields().length + " fields where the header has " + header.size());
                continue;
            }
            Integer year = cells.year(kind.yearColumn(), latestYear);
            String key = switch (kind) {
                case EES_VOLUME -> checkVolume(cells, authorities);
                case EES_STABILITY -> checkStability(cells, authorities);
                case LAIT -> checkLait(cells, authorities);
            };
            if (year != null) {
                first = Math.min(first, year);
                last = Math.max(last, year);
            }
            if (key != null) {
                Integer earlier = firstLineOfKey.putIfAbsent(year + "|" + key, row.line());
                if (earlier != null) {
                    problems.add("line " + row.line() + " repeats the area, year and measure of line " + earlier);
                }
            }
        }
        if (problems.isEmpty() && rows == 0) {
            problems.add("it has no rows below its header");
        }
        if (!problems.isEmpty()) {
            String listed = String.join("; ", problems.subList(0, Math.min(PROBLEMS_LISTED, problems.size())));
            String more = problems.size() > PROBLEMS_LISTED ? "; and " + (problems.size() - PROBLEMS_LISTED) + " more problems" : "";
            throw new PublishedFileException(name + " is refused (" + kind.id() + " file; nothing of it is loaded): " + listed + more);
        }
        return new Checked(kind, kind.release(last), first, last, rows, kind.readAs(header));
    }

    /** Which columns each kind would need, for a file that is none of them. */
    private static String notAKind(List<String> header) {
        List<String> needs = new ArrayList<>();
        for (PublishedKind kind : PublishedKind.values()) {
            needs.add(kind.id() + " needs " + String.join(", ", kind.missing(header)));
        }
        return "its columns are none of the kinds (" + String.join("; ", needs) + ")";
    }

    /** EES: area and population_type; the count, population and rate cells. Returns the row's key. */
    private static String checkVolume(Cells cells, Authorities authorities) {
        String area = cells.eesArea(authorities);
        String type = cells.get("population_type");
        if (!POPULATION_TYPES.contains(type)) {
            cells.problem("population_type", type, "is not one of " + String.join(", ", POPULATION_TYPES.stream().sorted().toList()));
        }
        cells.figure("children_count");
        cells.figure("population_estimate");
        cells.figure("rate_per_10000");
        return area == null ? null : area + "|" + type;
    }

    /** EES: area, group and measure; the count and percentage cells. */
    private static String checkStability(Cells cells, Authorities authorities) {
        String area = cells.eesArea(authorities);
        String group = cells.get("cla_group");
        String measure = cells.get("placement_stability");
        if (group.isEmpty()) {
            cells.problem("cla_group", group, "is blank");
        }
        if (measure.isEmpty()) {
            cells.problem("placement_stability", measure, "is blank");
        }
        cells.figure("children_count");
        cells.figure("children_percent");
        return area == null ? null : area + "|" + group + "|" + measure;
    }

    /** LAIT: the area code, and the value of a measure that is loaded (other measures are not read). */
    private static String checkLait(Cells cells, Authorities authorities) {
        String measure = cells.get("short_desc");
        String code = cells.get("la_number");
        if (!LAIT_CODE.matcher(code).matches()) {
            cells.problem("la_number", code, "is not a 3-digit LAIT area code (e.g. 201.0)");
            return null;
        }
        String lait = code.replace(".0", "");
        if (!LAIT_AREAS.contains(lait) && authorities.find(lait).isEmpty()) {
            cells.problem("la_number", code, "is neither an authority nor one of LAIT's codes for England (970) and the regions (980-990)");
        }
        if (LAIT_MEASURES.contains(measure)) {
            cells.figure("value");
        }
        return lait + "|" + measure;
    }

    /** One row's cells by column (today's name), and the problems found in them. */
    private static final class Cells {

        private final CsvRow row;
        private final Map<String, Integer> at;
        private final List<String> problems;

        Cells(CsvRow row, Map<String, Integer> at, List<String> problems) {
            this.row = row;
            this.at = at;
            this.problems = problems;
        }

        boolean blankLine() {
            for (String field : row.fields()) {
                if (!field.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        String get(String column) {
            Integer position = at.get(column);
            return position == null || position >= row.fields().length ? "" : row.fields()[position].strip();
        }

        void problem(String column, String value, String reason) {
            String shown = value.length() > 60 ? value.substring(0, 57) + "..." : value;
            problems.add("line " + row.line() + ", " + column + " '" + shown + "' " + reason);
        }

        Integer year(String column, int latestYear) {
            String value = get(column);
            if (!YEAR.matcher(value).matches()) {
                problem(column, value, "is not a year (YYYY, the year ending 31 March)");
                return null;
            }
            int year = Integer.parseInt(value);
            if (year < FIRST_YEAR || year > latestYear) {
                problem(column, value, "is not a collection year (" + FIRST_YEAR + " to " + latestYear + ")");
                return null;
            }
            return year;
        }

        /** A cell holding a figure: a number, a DfE symbol, or blank. */
        void figure(String column) {
            String value = get(column);
            if (!value.isEmpty() && !NUMBER.matcher(value).matches() && !SYMBOLS.contains(value)) {
                problem(column, value, "is neither a number nor a DfE symbol (" + String.join(", ", SYMBOLS.stream().sorted().toList()) + ")");
            }
        }

        /** The row's area (level and code), checked; null when it is not one. */
        String eesArea(Authorities authorities) {
            String level = get("geographic_level");
            switch (level) {
                case "National" -> {
                    return required("country_code", "a National row") ? "england|" + get("country_code") : null;
                }
                case "Regional" -> {
                    return required("region_code", "a Regional row") ? "region|" + get("region_code") : null;
                }
                case "Local authority" -> {
                    String code = get("old_la_code");
                    if (authorities.find(code).filter(a -> a.laCode().equals(code)).isEmpty()) {
                        problem("old_la_code", code, "is not a DfE authority code IRO Insight knows (etl/reference/local_authorities.csv)");
                        return null;
                    }
                    return "la|" + code;
                }
                default -> {
                    problem("geographic_level", level, "is not National, Regional or Local authority");
                    return null;
                }
            }
        }

        private boolean required(String column, String what) {
            if (get(column).isEmpty()) {
                problem(column, "", "is blank in " + what);
                return false;
            }
            return true;
        }
    }
}
