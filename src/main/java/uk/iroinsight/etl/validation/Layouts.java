package uk.iroinsight.etl.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uk.iroinsight.etl.csv.ClasspathCsv;

/**
 * The input layouts of {@code etl/layouts/}: for each file the loader reads, its columns, whether
 * a value is required, its type and code list.
 */
public final class Layouts {

    /** One column of an input file. */
    public record Column(String name, boolean required, String type, String codes) {
    }

    private final Map<String, List<Column>> files;

    private Layouts(Map<String, List<Column>> files) {
        this.files = files;
    }

    public static Layouts load() {
        Map<String, List<Column>> files = new HashMap<>();
        ClasspathCsv.readFolder("etl/layouts").forEach((name, rows) -> files.put(name + ".csv", rows.stream()
                .map(row -> new Column(row.get("COLUMN").toUpperCase(java.util.Locale.ROOT), "Y".equalsIgnoreCase(row.get("REQUIRED")),
                        row.getOrDefault("TYPE", "text").toLowerCase(java.util.Locale.ROOT), row.getOrDefault("CODES", "")))
                .toList()));
        return new Layouts(Map.copyOf(files));
    }

    /** The layout of an input file such as {@code episodes.csv}. */
    public List<Column> of(String fileName) {
        List<Column> columns = files.get(fileName);
        if (columns == null) {
            throw new IllegalArgumentException("no layout etl/layouts/" + fileName);
        }
        return columns;
    }

    public Column column(String fileName, String column) {
        return of(fileName).stream().filter(c -> c.name().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + column + " in etl/layouts/" + fileName));
    }
}
