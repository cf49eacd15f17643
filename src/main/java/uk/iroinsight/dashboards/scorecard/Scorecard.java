package uk.iroinsight.dashboards.scorecard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import uk.iroinsight.indicators.Catalogue;

/**
 * The members' scorecard's key indicators, read from {@value #RESOURCE} (an analyst-readable
 * file: id, plain-English label, optional "why it matters") and checked against the catalogue
 * when the application starts, so a mistake in the file names the file and the entry.
 */
@Component
public class Scorecard {

    public static final String RESOURCE = "dashboards/scorecard.yaml";

    private static final Set<String> FIELDS = Set.of("id", "label", "why");

    /** One key indicator: its catalogue id, its label in a sentence, and why it matters (or null). */
    public record Item(String id, String label, String why) {
    }

    private final List<Item> items;

    public Scorecard(Catalogue catalogue) {
        this.items = parse(read(), catalogue);
    }

    /** The key indicators, in the file's order. */
    public List<Item> items() {
        return items;
    }

    private static String read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads and checks the file's text; any mistake fails with the file and entry named. */
    static List<Item> parse(String yaml, Catalogue catalogue) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Object entries = document instanceof Map<?, ?> map ? map.get("scorecard") : null;
        if (!(entries instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": no 'scorecard' list of indicators");
        }
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = RESOURCE + ": entry " + (i + 1);
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalStateException(where + " is not a map of id, label and why: " + list.get(i));
            }
            for (Object key : entry.keySet()) {
                if (!FIELDS.contains(String.valueOf(key))) {
                    throw new IllegalStateException(where + ": unknown field '" + key + "' (fields are id, label, why)");
                }
            }
            String id = text(entry, "id", where);
            where += " (" + id + ")";
            if (catalogue.find(id).isEmpty()) {
                throw new IllegalStateException(where + ": no indicator '" + id + "' in " + Catalogue.RESOURCE);
            }
            if (!seen.add(id)) {
                throw new IllegalStateException(where + ": indicator '" + id + "' is listed twice");
            }
            String label = text(entry, "label", where);
            String why = entry.get("why") == null ? null : text(entry, "why", where);
            items.add(new Item(id, label, why));
        }
        return List.copyOf(items);
    }

    private static String text(Map<?, ?> entry, String field, String where) {
        Object value = entry.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalStateException(where + ": '" + field + "' must be some text");
        }
        return text.strip();
    }
}
