package uk.iroinsight.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.iroinsight.IroInsightApplication;
import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.dashboards.region.ForumColumns;
import uk.iroinsight.dashboards.scorecard.Scorecard;
import uk.iroinsight.demo.DemoGenerator;
import uk.iroinsight.demo.DemoOptions;
import uk.iroinsight.demo.ReferenceFigures;
import uk.iroinsight.etl.job.LoadService;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.security.Access;

/**
 * Concurrent use during a load (issue 8, short form): 50 simulated dashboard sessions (the
 * calls each view makes for its data, on {@link DashboardData} and {@link MartSnapshot}, as
 * VIEWERs and ADMINs, on their own threads) run while a revised inbox (every figure different)
 * is loaded and the marts rebuilt. Asserts no call fails and no view ever shows a mix of the old
 * and the new build for one LA-year: each "page" (an LA-year's overview figures with its
 * breakdown, read as the views read them) equals that page read idle from the old build or from
 * the new one. Latency idle and under load is measured and written to
 * {@code target/concurrency/REPORT.md}; its threshold belongs to the benchmark, not here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentUseTest {

    private static final List<String> AUTHORITIES = List.of("857", "831", "856", "892");
    private static final int SESSIONS = 50;
    private static final Access ADMIN = Access.admin("concurrency-admin");

    private ConfigurableApplicationContext context;
    private DashboardData data;
    private ForumColumns columns;
    private Scorecard scorecard;
    private Path revised;
    private final Map<String, String> oldPages = new ConcurrentHashMap<>();
    private final Map<String, String> newPages = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> seenPages = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<Double> idleMs = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> loadingMs = Collections.synchronizedList(new ArrayList<>());
    private JobExecution revision;
    private final java.util.concurrent.atomic.AtomicInteger rebuiltWhileRead = new java.util.concurrent.atomic.AtomicInteger();
    private long calls;

    @BeforeAll
    void loadThenRunSessionsWhileARevisionLoads(@TempDir Path folder) throws Exception {
        Path first = folder.resolve("first");
        revised = folder.resolve("revised");
        ReferenceFigures reference = ReferenceFigures.load();
        new DemoGenerator(reference).generate(new DemoOptions(first, 3, 2022, 2024, AUTHORITIES, 0.0));
        new DemoGenerator(reference).generate(new DemoOptions(revised, 4, 2022, 2024, AUTHORITIES, 0.0));
        context = new SpringApplicationBuilder(IroInsightApplication.class)
                .web(WebApplicationType.NONE)
                .run("--iro.db=" + folder.resolve("warehouse.duckdb"),
                        "--iro.secrets-dir=" + folder.resolve("secrets"),
                        "--iro.scheduling-enabled=false",
                        "--logging.level.root=WARN",
                        "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
        data = context.getBean(DashboardData.class);
        columns = context.getBean(ForumColumns.class);
        scorecard = context.getBean(Scorecard.class);
        LoadService loads = context.getBean(LoadService.class);
        assertThat(loads.runAndWait(first, ADMIN).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        MartSnapshot before = data.snapshot(ADMIN);
        for (String la : AUTHORITIES) {
            for (int year = 2022; year <= 2024; year++) {
                oldPages.put(la + "/" + year, page(la, year));
            }
        }

        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<List<Double>> phase = new AtomicReference<>(idleMs);
        List<Thread> sessions = new ArrayList<>();
        long[] counts = new long[SESSIONS];
        for (int s = 0; s < SESSIONS; s++) {
            int session = s;
            Access who = s % 5 == 0 ? Access.admin("session-" + s) : Access.viewer("session-" + s);
            Thread thread = new Thread(() -> {
                Random random = new Random(session);
                while (!stop.get()) {
                    String la = AUTHORITIES.get(random.nextInt(AUTHORITIES.size()));
                    int year = 2022 + random.nextInt(3);
                    List<Double> into = phase.get();
                    long started = System.nanoTime();
                    try {
                        if (random.nextInt(10) == 0) {
                            seenPages.computeIfAbsent(la + "/" + year, k -> ConcurrentHashMap.newKeySet()).add(page(la, year));
                        } else {
                            view(random.nextInt(7), who, la, year, random);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        errors.add(Thread.currentThread().getName() + ": " + e);
                    }
                    into.add((System.nanoTime() - started) / 1e6);
                    counts[session]++;
                }
            }, "session-" + s);
            sessions.add(thread);
            thread.start();
        }
        Thread.sleep(3000);
        phase.set(loadingMs);
        revision = loads.runAndWait(revised, ADMIN);
        phase.set(Collections.synchronizedList(new ArrayList<>()));
        Thread.sleep(1000);
        stop.set(true);
        for (Thread thread : sessions) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        for (long count : counts) {
            calls += count;
        }
        assertThat(data.snapshot(ADMIN).fingerprint()).as("the marts were rebuilt").isNotEqualTo(before.fingerprint());
        for (String la : AUTHORITIES) {
            for (int year = 2022; year <= 2024; year++) {
                newPages.put(la + "/" + year, page(la, year));
            }
        }
        writeReport();
    }

    @AfterAll
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theRevisionLoadedWhileFiftySessionsUsedTheDashboards() {
        assertThat(revision.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(calls).as("calls the sessions made").isGreaterThan(SESSIONS * 10L);
        assertThat(loadingMs).as("calls made while the load ran").hasSizeGreaterThan(SESSIONS);
    }

    @Test
    void noSessionCallFailed() {
        assertThat(errors).isEmpty();
    }

    @Test
    void everyPageASessionReadIsWhollyTheOldBuildOrWhollyTheNew() {
        assertThat(seenPages).isNotEmpty();
        for (var entry : seenPages.entrySet()) {
            String laYear = entry.getKey();
            assertThat(oldPages.get(laYear)).as("the revision changes " + laYear).isNotEqualTo(newPages.get(laYear));
            for (String seen : entry.getValue()) {
                assertThat(seen).as("a page of " + laYear + " read during the load").isIn(oldPages.get(laYear), newPages.get(laYear));
            }
        }
    }

    /**
     * An LA-year's page as a VIEWER sees it: the overview's figures (LA, comparators) for every
     * indicator from one snapshot, and the breakdown of children looked after by age band; one
     * string. Read the way the views read it (snapshot first, then the breakdown).
     */
    private String page(String la, int year) {
        Access viewer = Access.viewer("page-reader");
        for (int attempt = 1; ; attempt++) {
            // As DashboardView builds a page: one snapshot, the breakdown of the same build, and
            // the whole page again if the marts were rebuilt meanwhile.
            MartSnapshot snapshot = data.snapshot(viewer);
            StringBuilder page = new StringBuilder();
            for (Indicator indicator : snapshot.catalogue().all()) {
                MartSnapshot.Comparators figures = snapshot.comparators(la, year, indicator.id());
                for (Figure figure : new Figure[] {figures.la(), figures.snMean(), figures.region(), figures.england()}) {
                    page.append(snapshot.show(figure, true)).append('\n');
                }
            }
            try {
                page.append(data.breakdown(snapshot, viewer, la, year, "cla_31mar", "age_band"));
                return page.toString();
            } catch (DashboardData.BuildChanged e) {
                rebuiltWhileRead.incrementAndGet();
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** One view's data calls (as bench/Interactions makes them). */
    private void view(int which, Access who, String la, int year, Random random) {
        MartSnapshot snapshot = data.snapshot(who);
        boolean suppress = who.suppress();
        List<Indicator> indicators = snapshot.catalogue().all();
        Indicator indicator = indicators.get(random.nextInt(indicators.size()));
        Comparison compare = Comparison.values()[random.nextInt(Comparison.values().length)];
        Authority authority = snapshot.authority(la).orElseThrow();
        Function<Figure, Object> show = figure -> snapshot.show(figure, suppress);
        switch (which) {
            case 0 -> indicators.forEach(i -> {
                MartSnapshot.Comparators figures = snapshot.comparators(la, year, i.id());
                show.apply(figures.la());
                show.apply(figures.snMean());
                show.apply(figures.region());
                show.apply(figures.england());
                snapshot.direction(la, year, i.id(), suppress);
                snapshot.notes(la, year, i.id());
            });
            case 1 -> snapshot.trend(la, indicator.id()).forEach(c -> show.apply(c.la()));
            case 2 -> assertThat(snapshot.ranking(indicator.id(), year, compare, la, suppress).entries()).isNotNull();
            case 3 -> snapshot.funnel(indicator.id(), year, compare, la, suppress);
            case 4 -> snapshot.heatmap(authority.regionCode(), year, columns.ids(), suppress);
            case 5 -> scorecard.items().forEach(item -> show.apply(snapshot.la(la, year, item.id())));
            default -> {
                if (snapshot.isLoaded(la, year) && !indicator.breakdowns().isEmpty()) {
                    try {
                        data.breakdown(snapshot, who, la, year, indicator.id(),
                                indicator.breakdowns().get(random.nextInt(indicator.breakdowns().size())));
                    } catch (DashboardData.BuildChanged e) {
                        rebuiltWhileRead.incrementAndGet(); // the view builds the page again
                    }
                }
            }
        }
    }

    private void writeReport() throws Exception {
        Path report = Path.of("target", "concurrency", "REPORT.md");
        Files.createDirectories(report.getParent());
        double idle = percentile(idleMs, 95);
        double loading = percentile(loadingMs, 95);
        String text = "# Concurrent use during a load\n\n" + SESSIONS + " sessions, " + calls + " calls, " + errors.size() + " errors; " + rebuiltWhileRead.get() + " pages read again because the marts were rebuilt meanwhile; "
                + "the revision's load took " + (revision.getEndTime() == null ? "?" : java.time.Duration.between(revision.getStartTime(),
                revision.getEndTime()).toMillis()) + " ms.\n\n"
                + "| phase | calls | p50 ms | p95 ms |\n|---|---|---|---|\n"
                + "| idle | " + idleMs.size() + " | " + fmt(percentile(idleMs, 50)) + " | " + fmt(idle) + " |\n"
                + "| during the load and marts rebuild | " + loadingMs.size() + " | " + fmt(percentile(loadingMs, 50)) + " | " + fmt(loading) + " |\n"
                + "\np95 under load / idle: " + fmt(loading / idle) + "\n";
        Files.writeString(report, text);
        System.out.println(text);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    private static String fmt(double value) {
        return String.format("%.2f", value);
    }
}
