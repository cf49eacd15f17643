package uk.iroinsight.dashboards.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;
import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.indicators.Disclosure;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.indicators.MartsRebuilt;
import uk.iroinsight.security.Access;
import uk.iroinsight.security.CurrentAccess;
import uk.iroinsight.warehouse.Warehouse;
import uk.iroinsight.warehouse.WarehouseException;

/**
 * The dashboards' query layer. Every view answers from the indicator marts, never from the
 * facts: {@code mart_indicator} is read once per build of the marts, as Arrow batches, into an
 * immutable {@link MartSnapshot} that all requests share until the next build
 * ({@link MartsRebuilt}) replaces it whole; an LA-year's breakdowns ({@code mart_breakdown}) are
 * read on first use and kept with the snapshot they belong to.
 *
 * <p>Disclosure control is enforced here, not in the views: {@link #snapshot()} and
 * {@link #breakdown} answer for the signed-in account ({@link CurrentAccess}). A VIEWER (or a
 * caller nobody signed in for) gets {@link MartSnapshot#disclosed()} and breakdowns with small
 * cells already suppressed (primary and secondary, indicators.md §9), so a small number never
 * reaches a view, its tooltips, its chart JSON or its downloads, whatever the view does.
 */
@Service
public class DashboardData {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardData.class);

    /** LA-years of breakdowns kept per snapshot before the cache starts again. */
    private static final int BREAKDOWN_CACHE_LA_YEARS = 2_000;

    private final Warehouse warehouse;
    private final Catalogue catalogue;
    private final BufferAllocator allocator = new RootAllocator();
    private final CurrentAccess access;
    private final AtomicReference<Loaded> current = new AtomicReference<>();

    /** A snapshot, its disclosed copy (made on first use) and the breakdowns read for it. */
    private record Loaded(MartSnapshot snapshot, AtomicReference<MartSnapshot> disclosed,
                          Map<String, Map<String, List<BreakdownRow>>> breakdowns) {

        MartSnapshot disclosedSnapshot() {
            MartSnapshot made = disclosed.get();
            if (made == null) {
                made = snapshot.disclosed();
                if (!disclosed.compareAndSet(null, made)) {
                    made = disclosed.get();
                }
            }
            return made;
        }
    }

    @Autowired
    public DashboardData(Warehouse warehouse, Catalogue catalogue, CurrentAccess access) {
        this.warehouse = warehouse;
        this.catalogue = catalogue;
        this.access = access;
    }

    /** For tests and tools outside a request: answers for {@link CurrentAccess} like any other. */
    public DashboardData(Warehouse warehouse, Catalogue catalogue) {
        this(warehouse, catalogue, new CurrentAccess());
    }

    /**
     * The figures of the latest build of the marts (read now if this is the first request), as
     * the signed-in account may see them.
     */
    public MartSnapshot snapshot() {
        return snapshot(access.get());
    }

    /** Whether the signed-in account sees small numbers suppressed (a VIEWER, or nobody signed in). */
    public boolean suppresses() {
        return access.get().suppress();
    }

    /** The figures of the latest build as {@code who} may see them: disclosed unless they may see small numbers. */
    public MartSnapshot snapshot(Access who) {
        Loaded loaded = loaded();
        return who.suppress() ? loaded.disclosedSnapshot() : loaded.snapshot();
    }

    private Loaded loaded() {
        Loaded loaded = current.get();
        return loaded != null ? loaded : reload();
    }

    /** A new build of the marts: read it now, so the next page is answered from memory. */
    @EventListener
    void onMartsRebuilt(MartsRebuilt event) {
        Loaded loaded = current.get();
        if (loaded == null || !loaded.snapshot().fingerprint().equals(event.fingerprint())) {
            reload();
        }
    }

    /** Reads the marts again (whatever their fingerprint) and makes them the current snapshot. */
    public synchronized MartSnapshot refresh() {
        return reload().snapshot();
    }

    /** Reads the marts again unless another thread already has since {@code stale} was current. */
    private synchronized void reloadIfCurrent(Loaded stale) {
        if (current.get() == stale) {
            reload();
        }
    }

    private synchronized Loaded reload() {
        long started = System.nanoTime();
        MartSnapshot snapshot = inTransaction(this::read);
        Loaded loaded = new Loaded(snapshot, new AtomicReference<>(), new ConcurrentHashMap<>());
        current.set(loaded);
        LOG.info("Dashboards read {} figures of the marts built {} in {} ms", snapshot.figures().size(), snapshot.builtAt(),
                (System.nanoTime() - started) / 1_000_000);
        return loaded;
    }

    // ------------------------------------------------------------------ breakdowns

    /**
     * One category of an indicator split by a dimension, for an LA-year (source records only).
     *
     * @param status ok | not_available | suppressed (for an account that may not see it)
     */
    public record BreakdownRow(String indicator, String dimension, String category, int order, Double numerator,
                               Double denominator, Double value, String status) {

        public Disclosure.Figure forDisclosure(Indicator definition) {
            return new Disclosure.Figure(numerator, denominator, value, status, definition.unit().id());
        }
    }

    /**
     * The categories of {@code indicator} by {@code dimension} for an LA-year, in their order;
     * empty where the LA-year is not loaded or the indicator has no such breakdown. The rows come
     * from the latest build of the marts; for an account that may not see small numbers, the
     * cells disclosure control hides (primary, and secondary against the authority's total) come
     * suppressed, without numerator, denominator or value. A view showing figures of a snapshot
     * beside the breakdown asks with {@link #breakdown(MartSnapshot, String, int, String, String)}.
     */
    public List<BreakdownRow> breakdown(String laCode, int year, String indicator, String dimension) {
        return breakdown(access.get(), laCode, year, indicator, dimension);
    }

    /** {@link #breakdown(String, int, String, String)} as {@code who} may see it. */
    public List<BreakdownRow> breakdown(Access who, String laCode, int year, String indicator, String dimension) {
        for (int attempt = 1; ; attempt++) {
            try {
                return breakdown(loaded(), who, laCode, year, indicator, dimension);
            } catch (BuildChanged e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * The breakdown from the same build of the marts as {@code basis} (a snapshot this class
     * gave), so that a page never shows a total of one build beside categories of another.
     *
     * @throws BuildChanged when the marts have been rebuilt since {@code basis}: take a new
     *                      snapshot and build the page again
     */
    public List<BreakdownRow> breakdown(MartSnapshot basis, String laCode, int year, String indicator, String dimension) {
        return breakdown(basis, access.get(), laCode, year, indicator, dimension);
    }

    /** {@link #breakdown(MartSnapshot, String, int, String, String)} as {@code who} may see it. */
    public List<BreakdownRow> breakdown(MartSnapshot basis, Access who, String laCode, int year, String indicator, String dimension) {
        Loaded loaded = loaded();
        if (!loaded.snapshot().fingerprint().equals(basis.fingerprint())) {
            throw new BuildChanged();
        }
        return breakdown(loaded, who, laCode, year, indicator, dimension);
    }

    /** The marts were rebuilt since the snapshot a page was being built from: build it again from a new one. */
    public static final class BuildChanged extends RuntimeException {
        BuildChanged() {
            super("the indicator marts were rebuilt while the page was read", null, false, false);
        }
    }

    private List<BreakdownRow> breakdown(Loaded loaded, Access who, String laCode, int year, String indicator, String dimension) {
        List<BreakdownRow> rows = breakdowns(loaded, laCode, year).getOrDefault(indicator + "/" + dimension, List.of());
        if (!who.suppress() || rows.isEmpty()) {
            return rows;
        }
        Indicator definition = catalogue.get(indicator);
        Figure total = loaded.snapshot().la(laCode, year, indicator);
        List<Disclosure.Shown> shown = Disclosure.breakdown(rows.stream().map(row -> row.forDisclosure(definition)).toList(),
                total.forDisclosure(definition), true);
        List<BreakdownRow> result = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            BreakdownRow row = rows.get(i);
            result.add(shown.get(i).suppressed() ? new BreakdownRow(row.indicator(), row.dimension(), row.category(), row.order(),
                    null, null, null, "suppressed") : row);
        }
        return List.copyOf(result);
    }

    /**
     * Every breakdown of an LA-year in {@code loaded}'s build, by "indicator/dimension"; read from
     * the warehouse the first time. If the marts there are of a newer build, everyone moves to it
     * and {@link BuildChanged} is thrown.
     */
    private Map<String, List<BreakdownRow>> breakdowns(Loaded loaded, String laCode, int year) {
        String key = laCode + "/" + year;
        Map<String, List<BreakdownRow>> cached = loaded.breakdowns().get(key);
        if (cached != null) {
            return cached;
        }
        BreakdownRead read = inTransaction(connection -> readBreakdowns(connection, laCode, year));
        if (!read.fingerprint().equals(loaded.snapshot().fingerprint())) {
            reloadIfCurrent(loaded);
            throw new BuildChanged();
        }
        if (loaded.breakdowns().size() >= BREAKDOWN_CACHE_LA_YEARS) {
            loaded.breakdowns().clear();
        }
        loaded.breakdowns().put(key, read.rows());
        return read.rows();
    }

    private record BreakdownRead(String fingerprint, Map<String, List<BreakdownRow>> rows) {
    }

    private BreakdownRead readBreakdowns(Connection connection, String laCode, int year) {
        Map<String, List<BreakdownRow>> rows = new HashMap<>();
        ArrowQuery.run(connection, allocator, "the breakdowns of " + laCode + " " + year, """
                SELECT indicator, dimension, category, category_order, numerator, denominator, value, status
                FROM mart_breakdown WHERE la_code = ? AND year = ?
                ORDER BY indicator, dimension, category_order, category""", batch -> {
            var indicator = batch.strings("indicator");
            var dimension = batch.strings("dimension");
            var category = batch.strings("category");
            var order = batch.integers("category_order");
            var numerator = batch.doubles("numerator");
            var denominator = batch.doubles("denominator");
            var value = batch.doubles("value");
            var status = batch.strings("status");
            for (int i = 0; i < batch.rows(); i++) {
                BreakdownRow row = new BreakdownRow(indicator.get(i), dimension.get(i), category.get(i), order.get(i),
                        numerator.get(i), denominator.get(i), value.get(i), status.get(i));
                rows.computeIfAbsent(row.indicator() + "/" + row.dimension(), k -> new ArrayList<>()).add(row);
            }
        }, laCode, (short) year);
        rows.replaceAll((k, v) -> List.copyOf(v));
        return new BreakdownRead(fingerprint(connection), Map.copyOf(rows));
    }

    // ------------------------------------------------------------------ reading a build

    private MartSnapshot read(Connection connection) {
        String fingerprint = fingerprint(connection);
        if (fingerprint.isEmpty()) {
            return MartSnapshot.empty(catalogue);
        }
        LocalDateTime[] builtAt = new LocalDateTime[1];
        String[] snModel = new String[1];
        ArrowQuery.run(connection, allocator, "the marts' build", """
                SELECT CAST(epoch_ms(built_at) AS BIGINT) AS built_ms, sn_model FROM mart_build""", batch -> {
            var ms = batch.doubles("built_ms");
            var model = batch.strings("sn_model");
            if (batch.rows() > 0) {
                builtAt[0] = LocalDateTime.ofEpochSecond(ms.get(0).longValue() / 1000, (int) (ms.get(0).longValue() % 1000) * 1_000_000,
                        ZoneOffset.UTC);
                snModel[0] = model.get(0);
            }
        });

        List<Authority> authorities = new ArrayList<>();
        ArrowQuery.run(connection, allocator, "the authorities", """
                SELECT a.la_code, a.ons_code, a.la_name, a.gor_code, a.gor_name, a.region_code,
                       string_agg(n.neighbour_la_code, ',' ORDER BY n.rank) AS neighbours
                FROM dim_authority a
                LEFT JOIN ref_statistical_neighbour n
                  ON n.la_code = a.la_code AND n.sn_model = ? AND n.neighbour_la_code IS NOT NULL
                WHERE a.is_current
                GROUP BY ALL""", batch -> {
            var la = batch.strings("la_code");
            var ons = batch.strings("ons_code");
            var name = batch.strings("la_name");
            var gor = batch.strings("gor_code");
            var gorName = batch.strings("gor_name");
            var region = batch.strings("region_code");
            var neighbours = batch.strings("neighbours");
            for (int i = 0; i < batch.rows(); i++) {
                String list = neighbours.get(i);
                authorities.add(new Authority(la.get(i), ons.get(i), name.get(i), gor.get(i), gorName.get(i), region.get(i),
                        list == null ? List.of() : Arrays.asList(list.split(","))));
            }
        }, snModel[0]);

        List<Figure> figures = new ArrayList<>();
        ArrowQuery.run(connection, allocator, "the indicator mart", """
                SELECT area_type, area_code, area_name, la_code, year, indicator, source, numerator, denominator, value,
                       status, symbol, release, coverage, excluded, rank, ranked, quartile_band
                FROM mart_indicator""", batch -> {
            var areaType = batch.strings("area_type");
            var areaCode = batch.strings("area_code");
            var areaName = batch.strings("area_name");
            var la = batch.strings("la_code");
            var year = batch.integers("year");
            var indicator = batch.strings("indicator");
            var source = batch.strings("source");
            var numerator = batch.doubles("numerator");
            var denominator = batch.doubles("denominator");
            var value = batch.doubles("value");
            var status = batch.strings("status");
            var symbol = batch.strings("symbol");
            var release = batch.strings("release");
            var coverage = batch.integers("coverage");
            var excluded = batch.integers("excluded");
            var rank = batch.integers("rank");
            var ranked = batch.integers("ranked");
            var band = batch.strings("quartile_band");
            for (int i = 0; i < batch.rows(); i++) {
                figures.add(new Figure(areaType.get(i).intern(), areaCode.get(i), areaName.get(i), la.get(i), year.get(i),
                        indicator.get(i).intern(), source.get(i).intern(), numerator.get(i), denominator.get(i), value.get(i),
                        status.get(i).intern(), symbol.get(i), release.get(i), coverage.get(i), excluded.get(i), rank.get(i),
                        ranked.get(i), band.get(i)));
            }
        });

        Set<String> loaded = new HashSet<>();
        ArrowQuery.run(connection, allocator, "the loaded LA-years", "SELECT la_code, year FROM etl_la_year", batch -> {
            var la = batch.strings("la_code");
            var year = batch.integers("year");
            for (int i = 0; i < batch.rows(); i++) {
                loaded.add(la.get(i) + "/" + year.get(i));
            }
        });

        Map<String, List<String>> notes = new HashMap<>();
        ArrowQuery.run(connection, allocator, "the data-quality notes", """
                SELECT la_code, year, indicator, message FROM mart_dq_note ORDER BY la_code, year, indicator, note""", batch -> {
            var la = batch.strings("la_code");
            var year = batch.integers("year");
            var indicator = batch.strings("indicator");
            var message = batch.strings("message");
            for (int i = 0; i < batch.rows(); i++) {
                notes.computeIfAbsent(MartSnapshot.noteKey(la.get(i), year.get(i), indicator.get(i)), k -> new ArrayList<>())
                        .add(message.get(i));
            }
        });
        notes.replaceAll((k, v) -> List.copyOf(v));
        return new MartSnapshot(fingerprint, builtAt[0], catalogue, authorities, figures, loaded, notes);
    }

    private String fingerprint(Connection connection) {
        String[] fingerprint = {""};
        ArrowQuery.run(connection, allocator, "the marts' fingerprint", "SELECT fingerprint FROM mart_build", batch -> {
            if (batch.rows() > 0) {
                fingerprint[0] = batch.strings("fingerprint").get(0);
            }
        });
        return fingerprint[0];
    }

    /** Runs {@code work} in one read transaction: everything it reads comes from one state of the warehouse. */
    private <T> T inTransaction(java.util.function.Function<Connection, T> work) {
        try (Connection connection = warehouse.connect()) {
            connection.setAutoCommit(false);
            try {
                return work.apply(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the marts: " + Warehouse.firstLine(e), e);
        }
    }

    @PreDestroy
    void close() {
        allocator.close();
    }
}
