package uk.iroinsight.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rebuilds the derived facts of one authority (dim_child, fact_episode, fact_period_of_care,
 * fact_placement, fact_review, fact_child_year, fact_dispute, fact_workforce) from its return
 * tables, by running the scripts of {@code warehouse/derive/} in name order.
 *
 * <p>Call it inside the load's transaction (for example from {@link Warehouse#write}), after the
 * authority's return rows have been swapped in, so readers see the new returns and the facts
 * derived from them together. The scripts read {@code dim_date} for working days.
 */
public final class DerivedFacts {

    static final String FOLDER = "warehouse/derive";

    private DerivedFacts() {
    }

    /** Replaces every derived fact row of {@code laCode} with one rebuilt from its returns. */
    public static void rebuild(Connection connection, String laCode) throws SQLException {
        if (laCode == null || laCode.isBlank()) {
            throw new IllegalArgumentException("an authority code is required");
        }
        SqlScripts.setVariable(connection, "la_code", laCode);
        SqlScripts.runFolder(connection, FOLDER);
    }
}
