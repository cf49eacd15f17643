package uk.iroinsight.dashboards.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
import uk.iroinsight.security.Access;
import uk.iroinsight.security.TestAccounts;
import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;

/**
 * The indicator explorer in real Chromium (headless Debian {@code chromium} and
 * {@code chromedriver}) against the application on the East Midlands demo warehouse: the three
 * charts, the drill-downs by click (and back), the comparison sets, a pasted link, the table and
 * CSV against the chart's data, and disclosure control in the chart JSON. Skipped only where
 * Chromium is not installed. Screenshots go to {@code target/screenshots/explorer-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.productionMode=true",
        "iro.scheduling-enabled=false",
        "iro.demo.enabled=false",
        "logging.level.root=WARN"})
@DirtiesContext
class ExplorerBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION_2024 = "/explorer?la=891&year=2024&indicator=reviews_on_time_pct&compare=region";

    @TempDir
    static Path folder;

    private static WebDriver browser;
    private static Path downloads;

    @LocalServerPort
    int port;

    @Autowired
    DashboardData data;

    @DynamicPropertySource
    static void demoWarehouse(DynamicPropertyRegistry properties) {
        properties.add("iro.db", ExplorerBrowserTest::warehouse);
        properties.add("iro.secrets-dir", () -> folder.resolve("secrets").toString());
        properties.add("iro.inbox", () -> folder.resolve("inbox").toString());
    }

    /** The demo warehouse, copied once: the property is read more than once. */
    private static synchronized String warehouse() {
        Path file = folder.resolve("w.duckdb");
        return (Files.exists(file) ? file : DemoWarehouse.copyTo(file)).toString();
    }

    @BeforeAll
    static void startChromium() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        downloads = Files.createDirectories(folder.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(folder.resolve("profile")), "--window-size=1280,1000");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static boolean signedIn;

    /** A forum member's account: a VIEWER, who sees small numbers suppressed. */
    @BeforeEach
    void signIn() {
        if (!signedIn) {
            BrowserSession.signIn(browser, "http://localhost:" + port, TestAccounts.VIEWER.username(), TestAccounts.PASSWORD);
            signedIn = true;
        }
    }

    @Test
    void fromTheOverviewsLinkTheNeighboursRankingAndTheBestNeighbourShowWithoutAnotherClick() throws Exception {
        open("/explorer?la=891&year=2024&indicator=reviews_on_time_pct&compare=sn");

        MartSnapshot snapshot = data.snapshot();
        MartSnapshot.Ranking ranking = snapshot.ranking("reviews_on_time_pct", 2024, Comparison.SN, "891", true);
        MartSnapshot.Ranked best = ranking.entries().stream().filter(r -> r.rank() != null && !r.authority().laCode().equals("891"))
                .findFirst().orElseThrow();
        WebElement sentence = browser.findElement(By.id("ranking-sentence"));
        assertThat(sentence.isDisplayed()).isTrue();
        assertThat(sentence.getText()).startsWith("Nottinghamshire is ").contains(" among its statistical neighbours")
                .contains(best.authority().name() + " (" + best.shown().text() + "%)");
        assertThat(bars()).hasSize(ranking.ranked());
        assertThat(heading()).isEqualTo("Reviews held on time: Nottinghamshire");
        assertThat(browser.getTitle()).isEqualTo("Reviews held on time: Nottinghamshire · IRO Insight");
        screenshot("explorer-sn");
    }

    @Test
    void theThreeChartsRenderAndTheRegionsRankingHasTenBars() throws Exception {
        open(REGION_2024);

        for (String card : List.of("trend-card", "ranking-card", "funnel-card")) {
            assertThat(browser.findElements(By.cssSelector("#" + card + " svg .apexcharts-series"))).as(card).isNotEmpty();
        }
        assertThat(bars()).hasSize(10);
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(browser.findElement(By.id("funnel-sentence")).getText()).startsWith("Nottinghamshire (").contains(" lies ");
        // The explorer's own stylesheet (explorer.css, imported by the theme) is in the bundle.
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.getElementById('ranking-sentence')).fontWeight")).isEqualTo("500");
        screenshot("explorer-region");
    }

    @Test
    void clickingAnotherAuthoritysBarExploresThatAuthorityAndBackReturns() throws Exception {
        open(REGION_2024);
        JsonNode bars = options("ranking-chart").get("series").get(0).get("data");
        int index = bars.get(0).get("x").asText().equals("Nottinghamshire") ? 1 : 0;
        String name = bars.get(index).get("x").asText();
        Authority other = data.snapshot().authorities().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();

        // A bar on an axis that does not start at zero is drawn clipped: aim at its visible top.
        WebElement bar = bars().get(index);
        new Actions(browser).moveToElement(bar, 0, -bar.getRect().getHeight() / 2 + 8).click().perform();

        waitFor(driver -> driver.getCurrentUrl().contains("la=" + other.laCode()));
        waitFor(driver -> heading().equals("Reviews held on time: " + name));
        assertThat(browser.getCurrentUrl()).contains("year=2024").contains("indicator=reviews_on_time_pct").contains("compare=region");
        waitForCharts();
        screenshot("explorer-drilled");

        browser.navigate().back();

        waitFor(driver -> driver.getCurrentUrl().contains("la=891"));
        waitFor(driver -> heading().equals("Reviews held on time: Nottinghamshire"));
    }

    @Test
    void clickingAPointOfTheTrendChoosesThatYear() {
        open(REGION_2024);
        MartSnapshot snapshot = data.snapshot();
        List<Integer> years = TrendChart.of(snapshot, snapshot.authority("891").orElseThrow(), snapshot.indicator("reviews_on_time_pct"),
                2024, true).years();
        int first = years.get(0);
        assertThat(first).isNotEqualTo(2024);
        WebElement point = browser.findElement(By.cssSelector(
                "#trend-chart .apexcharts-series[seriesName='Nottinghamshire'] .apexcharts-marker[j='0']"));

        new Actions(browser).moveToElement(point).click().perform();

        waitFor(driver -> driver.getCurrentUrl().contains("year=" + first));
        assertThat(browser.getCurrentUrl()).contains("la=891").contains("compare=region");
        waitFor(driver -> driver.findElement(By.cssSelector("#ranking-card h2")).getText().endsWith("31 March " + first));
    }

    @Test
    void allAuthoritiesRanksEveryAuthorityWithAFigure() throws Exception {
        open("/explorer?la=891&year=2024&indicator=stability_3plus_pct&compare=region"); // DfE publishes it for every authority
        WebElement all = browser.findElements(By.cssSelector("#choose-compare vaadin-radio-button")).stream()
                .filter(button -> button.getText().contains("All authorities")).findFirst().orElseThrow();

        all.findElement(By.tagName("label")).click();

        waitFor(driver -> driver.getCurrentUrl().contains("compare=all"));
        int expected = data.snapshot().ranking("stability_3plus_pct", 2024, Comparison.ALL, "891", true).ranked();
        assertThat(expected).isGreaterThan(140);
        waitFor(driver -> bars().size() == expected);
        assertThat(browser.findElement(By.id("ranking-sentence")).getText()).contains(" of " + expected + " in England");
        waitForCharts();
        screenshot("explorer-all");
    }

    @Test
    void aLinkPastedIntoAFreshTabShowsTheSameView() {
        open("/explorer?la=855&year=2023&indicator=stability_3plus_pct&compare=sn");
        String url = browser.getCurrentUrl();
        String heading = heading();
        String ranking = optionsText("ranking-chart");
        String year = browser.findElement(By.cssSelector("#choose-year vaadin-select-value-button")).getText();
        String original = browser.getWindowHandle();

        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(url);
            waitForCharts();
            assertThat(heading()).isEqualTo(heading).isEqualTo("Three or more placements in the year: Leicestershire");
            assertThat(optionsText("ranking-chart")).isEqualTo(ranking);
            assertThat(browser.findElement(By.cssSelector("#choose-year vaadin-select-value-button")).getText()).isEqualTo(year)
                    .isEqualTo("2022 to 2023");
            assertThat(browser.findElement(By.cssSelector("#choose-la input")).getDomProperty("value")).isEqualTo("Leicestershire");
            assertThat(browser.findElement(By.cssSelector("#choose-indicator input")).getDomProperty("value"))
                    .isEqualTo("Three or more placements in the year");
            assertThat(browser.getCurrentUrl()).isEqualTo(url);
        } finally {
            browser.close();
            browser.switchTo().window(original);
        }
    }

    @Test
    void theRankingsTableShowsTheValuesTheChartDrawsAndItsCsvHoldsTheSameRows() throws Exception {
        open(REGION_2024);
        MartSnapshot snapshot = data.snapshot();
        WebElement toggle = browser.findElement(By.cssSelector("#ranking-card vaadin-details.iro-table-toggle vaadin-details-summary"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", toggle);
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ranking-card .iro-table-toggle table tbody tr")));
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : browser.findElements(By.cssSelector("#ranking-card .iro-table-toggle table tbody tr"))) {
            rows.add(tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList());
        }
        assertThat(rows).hasSize(10);

        JsonNode bars = options("ranking-chart").get("series").get(0).get("data");
        for (int i = 0; i < bars.size(); i++) {
            String name = bars.get(i).get("x").asText();
            double drawn = bars.get(i).get("y").asDouble();
            List<String> row = rows.get(i);
            assertThat(row.get(0)).isEqualTo(name);
            assertThat(Double.parseDouble(row.get(1))).isCloseTo(drawn, within(0.05));
            Authority authority = snapshot.authorities().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
            assertThat(row.get(1)).isEqualTo(snapshot.show(snapshot.la(authority.laCode(), 2024, "reviews_on_time_pct"), true).text());
        }

        WebElement csvLink = browser.findElements(By.cssSelector("#ranking-card .iro-download-links a")).stream()
                .filter(a -> a.getText().equals("Download CSV")).findFirst().orElseThrow();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", csvLink);
        Path csv = waitFor(driver -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().startsWith("reviews-held-on-time-east-midlands")
                        && f.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        waitFor(driver -> size(csv) > 0);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\nAs of,").contains("\r\nAreas,\"The 10 authorities of the East Midlands: ");
        for (List<String> row : rows) {
            assertThat(text).contains("\r\n" + String.join(",", row.stream().map(ExplorerBrowserTest::csvField).toList()) + "\r\n");
        }
    }

    @Test
    void aSmallAuthoritysSuppressedCountNeverReachesTheChartsJson() throws Exception {
        MartSnapshot snapshot = data.snapshot(); // as a viewer (nobody signed in on this thread) sees it
        MartSnapshot raw = data.snapshot(Access.admin("test")); // the figures as they are, to find the small ones
        Integer year = null;
        Double hidden = null;
        for (int y : raw.years()) {
            Figure figure = raw.la("857", y, "disputes_raised");
            if (figure.numerator() != null && figure.numerator() >= 1 && figure.numerator() <= 5) {
                year = y;
                hidden = figure.value();
            }
        }
        assertThat(year).as("a year in which Rutland raised 1 to 5 disputes").isNotNull();

        open("/explorer?la=857&year=" + year + "&indicator=disputes_raised&compare=region", "trend-chart", "ranking-chart");

        for (String chart : List.of("trend-chart", "ranking-chart")) {
            for (JsonNode series : options(chart).get("series")) {
                for (JsonNode datum : series.get("data")) {
                    JsonNode y = datum.isObject() ? datum.get("y") : datum;
                    if (y != null && y.isNumber()) {
                        double value = y.asDouble();
                        assertThat(value > 0 && value <= 5).as(chart + " " + series.get("name") + " draws " + value).isFalse();
                        assertThat(value).isNotEqualTo(hidden);
                    }
                }
            }
        }
        JsonNode rutland = options("trend-chart").get("series").get(0);
        assertThat(rutland.get("name").asText()).isEqualTo("Rutland");
        List<Integer> drawnYears = TrendChart.of(snapshot, snapshot.authority("857").orElseThrow(), snapshot.indicator("disputes_raised"),
                year, true).years();
        assertThat(rutland.get("data").get(drawnYears.indexOf(year)).isNull()).isTrue();
        assertThat(browser.findElement(By.id("ranking-not-shown")).getText()).contains("Rutland [c]");
        assertThat(browser.findElement(By.id("funnel-card")).getText()).contains("is a count, so it has no funnel plot");
        screenshot("explorer-rutland");
    }

    // ------------------------------------------------------------------ helpers

    private void open(String path) {
        open(path, "trend-chart", "ranking-chart", "funnel-chart");
    }

    private void open(String path, String... charts) {
        browser.get("http://localhost:" + port + path);
        for (String chart : charts) {
            waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " svg .apexcharts-series")));
        }
    }

    private static void waitForCharts() {
        for (String chart : List.of("trend-chart", "ranking-chart")) {
            waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " svg .apexcharts-series")));
        }
    }

    private static String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private static List<WebElement> bars() {
        return browser.findElements(By.cssSelector("#ranking-chart path.apexcharts-bar-area"));
    }

    /** The options JSON the server set on the chart element, as the browser holds it. */
    private static String optionsText(String chart) {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.getElementById(arguments[0]).options", chart);
    }

    private static JsonNode options(String chart) throws IOException {
        return JSON.readTree(optionsText(chart));
    }

    /** RFC 4180: quoted only when it holds a comma, quote or line break. */
    private static String csvField(String text) {
        return text.matches("(?s).*[,\"\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void screenshot(String name) throws IOException, InterruptedException {
        Thread.sleep(1200); // let the drawing animations finish
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        JavascriptExecutor page = (JavascriptExecutor) browser;
        Number height = (Number) page.executeScript("return Math.max(document.body.scrollHeight, "
                + "document.querySelector('vaadin-app-layout')?.shadowRoot?.querySelector('[content]')?.scrollHeight ?? 0, "
                + "document.getElementById('main-content').scrollHeight + 120)");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, Math.min(6000, height.intValue() + 100)));
        Thread.sleep(800);
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        // A view re-renders on every navigation: an element read mid-way may go stale; read it again.
        return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    }
}
