package uk.iroinsight.dashboards.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.iroinsight.dashboards.DemoWarehouse;
import uk.iroinsight.security.TestAccounts;
import uk.iroinsight.warehouse.Warehouse;

/**
 * The Breakdown and Regional forum views in real Chromium against the East Midlands demo
 * warehouse, checked against SQL on a second copy of that warehouse. Self-contained driver set-up
 * (as {@code ApexChartBrowserTest}) until the shared browser session arrives. Leaves screenshots in
 * {@code target/screenshots/breakdown-*.png} and {@code region-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.productionMode=true",
        "iro.scheduling-enabled=false",
        "iro.demo.enabled=false",
        "logging.level.root=WARN"})
@DirtiesContext
class BreakdownAndRegionBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static WebDriver browser;
    private static Warehouse expected;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void demoWarehouse(DynamicPropertyRegistry properties) {
        properties.add("iro.db", BreakdownAndRegionBrowserTest::servedWarehouse);
        properties.add("iro.secrets-dir", () -> folder.resolve("secrets").toString());
        properties.add("iro.inbox", () -> folder.resolve("inbox").toString());
    }

    /** The application's warehouse: one copy, however often the property is read. */
    private static synchronized String servedWarehouse() {
        Path file = folder.resolve("w.duckdb");
        return (Files.exists(file) ? file : DemoWarehouse.copyTo(file)).toString();
    }

    @BeforeAll
    static void startChromium() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        expected = Warehouse.open(DemoWarehouse.copyTo(folder.resolve("expected.duckdb")));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(folder.resolve("profile")), "--window-size=1280,2600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
        if (expected != null) {
            expected.close();
        }
    }

    private static boolean signedIn;

    /** A forum member's account: a VIEWER (the suppression checks below are a VIEWER's). */
    @BeforeEach
    void signIn() {
        if (!signedIn) {
            browser.manage().deleteAllCookies();
            browser.get(url("/login"));
            WebElement user = waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
            user.sendKeys(TestAccounts.VIEWER.username());
            WebElement secret = browser.findElement(By.cssSelector("#vaadinLoginPassword input"));
            secret.sendKeys(TestAccounts.PASSWORD);
            secret.sendKeys(Keys.ENTER);
            waitFor(d -> !d.getCurrentUrl().contains("/login"));
            signedIn = true;
        }
    }

    // ------------------------------------------------------------------ breakdown

    @Test
    void theBreakdownChartsTheCategoriesOfTheMartForTheLaYear() throws Exception {
        open("/breakdown?la=891&year=2024&indicator=cla_31mar&by=age_band", "breakdown-chart");

        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Children looked after at 31 March by age band: Nottinghamshire, year ending 31 March 2024");
        List<String> categories = expected.query("the categories", """
                SELECT category FROM mart_breakdown
                WHERE la_code = '891' AND year = 2024 AND indicator = 'cla_31mar' AND dimension = 'age_band'
                ORDER BY category_order, category""", row -> row.getString(1));
        List<Double> values = expected.query("the values", """
                SELECT value FROM mart_breakdown
                WHERE la_code = '891' AND year = 2024 AND indicator = 'cla_31mar' AND dimension = 'age_band'
                ORDER BY category_order, category""", row -> row.getDouble(1));
        JsonNode chart = options("breakdown-chart");
        assertThat(categories).isNotEmpty();
        assertThat(texts(chart.at("/xaxis/categories"))).isEqualTo(categories);
        JsonNode data = chart.at("/series/0/data");
        for (int i = 0; i < categories.size(); i++) {
            if (!data.get(i).isNull()) {
                assertThat(data.get(i).asDouble()).as(categories.get(i)).isEqualTo(values.get(i));
            }
        }
        assertThat(browser.findElements(By.cssSelector("#breakdown-chart .apexcharts-bar-area"))).isNotEmpty();
        WebElement table = showTable("breakdown-card");
        assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(categories.size() + 1);
        assertThat(table.findElement(By.cssSelector("thead")).getText()).contains("Age band", "Numerator (children)", "Denominator");
        // a VIEWER is offered no record-level links
        assertThat(browser.findElements(By.id("records-links"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href*='records']"))).isEmpty();
        screenshot("breakdown-cla-age-band");
    }

    @Test
    void choosingAnotherDimensionPutsItInTheAddress() throws Exception {
        open("/breakdown?la=891&year=2024&indicator=cla_31mar&by=age_band", "breakdown-chart");

        browser.findElement(By.id("choose-by")).click();
        WebElement sex = waitFor(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-select-item[normalize-space(.)='Sex']")));
        sex.click();

        waitFor(ExpectedConditions.urlContains("by=sex"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "by sex"));
        waitFor(driver -> texts(options("breakdown-chart").at("/xaxis/categories")).contains("Female"));
        assertThat(browser.getCurrentUrl()).contains("la=891", "year=2024", "indicator=cla_31mar");
        Thread.sleep(1000);
        screenshot("breakdown-cla-sex");
    }

    @Test
    void participationIsAStackOfTheEightCodesWithDurhamBesideIt() throws Exception {
        open("/breakdown?la=891&year=2024", "participation-chart");

        assertThat(browser.getCurrentUrl()).contains("indicator=participation_pct", "by=age_band");
        waitFor(driver -> driver.findElements(By.cssSelector("#participation-chart .apexcharts-bar-series .apexcharts-series")).size() == 8);
        assertThat(options("participation-chart").at("/series").size()).isEqualTo(8);
        assertThat(texts(options("participation-chart").at("/xaxis/categories"))).containsExactly("2022", "2023", "2024", "2025");
        assertThat(browser.findElement(By.id("durham-reference")).getText())
                .startsWith("In Durham's published IRO annual report for 2021/22, 33.3% of its 2,911 reviews were PN1")
                .contains("In Nottinghamshire in the year ending 31 March 2024: ");
        scrollTo("participation-card");
        screenshot("breakdown-participation");
    }

    @Test
    void disputesShowTheYearAtAGlanceAndTimeToResolveByTheme() throws Exception {
        open("/breakdown?la=891&year=2024&indicator=disputes_raised&by=theme", "disputes-chart");

        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Disputes raised by IROs by dispute theme: Nottinghamshire");
        List<String> themes = expected.query("the themes", """
                SELECT category FROM mart_breakdown
                WHERE la_code = '891' AND year = 2024 AND indicator = 'disputes_median_wd' AND dimension = 'theme'
                ORDER BY category_order, category""", row -> row.getString(1));
        assertThat(texts(options("disputes-chart").at("/xaxis/categories"))).isEqualTo(themes);
        assertThat(browser.findElement(By.id("disputes-summary")).getText()).contains("Disputes raised by IROs: ");
        scrollTo("disputes-card");
        screenshot("breakdown-disputes");
    }

    @Test
    void aSmallGroupInRutlandIsHiddenInTheTableAndNullInTheChart() throws Exception {
        List<String[]> small = expected.query("Rutland's small groups", """
                SELECT dimension, category FROM mart_breakdown
                WHERE la_code = '857' AND year = 2024 AND indicator = 'cla_31mar' AND numerator BETWEEN 1 AND 5
                ORDER BY dimension = 'age_band' DESC, dimension, category_order""", row -> new String[] {row.getString(1), row.getString(2)});
        assertThat(small).as("Rutland has a group of 1 to 5 children").isNotEmpty();
        String dimension = small.get(0)[0];
        String category = small.get(0)[1];

        open("/breakdown?la=857&year=2024&indicator=cla_31mar&by=" + dimension, "breakdown-chart");

        JsonNode chart = options("breakdown-chart");
        int index = texts(chart.at("/xaxis/categories")).indexOf(category);
        assertThat(index).isNotNegative();
        assertThat(chart.at("/series/0/data").get(index).isNull()).isTrue();
        assertThat(chart.toString()).doesNotContain("\"label\"");
        WebElement table = showTable("breakdown-card");
        WebElement row = table.findElements(By.cssSelector("tbody tr")).stream()
                .filter(tr -> tr.findElement(By.tagName("th")).getText().equals(category)).findFirst().orElseThrow();
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells.get(0)).isEqualTo("[c]");
        assertThat(cells.get(2)).isEqualTo("[c]");
        screenshot("breakdown-rutland-suppressed");
    }

    @Test
    void anAuthorityYearWithOnlyPublishedFiguresSaysBreakdownsNeedItsReturns() throws Exception {
        browser.get(url("/breakdown?la=860&year=2024&indicator=cla_31mar&by=sex"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".iro-breakdown-message"),
                "Breakdowns need the authority's own returns."));
        assertThat(browser.findElements(By.id("breakdown-chart"))).isEmpty();
        screenshot("breakdown-not-loaded");
    }

    @Test
    void anIndicatorWithoutBreakdownsOffersThoseWithThem() throws Exception {
        browser.get(url("/breakdown?la=891&year=2024&indicator=cla_rate_10k"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".iro-breakdown-message"), "is not split"));
        List<WebElement> links = browser.findElements(By.cssSelector(".iro-breakdown-links a"));
        assertThat(links).isNotEmpty();
        assertThat(links.get(0).getDomAttribute("href")).contains("indicator=cla_31mar", "by=age_band");
        screenshot("breakdown-no-breakdowns");
    }

    // ------------------------------------------------------------------ regional forum

    @Test
    void theRegionalForumShowsTheRegionsTenAuthoritiesWithValueAndRankInEachCell() throws Exception {
        open("/region?la=891&year=2024", "region-heatmap");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Regional forum: East Midlands, year ending 31 March 2024");
        waitFor(driver -> driver.findElements(By.cssSelector("#region-heatmap .apexcharts-heatmap-series")).size() == 10
                || driver.findElements(By.cssSelector("#region-heatmap .apexcharts-series")).size() == 10);
        JsonNode chart = options("region-heatmap");
        assertThat(chart.at("/series").size()).isEqualTo(10);
        List<String> names = new ArrayList<>();
        chart.at("/series").forEach(series -> names.add(series.get("name").asText()));
        assertThat(names).contains("Nottinghamshire", "Rutland", "Derby");
        List<String> labels = browser.findElements(By.cssSelector("#region-heatmap .apexcharts-datalabel")).stream()
                .map(WebElement::getText).toList();
        assertThat(labels).anyMatch(text -> text.matches("[0-9.]+ \\(\\d+(st|nd|rd|th)\\)"));
        assertThat(browser.findElement(By.id("region-comparators")).getText()).contains("England");
        screenshot("region-east-midlands");
    }

    @Test
    void clickingACellOpensThatAuthoritysIndicatorInTheExplorerAndBackReturns() throws Exception {
        open("/region?la=891&year=2024", "region-heatmap");
        Thread.sleep(1500); // let the drawing animation finish
        JsonNode chart = options("region-heatmap");
        int rows = chart.at("/series").size();
        WebElement topRowColumn3 = browser.findElements(By.cssSelector("#region-heatmap rect.apexcharts-heatmap-rect[j='3']")).stream()
                .min(Comparator.comparingInt(cell -> cell.getRect().getY())).orElseThrow();
        // The top row is the last series (the chart holds rows bottom-up).
        String topName = chart.at("/series/" + (rows - 1) + "/name").asText();
        String topLa = laCode(topName);

        new Actions(browser).moveToElement(topRowColumn3).click().perform();

        waitFor(ExpectedConditions.urlContains("/explorer"));
        assertThat(browser.getCurrentUrl()).contains("la=" + topLa, "indicator=reviews_on_time_pct", "year=2024");
        browser.navigate().back();
        waitFor(ExpectedConditions.urlContains("/region"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#region-heatmap svg .apexcharts-series")));
        assertThat(browser.getCurrentUrl()).contains("la=891");
    }

    @Test
    void aCellChosenFromTheKeyboardOpensTheExplorerToo() throws Exception {
        open("/region?la=891&year=2024", "region-heatmap");
        Thread.sleep(1500);
        WebElement svg = browser.findElement(By.cssSelector("#region-heatmap .apexcharts-canvas > svg"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", svg);
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        WebElement focused = waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#region-heatmap .apexcharts-keyboard-focused")));
        int series = Integer.parseInt(focused.getDomAttribute("i"));
        int column = Integer.parseInt(focused.getDomAttribute("j"));
        JsonNode chart = options("region-heatmap");
        String la = laCode(chart.at("/series/" + series + "/name").asText());
        screenshot("region-keyboard-focus");

        new Actions(browser).sendKeys(Keys.ENTER).perform();

        waitFor(ExpectedConditions.urlContains("/explorer"));
        List<String> columns = new uk.iroinsight.dashboards.region.ForumColumns(uk.iroinsight.indicators.Catalogue.load()).ids();
        assertThat(browser.getCurrentUrl()).contains("la=" + la, "indicator=" + columns.get(column));
    }

    // ------------------------------------------------------------------ helpers

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void open(String path, String chart) {
        browser.get(url(path));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " svg .apexcharts-series")));
    }

    private static String laCode(String name) {
        return expected.query("an authority's code", "SELECT la_code FROM dim_authority WHERE la_name = ? AND is_current",
                row -> row.getString(1), name).get(0);
    }

    private static JsonNode options(String chart) {
        Object json = ((JavascriptExecutor) browser).executeScript("return document.getElementById(arguments[0]).options", chart);
        try {
            return JSON.readTree(String.valueOf(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(node -> result.add(node.asText()));
        return result;
    }

    private static WebElement showTable(String card) {
        WebElement details = browser.findElement(By.cssSelector("#" + card + " vaadin-details.iro-table-toggle"));
        if (details.getDomAttribute("opened") == null) {
            details.findElement(By.cssSelector("vaadin-details-summary")).click();
        }
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + card + " table.iro-table")));
    }

    private static void scrollTo(String id) throws InterruptedException {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
        Thread.sleep(300);
    }

    private static void screenshot(String name) throws IOException, InterruptedException {
        Thread.sleep(800); // let the drawing animations finish
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, PATIENCE).until(condition);
    }
}
