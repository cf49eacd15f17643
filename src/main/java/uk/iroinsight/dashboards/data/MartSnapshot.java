package uk.iroinsight.dashboards.data;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.indicators.Disclosure;
import uk.iroinsight.indicators.Disclosure.Shown;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.indicators.Indicator.Polarity;

/**
 * Everything the dashboards show from {@code mart_indicator}, as one build of the marts left it:
 * immutable, read once per build (by {@link DashboardData}), so every request answers from
 * memory and no page ever mixes figures of two builds.
 *
 * <p>Which source a figure comes from (indicators.md §8): an authority's own figure is the
 * records one where its LA-year is loaded, otherwise DfE's published one (as
 * {@code mart_la_indicator}). A comparator (SN mean, region, England) is the records figure when
 * every authority it stands for has a records figure; otherwise the published one where DfE
 * publishes it; otherwise the records figure over the authorities that are loaded, whose
 * {@link Figure#coverage()} says how many. Every figure carries its source for the page to say.
 */
public final class MartSnapshot {

    /** England's ONS code. */
    public static final String ENGLAND = "E92000001";

    private final String fingerprint;
    private final LocalDateTime builtAt;
    private final Catalogue catalogue;
    private final List<Authority> authorities;
    private final Map<String, Authority> byCode = new HashMap<>();
    private final Map<String, String> regionNames = new LinkedHashMap<>();
    private final Map<String, Integer> regionSizes = new HashMap<>();
    private final List<Integer> years;
    private final Set<String> loaded;
    private final Map<Key, Figure> figures;
    private final Map<String, List<String>> notes;

    record Key(String areaType, String code, int year, String indicator, String source) {
    }

    MartSnapshot(String fingerprint, LocalDateTime builtAt, Catalogue catalogue, List<Authority> authorities,
                 Collection<Figure> figures, Set<String> loadedLaYears, Map<String, List<String>> notes) {
        this.fingerprint = fingerprint;
        this.builtAt = builtAt;
        this.catalogue = catalogue;
        this.authorities = authorities.stream().sorted(Comparator.comparing(Authority::name)).toList();
        for (Authority authority : this.authorities) {
            byCode.put(authority.laCode(), authority);
            regionNames.putIfAbsent(authority.regionCode(), authority.regionName());
            regionSizes.merge(authority.regionCode(), 1, Integer::sum);
        }
        this.figures = new HashMap<>(figures.size() * 2);
        Set<Integer> allYears = new TreeSet<>();
        for (Figure figure : figures) {
            String code = switch (figure.areaType()) {
                case "la", "sn_mean" -> figure.laCode();
                default -> figure.areaCode();
            };
            this.figures.put(new Key(figure.areaType(), code, figure.year(), figure.indicator(), figure.source()), figure);
            allYears.add(figure.year());
        }
        this.years = List.copyOf(allYears);
        this.loaded = Set.copyOf(loadedLaYears);
        this.notes = Map.copyOf(notes);
    }

    /**
     * This build as a VIEWER may have it (indicators.md §9), so no view can leak what it never
     * gets. Hidden, i.e. suppressed with no numerator, denominator, value, rank or quartile:
     * <ol>
     * <li>every figure the size rule hides (a count of 1-5, a rate whose numerator or denominator
     *     is 1-5);</li>
     * <li>secondary suppression across areas: a records region or England figure is the total of
     *     its loaded authorities' figures, so where exactly one of them is hidden and the total is
     *     shown, the next smallest authority is hidden too (the rule of {@link Disclosure#breakdown}
     *     with the region, or England, as the total), else the hidden one is the total minus the
     *     others;</li>
     * <li>a records statistical-neighbour mean any of whose neighbours' figures is hidden (a mean
     *     of one neighbour is that neighbour's figure; of two, one known, the other follows).</li>
     * </ol>
     * A count of excluded units of 1-5 is dropped; data-quality notes that count 1-5 children or
     * rows say "fewer than 6" instead, without the percentage that would give the count away.
     * Figures DfE suppressed stay suppressed.
     */
    public MartSnapshot disclosed() {
        Set<Key> hidden = new HashSet<>();
        Set<Key> small = new HashSet<>();
        Map<Key, List<Key>> byTotal = new HashMap<>(); // a records region or England figure: the authorities it adds up
        for (Map.Entry<Key, Figure> entry : figures.entrySet()) {
            Key key = entry.getKey();
            Figure figure = entry.getValue();
            if ("suppressed".equals(figure.status()) || show(figure, true).suppressed()) {
                hidden.add(key);
                small.add(key);
            }
            if (key.areaType().equals("la") && key.source().equals("records") && figure.hasValue()) {
                Authority authority = byCode.get(key.code());
                if (authority != null) {
                    byTotal.computeIfAbsent(new Key("region", authority.regionCode(), key.year(), key.indicator(), "records"),
                            k -> new ArrayList<>()).add(key);
                    byTotal.computeIfAbsent(new Key("england", ENGLAND, key.year(), key.indicator(), "records"),
                            k -> new ArrayList<>()).add(key);
                }
            }
        }
        // Regions first, then England, each seeing what the step before hid.
        List<Key> totals = new ArrayList<>(byTotal.keySet());
        totals.sort(Comparator.comparing((Key total) -> total.areaType().equals("england")));
        for (Key totalKey : totals) {
            Figure total = figures.get(totalKey);
            if (total == null || hidden.contains(totalKey)) {
                continue;
            }
            List<Key> cells = byTotal.get(totalKey);
            Indicator indicator = indicator(totalKey.indicator());
            List<Disclosure.Figure> shownSoFar = cells.stream().map(key -> hidden.contains(key)
                    ? new Disclosure.Figure(null, null, null, "suppressed", indicator.unit().id())
                    : figures.get(key).forDisclosure(indicator)).toList();
            List<Shown> shown = Disclosure.breakdown(shownSoFar, total.forDisclosure(indicator), true);
            for (int i = 0; i < cells.size(); i++) {
                if (shown.get(i).suppressed()) {
                    hidden.add(cells.get(i));
                }
            }
        }
        for (Key key : figures.keySet()) {
            if (key.areaType().equals("sn_mean") && key.source().equals("records") && !hidden.contains(key)) {
                Authority authority = byCode.get(key.code());
                if (authority != null && authority.neighbours().stream()
                        .anyMatch(n -> hidden.contains(new Key("la", n, key.year(), key.indicator(), "records")))) {
                    hidden.add(key);
                }
            }
        }
        List<Figure> shown = new ArrayList<>(figures.size());
        figures.forEach((key, figure) -> shown.add(disclose(figure, hidden.contains(key),
                small.contains(key) ? Figure.HIDDEN_SMALL : Figure.HIDDEN_SECONDARY)));
        Map<String, List<String>> plain = new HashMap<>();
        notes.forEach((key, messages) -> plain.put(key, messages.stream().map(MartSnapshot::discloseNote).toList()));
        return new MartSnapshot(fingerprint, builtAt, catalogue, authorities, shown, loaded, plain);
    }

    private static Figure disclose(Figure f, boolean hidden, String why) {
        boolean fewExcluded = f.excluded() != null && f.excluded() >= 1 && f.excluded() <= 5;
        if (!hidden && !fewExcluded) {
            return f;
        }
        if (!hidden) {
            return new Figure(f.areaType(), f.areaCode(), f.areaName(), f.laCode(), f.year(), f.indicator(), f.source(),
                    f.numerator(), f.denominator(), f.value(), f.status(), f.symbol(), f.release(), f.coverage(), null, f.rank(),
                    f.ranked(), f.quartileBand());
        }
        String symbol = "suppressed".equals(f.status()) ? f.symbol() : why; // DfE's own suppression keeps its symbol
        return new Figure(f.areaType(), f.areaCode(), f.areaName(), f.laCode(), f.year(), f.indicator(), f.source(), null, null,
                null, "suppressed", symbol, f.release(), f.coverage(), null, null, f.ranked(), null);
    }

    private static final java.util.regex.Pattern COUNTED = java.util.regex.Pattern.compile(
            "^(\\d+) of (\\d+) (left out: .*?\\.)(?: Based on \\d+%\\.)?$|^(\\d+) of (\\d+) (rows .*)$");

    /** A data-quality note as a VIEWER may read it (see {@link #disclosed()}). */
    static String discloseNote(String message) {
        var m = COUNTED.matcher(message);
        if (!m.matches()) {
            return message;
        }
        boolean excludedNote = m.group(1) != null;
        long count = Long.parseLong(excludedNote ? m.group(1) : m.group(4));
        long total = Long.parseLong(excludedNote ? m.group(2) : m.group(5));
        boolean small = (count >= 1 && count <= 5) || (total >= 1 && total <= 5);
        if (!small) {
            return message;
        }
        return excludedNote ? "Fewer than 6 " + m.group(3) : "Fewer than 6 " + m.group(6);
    }

    /** No marts built yet. */
    static MartSnapshot empty(Catalogue catalogue) {
        return new MartSnapshot("", null, catalogue, List.of(), List.of(), Set.of(), Map.of());
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** When the marts were built: the "as of" of every figure; null before the first build. */
    public LocalDateTime builtAt() {
        return builtAt;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Indicator indicator(String id) {
        return catalogue.get(id);
    }

    /** Current authorities, by name. */
    public List<Authority> authorities() {
        return authorities;
    }

    public Optional<Authority> authority(String laCode) {
        return Optional.ofNullable(laCode).map(byCode::get);
    }

    /** English regions (code to name), in the order their first authority comes by name. */
    public Map<String, String> regions() {
        return regionNames;
    }

    /** The region's authorities, by name. */
    public List<Authority> inRegion(String regionCode) {
        return authorities.stream().filter(a -> a.regionCode().equals(regionCode)).toList();
    }

    /** Years with any figure, earliest first. */
    public List<Integer> years() {
        return years;
    }

    public boolean isLoaded(String laCode, int year) {
        return loaded.contains(laCode + "/" + year);
    }

    /** The latest year loaded from the authority's returns, else the latest year with any figure. */
    public Optional<Integer> latestYear(String laCode) {
        for (int i = years.size() - 1; i >= 0; i--) {
            if (isLoaded(laCode, years.get(i))) {
                return Optional.of(years.get(i));
            }
        }
        return years.isEmpty() ? Optional.empty() : Optional.of(years.get(years.size() - 1));
    }

    /** Plain-English data-quality notes for an LA-year's indicator, then the LA-year's own. */
    public List<String> notes(String laCode, int year, String indicator) {
        List<String> result = new ArrayList<>(notes.getOrDefault(noteKey(laCode, year, indicator), List.of()));
        result.addAll(notes.getOrDefault(noteKey(laCode, year, null), List.of()));
        return result;
    }

    static String noteKey(String laCode, int year, String indicator) {
        return laCode + "/" + year + "/" + (indicator == null ? "" : indicator);
    }

    // ------------------------------------------------------------------ figures

    /** The authority's own figure: records where the LA-year is loaded, otherwise published. */
    public Figure la(String laCode, int year, String indicator) {
        Figure records = figures.get(new Key("la", laCode, year, indicator, "records"));
        if (records != null) {
            return records;
        }
        Figure published = figures.get(new Key("la", laCode, year, indicator, "published"));
        if (published != null) {
            return published;
        }
        Authority authority = byCode.get(laCode);
        return Figure.missing("la", authority == null ? laCode : authority.onsCode(),
                authority == null ? laCode : authority.name(), laCode, year, indicator);
    }

    /** The mean of the authority's statistical neighbours. */
    public Figure snMean(String laCode, int year, String indicator) {
        Authority authority = byCode.get(laCode);
        int full = authority == null ? 0 : authority.neighbours().size();
        return choose("sn_mean", laCode, year, indicator, full, "statistical neighbours");
    }

    /** The authority's region (records: the English region; published: DfE's region, London split). */
    public Figure region(String laCode, int year, String indicator) {
        Authority authority = byCode.get(laCode);
        if (authority == null) {
            return Figure.missing("region", "", "Region", null, year, indicator);
        }
        Figure records = figures.get(new Key("region", authority.regionCode(), year, indicator, "records"));
        if (isFull(records, regionSizes.getOrDefault(authority.regionCode(), 0))) {
            return records;
        }
        Figure published = figures.get(new Key("region", authority.publishedRegionCode(), year, indicator, "published"));
        if (published == null || !published.hasValue()) {
            Figure gor = figures.get(new Key("region", authority.regionCode(), year, indicator, "published"));
            published = gor != null ? gor : published;
        }
        return pick(records, published, "region", authority.regionCode(), authority.regionName(), year, indicator);
    }

    /** England. */
    public Figure england(int year, String indicator) {
        return choose("england", ENGLAND, year, indicator, authorities.size(), "England");
    }

    /** The authority's figure and its three comparators for a year. */
    public Comparators comparators(String laCode, int year, String indicator) {
        return new Comparators(year, la(laCode, year, indicator), snMean(laCode, year, indicator),
                region(laCode, year, indicator), england(year, indicator));
    }

    /** The authority and its comparators in every year, earliest first. */
    public List<Comparators> trend(String laCode, String indicator) {
        return years.stream().map(year -> comparators(laCode, year, indicator)).toList();
    }

    /** An authority's figure and what it is compared with, for one year. */
    public record Comparators(int year, Figure la, Figure snMean, Figure region, Figure england) {
    }

    /**
     * The direction of travel of the authority's figure since the year before, judged on the
     * figures as shown (a suppressed figure has no direction).
     */
    public Judgement.Direction direction(String laCode, int year, String indicator, boolean suppress) {
        Indicator definition = indicator(indicator);
        Double now = show(la(laCode, year, indicator), suppress).value();
        Double before = show(la(laCode, year - 1, indicator), suppress).value();
        return Judgement.direction(now, before, definition.polarity());
    }

    /** Shows a figure with disclosure control (indicators.md §9). */
    public Shown show(Figure figure, boolean suppress) {
        return Disclosure.show(figure.forDisclosure(indicator(figure.indicator())), suppress);
    }

    private Figure choose(String areaType, String code, int year, String indicator, int full, String name) {
        Figure records = figures.get(new Key(areaType, code, year, indicator, "records"));
        if (isFull(records, full)) {
            return records;
        }
        Figure published = figures.get(new Key(areaType, code, year, indicator, "published"));
        return pick(records, published, areaType, code, name, year, indicator);
    }

    private static boolean isFull(Figure records, int full) {
        return records != null && records.hasValue() && records.coverage() != null && records.coverage() >= full;
    }

    private static Figure pick(Figure records, Figure published, String areaType, String code, String name, int year,
                               String indicator) {
        if (published != null && published.hasValue()) {
            return published;
        }
        if (records != null && records.hasValue()) {
            return records;
        }
        if (published != null) {
            return published;
        }
        return records != null ? records : Figure.missing(areaType, code, name, null, year, indicator);
    }

    // ------------------------------------------------------------------ comparison sets

    /** The authorities a comparison set holds for {@code laCode}: itself first, then the others by name. */
    public List<Authority> members(Comparison comparison, String laCode) {
        Authority own = byCode.get(laCode);
        if (own == null) {
            return comparison == Comparison.ALL ? authorities : List.of();
        }
        List<Authority> result = new ArrayList<>();
        result.add(own);
        switch (comparison) {
            case SN -> own.neighbours().stream().map(byCode::get).filter(a -> a != null && !a.equals(own)).forEach(result::add);
            case REGION -> inRegion(own.regionCode()).stream().filter(a -> !a.equals(own)).forEach(result::add);
            case ALL -> authorities.stream().filter(a -> !a.equals(own)).forEach(result::add);
        }
        return result;
    }

    /**
     * The comparison set's authorities ranked on the indicator for the year, best first by its
     * polarity (highest first where it has none). Ranks are among the figures that can be shown:
     * a suppressed or missing figure has no rank and comes last, so its place tells nothing.
     */
    public Ranking ranking(String indicator, int year, Comparison comparison, String laCode, boolean suppress) {
        Indicator definition = indicator(indicator);
        List<Ranked> shown = new ArrayList<>();
        List<Ranked> hidden = new ArrayList<>();
        for (Authority authority : members(comparison, laCode)) {
            Figure figure = la(authority.laCode(), year, indicator);
            Shown text = show(figure, suppress);
            (text.value() == null ? hidden : shown).add(new Ranked(authority, figure, text, null));
        }
        Comparator<Ranked> best = Comparator.comparing(r -> r.shown().value());
        if (definition.polarity() != Polarity.LOWER_BETTER) {
            best = best.reversed();
        }
        shown.sort(best.thenComparing(r -> r.authority().name()));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Ranked r = shown.get(i);
            boolean tie = i > 0 && sameShown(shown.get(i - 1), r);
            int rank = tie ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked(r.authority(), r.figure(), r.shown(), rank));
        }
        hidden.sort(Comparator.comparing(r -> r.authority().name()));
        ranked.addAll(hidden);
        List<Double> values = shown.stream().map(r -> r.shown().value()).sorted().toList();
        List<Double> quartiles = values.size() < 4 ? List.of()
                : List.of(quantile(values, 0.25), quantile(values, 0.5), quantile(values, 0.75));
        return new Ranking(definition, year, comparison, laCode, List.copyOf(ranked), shown.size(), quartiles);
    }

    private static boolean sameShown(Ranked a, Ranked b) {
        return a.shown().text().equals(b.shown().text());
    }

    /** Linear-interpolation quantile (type 7) of sorted values. */
    static double quantile(List<Double> sorted, double p) {
        double h = (sorted.size() - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.size() - 1);
        return sorted.get(low) + (h - low) * (sorted.get(high) - sorted.get(low));
    }

    /**
     * A ranked comparison set.
     *
     * @param entries   ranked authorities best first, then those with nothing to show
     * @param ranked    how many have a rank
     * @param quartiles the lower quartile, median and upper quartile of the shown values (empty
     *                  under four values)
     */
    public record Ranking(Indicator indicator, int year, Comparison comparison, String laCode, List<Ranked> entries,
                          int ranked, List<Double> quartiles) {

        /** The position of the chosen authority in {@link #entries()}, or -1. */
        public int indexOfOwn() {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).authority().laCode().equals(laCode)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** @param rank 1 = best in the set; null when the figure cannot be shown */
    public record Ranked(Authority authority, Figure figure, Shown shown, Integer rank) {
    }

    // ------------------------------------------------------------------ funnel

    /** Two-sided 95% and 99.8% control limits: z for a tail of 2.5% and 0.1%. */
    static final double Z95 = 1.959963985, Z998 = 3.090232306;

    /**
     * A funnel plot (Spiegelhalter 2005) of the comparison set: each authority's value against its
     * denominator, with the set's overall value (sum of numerators / sum of denominators) as the
     * target and 95% and 99.8% limits around it: binomial for a percentage, Poisson for a rate per
     * 10,000 or per 100. Only indicators with a numerator and denominator have one; a figure that
     * cannot be shown is left out.
     */
    public Optional<Funnel> funnel(String indicator, int year, Comparison comparison, String laCode, boolean suppress) {
        Indicator definition = indicator(indicator);
        Indicator.Unit unit = definition.unit();
        if (unit != Indicator.Unit.PERCENT && unit != Indicator.Unit.RATE_10K && unit != Indicator.Unit.PER_100) {
            return Optional.empty();
        }
        double scale = unit.scale();
        double numerators = 0;
        double denominators = 0;
        List<FunnelPoint> points = new ArrayList<>();
        for (Authority authority : members(comparison, laCode)) {
            Figure figure = la(authority.laCode(), year, indicator);
            if (figure.numerator() == null || figure.denominator() == null || figure.denominator() <= 0) {
                continue;
            }
            numerators += figure.numerator();
            denominators += figure.denominator();
            Shown shown = show(figure, suppress);
            if (shown.value() != null) {
                points.add(new FunnelPoint(authority, figure.denominator(), shown.value(), shown));
            }
        }
        if (points.isEmpty() || denominators <= 0) {
            return Optional.empty();
        }
        double p = numerators / denominators;
        double minN = points.stream().mapToDouble(FunnelPoint::denominator).min().orElseThrow();
        double maxN = points.stream().mapToDouble(FunnelPoint::denominator).max().orElseThrow();
        double from = Math.max(1, minN * 0.8);
        double to = maxN * 1.1;
        int steps = 60;
        List<double[]> limits = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            double n = from * Math.pow(to / from, (double) i / steps);
            double sd = unit == Indicator.Unit.PERCENT ? Math.sqrt(p * (1 - p) / n) : Math.sqrt(p / n);
            double cap = unit == Indicator.Unit.PERCENT ? 1 : Double.MAX_VALUE;
            limits.add(new double[] {n,
                    Math.max(0, p - Z998 * sd) * scale, Math.max(0, p - Z95 * sd) * scale,
                    Math.min(cap, p + Z95 * sd) * scale, Math.min(cap, p + Z998 * sd) * scale});
        }
        return Optional.of(new Funnel(definition, year, comparison, laCode, p * scale, points, limits));
    }

    /**
     * @param target the set's overall value
     * @param limits rows of {denominator, lower 99.8%, lower 95%, upper 95%, upper 99.8%}
     */
    public record Funnel(Indicator indicator, int year, Comparison comparison, String laCode, double target,
                         List<FunnelPoint> points, List<double[]> limits) {

        /** Where a point lies: "within 95% limits", "beyond 95%", "beyond 99.8%", above or below. */
        public String position(FunnelPoint point) {
            double p = target / indicator.unit().scale();
            double n = point.denominator();
            double sd = indicator.unit() == Indicator.Unit.PERCENT ? Math.sqrt(p * (1 - p) / n) : Math.sqrt(p / n);
            double z = sd == 0 ? 0 : (point.value() / indicator.unit().scale() - p) / sd;
            String side = z > 0 ? "above" : "below";
            if (Math.abs(z) > Z998) {
                return side + " the 99.8% limit";
            }
            if (Math.abs(z) > Z95) {
                return side + " the 95% limit";
            }
            return "within the 95% limits";
        }
    }

    public record FunnelPoint(Authority authority, double denominator, double value, Shown shown) {
    }

    // ------------------------------------------------------------------ heatmap

    /**
     * The region's authorities × indicators for a year: each cell the authority's figure as shown
     * and its rank among the region's authorities (1 = best; none for indicators without polarity
     * or figures that cannot be shown).
     */
    public Heatmap heatmap(String regionCode, int year, List<String> indicators, boolean suppress) {
        List<Authority> rows = inRegion(regionCode);
        Map<String, Map<String, HeatCell>> cells = new HashMap<>();
        for (String indicator : indicators) {
            if (rows.isEmpty()) {
                break;
            }
            Ranking ranking = ranking(indicator, year, Comparison.REGION, rows.get(0).laCode(), suppress);
            boolean polar = indicator(indicator).polarity() != Polarity.NONE;
            for (Ranked entry : ranking.entries()) {
                cells.computeIfAbsent(entry.authority().laCode(), k -> new HashMap<>())
                        .put(indicator, new HeatCell(entry.figure(), entry.shown(), polar ? entry.rank() : null, ranking.ranked()));
            }
        }
        return new Heatmap(regionCode, regionNames.getOrDefault(regionCode, regionCode), year,
                indicators.stream().map(this::indicator).toList(), rows, cells);
    }

    public record Heatmap(String regionCode, String regionName, int year, List<Indicator> indicators, List<Authority> rows,
                          Map<String, Map<String, HeatCell>> cells) {

        public HeatCell cell(String laCode, String indicator) {
            return cells.getOrDefault(laCode, Map.of()).get(indicator);
        }
    }

    /** @param rank 1 = best in the region; @param of how many were ranked */
    public record HeatCell(Figure figure, Shown shown, Integer rank, int of) {
    }

    /** For tests and the loader of snapshots: every figure held. */
    Collection<Figure> figures() {
        return figures.values();
    }
}
