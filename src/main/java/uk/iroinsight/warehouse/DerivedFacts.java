package uk.iroinsight.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Rebuilds the derived facts (dim_child, fact_episode, fact_period_of_care, fact_placement,
 * fact_review, fact_child_year, fact_dispute, fact_workforce) of a set of authorities from their
 * return tables, set-based, by running the scripts of {@code warehouse/derive/} in name order
 * over the temporary table {@code derive_scope} (one row per authority).
 *
 * <p>Call it inside the load's transaction (for example from {@link Warehouse#write}), after the
 * authorities' return rows have been swapped in, so readers see the new returns and the facts
 * derived from them together. The scripts read {@code dim_date} for working days.
 */
public final class DerivedFacts {

    static final String FOLDER = "warehouse/derive";

    private DerivedFacts() {
    }

    /** Replaces every derived fact row of {@code laCode} with one rebuilt from its returns. */
    public static void rebuild(Connection connection, String laCode) throws SQLException {
        rebuild(connection, List.of(laCode));
    }

    /** Replaces every derived fact row of these authorities with rows rebuilt from their returns. */
    public static void rebuild(Connection connection, Collection<String> laCodes) throws SQLException {
        if (laCodes.isEmpty() || laCodes.stream().anyMatch(code -> code == null || !code.matches("[0-9A-Za-z]+"))) {
            throw new IllegalArgumentException("authority codes are required, got " + laCodes);
        }
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE derive_scope (la_code VARCHAR PRIMARY KEY)");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO derive_scope SELECT unnest(string_split(?, ','))")) {
            insert.setString(1, String.join(",", new TreeSet<>(laCodes)));
            insert.execute();
        }
        // The facts are sets (no reader depends on their physical order), so let DuckDB insert
        // without keeping the order of the queries' rows; the connection's setting is restored.
        String insertionOrder;
        try (var statement = connection.createStatement();
                var setting = statement.executeQuery("SELECT current_setting('preserve_insertion_order')")) {
            setting.next();
            insertionOrder = setting.getBoolean(1) ? "true" : "false";
            statement.execute("SET preserve_insertion_order = false");
        }
        try {
            SqlScripts.runFolder(connection, FOLDER);
        } finally {
            try (var statement = connection.createStatement()) {
                statement.execute("SET preserve_insertion_order = " + insertionOrder);
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("DROP TABLE derive_scope");
            statement.execute("DROP TABLE IF EXISTS derive_placement");   // made by 40_placement.sql
        }
    }
}
