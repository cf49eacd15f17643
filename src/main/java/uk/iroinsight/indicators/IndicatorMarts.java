package uk.iroinsight.indicators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.iroinsight.warehouse.FaultInjection;
import uk.iroinsight.warehouse.SqlScripts;
import uk.iroinsight.warehouse.Warehouse;
import uk.iroinsight.warehouse.WarehouseChanged;

/**
 * Builds the indicator marts (mart_indicator, mart_breakdown, mart_dq_note; see
 * {@code warehouse/schema/50_marts.sql}) from the facts, as a whole and in one transaction, so a
 * reader sees the old marts or the new ones. The SQL lives in {@code warehouse/marts/}:
 * {@code base/} sets up the inputs, each file of {@code indicators/} is one SELECT of counting
 * units, and {@code build/} turns the units into figures, comparators, ranks, breakdowns and
 * notes (see {@code warehouse/marts/README.md}).
 *
 * <p>The marts are rebuilt when their inputs change - loaded LA-years, reference data, the
 * published DfE files held, the catalogue, the mart SQL or the flags - which the fingerprint in
 * mart_build tells.
 */
@Component
public class IndicatorMarts {

    static final String BASE = "warehouse/marts/base";
    static final String INDICATORS = "warehouse/marts/indicators";
    static final String BUILD = "warehouse/marts/build";

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorMarts.class);

    private final Warehouse warehouse;
    private final Catalogue catalogue;
    private final IndicatorFlags flags;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    /** Marts that tell no one when they are rebuilt (tests, the command line). */
    public IndicatorMarts(Warehouse warehouse, Catalogue catalogue, IndicatorFlags flags, Clock clock) {
        this(warehouse, catalogue, flags, clock, event -> { });
    }

    /** Marts that announce {@link MartsRebuilt} after every rebuild. */
    @Autowired
    public IndicatorMarts(Warehouse warehouse, Catalogue catalogue, IndicatorFlags flags, Clock clock,
                          ApplicationEventPublisher events) {
        this.warehouse = warehouse;
        this.catalogue = catalogue;
        this.flags = flags;
        this.clock = clock;
        this.events = events;
    }

    /** Rebuilds the marts if their inputs changed since the last build; true if it rebuilt. */
    public boolean refreshIfStale() throws SQLException {
        String rebuilt = warehouse.write(connection -> {
            String fingerprint = fingerprint(connection);
            if (fingerprint.equals(builtFingerprint(connection))) {
                return null;
            }
            build(connection, fingerprint);
            return fingerprint;
        });
        if (rebuilt != null) {
            events.publishEvent(new MartsRebuilt(rebuilt));
        }
        return rebuilt != null;
    }

    /** Rebuilds the marts whatever their state. */
    public void rebuild() throws SQLException {
        String fingerprint = warehouse.write(connection -> {
            String inputs = fingerprint(connection);
            build(connection, inputs);
            return inputs;
        });
        events.publishEvent(new MartsRebuilt(fingerprint));
    }

    /** When the marts were last built, and with which statistical-neighbour model, from how many loaded LA-years. */
    public record Build(LocalDateTime builtAt, String snModel, int laYears) {
    }

    /** The last build of the marts, if they have been built. */
    public Optional<Build> lastBuild() {
        return warehouse.query("the marts' build", "SELECT built_at, sn_model, la_years FROM mart_build",
                row -> new Build(row.getTimestamp(1).toLocalDateTime(), row.getString(2), row.getInt(3))).stream().findFirst();
    }

    @EventListener
    @Order(100)
    void onApplicationReady(ApplicationReadyEvent event) throws SQLException {
        refresh("start-up");
    }

    @EventListener
    void onWarehouseChanged(WarehouseChanged event) throws SQLException {
        refresh(event.reason());
    }

    private void refresh(String reason) throws SQLException {
        long started = System.nanoTime();
        if (refreshIfStale()) {
            LOG.info("Indicator marts rebuilt ({}) in {} ms ({})", reason, (System.nanoTime() - started) / 1_000_000, flags);
        }
    }

    private void build(Connection connection, String fingerprint) throws SQLException {
        setFlags(connection, flags);
        writeCatalogue(connection);
        for (String path : SqlScripts.list(BASE)) {
            timed(path, () -> SqlScripts.run(connection, path));
        }
        for (String path : SqlScripts.list(INDICATORS)) {
            timed(path, () -> addUnits(connection, path));
        }
        checkUnitsAreCatalogued(connection);
        FaultInjection.at("in-marts-build");
        if (LOG.isDebugEnabled()) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM mart_unit")) {
                rows.next();
                LOG.debug("mart_unit: {} rows", rows.getLong(1));
            }
        }
        for (String path : SqlScripts.list(BUILD)) {
            timed(path, () -> SqlScripts.run(connection, path));
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO mart_build (built_at, fingerprint, count_same_carer_moves, pn4_counts_as_participation, sn_model, la_years, rows)
                SELECT ?, ?, ?, ?, ?, (SELECT count(*) FROM etl_la_year), (SELECT count(*) FROM mart_indicator)""");
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM mart_build");
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setString(2, fingerprint);
            insert.setBoolean(3, flags.countSameCarerMoves());
            insert.setBoolean(4, flags.pn4CountsAsParticipation());
            insert.setString(5, flags.snModel());
            insert.execute();
            statement.execute("DROP TABLE IF EXISTS mart_unit");
        }
    }

    /** Sets the flags' variables the mart SQL reads ({@code getvariable(...)}) on a connection. */
    public static void setFlags(Connection connection, IndicatorFlags flags) throws SQLException {
        SqlScripts.setVariable(connection, IndicatorFlags.COUNT_SAME_CARER_MOVES, flags.countSameCarerMoves());
        SqlScripts.setVariable(connection, IndicatorFlags.PN4_COUNTS_AS_PARTICIPATION, flags.pn4CountsAsParticipation());
        SqlScripts.setVariable(connection, "sn_model", flags.snModel());
    }

    /**
     * The units' inputs for the record-level drill (uk.iroinsight.dashboards.records): on a
     * connection of its own, with the flags and {@code drill_la}/{@code drill_year} set, runs
     * {@code base/} over that one LA-year and returns each {@code indicators/} file's SELECT of
     * units (its rows carry their keys, see {@code base/10_inputs.sql}), exactly as a build
     * inserts them into mart_unit.
     */
    public static List<String> prepareDrill(Connection connection, IndicatorFlags flags, String laCode, int year) throws SQLException {
        setFlags(connection, flags);
        SqlScripts.setVariable(connection, "drill_la", laCode);
        SqlScripts.setVariable(connection, "drill_year", year);
        for (String path : SqlScripts.list(BASE)) {
            SqlScripts.run(connection, path);
        }
        return SqlScripts.list(INDICATORS).stream().map(IndicatorMarts::unitSelect).toList();
    }

    /** An indicators/ file's SELECT without its closing semicolon. */
    static String unitSelect(String path) {
        String query = SqlScripts.read(path).strip();
        return query.endsWith(";") ? query.substring(0, query.length() - 1) : query;
    }

    private interface Step {
        void run() throws SQLException;
    }

    private static void timed(String path, Step step) throws SQLException {
        long started = System.nanoTime();
        step.run();
        LOG.debug("{}: {} ms", path, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Adds one indicator file's units to mart_unit, as the file selects them. A file groups its
     * units itself where that pays (units with the same indicator, LA-year and categories as one
     * row, units = how many; see warehouse/marts/README.md): grouping every file's units again
     * here, by all eight categories, was most of a national build and nothing in build/ needs
     * the rows unique, only their sums (and a median's single values).
     */
    private static void addUnits(Connection connection, String path) throws SQLException {
        String query = unitSelect(path);
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO mart_unit BY NAME
                    SELECT * REPLACE (coalesce(denominator, 0) AS denominator, coalesce(excluded, 0) AS excluded,
                                      coalesce(units, 1) AS units)
                    FROM ((SELECT * FROM mart_unit LIMIT 0) UNION ALL BY NAME (
                    """ + query + "\n))");
        } catch (SQLException e) {
            throw new SQLException(path + ": " + Warehouse.firstLine(e), e.getSQLState(), e);
        }
    }

    private static void checkUnitsAreCatalogued(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT DISTINCT indicator FROM mart_unit
                        WHERE indicator NOT IN (SELECT indicator FROM mart_catalogue) ORDER BY 1""")) {
            if (rows.next()) {
                throw new IllegalStateException("warehouse/marts/indicators computes " + rows.getString(1)
                        + ", which is not in " + Catalogue.RESOURCE);
            }
        }
    }

    private void writeCatalogue(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO mart_catalogue (indicator, family, title, unit, scale, polarity, published, requires,
                                                    breakdowns, excluded_note, sort_order)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, list_filter(string_split(?, ','), lambda d: d <> ''), ?, ?)""")) {
            statement.execute("DELETE FROM mart_catalogue");
            int order = 0;
            for (Indicator indicator : catalogue.all()) {
                insert.setString(1, indicator.id());
                insert.setString(2, indicator.family());
                insert.setString(3, indicator.title());
                insert.setString(4, indicator.unit().id());
                insert.setObject(5, indicator.unit().scale());
                insert.setString(6, indicator.polarity().id());
                insert.setBoolean(7, indicator.published());
                insert.setString(8, indicator.requires());
                insert.setString(9, String.join(",", indicator.breakdowns()));
                insert.setString(10, indicator.excluded());
                insert.setInt(11, ++order);
                insert.execute();
            }
        }
    }

    private String fingerprint(Connection connection) throws SQLException {
        MessageDigest digest = sha256();
        update(digest, catalogue.text());
        update(digest, flags.toString());
        for (String path : Stream.of(BASE, INDICATORS, BUILD).flatMap(folder -> SqlScripts.list(folder).stream()).toList()) {
            update(digest, path);
            update(digest, SqlScripts.read(path));
        }
        update(digest, SqlScripts.read("warehouse/schema/50_marts.sql"));
        for (String query : List.of(
                "SELECT string_agg(la_code || ':' || year || ':' || fingerprint || ':' || loaded_at, ',' ORDER BY la_code, year) FROM etl_la_year",
                "SELECT string_agg(checksum, ',' ORDER BY name) FROM etl_reference_load WHERE name = 'reference'",
                // published DfE files loaded from the inbox since (a newer release, a correction)
                "SELECT string_agg(release || ':' || kind || ':' || fingerprint, ',' ORDER BY release, kind) FROM etl_published_file "
                        + "WHERE replaced_at IS NULL")) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
                rows.next();
                update(digest, String.valueOf(rows.getString(1)));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String builtFingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT fingerprint FROM mart_build")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
