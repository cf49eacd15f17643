package uk.iroinsight.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import uk.iroinsight.dashboards.BrowserSession;

/**
 * Page render in headless Chromium ({@link BrowserSession}'s flags), signed in as admin: for the
 * overview, the explorer, the breakdown and the region view of one authority (drawn from the
 * seed; its latest year), two untimed visits, then N timed ones. A visit is {@code driver.get(url)}
 * and, in the page, a poll (every 5 ms) until every {@code iro-apex-chart} has drawn its
 * {@code svg.apexcharts-svg} with series in it (and the page's own content is there, e.g. the
 * overview's tiles); the time is the page's {@code performance.now()} then: milliseconds since
 * the navigation started (Navigation Timing's time origin).
 */
final class PageTimes implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Resolves with performance.now() once the page's content and every chart are drawn. */
    private static final String RENDERED = """
            const minCharts = arguments[0], selector = arguments[1], done = arguments[arguments.length - 1];
            const SERIES = '.apexcharts-series path, .apexcharts-series rect, .apexcharts-series circle, '
                + '.apexcharts-series-markers path, .apexcharts-series-markers circle, .apexcharts-heatmap-rect';
            function ready() {
              if (selector && !document.querySelector(selector)) return false;
              const charts = document.querySelectorAll('iro-apex-chart');
              if (charts.length < minCharts) return false;
              for (const chart of charts) {
                const svg = chart.querySelector('svg.apexcharts-svg');
                if (!svg || !svg.querySelector(SERIES)) return false;
              }
              return true;
            }
            (function poll() {
              if (!ready()) { setTimeout(poll, 5); return; }
              const now = performance.now(), nav = performance.getEntriesByType('navigation')[0];
              done([now, nav ? nav.responseEnd : -1, nav ? nav.loadEventEnd : -1]);
            })();
            """;

    record Page(String name, String path, int minCharts, String selector) {
    }

    private final Serve serve;
    private final int runs;
    private final BrowserSession browser;
    private final String la;
    private final Random random;
    private int pageLoads;
    /** Per page, when its document had loaded (Navigation Timing loadEventEnd, ms) in each timed run. */
    private final Map<String, List<Double>> documentLoaded = new LinkedHashMap<>();
    private double lastLoadEventEnd;

    PageTimes(Serve serve, int runs, long seed, Path work) {
        this.serve = serve;
        this.runs = runs;
        this.random = new Random(seed);
        this.la = serve.codes.get(random.nextInt(serve.codes.size()));
        this.browser = BrowserSession.start();
        browser.driver().manage().timeouts().scriptTimeout(PATIENCE);
        BrowserSession.signIn(browser.driver(), serve.baseUrl, "admin", serve.password);
    }

    private List<Page> pages(String code) {
        return List.of(
                new Page("overview", "/?la=" + code, 0, "#overview-summary ~ section .iro-tile"),
                new Page("explorer", "/explorer?la=" + code + "&indicator=reviews_on_time_pct", 3, "#funnel-chart"),
                new Page("breakdown", "/breakdown?la=" + code, 1, "#participation-chart"),
                new Page("region", "/region?la=" + code, 1, "#region-heatmap"));
    }

    /** Milliseconds per page, N warm runs each (runs alternate between the pages). */
    Map<String, List<Double>> timePages() {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        List<Page> pages = pages(la);
        for (int i = 0; i < 2; i++) {
            pages.forEach(this::visit);
        }
        for (int i = 0; i < runs; i++) {
            for (Page page : pages) {
                String name = page.name() + " (LA " + la + ")";
                times.computeIfAbsent(name, k -> new ArrayList<>()).add(visit(page));
                documentLoaded.computeIfAbsent(name, k -> new ArrayList<>()).add(lastLoadEventEnd);
            }
        }
        for (Page page : pages) {
            visit(page);
            browser.screenshot("bench-" + page.name());
        }
        return times;
    }

    /** Page loads of every view for several authorities (and each admin page once); returns how many. */
    int burst() {
        int before = pageLoads;
        for (int i = 0; i < 8; i++) {
            String code = serve.codes.get(random.nextInt(serve.codes.size()));
            pages(code).forEach(this::visit);
            visit(new Page("scorecard", "/scorecard?la=" + code, 0, "#scorecard"));
            visit(new Page("records", "/records?la=" + code, 0, "h1"));
        }
        for (String path : List.of("/loads", "/downloads", "/users", "/audit", "/account")) {
            visit(new Page(path, path, 0, "h1"));
        }
        return pageLoads - before;
    }

    /** When the page's document had loaded (its load event ended), ms after navigation start, per timed run. */
    List<Double> documentLoaded(String page) {
        return documentLoaded.get(page);
    }

    /** Page loads so far, sign-in and untimed visits included. */
    int pageLoads() {
        return pageLoads;
    }

    private double visit(Page page) {
        WebDriver driver = browser.driver();
        driver.get(serve.baseUrl + page.path());
        pageLoads++;
        List<?> times = (List<?>) ((JavascriptExecutor) driver).executeAsyncScript(RENDERED, page.minCharts(), page.selector());
        lastLoadEventEnd = ((Number) times.get(2)).doubleValue();
        return ((Number) times.get(0)).doubleValue();
    }

    @Override
    public void close() {
        browser.close();
    }
}
