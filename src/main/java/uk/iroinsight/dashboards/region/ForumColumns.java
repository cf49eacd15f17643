package uk.iroinsight.dashboards.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.indicators.Indicator;

/**
 * The regional forum's key indicators, from {@code dashboards/regional-forum.yaml}: read once and
 * checked against the catalogue when the application starts, so a mistake in the file stops it
 * with the file and entry named rather than breaking the page.
 */
@Component
public class ForumColumns {

    public static final String RESOURCE = "dashboards/regional-forum.yaml";

    /** One column of the heatmap. */
    public record Column(Indicator indicator, String label) {
    }

    private final List<Column> columns;

    @Autowired
    public ForumColumns(Catalogue catalogue) {
        this(read(), catalogue);
    }

    ForumColumns(String yaml, Catalogue catalogue) {
        this.columns = parse(yaml, catalogue);
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> ids() {
        return columns.stream().map(c -> c.indicator().id()).toList();
    }

    static List<Column> parse(String yaml, Catalogue catalogue) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            throw new IllegalStateException(RESOURCE + ": not valid YAML: " + e.getMessage(), e);
        }
        Object entries = document instanceof Map<?, ?> map ? map.get("indicators") : null;
        if (!(entries instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": needs an 'indicators' list with at least one entry");
        }
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = RESOURCE + ": entry " + (i + 1);
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalStateException(where + ": must be an id and a label, got " + list.get(i));
            }
            Object id = entry.get("id");
            Object label = entry.get("label");
            if (!(id instanceof String text) || text.isBlank()) {
                throw new IllegalStateException(where + ": has no id");
            }
            where += " (" + text + ")";
            Set<Object> unknown = new HashSet<>(entry.keySet());
            unknown.removeAll(Set.of("id", "label"));
            if (!unknown.isEmpty()) {
                throw new IllegalStateException(where + ": unknown fields " + unknown + " (only id and label)");
            }
            if (!(label instanceof String name) || name.isBlank()) {
                throw new IllegalStateException(where + ": has no label");
            }
            String named = where;
            Indicator indicator = catalogue.find(text).orElseThrow(() -> new IllegalStateException(
                    named + ": no such indicator in " + Catalogue.RESOURCE));
            if (!seen.add(text)) {
                throw new IllegalStateException(where + ": is listed twice");
            }
            columns.add(new Column(indicator, name.strip()));
        }
        return List.copyOf(columns);
    }

    private static String read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
