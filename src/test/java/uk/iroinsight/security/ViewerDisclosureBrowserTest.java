package uk.iroinsight.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.iroinsight.dashboards.BrowserSession;
import uk.iroinsight.dashboards.DemoWarehouse;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.indicators.Disclosure;
import uk.iroinsight.indicators.Indicator;

/**
 * A forum member (VIEWER) walks every dashboard of Rutland, the East Midlands authority with the
 * smallest numbers, and of Nottinghamshire, in real Chromium: no value that disclosure control
 * hides (a count of 1-5, a rate or percentage whose numerator or denominator is 1-5, a breakdown
 * cell suppressed to protect one) reaches the chart JSON sent to the browser (tooltips are drawn
 * from it), the tables or the CSV downloads; the views only an administrator or analyst may open
 * are refused even by typing their address.
 *
 * <p>"Hidden" values are those of the administrator's figures that the viewer's are not; a value
 * that also belongs to a figure the viewer may see (the same 50.0% elsewhere) cannot be told apart
 * and is left out of the check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.productionMode=true",
        "iro.scheduling-enabled=false",
        "iro.demo.enabled=false",
        "logging.level.root=WARN"})
@DirtiesContext
class ViewerDisclosureBrowserTest {

    private static final int YEAR = 2024;
    private static final String RUTLAND = "857", NOTTS = "891";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static BrowserSession session;
    private static boolean signedIn;

    @LocalServerPort
    int port;

    @Autowired
    DashboardData data;

    @DynamicPropertySource
    static void demoWarehouse(DynamicPropertyRegistry properties) {
        properties.add("iro.db", () -> DemoWarehouse.copyTo(folder.resolve("warehouse.duckdb")).toString());
        properties.add("iro.secrets-dir", () -> folder.resolve("secrets").toString());
        properties.add("iro.inbox", () -> folder.resolve("inbox").toString());
    }

    @BeforeAll
    static void startChromium() {
        BrowserSession.assumeChromium();
        session = BrowserSession.start(1280, 1000);
    }

    @AfterAll
    static void stopChromium() {
        if (session != null) {
            session.close();
        }
    }

    @BeforeEach
    void signIn() {
        if (!signedIn) {
            session.signIn(url(""), TestAccounts.VIEWER.username(), TestAccounts.PASSWORD);
            signedIn = true;
        }
    }

    /** The values hidden from a viewer in the LA-years walked, as numbers and as shown text. */
    private record Hidden(Set<Double> values, Set<String> texts) {
    }

    private Hidden hidden() {
        MartSnapshot raw = data.snapshot(Access.admin("test"));
        MartSnapshot viewer = data.snapshot(Access.viewer("test"));
        Set<Double> values = new HashSet<>();
        Set<String> texts = new HashSet<>();
        Set<Double> visible = new HashSet<>();
        Set<String> visibleTexts = new HashSet<>();
        List<Figure> rawFigures = new ArrayList<>();
        List<Figure> viewerFigures = new ArrayList<>();
        for (var authority : raw.authorities()) {
            for (int year : raw.years()) {
                for (Indicator indicator : raw.catalogue().all()) {
                    rawFigures.add(raw.la(authority.laCode(), year, indicator.id()));
                    viewerFigures.add(viewer.la(authority.laCode(), year, indicator.id()));
                }
            }
        }
        for (int i = 0; i < rawFigures.size(); i++) {
            Figure before = rawFigures.get(i);
            Figure after = viewerFigures.get(i);
            if (after.value() != null) {
                visible.add(after.value());
                visibleTexts.add(raw.show(after, false).text());
            } else if (before.value() != null && !"suppressed".equals(before.status())) {
                values.add(before.value());
                addIfPresent(values, before.numerator());
                addIfPresent(values, before.denominator());
                texts.add(raw.show(before, false).text());
            }
        }
        for (String la : List.of(RUTLAND, NOTTS)) {
            for (Indicator indicator : raw.catalogue().all()) {
                for (String dimension : indicator.breakdowns()) {
                    var rows = data.breakdown(Access.admin("test"), la, YEAR, indicator.id(), dimension);
                    var shown = data.breakdown(Access.viewer("test"), la, YEAR, indicator.id(), dimension);
                    for (int i = 0; i < rows.size(); i++) {
                        if (shown.get(i).value() == null && rows.get(i).value() != null) {
                            values.add(rows.get(i).value());
                            addIfPresent(values, rows.get(i).numerator());
                            addIfPresent(values, rows.get(i).denominator());
                            texts.add(Disclosure.show(rows.get(i).forDisclosure(indicator), false).text());
                        } else if (shown.get(i).value() != null) {
                            visible.add(shown.get(i).value());
                            addIfPresent(visible, shown.get(i).numerator());
                            addIfPresent(visible, shown.get(i).denominator());
                            visibleTexts.add(Disclosure.show(shown.get(i).forDisclosure(indicator), false).text());
                        }
                    }
                }
            }
        }
        for (Figure figure : viewerFigures) {
            addIfPresent(visible, figure.numerator());
            addIfPresent(visible, figure.denominator());
        }
        values.removeAll(visible);
        values.remove(0.0);
        texts.removeAll(visibleTexts);
        texts.remove("0");
        return new Hidden(values, texts);
    }

    private static void addIfPresent(Set<Double> set, Double value) {
        if (value != null) {
            set.add(value);
        }
    }

    @Test
    void noHiddenValueReachesAViewersChartsTablesOrDownloads() throws Exception {
        Hidden hidden = hidden();
        assertThat(hidden.values()).as("Rutland has small numbers to hide").hasSizeGreaterThan(20);
        MartSnapshot raw = data.snapshot(Access.admin("test"));
        List<String> pages = new ArrayList<>();
        for (String la : List.of(RUTLAND, NOTTS)) {
            pages.add("/?la=" + la + "&year=" + YEAR);
            pages.add("/scorecard?la=" + la + "&year=" + YEAR);
            pages.add("/region?la=" + la + "&year=" + YEAR);
        }
        // The explorer and breakdown of every indicator where Rutland has something hidden in the year.
        MartSnapshot viewer = data.snapshot(Access.viewer("test"));
        List<Indicator> withHidden = raw.catalogue().all().stream().filter(indicator ->
                viewer.la(RUTLAND, YEAR, indicator.id()).value() == null && raw.la(RUTLAND, YEAR, indicator.id()).value() != null
                        || indicator.breakdowns().stream().anyMatch(by -> data.breakdown(Access.viewer("test"), RUTLAND, YEAR, indicator.id(), by)
                        .stream().anyMatch(row -> "suppressed".equals(row.status())))).toList();
        assertThat(withHidden).hasSizeGreaterThan(5);
        for (Indicator indicator : withHidden) {
            pages.add("/explorer?la=" + RUTLAND + "&year=" + YEAR + "&indicator=" + indicator.id() + "&compare=region");
            if (!indicator.breakdowns().isEmpty()) {
                pages.add("/breakdown?la=" + RUTLAND + "&year=" + YEAR + "&indicator=" + indicator.id() + "&by="
                        + indicator.breakdowns().get(0));
            }
        }
        for (String dimension : raw.indicator("participation_pct").breakdowns()) {
            pages.add("/breakdown?la=" + NOTTS + "&year=" + YEAR + "&indicator=participation_pct&by=" + dimension);
        }
        int charts = 0, numbers = 0, cells = 0;
        for (String page : pages) {
            session.open(url(page));
            session.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
            session.waitFor(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
            waitForCharts();
            @SuppressWarnings("unchecked")
            List<List<String>> options = (List<List<String>>) ((JavascriptExecutor) session.driver()).executeScript(
                    "return Array.from(document.querySelectorAll('iro-apex-chart')).filter(c => !!c.options).map(c => [c.id, c.options])");
            for (List<String> chart : options) {
                charts++;
                JsonNode series = JSON.readTree(chart.get(1)).get("series");
                // The heatmap's numbers are shades (quarters of the region); its values are in the cells' labels.
                if (!chart.get(0).equals("region-heatmap")) {
                    for (double number : numbersIn(series)) {
                        numbers++;
                        assertThat(hidden.values()).as("%s: %s value %s", page, chart.get(0), number).doesNotContain(number);
                    }
                }
                for (String label : textsIn(series)) {
                    Matcher leading = Pattern.compile("^-?\\d[\\d,]*(\\.\\d+)?").matcher(label);
                    if (leading.find()) {
                        numbers++;
                        assertThat(hidden.texts()).as("%s: %s label %s", page, chart.get(0), label)
                                .doesNotContain(leading.group().replace(",", ""));
                    }
                }
            }
            // every shown cell's text in one call (one WebDriver round trip per cell took minutes);
            // like WebDriver's getText, a cell that is not displayed reads as empty
            @SuppressWarnings("unchecked")
            List<String> texts = (List<String>) ((JavascriptExecutor) session.driver()).executeScript(
                    "return Array.from(document.querySelectorAll('td, .iro-tile-value, .iro-value')).map(e => e.checkVisibility() ? e.innerText : '')");
            for (String shown : texts) {
                cells++;
                String text = shown.replace("%", "").replace(",", "").strip();
                assertThat(hidden.texts()).as("%s: cell '%s'", page, shown).doesNotContain(text);
            }
        }
        assertThat(charts).isGreaterThan(30);
        assertThat(numbers).isGreaterThan(500);
        assertThat(cells).isGreaterThan(500);

        // The downloads of a chart's table carry what the table shows, no more.
        for (String indicator : List.of("participation_pct", "reviews_on_time_pct", "stability_3plus_pct", "cla_31mar")) {
            session.clearDownloads();
            session.open(url("/explorer?la=" + RUTLAND + "&year=" + YEAR + "&indicator=" + indicator + "&compare=region"));
            WebElement csv = session.waitFor(ExpectedConditions.elementToBeClickable(By.xpath("(//a[normalize-space()='Download CSV'])[2]")));
            session.click(csv);
            Path file = session.awaitDownload(".csv", Duration.ofSeconds(20));
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher number = Pattern.compile("(?<![\\w.])\\d+\\.\\d+(?![\\w.])").matcher(text);
            while (number.find()) {
                assertThat(hidden.texts()).as("%s CSV: %s", indicator, number.group()).doesNotContain(number.group());
            }
        }
    }

    @Test
    void theViewsForAnalystsAndAdministratorsAreRefusedToAViewerEvenByAddress() {
        for (String path : List.of("/loads", "/downloads", "/users", "/audit", "/records?la=857&year=2024&indicator=cla_31mar&by=sex")) {
            session.open(url(path));
            session.waitFor(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
            session.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body *")));
            String page = session.driver().getPageSource();
            assertThat(page).as(path).doesNotContain("Run now").doesNotContain("Arrow IPC").doesNotContain("Add an account")
                    .doesNotContain("Audit trail</h1>").doesNotContain("pseudonym");
            assertThat(session.driver().findElements(By.cssSelector("vaadin-grid, table"))).as(path).isEmpty();
        }
        session.screenshot("viewer-refused");
    }

    private void waitForCharts() {
        session.waitFor(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('iro-apex-chart')).every(c => c.querySelector('svg') || c.shadowRoot?.querySelector('svg'))"),
                Duration.ofSeconds(20));
    }

    private static List<Double> numbersIn(JsonNode node) {
        List<Double> result = new ArrayList<>();
        collect(node, result);
        return result;
    }

    private static List<String> textsIn(JsonNode node) {
        List<String> result = new ArrayList<>();
        collectTexts(node, result);
        return result;
    }

    private static void collectTexts(JsonNode node, List<String> into) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            into.add(node.asText());
        } else if (node.isContainerNode()) {
            node.elements().forEachRemaining(child -> collectTexts(child, into));
        }
    }

    private static void collect(JsonNode node, List<Double> into) {
        if (node == null) {
            return;
        }
        if (node.isNumber()) {
            into.add(node.asDouble());
        } else if (node.isContainerNode()) {
            node.elements().forEachRemaining(child -> collect(child, into));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
