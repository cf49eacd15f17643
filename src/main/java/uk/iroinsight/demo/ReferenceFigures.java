package uk.iroinsight.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import uk.iroinsight.warehouse.ReferenceData;
import uk.iroinsight.warehouse.Warehouse;

/**
 * The public figures the demo is calibrated to, read from the shipped reference data through a
 * temporary DuckDB warehouse: current authorities, published LA counts and percentages, the 0-17
 * population and the England and Wales bank holidays.
 */
public final class ReferenceFigures {

    static final List<String> INDICATORS = List.of("cla_31mar", "starts", "ceased", "stability_3plus_pct", "stability_long_term_pct");
    /** INDICATORS as an SQL list: ('cla_31mar', ...). */
    private static final String INDICATORS_SQL = INDICATORS.stream().map(id -> "'" + id + "'")
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    private final List<String> currentAuthorities;
    private final Map<String, String> regions;
    /** la → indicator → year → published value (status ok only). */
    private final Map<String, Map<String, TreeMap<Integer, Double>>> published;
    /** la → year → population 0-17. */
    private final Map<String, TreeMap<Integer, Integer>> population;
    /** indicator → year → England value per child aged 0-17 (counts) or percentage. */
    private final Map<String, TreeMap<Integer, Double>> englandRates;
    private final Set<LocalDate> bankHolidays;
    /** la → its statistical neighbours (CSSNBT 2025 model), closest first. */
    private final Map<String, List<String>> neighbours;

    private ReferenceFigures(List<String> currentAuthorities, Map<String, String> regions,
            Map<String, Map<String, TreeMap<Integer, Double>>> published, Map<String, TreeMap<Integer, Integer>> population,
            Map<String, TreeMap<Integer, Double>> englandRates, Set<LocalDate> bankHolidays, Map<String, List<String>> neighbours) {
        this.neighbours = neighbours;
        this.currentAuthorities = currentAuthorities;
        this.regions = regions;
        this.published = published;
        this.population = population;
        this.englandRates = englandRates;
        this.bankHolidays = bankHolidays;
    }

    /** Loads the shipped reference data into a temporary DuckDB file and reads what the demo needs. */
    public static ReferenceFigures load() {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("iro-demo-reference");
            try (Warehouse warehouse = Warehouse.open(folder.resolve("reference.duckdb"))) {
                return warehouse.write(connection -> {
                    ReferenceData.load(connection);
                    return read(connection);
                });
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot read the reference data: " + e.getMessage(), e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static ReferenceFigures read(Connection connection) throws SQLException {
        List<String> current = new ArrayList<>();
        Map<String, String> regions = new HashMap<>();
        Map<String, Map<String, TreeMap<Integer, Double>>> published = new HashMap<>();
        Map<String, TreeMap<Integer, Integer>> population = new HashMap<>();
        Map<String, TreeMap<Integer, Double>> england = new HashMap<>();
        Set<LocalDate> holidays = new HashSet<>();
        Map<String, List<String>> neighbours = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("""
                    SELECT la_code, neighbour_la_code FROM ref_statistical_neighbour
                    WHERE sn_model = 'CSSNBT_2025' AND neighbour_la_code IS NOT NULL ORDER BY la_code, rank""")) {
                while (rs.next()) {
                    neighbours.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT la_code, region_code FROM dim_authority WHERE is_current ORDER BY la_code")) {
                while (rs.next()) {
                    current.add(rs.getString(1));
                    regions.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = statement.executeQuery("""
                    SELECT la_code, indicator, year, value FROM fact_published_indicator
                    WHERE area_type = 'la' AND status = 'ok' AND indicator IN %s""".formatted(INDICATORS_SQL))) {
                while (rs.next()) {
                    published.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new TreeMap<>()).put(rs.getInt(3), rs.getDouble(4));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT la_code, year, population_0_17 FROM fact_population WHERE area_type = 'la'")) {
                while (rs.next()) {
                    population.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getInt(3));
                }
            }
            try (ResultSet rs = statement.executeQuery("""
                    SELECT p.indicator, p.year,
                           CASE WHEN p.indicator LIKE '%%pct' THEN p.value ELSE p.value / pop.population_0_17 END
                    FROM fact_published_indicator p
                    LEFT JOIN fact_population pop ON pop.area_type = 'england' AND pop.year = p.year
                    WHERE p.area_type = 'england' AND p.status = 'ok' AND p.indicator IN %s""".formatted(INDICATORS_SQL))) {
                while (rs.next()) {
                    double value = rs.getDouble(3);
                    if (!rs.wasNull()) {
                        england.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2), value);
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT date FROM dim_bank_holiday")) {
                while (rs.next()) {
                    holidays.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        return new ReferenceFigures(List.copyOf(current), regions, published, population, england, Set.copyOf(holidays), neighbours);
    }

    /** The 3-digit codes of the current authorities (153), in code order. */
    public List<String> currentAuthorities() {
        return currentAuthorities;
    }

    /** The DfE publication region of an authority (e.g. E13000001 for Inner London). */
    public String region(String la) {
        return regions.getOrDefault(la, "");
    }

    /** England and Wales bank holidays (for working-day timescales). */
    public Set<LocalDate> bankHolidays() {
        return bankHolidays;
    }

    /** The published value of one LA-year-indicator, or NaN when not published (or suppressed). */
    public double published(String la, String indicator, int year) {
        Double value = published.getOrDefault(la, Map.of()).getOrDefault(indicator, new TreeMap<>()).get(year);
        return value == null ? Double.NaN : value;
    }

    /**
     * The targets for an authority's years: the published figure where there is one; otherwise
     * interpolated between the LA's own nearest published years, or carried on from the nearest
     * one along its statistical neighbours' trend, or (when the LA has none) its population times
     * the England rate.
     */
    public List<YearTargets> targets(String la, int from, int to) {
        List<YearTargets> targets = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            targets.add(new YearTargets(year, (int) Math.round(estimate(la, "cla_31mar", year)),
                    (int) Math.round(estimate(la, "starts", year)), (int) Math.round(estimate(la, "ceased", year)),
                    estimate(la, "stability_3plus_pct", year), estimate(la, "stability_long_term_pct", year)));
        }
        return targets;
    }

    double estimate(String la, String indicator, int year) {
        TreeMap<Integer, Double> series = published.getOrDefault(la, Map.of()).get(indicator);
        if (series != null && !series.isEmpty()) {
            Double exact = series.get(year);
            if (exact != null) {
                return exact;
            }
            Map.Entry<Integer, Double> before = series.lowerEntry(year);
            Map.Entry<Integer, Double> after = series.higherEntry(year);
            if (before != null && after != null) {
                double share = (year - before.getKey()) / (double) (after.getKey() - before.getKey());
                return before.getValue() + share * (after.getValue() - before.getValue());
            }
            Map.Entry<Integer, Double> nearest = before != null ? before : after;
            return neighboursTrend(la, indicator, nearest.getKey(), nearest.getValue(), year);
        }
        TreeMap<Integer, Double> rate = englandRates.get(indicator);
        if (rate == null || rate.isEmpty()) {
            return indicator.startsWith("stability_3") ? 10 : indicator.startsWith("stability_long") ? 70 : 0;
        }
        double englandValue = nearest(rate, year);
        if (indicator.endsWith("pct")) {
            return englandValue;
        }
        TreeMap<Integer, Integer> people = population.get(la);
        if (people == null || people.isEmpty()) {
            return 0;
        }
        Map.Entry<Integer, Integer> p = people.floorEntry(year) != null ? people.floorEntry(year) : people.ceilingEntry(year);
        return englandValue * p.getValue();
    }

    /**
     * {@code value} (the LA's figure in {@code known}) moved to {@code year} as its statistical
     * neighbours moved, over those published in both years: counts by the ratio of their totals,
     * percentages by the change in their mean. Unchanged when no neighbour has both years.
     */
    private double neighboursTrend(String la, String indicator, int known, double value, int year) {
        double then = 0;
        double now = 0;
        int count = 0;
        for (String neighbour : neighbours.getOrDefault(la, List.of())) {
            TreeMap<Integer, Double> series = published.getOrDefault(neighbour, Map.of()).get(indicator);
            if (series != null && series.containsKey(known) && series.containsKey(year)) {
                then += series.get(known);
                now += series.get(year);
                count++;
            }
        }
        if (count == 0) {
            return value;
        }
        if (indicator.endsWith("pct")) {
            return Math.max(0, Math.min(100, value + (now - then) / count));
        }
        return then > 0 ? value * now / then : value;
    }

    private static double nearest(TreeMap<Integer, Double> series, int year) {
        Map.Entry<Integer, Double> entry = series.floorEntry(year) != null ? series.floorEntry(year) : series.ceilingEntry(year);
        return entry.getValue();
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
