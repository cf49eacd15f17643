package uk.iroinsight.etl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Test helpers for reading a DuckDB warehouse file as plain rows: a query's rows as "|"-joined
 * strings (NULL as "null"), every table's contents for comparing two warehouses, and every text
 * cell for privacy scans. Also copies fixture inboxes from the test classpath.
 */
public final class WarehouseContents {

    /** Run history and the audit trail differ between runs by design; they are left out of content comparisons. */
    private static final List<String> RUN_HISTORY_TABLES = List.of("etl_file_load", "audit_event");

    private WarehouseContents() {
    }

    /** A read-only connection to a warehouse file no other connection of this process holds. */
    public static Connection openReadOnly(Path db) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), properties);
    }

    /** A query's rows, each row's values "|"-joined, NULL as "null". */
    public static List<String> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= columns; c++) {
                        if (c > 1) {
                            row.append('|');
                        }
                        row.append(result.getString(c));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        }
    }

    /** Opens the file read-only, runs the query, closes. */
    public static List<String> rows(Path db, String sql, Object... parameters) throws SQLException {
        try (Connection connection = openReadOnly(db)) {
            return rows(connection, sql, parameters);
        }
    }

    /** A count query's single value. */
    public static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        return Long.parseLong(rows(connection, sql, parameters).get(0));
    }

    /**
     * Every base table's rows ({@code SELECT ... ORDER BY ALL}), by table name, leaving out the
     * run history (etl_file_load), the audit trail (audit_event) and what differs between runs by design: TIMESTAMP columns,
     * job_execution_id and the marts' build fingerprint (it hashes load times).
     */
    public static Map<String, List<String>> tables(Connection connection) throws SQLException {
        Map<String, List<String>> columnsByTable = new TreeMap<>();
        for (String row : rows(connection, """
                SELECT c.table_name, c.column_name
                FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
                WHERE t.table_type = 'BASE TABLE' AND c.table_schema = 'main'
                  AND c.data_type NOT LIKE 'TIMESTAMP%' AND c.column_name <> 'job_execution_id'
                  AND NOT (c.table_name = 'mart_build' AND c.column_name = 'fingerprint')
                ORDER BY c.table_name, c.ordinal_position""")) {
            String[] parts = row.split("\\|", 2);
            if (!RUN_HISTORY_TABLES.contains(parts[0])) {
                columnsByTable.computeIfAbsent(parts[0], t -> new ArrayList<>()).add('"' + parts[1] + '"');
            }
        }
        Map<String, List<String>> contents = new TreeMap<>();
        for (var table : columnsByTable.entrySet()) {
            contents.put(table.getKey(), rows(connection,
                    "SELECT " + String.join(", ", table.getValue()) + " FROM \"" + table.getKey() + "\" ORDER BY ALL"));
        }
        return contents;
    }

    public static Map<String, List<String>> tables(Path db) throws SQLException {
        try (Connection connection = openReadOnly(db)) {
            return tables(connection);
        }
    }

    /** Asserts two warehouses hold the same tables with the same rows, table by table. */
    public static void assertSameContents(Map<String, List<String>> actual, Map<String, List<String>> expected) {
        assertThat(actual.keySet()).as("tables").containsExactlyElementsOf(expected.keySet());
        for (String table : expected.keySet()) {
            assertThat(actual.get(table)).as("rows of " + table).containsExactlyElementsOf(expected.get(table));
        }
    }

    /** Every text cell of every table (as "table.column: value") for which {@code offending} is true. */
    public static List<String> textCells(Connection connection, Predicate<String> offending) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String column : rows(connection, """
                SELECT c.table_name, c.column_name
                FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
                WHERE t.table_type = 'BASE TABLE' AND c.table_schema = 'main' AND c.data_type = 'VARCHAR'
                ORDER BY ALL""")) {
            String[] parts = column.split("\\|", 2);
            for (String value : rows(connection, "SELECT DISTINCT \"" + parts[1] + "\" FROM \"" + parts[0] + "\" WHERE \""
                    + parts[1] + "\" IS NOT NULL")) {
                if (offending.test(value)) {
                    found.add(parts[0] + "." + parts[1] + ": " + value);
                }
            }
        }
        return found;
    }

    /** A folder of the test classpath, e.g. {@code inboxes/three-authorities}. */
    public static Path resource(String name) {
        URL url = WarehouseContents.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a folder tree, or a file or link (a link is deleted, never followed). */
    public static void deleteTree(Path path) throws IOException {
        if (Files.isSymbolicLink(path) || !Files.isDirectory(path)) {
            Files.deleteIfExists(path);
            return;
        }
        try (Stream<Path> children = Files.list(path)) {
            for (Path child : children.toList()) {
                deleteTree(child);
            }
        }
        Files.delete(path);
    }

    /** Copies a folder tree. */
    public static void copyFolder(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
