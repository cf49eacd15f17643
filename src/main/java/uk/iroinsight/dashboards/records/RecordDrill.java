package uk.iroinsight.dashboards.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.indicators.IndicatorFlags;
import uk.iroinsight.indicators.IndicatorMarts;
import uk.iroinsight.security.Access;
import uk.iroinsight.security.AccessDenied;
import uk.iroinsight.security.AuditLog;
import uk.iroinsight.security.CurrentAccess;
import uk.iroinsight.warehouse.SqlScripts;
import uk.iroinsight.warehouse.Warehouse;
import uk.iroinsight.warehouse.WarehouseException;

/**
 * The record-level drill (PRODUCT.md §6): the pseudonymised children, reviews or disputes behind
 * one cell of a breakdown (mart_breakdown: an LA-year, an indicator, a dimension and a category).
 * This is the only way the dashboards read record-level rows, and it decides who may: an ADMIN
 * any authority's, an LA_ANALYST their own authority's, nobody else's
 * ({@link Access#maySeeRecordsOf}). A refusal throws {@link AccessDenied} and is written to the
 * audit trail as ACCESS_DENIED; rows served are written as RECORDS, a download of them as EXPORT.
 *
 * <p>The rows are the indicator's own units: the drill runs the mart build's SQL
 * ({@code warehouse/marts/base} and {@code indicators}) on a connection of its own, restricted
 * to the one LA-year and with each unit carrying its key (see {@code base/10_inputs.sql}), so
 * the rows' numerators and denominators add up to the cell's by construction. The details
 * shown for each ({@code warehouse/records/10_rows.sql}) hold no names or source identifiers: the
 * child's key is the loader's HMAC pseudonym.
 */
@Component
public class RecordDrill {

    /** The breakdown dimensions, as mart_unit's columns. */
    public static final List<String> DIMENSIONS = List.of("age_band", "sex", "ethnicity", "placement_type", "legal_status",
            "theme", "stage", "outcome");
    static final String ROWS = "warehouse/records/10_rows.sql";
    /** The audit trail's target for the drill. */
    public static final String TARGET = "records";

    /** What a unit is. */
    public enum Kind {
        CHILD("child", "children"), REVIEW("review", "reviews"), DISPUTE("dispute", "disputes");

        private final String one;
        private final String many;

        Kind(String one, String many) {
            this.one = one;
            this.many = many;
        }

        /** "child" or "children". */
        public String words(long count) {
            return count == 1 ? one : many;
        }
    }

    /** The cell asked for: where it is, and its figures as mart_breakdown holds them. */
    public record Cell(String laCode, int year, String indicator, String dimension, String category, Double numerator,
                       Double denominator, Double value, String status) {
    }

    /** One unit behind the cell. Fields that do not apply to its kind are null. */
    public record Row(Kind kind, String childKey, LocalDate reviewDate, String disputeId, String ageBand, String sex,
                      String ethnicity, String placementType, String placementCode, String legalStatus, String legalStatusCode,
                      LocalDate dueDate, Boolean onTime, String participationCode, Integer reviewCount, String reviewsInYear,
                      String disputeType, LocalDate raised, String theme, String stage, String outcome, LocalDate resolved,
                      Integer workingDaysToResolve, double numerator, double denominator, boolean excluded) {
    }

    /** The rows behind a cell (none when the breakdown has no such cell). */
    public record Records(Cell cell, Indicator indicator, List<Row> rows) {

        /** What the rows are: the kind of most of them (a cell's units are all of one kind). */
        public Kind kind() {
            return rows.isEmpty() ? kindOf(indicator) : rows.get(0).kind();
        }

        public long inNumerator() {
            return rows.stream().filter(r -> !r.excluded() && r.numerator() != 0).count();
        }

        public long inDenominator() {
            return rows.stream().filter(r -> !r.excluded() && r.denominator() != 0).count();
        }

        public long excluded() {
            return rows.stream().filter(Row::excluded).count();
        }
    }

    private final Warehouse warehouse;
    private final CurrentAccess current;
    private final AuditLog audit;
    private final Catalogue catalogue;
    private final IndicatorFlags flags;

    @Autowired
    public RecordDrill(Warehouse warehouse, CurrentAccess current, AuditLog audit, Catalogue catalogue, IndicatorFlags flags) {
        this.warehouse = warehouse;
        this.current = current;
        this.audit = audit;
        this.catalogue = catalogue;
        this.flags = flags;
    }

    /** Whether the signed-in person may see an authority's records (for links; the methods below check again). */
    public boolean maySee(String laCode) {
        return current.get().maySeeRecordsOf(laCode);
    }

    /**
     * Refuses (AccessDenied, audited as ACCESS_DENIED) unless whoever is signed in may see the
     * authority's records; for a page that asks before it has a cell to read.
     */
    public void check(String laCode, int year, String indicator, String dimension, String category) {
        Access who = current.get();
        if (!who.maySeeRecordsOf(laCode)) {
            refuse(who, detail(laCode, year, indicator, dimension, category));
        }
    }

    /** The rows behind a cell, for whoever is signed in; audited as RECORDS, or refused (ACCESS_DENIED). */
    public Records records(String laCode, int year, String indicator, String dimension, String category) {
        return records(current.get(), laCode, year, indicator, dimension, category);
    }

    /** The rows behind a cell, for {@code who}; audited as RECORDS, or refused (ACCESS_DENIED). */
    public Records records(Access who, String laCode, int year, String indicator, String dimension, String category) {
        return read(who, AuditLog.Event.RECORDS, laCode, year, indicator, dimension, category, null);
    }

    /** The rows behind a cell for a download by whoever is signed in (the format named): audited as EXPORT, or refused. */
    public Records export(String laCode, int year, String indicator, String dimension, String category, String format) {
        return read(current.get(), AuditLog.Event.EXPORT, laCode, year, indicator, dimension, category, format);
    }

    private Records read(Access who, AuditLog.Event event, String laCode, int year, String indicator, String dimension,
                         String category, String format) {
        String detail = detail(laCode, year, indicator, dimension, category);
        if (!who.maySeeRecordsOf(laCode)) {
            refuse(who, detail);
        }
        Records records = rows(laCode, year, indicator, dimension, category);
        audit.record(who, event, TARGET, detail + (format == null ? "" : " format=" + format) + " rows=" + records.rows().size());
        return records;
    }

    private static String detail(String laCode, int year, String indicator, String dimension, String category) {
        return "la=" + laCode + " year=" + year + " indicator=" + indicator + " dimension=" + dimension + " category=" + category;
    }

    private void refuse(Access who, String detail) {
        audit.record(who, AuditLog.Event.ACCESS_DENIED, TARGET, detail);
        throw new AccessDenied(who.laCode() != null
                ? "An LA analyst for " + who.laCode() + " asked for another authority's records (" + detail + ")"
                : "No access to record-level rows (" + (who.role() == null ? "not signed in" : who.role().name()) + ")");
    }

    // ------------------------------------------------------------------ reading (access already checked)

    private Records rows(String laCode, int year, String indicatorId, String dimension, String category) {
        Indicator indicator = catalogue.find(indicatorId).orElse(null);
        if (indicator == null || laCode == null || !DIMENSIONS.contains(dimension) || !indicator.breakdowns().contains(dimension) || category == null
                || !laCode.matches("\\d{3}")) {
            return new Records(null, indicator, List.of());
        }
        try (Connection connection = warehouse.connect()) {
            Optional<Cell> cell = cell(connection, laCode, year, indicatorId, dimension, category);
            if (cell.isEmpty()) {
                return new Records(null, indicator, List.of());
            }
            try (Units units = Units.open(connection, flags, laCode, year)) {
                return new Records(cell.get(), indicator, units.rows(indicator, dimension, category));
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the records behind " + indicatorId + " by " + dimension + ": "
                    + Warehouse.firstLine(e), e);
        }
    }

    static Optional<Cell> cell(Connection connection, String laCode, int year, String indicator, String dimension, String category)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT numerator, denominator, value, status FROM mart_breakdown
                WHERE la_code = ? AND year = ? AND indicator = ? AND dimension = ? AND category = ?""")) {
            select.setString(1, laCode);
            select.setInt(2, year);
            select.setString(3, indicator);
            select.setString(4, dimension);
            select.setString(5, category);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Cell(laCode, year, indicator, dimension, category, (Double) row.getObject(1, Double.class),
                        row.getObject(2, Double.class), row.getObject(3, Double.class), row.getString(4)));
            }
        }
    }

    /** The kind of unit an indicator counts, from its family (for an empty cell's words). */
    static Kind kindOf(Indicator indicator) {
        if (indicator == null) {
            return Kind.CHILD;
        }
        if (indicator.family().equals("disputes")) {
            return Kind.DISPUTE;
        }
        if (indicator.id().startsWith("children_") || indicator.id().equals("reviews_overdue_31mar")) {
            return Kind.CHILD;
        }
        return indicator.family().equals("reviews") || indicator.family().equals("participation") ? Kind.REVIEW : Kind.CHILD;
    }

    /**
     * One LA-year's units on a drill connection: the mart SQL's inputs restricted to it (temporary
     * tables of that connection, dropped with it). Package-private so that a test can check every
     * cell of an LA-year without rebuilding the inputs for each.
     */
    static final class Units implements AutoCloseable {
        private final Connection connection;
        private final List<String> selects;

        private Units(Connection connection, List<String> selects) {
            this.connection = connection;
            this.selects = selects;
        }

        /** Prepares a connection that nothing else uses (it keeps the drill's variables and temporary tables). */
        static Units open(Connection connection, IndicatorFlags flags, String laCode, int year) throws SQLException {
            return new Units(connection, IndicatorMarts.prepareDrill(connection, flags, laCode, year));
        }

        /** The units of one indicator in one category of a dimension, with their details. */
        List<Row> rows(Indicator indicator, String dimension, String category) throws SQLException {
            if (!DIMENSIONS.contains(dimension)) {
                throw new IllegalArgumentException("not a breakdown dimension: " + dimension);
            }
            boolean median = indicator.unit().id().equals("median");
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM mart_unit");
            }
            for (String select : selects) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mart_unit BY NAME SELECT * FROM ((SELECT * FROM mart_unit LIMIT 0) UNION ALL BY NAME (\n" + select
                        + "\n)) WHERE indicator = ? AND coalesce(" + dimension + ", 'Not known') = ?"
                        + (median ? "" : " AND (coalesce(numerator, 0) <> 0 OR coalesce(denominator, 0) <> 0 OR coalesce(excluded, 0) <> 0)"))) {
                    insert.setString(1, indicator.id());
                    insert.setString(2, category);
                    insert.execute();
                }
            }
            List<Row> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(stripped(SqlScripts.read(ROWS)))) {
                while (row.next()) {
                    rows.add(new Row(Kind.valueOf(row.getString("kind").toUpperCase(java.util.Locale.ROOT)), row.getString("child_key"),
                            date(row, "review_date"), row.getString("dispute_id"), row.getString("age_band"), row.getString("sex"),
                            row.getString("ethnicity"), row.getString("placement_type"), row.getString("placement_code"),
                            row.getString("legal_status"), row.getString("legal_status_code"), date(row, "due_date"),
                            row.getObject("on_time", Boolean.class), row.getString("review_code"),
                            row.getObject("review_count", Integer.class), row.getString("reviews_in_year"), row.getString("dispute_type"),
                            date(row, "raised"), row.getString("theme"), row.getString("stage"), row.getString("outcome"),
                            date(row, "resolved"), row.getObject("working_days_to_resolve", Integer.class), row.getDouble("numerator"),
                            row.getDouble("denominator"), row.getBoolean("excluded")));
                }
            }
            return List.copyOf(rows);
        }

        private static LocalDate date(ResultSet row, String column) throws SQLException {
            java.sql.Date date = row.getDate(column);
            return date == null ? null : date.toLocalDate();
        }

        private static String stripped(String sql) {
            String text = sql.strip();
            return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        }

        @Override
        public void close() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("RESET VARIABLE drill_la; RESET VARIABLE drill_year");
            }
        }
    }
}
