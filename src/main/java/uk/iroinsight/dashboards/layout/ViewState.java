package uk.iroinsight.dashboards.layout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.router.QueryParameters;

/**
 * What a view shows, as it lives in the URL's query string (PRODUCT.md §4): {@code la} (the
 * 3-digit DfE code), {@code year} (the year ending 31 March), {@code indicator} (a catalogue id),
 * {@code compare} (the comparison set), {@code by} (a breakdown dimension) and {@code category}
 * (one of its categories, for the record-level drill). Any may be absent;
 * a view fills the gaps with its defaults and writes the full state back, so a pasted link
 * reproduces the view and the browser's back and forward buttons step through the choices.
 * Unparseable values are treated as absent rather than failing the page.
 */
public record ViewState(String la, Integer year, String indicator, Comparison compare, String by, String category) {

    /** A category as a breakdown names it ("10 to 15", "Refused/not obtained", a dispute theme): printable, at most 100 characters. */
    private static final String CATEGORY = "[\\p{L}\\p{N} ,.'()/&+-]{1,100}";

    /** A state without a category (every view but the record-level drill). */
    public ViewState(String la, Integer year, String indicator, Comparison compare, String by) {
        this(la, year, indicator, compare, by, null);
    }

    /** The authorities an indicator's ranking and funnel compare. */
    public enum Comparison {
        /** The authority's ten statistical neighbours (and itself). */
        SN("Statistical neighbours"),
        /** The authorities of its region. */
        REGION("Region"),
        /** Every authority in England. */
        ALL("All authorities");

        private final String label;

        Comparison(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Comparison> parse(String text) {
            for (Comparison comparison : values()) {
                if (comparison.id().equalsIgnoreCase(text)) {
                    return Optional.of(comparison);
                }
            }
            return Optional.empty();
        }
    }

    public static final ViewState EMPTY = new ViewState(null, null, null, null, null);

    /** Reads the state from a query string; anything malformed is left out. */
    public static ViewState from(QueryParameters parameters) {
        Map<String, List<String>> values = parameters.getParameters();
        String la = first(values, "la").filter(v -> v.matches("\\d{3}")).orElse(null);
        Integer year = first(values, "year").filter(v -> v.matches("\\d{4}")).map(Integer::valueOf).orElse(null);
        String indicator = first(values, "indicator").filter(v -> v.matches("[a-z0-9_]{1,64}")).orElse(null);
        Comparison compare = first(values, "compare").flatMap(Comparison::parse).orElse(null);
        String by = first(values, "by").filter(v -> v.matches("[a-z_]{1,32}")).orElse(null);
        String category = first(values, "category").filter(v -> v.matches(CATEGORY)).orElse(null);
        return new ViewState(la, year, indicator, compare, by, category);
    }

    /** The state as a query string's parameters, in a fixed order, leaving out what is absent. */
    public QueryParameters toQueryParameters() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (la != null) {
            values.put("la", List.of(la));
        }
        if (year != null) {
            values.put("year", List.of(year.toString()));
        }
        if (indicator != null) {
            values.put("indicator", List.of(indicator));
        }
        if (compare != null) {
            values.put("compare", List.of(compare.id()));
        }
        if (by != null) {
            values.put("by", List.of(by));
        }
        if (category != null) {
            values.put("category", List.of(category));
        }
        return new QueryParameters(values);
    }

    /** "la=891&year=2024..." (no leading ?), always in this order, for links. */
    public String queryString() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("la", "year", "indicator", "compare", "by", "category")) {
            List<String> value = toQueryParameters().getParameters().get(name);
            if (value != null) {
                text.append(text.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value.get(0), StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return text.toString();
    }

    public ViewState withLa(String value) {
        return new ViewState(value, year, indicator, compare, by, category);
    }

    public ViewState withYear(Integer value) {
        return new ViewState(la, value, indicator, compare, by, category);
    }

    public ViewState withIndicator(String value) {
        return new ViewState(la, year, value, compare, by, category);
    }

    public ViewState withCompare(Comparison value) {
        return new ViewState(la, year, indicator, value, by, category);
    }

    public ViewState withBy(String value) {
        return new ViewState(la, year, indicator, compare, value, category);
    }

    public ViewState withCategory(String value) {
        return new ViewState(la, year, indicator, compare, by, value);
    }

    private static Optional<String> first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.ofNullable(list.get(0)).map(String::trim);
    }
}
