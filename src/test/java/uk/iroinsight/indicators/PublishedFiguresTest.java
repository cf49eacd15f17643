package uk.iroinsight.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check (indicators.md §8): the published figures the warehouse reports
 * for cla_31mar, cla_rate_10k, starts, ceased, stability_3plus_pct and stability_long_term_pct
 * (and the starts/ceased rates, which the same files carry) equal the DfE files in
 * ../shared/data/published/ for every LA and year they cover: values, and symbols as statuses.
 *
 * <p>The expected figures come from an independent reading of the EES CSV files in Java (a small
 * CSV reader below, never the warehouse SQL): per area (an LA by its ONS code, new_la_code) and
 * year (time_period) the newest EES release that covers it wins, the 2021-2025 file ('EES 2025')
 * over the 2020-2024 file ('EES 2024'). A numeric cell is the value (status 'ok'); a symbol c, k,
 * low or u is 'suppressed' and x, z, : or .. 'not_available', with no value and the symbol kept
 * as published. The warehouse is empty of returns: only the shipped reference data is loaded.
 *
 * <p>Which cells are which indicator, read from the files:
 * <ul>
 * <li>cla_number_and_rate_per_10k: one row per area, year and population_type (2024 release:
 *     population_count). "Children looked after on (2024: at) 31 March each year" is cla_31mar
 *     (count: children_count, 2024: number) and cla_rate_10k (rate_per_10000, of
 *     population_estimate); "Children starting to be looked after each year" starts and
 *     starts_rate_10k; "Children ceasing to be looked after each year" ceased and ceased_rate_10k.
 * <li>cla_placement_stability: cla_group "CLA on 31 March" with placement_stability "With 3 or
 *     more placements during the year" is stability_3plus_pct; cla_group "Children looked after
 *     continuously for at least 2.5 years on 31 March aged under 16 years" with "Living with the
 *     same carer for at least 2 years" is stability_long_term_pct. The percentage is
 *     children_percent (2024: percentage), the numerator the row's count and the denominator the
 *     count of the group's "Total children" row.
 * </ul>
 */
class PublishedFiguresTest {

    private static final double TOLERANCE = 1e-9;

    private static final String VOLUMES_2025 = "ees_cla_number_and_rate_per_10k_2021_2025.csv";
    private static final String VOLUMES_2024 = "ees_cla_number_and_rate_per_10k_2020_2024.csv";
    private static final String STABILITY_2025 = "ees_cla_placement_stability_2021_2025.csv";
    private static final String STABILITY_2024 = "ees_cla_placement_stability_2020_2024.csv";
    private static final String LAIT = "lait_cla_measures_2016_2025.csv";
    private static final List<String> EES_FILES = List.of(VOLUMES_2025, VOLUMES_2024, STABILITY_2025, STABILITY_2024);

    /** The shipped copies, relative to the project folder (the tests' working directory). */
    private static final Path SHIPPED = Path.of("etl", "reference", "published");
    /** DfE's files as the issue names them (../shared/data/published/ beside the project). */
    private static final List<Path> SHARED = List.of(Path.of("..", "shared", "data", "published"),
            Path.of("/work/shared/data/published"));

    @TempDir
    static Path folder;

    private static MartFixture fixture;
    private static Path source;
    private static Map<Key, Cell> ees2025;
    private static Map<Key, Cell> ees2024;
    private static Map<Key, Row> mart;
    private static Map<String, Row> releases;

    @BeforeAll
    static void buildAnEmptyWarehouseAndReadTheFiles() throws IOException, SQLException {
        fixture = MartFixture.in(folder).load();
        source = sharedFolder() != null ? sharedFolder() : SHIPPED;
        assertThat(source.resolve(VOLUMES_2025)).as("the published EES files").exists();

        ees2025 = new LinkedHashMap<>();
        readVolumes(source.resolve(VOLUMES_2025), "EES 2025", ees2025);
        readStability(source.resolve(STABILITY_2025), "EES 2025", ees2025);
        ees2024 = new LinkedHashMap<>();
        readVolumes(source.resolve(VOLUMES_2024), "EES 2024", ees2024);
        readStability(source.resolve(STABILITY_2024), "EES 2024", ees2024);

        mart = new HashMap<>();
        for (Row row : query("""
                SELECT indicator, area_type, area_code, la_code, year, numerator, denominator, value, status,
                       symbol, release, coverage
                FROM mart_indicator WHERE source = 'published' AND area_type IN ('la', 'england', 'region')""")) {
            assertThat(mart.put(row.key(), row)).as("one published row per area, year and indicator: " + row.key()).isNull();
        }
        releases = new HashMap<>();
        for (Row row : query("""
                SELECT indicator, area_type, area_code, la_code, year, numerator, denominator, value, status,
                       symbol, release, NULL AS coverage
                FROM published_indicator_release""")) {
            releases.put(row.key() + " " + row.release(), row);
        }
    }

    @AfterAll
    static void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    // ------------------------------------------------------------------ the acceptance check

    @Test
    void everyPublishedLaFigureEqualsTheNewestEesReleaseValueAndSymbolAsStatus() {
        Map<Key, Cell> expected = newestRelease("la");
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (var e : expected.entrySet()) {
            compared++;
            Row row = mart.get(e.getKey());
            String problem = row == null ? "missing" : differs(e.getValue(), row);
            if (problem != null) {
                wrong.add(e.getKey() + " (" + e.getValue().release() + " '" + e.getValue().text() + "'): " + problem);
            }
        }
        System.out.printf("PublishedFiguresTest: %d LA-year figures compared with the EES files in %s%n", compared, source);
        assertThat(wrong).as("%d LA-year figures compared with the EES files in %s; these differ", compared, source).isEmpty();
        // 155 authorities (153 current, Cumbria, Northamptonshire) x 6 years (2020-2025) x 8 indicators
        assertThat(compared).as("LA-year figures compared").isEqualTo(155 * 6 * 8);
        // Years 2021-2025 come from EES 2025, 2020 only from EES 2024.
        assertThat(expected.values().stream().filter(c -> c.release().equals("EES 2024")).map(Cell::year).distinct())
                .containsExactly(2020);
    }

    @Test
    void theWarehouseHasNoPublishedLaFigureForTheEesYearsThatTheFilesDoNotHave() {
        Set<String> extra = new TreeSet<>();
        Set<Key> expected = newestRelease("la").keySet();
        for (Key key : mart.keySet()) {
            if (key.areaType().equals("la") && key.year() >= 2020 && !expected.contains(key)) {
                extra.add(key.toString());
            }
        }
        assertThat(extra).isEmpty();
    }

    @Test
    void symbolsAreStatusesNeverNumbers() {
        // Hand-picked from the files (EES 2025): City of London (201, E09000001) has 'c' for its
        // CLA count and rate at 31 March 2025; Cumberland (942, E06000063), created on 1 April
        // 2023, has 'z' for 2022; the Isles of Scilly (420, E06000053) 'z' in 2025.
        Key city = new Key("cla_31mar", "la", "E09000001", 2025);
        assertThat(ees2025.get(city).text()).isEqualTo("c");
        assertThat(mart.get(city)).extracting(Row::value, Row::status, Row::symbol).containsExactly(null, "suppressed", "c");
        assertThat(mart.get(new Key("cla_rate_10k", "la", "E09000001", 2025)))
                .extracting(Row::value, Row::status, Row::symbol).containsExactly(null, "suppressed", "c");
        Key cumberland = new Key("cla_31mar", "la", "E06000063", 2022);
        assertThat(ees2025.get(cumberland).text()).isEqualTo("z");
        assertThat(mart.get(cumberland)).extracting(Row::value, Row::status, Row::symbol).containsExactly(null, "not_available", "z");
        Key scilly = new Key("cla_31mar", "la", "E06000053", 2025);
        assertThat(ees2025.get(scilly).text()).isEqualTo("z");
        assertThat(mart.get(scilly)).extracting(Row::value, Row::status, Row::symbol).containsExactly(null, "not_available", "z");
        // Barnsley 2025 (indicators.md §0): 366 children, 71 per 10,000.
        assertThat(mart.get(new Key("cla_31mar", "la", "E08000016", 2025)).value()).isEqualTo(366.0);
        assertThat(mart.get(new Key("cla_rate_10k", "la", "E08000016", 2025)).value()).isEqualTo(71.0);
        // No published row of any kind carries a number with a symbol, or a value without 'ok'.
        assertThat(mart.values()).allSatisfy(r -> {
            assertThat(r.value() != null).as(r.key() + " value present").isEqualTo(r.status().equals("ok"));
            assertThat(r.symbol() == null || !r.status().equals("ok")).as(r.key() + " symbol").isTrue();
        });
    }

    @Test
    void numeratorsAndDenominatorsAreTheCountsAndTotalsAsPublished() {
        // a count: numerator = the count, no denominator; a rate: the count over the
        // population_estimate; a %: the group's count over its "Total children".
        List<String> wrong = new ArrayList<>();
        for (var e : newestRelease("la").entrySet()) {
            Row row = mart.get(e.getKey());
            if (row == null) {
                continue;
            }
            Cell cell = e.getValue();
            if (!same(cell.numerator(), row.numerator()) || !same(cell.denominator(), row.denominator())) {
                wrong.add(e.getKey() + ": expected " + cell.numerator() + " / " + cell.denominator()
                        + ", warehouse " + row.numerator() + " / " + row.denominator());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void englandAndRegionalPublishedRowsAreDfesOwnRowsAsPublished() {
        Map<Key, Cell> expected = newestRelease("england");
        expected.putAll(newestRelease("region"));
        List<String> wrong = new ArrayList<>();
        for (var e : expected.entrySet()) {
            Row row = mart.get(e.getKey());
            String problem = row == null ? "missing" : differs(e.getValue(), row);
            if (problem == null && row.coverage() != null) {
                problem = "coverage " + row.coverage() + " on a published row";
            }
            if (problem == null && !same(e.getValue().numerator(), row.numerator())) {
                problem = "numerator " + row.numerator() + ", expected " + e.getValue().numerator();
            }
            if (problem != null) {
                wrong.add(e.getKey() + ": " + problem);
            }
        }
        assertThat(wrong).as("%d England and regional figures compared", expected.size()).isEmpty();
        // England + 9 regions + Inner and Outer London = 12 areas x 6 years x 8 indicators
        assertThat(expected).hasSize(12 * 6 * 8);
        // England, 31 March 2025: 81,770 children (rounded to 10 by DfE), 67 per 10,000.
        assertThat(mart.get(new Key("cla_31mar", "england", "E92000001", 2025)).value()).isEqualTo(81770.0);
        assertThat(mart.get(new Key("cla_rate_10k", "england", "E92000001", 2025)).value()).isEqualTo(67.0);
    }

    @Test
    void everyFigureOfEveryEesReleaseIsKeptWithItsReleaseName() {
        // Each release revises earlier years: England CLA at 31 March 2024 was 83,630 in EES 2024
        // and 83,530 in EES 2025. The warehouse shows the newer one and keeps the older.
        Key england2024 = new Key("cla_31mar", "england", "E92000001", 2024);
        assertThat(ees2024.get(england2024).text()).isEqualTo("83630");
        assertThat(ees2025.get(england2024).text()).isEqualTo("83530");
        assertThat(mart.get(england2024)).extracting(Row::value, Row::release).containsExactly(83530.0, "EES 2025");
        assertThat(releases.get(england2024 + " EES 2024").value()).isEqualTo(83630.0);

        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (Map<Key, Cell> release : List.of(ees2024, ees2025)) {
            for (var e : release.entrySet()) {
                compared++;
                Row row = releases.get(e.getKey() + " " + e.getValue().release());
                String problem = row == null ? "missing" : differs(e.getValue(), row);
                if (problem != null) {
                    wrong.add(e.getKey() + " " + e.getValue().release() + ": " + problem);
                }
            }
        }
        assertThat(wrong).as("%d EES cells compared with published_indicator_release", compared).isEmpty();
        assertThat(releases.values().stream().filter(r -> r.release().startsWith("EES")).count())
                .as("EES rows in published_indicator_release").isEqualTo(compared);
    }

    @Test
    void yearsNoEesReleaseCoversComeFromLaitWhoseDashIsNotAvailable() throws IOException {
        // LAIT (2016-2025) republishes EES and writes '-' for every missing or suppressed cell; it
        // is kept below both EES releases, so it supplies only 2016-2019. Its areas are old codes
        // ('201.0'); 970 is England, 980-990 the regions; the pre-2019 authorities 835 Dorset,
        // 836 Poole and 837 Bournemouth have no current ONS code and are left out.
        Map<String, String> onsCode = new HashMap<>();
        for (Map<String, String> la : readCsv(SHIPPED.getParent().resolve("local_authorities.csv"))) {
            onsCode.put(la.get("old_la_code"), la.get("new_la_code"));
        }
        Map<String, String> regionCode = new HashMap<>();
        for (Map<String, String> r : readCsv(source.resolve(VOLUMES_2025))) {
            if (r.get("geographic_level").equals("Regional")) {
                regionCode.put(r.get("region_name").toLowerCase(), r.get("region_code"));
            }
        }
        Map<String, String> indicator = Map.of("LACnum", "cla_31mar", "LAC", "cla_rate_10k", "LACnum_Start", "starts",
                "LAC_Start_Rate", "starts_rate_10k", "LACceased", "ceased", "LAC_Cease_Rate", "ceased_rate_10k",
                "LACStable_2016on", "stability_3plus_pct", "LAC_LongStable%", "stability_long_term_pct");

        Map<Key, Cell> expected = new LinkedHashMap<>();
        for (Map<String, String> r : readCsv(laitFile())) {
            String id = indicator.get(r.get("short_desc").trim());
            int year = Integer.parseInt(r.get("years").trim());
            if (id == null || year >= 2020) {
                continue;
            }
            String code = r.get("la_number").trim().replaceAll("\\.0$", "");
            String name = r.get("la_or_region").trim().toLowerCase().replace("london (inner)", "inner london")
                    .replace("london (outer)", "outer london");
            Key key;
            if (code.equals("970")) {
                key = new Key(id, "england", "E92000001", year);
            } else if (code.compareTo("980") >= 0 && code.compareTo("990") <= 0) {
                key = new Key(id, "region", Objects.requireNonNull(regionCode.get(name), name), year);
            } else if (onsCode.containsKey(code)) {
                key = new Key(id, "la", onsCode.get(code), year);
            } else {
                assertThat(code).as("an LAIT area with no ONS code").isIn("835", "836", "837");
                continue;
            }
            expected.put(key, new Cell(year, r.get("value"), null, null, "LAIT 2025"));
        }
        List<String> wrong = new ArrayList<>();
        for (var e : expected.entrySet()) {
            Row row = mart.get(e.getKey());
            String problem = row == null ? "missing" : differs(e.getValue(), row);
            if (problem != null) {
                wrong.add(e.getKey() + " '" + e.getValue().text() + "': " + problem);
            }
        }
        assertThat(wrong).as("%d LAIT figures (2016-2019) compared", expected.size()).isEmpty();
        Set<String> extra = new TreeSet<>();
        mart.keySet().stream().filter(k -> k.year() < 2020 && !expected.containsKey(k)).forEach(k -> extra.add(k.toString()));
        assertThat(extra).as("published rows before 2020 that LAIT does not have").isEmpty();
        // '-' is LAIT's only symbol and reads as not available (it stands for c as well as z).
        assertThat(expected.values().stream().map(Cell::text).filter(t -> !t.matches("[0-9.]+")).distinct()).containsOnly("-");
    }

    @Test
    void theStatisticalNeighbourMeanOfPublishedFiguresIsTheSimpleMeanOfTheNeighboursWithAFigure() throws IOException, SQLException {
        // indicators.md §7: the simple mean of the values of the LA's ten CSSNBT 2025 neighbours
        // that have a value (as LAIT does), "based on N of 10"; a suppressed neighbour is left out.
        Map<String, List<String>> neighbours = new HashMap<>();
        for (Map<String, String> n : readCsv(SHIPPED.getParent().resolve("statistical_neighbours.csv"))) {
            if (n.get("sn_model").equals("CSSNBT_2025")) {
                neighbours.computeIfAbsent(n.get("new_la_code"), k -> new ArrayList<>()).add(n.get("sn_new_la_code"));
            }
        }
        Map<Key, Cell> la = newestRelease("la");
        Map<Key, double[]> expected = new HashMap<>();   // {sum, count}
        for (var e : neighbours.entrySet()) {
            assertThat(e.getValue()).as(e.getKey() + "'s neighbours").hasSize(10);
            for (Key k : la.keySet()) {
                if (!k.areaCode().equals(e.getKey())) {
                    continue;
                }
                double sum = 0;
                int count = 0;
                for (String neighbour : e.getValue()) {
                    Cell cell = la.get(new Key(k.indicator(), "la", neighbour, k.year()));
                    if (cell != null && status(cell.text()).equals("ok")) {
                        sum += Double.parseDouble(cell.text());
                        count++;
                    }
                }
                if (count > 0) {
                    expected.put(k, new double[] {sum / count, count});
                }
            }
        }
        Map<Key, double[]> actual = new HashMap<>();
        try (Connection connection = fixture.warehouse().connect();
             Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("""
                     SELECT indicator, area_code, year, value, coverage FROM mart_indicator
                     WHERE area_type = 'sn_mean' AND source = 'published' AND year >= 2020""")) {
            while (r.next()) {
                actual.put(new Key(r.getString(1), "la", r.getString(2), r.getInt(3)), new double[] {r.getDouble(4), r.getInt(5)});
            }
        }
        List<String> wrong = new ArrayList<>();
        for (var e : expected.entrySet()) {
            double[] a = actual.get(e.getKey());
            if (a == null || Math.abs(a[0] - e.getValue()[0]) > TOLERANCE || a[1] != e.getValue()[1]) {
                wrong.add(e.getKey() + ": expected " + e.getValue()[0] + " of " + (int) e.getValue()[1]
                        + ", warehouse " + (a == null ? "none" : a[0] + " of " + (int) a[1]));
            }
        }
        assertThat(wrong).as("%d published sn_mean figures (2020-2025) compared", expected.size()).isEmpty();
        assertThat(actual.keySet()).as("sn_mean rows with no neighbour figure").isSubsetOf(expected.keySet());
        // Nottinghamshire 2025, cla_rate_10k: the mean of its ten neighbours' published rates.
        assertThat(expected.get(new Key("cla_rate_10k", "la", "E10000024", 2025))[1]).isEqualTo(10.0);
    }

    @Test
    void theShippedCopiesAreTheSharedDfeFilesByteForByte() throws IOException {
        Path shared = sharedFolder();
        Assumptions.assumeTrue(shared != null, "../shared/data/published/ is not here: only the shipped copies are read");
        for (String file : EES_FILES) {
            assertThat(Files.mismatch(shared.resolve(file), SHIPPED.resolve(file))).as(file + ": first differing byte").isEqualTo(-1L);
        }
        // LAIT is trimmed to the measures we use, its rows unchanged.
        Set<String> measures = Set.of("LACnum", "LAC", "LACnum_Start", "LAC_Start_Rate", "LACceased", "LAC_Cease_Rate",
                "LACStable_2016on", "LACStableNum_2016on", "LAC_LongStable%", "LAC_LongStableNum");
        List<Map<String, String>> full = readCsv(shared.resolve(LAIT)).stream()
                .filter(r -> measures.contains(r.get("short_desc"))).toList();
        assertThat(readCsv(SHIPPED.resolve(LAIT))).containsExactlyElementsOf(full);
    }

    // ------------------------------------------------------------------ comparing

    /** The cells of the newest EES release per area and year, for one area type. */
    private static Map<Key, Cell> newestRelease(String areaType) {
        Map<Key, Cell> newest = new LinkedHashMap<>();
        ees2024.forEach((k, c) -> {
            if (k.areaType().equals(areaType)) {
                newest.put(k, c);
            }
        });
        ees2025.forEach((k, c) -> {
            if (k.areaType().equals(areaType)) {
                newest.put(k, c);
            }
        });
        return newest;
    }

    /** Why the warehouse row does not match the published cell, or null when it does. */
    private static String differs(Cell cell, Row row) {
        String status = status(cell.text());
        if (!status.equals(row.status())) {
            return "status " + row.status() + ", expected " + status;
        }
        if (status.equals("ok")) {
            double expected = Double.parseDouble(cell.text().trim());
            if (row.value() == null || Math.abs(row.value() - expected) > TOLERANCE) {
                return "value " + row.value() + ", expected " + expected;
            }
            if (row.symbol() != null) {
                return "symbol " + row.symbol() + " on a number";
            }
        } else {
            if (row.value() != null) {
                return "value " + row.value() + " for symbol '" + cell.text() + "'";
            }
            String symbol = cell.text().trim().isEmpty() ? null : cell.text().trim();
            if (!Objects.equals(symbol, row.symbol())) {
                return "symbol " + row.symbol() + ", expected " + symbol;
            }
        }
        if (!cell.release().equals(row.release())) {
            return "release " + row.release() + ", expected " + cell.release();
        }
        if (row.key().areaType().equals("la") && cell.laCode() != null && !cell.laCode().equals(row.laCode())) {
            return "la_code " + row.laCode() + ", expected " + cell.laCode();
        }
        return null;
    }

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** indicators.md §8 and the symbols of ../shared/data/README.md. */
    private static String status(String cell) {
        String text = cell.trim();
        if (NUMBER.matcher(text).matches()) {
            return "ok";
        }
        return switch (text) {
            case "c", "k", "low", "u" -> "suppressed";
            case "x", "z", ":", "..", "-", "" -> "not_available";
            default -> fail("a cell that is neither a number nor a DfE symbol: '" + cell + "'");
        };
    }

    private static Double number(String cell) {
        return cell != null && NUMBER.matcher(cell.trim()).matches() ? Double.valueOf(cell.trim()) : null;
    }

    private static boolean same(Double a, Double b) {
        return a == null ? b == null : b != null && Math.abs(a - b) <= TOLERANCE;
    }

    // ------------------------------------------------------------------ reading the EES files

    private static void readVolumes(Path file, String release, Map<Key, Cell> into) throws IOException {
        for (Map<String, String> r : readCsv(file)) {
            String measure = first(r, "population_type", "population_count");
            String count;
            if (measure.startsWith("Children looked after on 31 March") || measure.startsWith("Children looked after at 31 March")) {
                count = "cla_31mar";
            } else if (measure.startsWith("Children starting to be looked after")) {
                count = "starts";
            } else if (measure.startsWith("Children ceasing to be looked after")) {
                count = "ceased";
            } else {
                throw new AssertionError(file + ": unknown measure '" + measure + "'");
            }
            String children = first(r, "children_count", "number");
            String rateIndicator = switch (count) {
                case "cla_31mar" -> "cla_rate_10k";
                case "starts" -> "starts_rate_10k";
                default -> "ceased_rate_10k";
            };
            put(into, file, key(r, count), new Cell(year(r), children, number(children), null, release, laCode(r)));
            put(into, file, key(r, rateIndicator), new Cell(year(r), r.get("rate_per_10000"), number(children),
                    number(r.get("population_estimate")), release, laCode(r)));
        }
    }

    private static void readStability(Path file, String release, Map<Key, Cell> into) throws IOException {
        List<Map<String, String>> rows = readCsv(file);
        Map<String, String> totals = new HashMap<>();
        for (Map<String, String> r : rows) {
            if (r.get("placement_stability").equals("Total children")) {
                totals.put(area(r) + "|" + r.get("time_period") + "|" + r.get("cla_group"), first(r, "children_count", "number"));
            }
        }
        for (Map<String, String> r : rows) {
            String group = r.get("cla_group");
            String stability = r.get("placement_stability");
            String indicator;
            if (group.equals("CLA on 31 March") && stability.equals("With 3 or more placements during the year")) {
                indicator = "stability_3plus_pct";
            } else if (group.startsWith("Children looked after continuously for at least 2.5 years")
                    && stability.equals("Living with the same carer for at least 2 years")) {
                indicator = "stability_long_term_pct";
            } else {
                continue;  // totals, and 3+ placements in two years (not one of our indicators)
            }
            String total = totals.get(area(r) + "|" + r.get("time_period") + "|" + group);
            assertThat(total).as(file + ": the group's total for " + area(r)).isNotNull();
            String children = first(r, "children_count", "number");
            put(into, file, key(r, indicator), new Cell(year(r), first(r, "children_percent", "percentage"),
                    number(children), number(total), release, laCode(r)));
        }
    }

    private static void put(Map<Key, Cell> into, Path file, Key key, Cell cell) {
        assertThat(into.put(key, cell)).as(file + ": one cell per area, year and indicator: " + key).isNull();
    }

    private static Key key(Map<String, String> r, String indicator) {
        String[] area = area(r).split(" ");
        return new Key(indicator, area[0], area[1], year(r));
    }

    /** "la E06000018", "region E12000004" or "england E92000001". */
    private static String area(Map<String, String> r) {
        return switch (r.get("geographic_level")) {
            case "National" -> "england " + r.get("country_code");
            case "Regional" -> "region " + r.get("region_code");
            case "Local authority" -> "la " + r.get("new_la_code");
            default -> throw new AssertionError("unknown geographic_level " + r.get("geographic_level"));
        };
    }

    private static String laCode(Map<String, String> r) {
        return r.get("geographic_level").equals("Local authority") ? r.get("old_la_code") : null;
    }

    private static int year(Map<String, String> r) {
        return Integer.parseInt(r.get("time_period"));
    }

    private static String first(Map<String, String> row, String... columns) {
        for (String column : columns) {
            if (row.containsKey(column)) {
                return row.get(column);
            }
        }
        throw new AssertionError("none of the columns " + List.of(columns) + " in " + row.keySet());
    }

    // ------------------------------------------------------------------ a small CSV reader

    /**
     * RFC 4180: comma-separated, "quoted" fields with "" for a quote, LF or CRLF line ends; a
     * UTF-8 byte-order mark is skipped. Each record as column name -> text, in column order.
     */
    static List<Map<String, String>> readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            if (r.size() == 1 && r.get(0).isEmpty()) {
                continue;
            }
            assertThat(r).as(file + ": a row with as many fields as the header").hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), r.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Path sharedFolder() {
        return SHARED.stream().filter(p -> Files.isRegularFile(p.resolve(VOLUMES_2025))).findFirst().orElse(null);
    }

    private static Path laitFile() {
        Path shared = sharedFolder();
        return shared != null ? shared.resolve(LAIT) : SHIPPED.resolve(LAIT);
    }

    // ------------------------------------------------------------------ the warehouse's rows

    private static List<Row> query(String sql) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = fixture.warehouse().connect();
             Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery(sql)) {
            while (r.next()) {
                rows.add(new Row(new Key(r.getString("indicator"), r.getString("area_type"), r.getString("area_code"),
                        r.getInt("year")), r.getString("la_code"), decimal(r, "numerator"), decimal(r, "denominator"),
                        decimal(r, "value"), r.getString("status"), r.getString("symbol"), r.getString("release"),
                        (Integer) r.getObject("coverage")));
            }
        }
        return rows;
    }

    private static Double decimal(ResultSet r, String column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? null : value;
    }

    record Key(String indicator, String areaType, String areaCode, int year) {
        @Override
        public String toString() {
            return indicator + " " + areaType + " " + areaCode + " " + year;
        }
    }

    /** A published cell as read from a file: its text, and the numerator/denominator it implies. */
    record Cell(int year, String text, Double numerator, Double denominator, String release, String laCode) {
        Cell(int year, String text, Double numerator, Double denominator, String release) {
            this(year, text, numerator, denominator, release, null);
        }
    }

    record Row(Key key, String laCode, Double numerator, Double denominator, Double value, String status, String symbol,
               String release, Integer coverage) {
    }
}
