import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the marts of two warehouses, e.g. one rebuilt by changed mart SQL against a baseline
 * built by the code before the change:
 * {@code java -cp duckdb_jdbc.jar bench/CompareMarts.java NEW.duckdb BASELINE.duckdb}.
 * For each mart table the build fills (mart_catalogue, mart_indicator, mart_breakdown,
 * mart_dq_note, and mart_build but for built_at and fingerprint) it counts the rows of each side
 * missing from the other (EXCEPT ALL, both ways), with DOUBLE values rounded to 6 significant
 * digits (float summation order) and every other column compared exactly. Exits 1 on a difference.
 */
public final class CompareMarts {

    private static final List<String> TABLES = List.of("mart_catalogue", "mart_indicator", "mart_breakdown", "mart_dq_note", "mart_build");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CompareMarts NEW.duckdb BASELINE.duckdb");
            System.exit(2);
        }
        boolean same = true;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("ATTACH '" + args[0].replace("'", "''") + "' AS new (READ_ONLY)");
            statement.execute("ATTACH '" + args[1].replace("'", "''") + "' AS base (READ_ONLY)");
            for (String table : TABLES) {
                String columns = columns(statement, table);
                long newRows = count(statement, "SELECT count(*) FROM new." + table);
                long baseRows = count(statement, "SELECT count(*) FROM base." + table);
                long onlyNew = count(statement, "SELECT count(*) FROM (SELECT " + columns + " FROM new." + table
                        + " EXCEPT ALL SELECT " + columns + " FROM base." + table + ")");
                long onlyBase = count(statement, "SELECT count(*) FROM (SELECT " + columns + " FROM base." + table
                        + " EXCEPT ALL SELECT " + columns + " FROM new." + table + ")");
                same &= onlyNew == 0 && onlyBase == 0 && newRows == baseRows;
                System.out.printf("%-15s rows new %8d, baseline %8d; only in new %d, only in baseline %d%s%n", table, newRows, baseRows,
                        onlyNew, onlyBase, onlyNew == 0 && onlyBase == 0 ? "  (same)" : "  DIFFERENT");
            }
        }
        System.out.println(same ? "marts identical (doubles to 6 significant digits)" : "marts DIFFER");
        System.exit(same ? 0 : 1);
    }

    /** The table's columns as a select list, doubles rounded to 6 significant digits, mart_build's per-build columns left out. */
    private static String columns(Statement statement, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'base' "
                + "AND schema_name = 'main' AND table_name = '" + table + "' ORDER BY column_index")) {
            while (rows.next()) {
                String name = '"' + rows.getString(1) + '"';
                String type = rows.getString(2);
                if (table.equals("mart_build") && (name.equals("\"built_at\"") || name.equals("\"fingerprint\""))) {
                    continue;
                }
                columns.add(type.equals("DOUBLE") || type.equals("FLOAT")
                        ? "CASE WHEN " + name + " IS NULL OR " + name + " = 0 OR NOT isfinite(" + name + ") THEN " + name
                                + " ELSE round(" + name + ", CAST(5 - floor(log10(abs(" + name + "))) AS INTEGER)) END AS " + name
                        : name);
            }
        }
        return String.join(", ", columns);
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
