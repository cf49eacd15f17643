package uk.iroinsight.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The indicator catalogue, read from {@code dashboards/indicators.yaml} on the classpath and
 * checked: ids unique, families, flags, required files and breakdown dimensions known.
 */
public final class Catalogue {

    public static final String RESOURCE = "dashboards/indicators.yaml";

    static final Set<String> FAMILIES = Set.of("volumes", "stability", "reviews", "participation", "disputes", "workforce");
    static final Set<String> FLAGS = Set.of(IndicatorFlags.COUNT_SAME_CARER_MOVES, IndicatorFlags.PN4_COUNTS_AS_PARTICIPATION);
    static final Set<String> OPTIONAL_FILES = Set.of("uasc.csv", "disputes.csv", "workforce.csv");
    static final Set<String> DIMENSIONS = Set.of("age_band", "sex", "ethnicity", "placement_type", "legal_status",
            "theme", "stage", "outcome");

    private final Map<String, Indicator> indicators;
    private final String text;

    private Catalogue(Map<String, Indicator> indicators, String text) {
        this.indicators = indicators;
        this.text = text;
    }

    /** Reads and checks the catalogue; a mistake in it fails with the indicator and field named. */
    public static Catalogue load() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Catalogue parse(String yaml) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Object entries = document == null ? null : document.get("indicators");
        if (!(entries instanceof List<?> list)) {
            throw new IllegalStateException(RESOURCE + ": no 'indicators' list");
        }
        ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        for (Object entry : list) {
            Indicator indicator;
            try {
                indicator = mapper.convertValue(entry, Indicator.class);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(RESOURCE + ": entry " + entry + ": " + e.getMessage(), e);
            }
            check(indicator);
            if (indicators.put(indicator.id(), indicator) != null) {
                throw new IllegalStateException(RESOURCE + ": indicator " + indicator.id() + " is listed twice");
            }
        }
        return new Catalogue(java.util.Collections.unmodifiableMap(indicators), yaml);
    }

    private static void check(Indicator indicator) {
        String where = RESOURCE + ": indicator " + indicator.id();
        require(indicator.id() != null && indicator.id().matches("[a-z0-9_]+"), where + ": id must be lower_snake_case");
        require(indicator.title() != null && indicator.definition() != null, where + ": title and definition are required");
        require(indicator.unit() != null && indicator.polarity() != null, where + ": unit and polarity are required");
        require(FAMILIES.contains(indicator.family()), where + ": family must be one of " + FAMILIES);
        require(FLAGS.containsAll(indicator.flags()), where + ": flags must be among " + FLAGS);
        require(indicator.requires() == null || OPTIONAL_FILES.contains(indicator.requires()),
                where + ": requires must be one of " + OPTIONAL_FILES);
        require(DIMENSIONS.containsAll(indicator.breakdowns()), where + ": breakdowns must be among " + DIMENSIONS);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** Every indicator, in catalogue order. */
    public List<Indicator> all() {
        return List.copyOf(indicators.values());
    }

    public Optional<Indicator> find(String id) {
        return Optional.ofNullable(indicators.get(id));
    }

    public Indicator get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no indicator " + id + " in " + RESOURCE));
    }

    /** The catalogue's text, for the marts' fingerprint. */
    String text() {
        return text;
    }
}
