package uk.iroinsight.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.dashboards.region.ForumColumns;
import uk.iroinsight.dashboards.scorecard.Scorecard;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.security.Access;

/**
 * The {@code interactions} suite, in one JVM on a loaded warehouse:
 * {@code Interactions DB SECRETS SEED CALLS}. For each view, the server-side calls it makes for
 * its data (the views' own calls on {@link DashboardData} and {@link MartSnapshot}, as in
 * {@code OverviewView}/{@code IndicatorTile}, {@code ExplorerView}'s ranking, trend and funnel
 * charts, {@code BreakdownView}, {@code RegionView}, {@code ScorecardView}) for a state drawn
 * from a fixed seed (authority, year, indicator, comparison set, dimension), timed one call at a
 * time after a warm-up: {@code BENCH name= role= p50_ms= p95_ms= max_ms= calls=}.
 *
 * <p>As a VIEWER (the suppressed, costlier path) and as an ADMIN. Breakdowns are read from the
 * warehouse the first time an LA-year is asked for and then kept: "first read" times LA-years
 * never asked for before, "cached" the same calls again.
 */
public final class Interactions {

    private static final List<String> PN_SHARES = List.of("pn0_share", "pn1_share", "pn2_share", "pn3_share", "pn4_share",
            "pn5_share", "pn6_share", "pn7_share");
    private static final List<String> DISPUTES = List.of("disputes_raised", "disputes_median_wd", "disputes_resolved_20wd_pct");

    private static volatile long sink;

    private final DashboardData data;
    private final ForumColumns columns;
    private final Scorecard scorecard;
    private final Random random;
    private final List<Authority> authorities;
    private final List<Integer> years;
    private final List<Indicator> indicators;
    private final List<Indicator> splittable;

    private record State(Authority la, int year, Indicator indicator, Comparison compare, Indicator split, String by) {
    }

    private Interactions(DashboardData data, ForumColumns columns, Scorecard scorecard, long seed) {
        this.data = data;
        this.columns = columns;
        this.scorecard = scorecard;
        this.random = new Random(seed);
        MartSnapshot snapshot = data.snapshot(Access.admin("bench"));
        this.authorities = snapshot.authorities();
        this.years = snapshot.years();
        this.indicators = snapshot.catalogue().all();
        this.splittable = indicators.stream().filter(i -> !i.breakdowns().isEmpty()).toList();
        if (authorities.isEmpty() || years.isEmpty()) {
            throw new IllegalStateException("the warehouse has no marts: load it first");
        }
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        Path secrets = Path.of(args[1]);
        long seed = Long.parseLong(args[2]);
        int calls = Integer.parseInt(args[3]);
        try (var context = Boot.start(db, secrets)) {
            DashboardData data = context.getBean(DashboardData.class);
            firstRequest(data, Math.max(3, Math.min(10, calls / 200)));
            new Interactions(data, context.getBean(ForumColumns.class), context.getBean(Scorecard.class), seed).run(calls);
        }
        System.exit(0);
    }

    /** What the first request after a build of the marts pays: reading the snapshot, then the VIEWER's disclosed copy. */
    private static void firstRequest(DashboardData data, int times) {
        Access viewer = Access.viewer("bench-viewer");
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < times + 1; i++) {
            long start = System.nanoTime();
            data.refresh();
            sink += data.snapshot(viewer).authorities().size();
            if (i > 0) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        report("snapshot after a marts build (read + disclosed copy)", "VIEWER", ms);
    }

    private void run(int calls) {
        Access viewer = Access.viewer("bench-viewer");
        Access admin = Access.admin("bench");
        int warmUp = Math.max(200, calls / 5);
        for (Access who : List.of(viewer, admin)) {
            String role = who.role().name();
            time("overview (one LA-year, every tile)", role, warmUp, calls, state -> overview(who, state));
            time("explorer trend", role, warmUp, calls, state -> trend(who, state));
            time("explorer ranking", role, warmUp, calls, state -> ranking(who, state));
            time("explorer funnel", role, warmUp, calls, state -> funnel(who, state));
            time("regional heatmap", role, warmUp, calls, state -> heatmap(who, state));
            time("scorecard", role, warmUp, calls, state -> scorecard(who, state));
            if (who == viewer) {
                breakdownFirstRead(who, calls);
            }
            time("breakdown (cached LA-year)", role, warmUp, calls, state -> breakdown(who, state));
        }
    }

    private State next() {
        Authority la = authorities.get(random.nextInt(authorities.size()));
        int year = years.get(random.nextInt(years.size()));
        Indicator indicator = indicators.get(random.nextInt(indicators.size()));
        Comparison compare = Comparison.values()[random.nextInt(Comparison.values().length)];
        Indicator split = splittable.isEmpty() ? indicator : splittable.get(random.nextInt(splittable.size()));
        String by = split.breakdowns().isEmpty() ? null : split.breakdowns().get(random.nextInt(split.breakdowns().size()));
        return new State(la, year, indicator, compare, split, by);
    }

    private void time(String name, String role, int warmUp, int calls, Function<State, Object> call) {
        for (int i = 0; i < warmUp; i++) {
            sink += call.apply(next()).hashCode();
        }
        List<Double> ms = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            State state = next();
            long start = System.nanoTime();
            Object result = call.apply(state);
            ms.add((System.nanoTime() - start) / 1e6);
            sink += result.hashCode();
        }
        report(name, role, ms);
    }

    private static void report(String name, String role, List<Double> ms) {
        Stats stats = Stats.of(ms);
        Child.report("name", name, "role", role, "p50_ms", Stats.fmt("%.3f", stats.percentile(50)),
                "p95_ms", Stats.fmt("%.3f", stats.percentile(95)), "max_ms", Stats.fmt("%.3f", stats.max()), "calls", stats.count());
    }

    // ------------------------------------------------------------------ each view's calls

    /** OverviewView: the summary line and one IndicatorTile per indicator of the catalogue. */
    private Object overview(Access who, State state) {
        MartSnapshot snapshot = data.snapshot(who);
        boolean suppress = who.suppress();
        String la = state.la().laCode();
        int year = state.year();
        long seen = 0;
        for (Indicator indicator : snapshot.catalogue().all()) {
            seen += snapshot.show(snapshot.la(la, year, indicator.id()), suppress).hashCode();
        }
        for (Indicator indicator : snapshot.catalogue().all()) {
            MartSnapshot.Comparators figures = snapshot.comparators(la, year, indicator.id());
            seen += snapshot.show(figures.la(), suppress).hashCode();
            seen += snapshot.show(figures.snMean(), suppress).hashCode();
            seen += snapshot.show(figures.region(), suppress).hashCode();
            seen += snapshot.show(figures.england(), suppress).hashCode();
            seen += snapshot.inRegion(state.la().regionCode()).size() + snapshot.authorities().size();
            seen += snapshot.ranking(indicator.id(), year, Comparison.ALL, la, suppress).entries().size();
            seen += snapshot.direction(la, year, indicator.id(), suppress).hashCode();
            seen += snapshot.show(snapshot.la(la, year - 1, indicator.id()), suppress).hashCode();
            seen += snapshot.notes(la, year, indicator.id()).size();
        }
        return seen;
    }

    /** ExplorerView's trend chart (TrendChart): every year's LA, SN mean, region and England, as shown. */
    private Object trend(Access who, State state) {
        MartSnapshot snapshot = data.snapshot(who);
        long seen = 0;
        for (MartSnapshot.Comparators year : snapshot.trend(state.la().laCode(), state.indicator().id())) {
            for (Figure figure : new Figure[] {year.la(), year.snMean(), year.region(), year.england()}) {
                seen += snapshot.show(figure, who.suppress()).hashCode();
            }
        }
        return seen;
    }

    /** ExplorerView's ranking chart (RankingChart): the ranking of the comparison set, its members for the table. */
    private Object ranking(Access who, State state) {
        MartSnapshot snapshot = data.snapshot(who);
        var ranking = snapshot.ranking(state.indicator().id(), state.year(), state.compare(), state.la().laCode(), who.suppress());
        return ranking.entries().size() + ranking.indexOfOwn() + snapshot.members(state.compare(), state.la().laCode()).size();
    }

    /** ExplorerView's funnel plot (FunnelChart): the funnel, and each member's figure as shown for the table. */
    private Object funnel(Access who, State state) {
        MartSnapshot snapshot = data.snapshot(who);
        String id = state.indicator().id();
        long seen = snapshot.funnel(id, state.year(), state.compare(), state.la().laCode(), who.suppress())
                .map(f -> Double.hashCode(f.target())).orElse(0);
        for (Authority member : snapshot.members(state.compare(), state.la().laCode())) {
            seen += snapshot.show(snapshot.la(member.laCode(), state.year(), id), who.suppress()).hashCode();
        }
        return seen;
    }

    /** RegionView: the forum's heatmap of its region, and the region's and England's figure per column. */
    private Object heatmap(Access who, State state) {
        MartSnapshot snapshot = data.snapshot(who);
        String la = state.la().laCode();
        long seen = snapshot.heatmap(state.la().regionCode(), state.year(), columns.ids(), who.suppress()).rows().size();
        for (String id : columns.ids()) {
            seen += snapshot.show(snapshot.region(la, state.year(), id), who.suppress()).hashCode();
            seen += snapshot.show(snapshot.england(state.year(), id), who.suppress()).hashCode();
        }
        return seen;
    }

    /** ScorecardView: per item, this year, last year, SN mean and England (always suppressed). */
    private Object scorecard(Access who, State state) {
        MartSnapshot snapshot = data.snapshot(who);
        String la = state.la().laCode();
        int year = state.year();
        long seen = 0;
        for (Scorecard.Item item : scorecard.items()) {
            for (Figure figure : new Figure[] {snapshot.la(la, year, item.id()), snapshot.la(la, year - 1, item.id()),
                    snapshot.snMean(la, year, item.id()), snapshot.england(year, item.id())}) {
                seen += snapshot.show(figure, true).hashCode();
            }
        }
        return seen;
    }

    /** BreakdownView: the chosen breakdown, the three dispute breakdowns, and the PN0-PN7 shares of every loaded year. */
    private Object breakdown(Access who, State state) {
        MartSnapshot snapshot = data.snapshot(who);
        String la = state.la().laCode();
        int year = state.year();
        long seen = 0;
        // As the view: the breakdown and dispute cards only for an LA-year loaded from returns.
        if (snapshot.isLoaded(la, year)) {
            if (state.by() != null) {
                seen += data.breakdown(who, la, year, state.split().id(), state.by()).size();
            }
            String disputesBy = "stage".equals(state.by()) ? "stage" : "theme";
            for (String id : DISPUTES) {
                seen += data.breakdown(who, la, year, id, disputesBy).size();
            }
        }
        for (int y : snapshot.years()) {
            if (snapshot.isLoaded(la, y)) {
                for (String id : PN_SHARES) {
                    seen += snapshot.show(snapshot.la(la, y, id), who.suppress()).hashCode();
                }
                seen += snapshot.la(la, y, "reviews_held").year();
            }
        }
        return seen;
    }

    /** Breakdowns of LA-years never asked for before: each call reads the LA-year from the warehouse. */
    private void breakdownFirstRead(Access who, int calls) {
        MartSnapshot snapshot = data.snapshot(who);
        List<State> fresh = new ArrayList<>();
        for (Authority la : authorities) {
            for (int year : years) {
                if (snapshot.isLoaded(la.laCode(), year)) {
                    State drawn = next();
                    fresh.add(new State(la, year, drawn.indicator(), drawn.compare(), drawn.split(), drawn.by()));
                }
            }
        }
        Collections.shuffle(fresh, random);
        int warmUp = Math.min(200, fresh.size() / 5);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            long start = System.nanoTime();
            sink += breakdown(who, fresh.get(i)).hashCode();
            if (i >= warmUp) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        report("breakdown (first read of an LA-year)", who.role().name(), ms);
    }
}
