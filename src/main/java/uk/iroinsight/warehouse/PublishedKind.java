package uk.iroinsight.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of published DfE file IRO Insight reads, recognised by their columns, each with the
 * script that turns its rows into figures ({@code warehouse/published/<kind>.sql}).
 *
 * <p>DfE renames columns between releases (the 2024 EES release has {@code number} where 2025 has
 * {@code children_count}); a column is known by any of its spellings and passed to the script
 * under the first (today's).
 */
public enum PublishedKind {

    /** EES "cla_number_and_rate_per_10k_children": CLA at 31 March, starts, ceased (count, population, rate). */
    EES_VOLUME("ees_volume", "EES", "time_period", List.of(
            List.of("time_period"), List.of("geographic_level"), List.of("country_code"), List.of("region_code"),
            List.of("old_la_code"), List.of("population_type", "population_count"), List.of("population_estimate"),
            List.of("children_count", "number"), List.of("rate_per_10000"))),

    /** EES "cla_placement_stability": children by group and stability measure (count and percentage). */
    EES_STABILITY("ees_stability", "EES", "time_period", List.of(
            List.of("time_period"), List.of("geographic_level"), List.of("country_code"), List.of("region_code"),
            List.of("old_la_code"), List.of("cla_group"), List.of("placement_stability"),
            List.of("children_count", "number"), List.of("children_percent", "percentage"))),

    /** DfE's LA Interactive Tool long series, long form (one row per measure, area and year). */
    LAIT("lait", "LAIT", "years", List.of(
            List.of("short_desc"), List.of("years"), List.of("la_or_region"), List.of("la_number"), List.of("value")));

    private final String id;
    private final String publisher;
    private final String yearColumn;
    private final List<List<String>> columns;

    PublishedKind(String id, String publisher, String yearColumn, List<List<String>> columns) {
        this.id = id;
        this.publisher = publisher;
        this.yearColumn = yearColumn;
        this.columns = columns;
    }

    /** The kind's name in the warehouse ({@code published_indicator_release.kind}) and its script's. */
    public String id() {
        return id;
    }

    /** The script that reads a file of this kind into {@code published_cell}. */
    public String script() {
        return "warehouse/published/" + id + ".sql";
    }

    /** The release a file of this kind belongs to, named by its latest year: "EES 2026", "LAIT 2025". */
    public String release(int latestYear) {
        return publisher + " " + latestYear;
    }

    /** The column (today's name) holding the year. */
    public String yearColumn() {
        return yearColumn;
    }

    /** The column names the script reads, today's spelling. */
    public List<String> columnNames() {
        return columns.stream().map(spellings -> spellings.get(0)).toList();
    }

    /**
     * The names under which the script reads a file whose header is {@code header} (upper case,
     * any case): today's name for a column of this kind,
     * {@code unused_<n>} for any other (and for a second spelling of a column already named).
     */
    public List<String> readAs(List<String> header) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = canonical(header.get(i)).filter(c -> !names.contains(c)).orElse("unused_" + (i + 1));
            names.add(name);
        }
        return names;
    }

    /** Today's name of a header column of this kind, if it is one. */
    public Optional<String> canonical(String headerColumn) {
        String lower = headerColumn.toLowerCase(Locale.ROOT);
        return columns.stream().filter(spellings -> spellings.contains(lower)).map(spellings -> spellings.get(0)).findFirst();
    }

    /** The columns of this kind a header lacks (today's names, with older spellings in brackets). */
    public List<String> missing(List<String> header) {
        List<String> missing = new ArrayList<>();
        for (List<String> spellings : columns) {
            boolean present = header.stream().anyMatch(h -> spellings.contains(h.toLowerCase(Locale.ROOT)));
            if (!present) {
                missing.add(spellings.size() == 1 ? spellings.get(0)
                        : spellings.get(0) + " (or " + String.join(", ", spellings.subList(1, spellings.size())) + ")");
            }
        }
        return missing;
    }

    /** The kind whose columns a header has; empty when it has none's. */
    public static Optional<PublishedKind> of(List<String> header) {
        for (PublishedKind kind : values()) {
            if (kind.missing(header).isEmpty()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
