package uk.iroinsight.dashboards.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.iroinsight.dashboards.BrowserSession;
import uk.iroinsight.dashboards.DemoWarehouse;
import uk.iroinsight.security.Access;
import uk.iroinsight.security.TestAccounts;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.dashboards.scorecard.Scorecard;
import uk.iroinsight.indicators.Disclosure;
import uk.iroinsight.indicators.Indicator;

/**
 * The overview (the landing page) and the members' scorecard in real Chromium (Debian's
 * {@code /usr/bin/chromium} and {@code chromedriver}, headless), against the application on a
 * random port serving the production bundle, with the East Midlands demo warehouse. Skipped only
 * where Chromium is not installed. Leaves screenshots in {@code target/screenshots/overview-*.png}
 * and {@code scorecard-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.productionMode=true",
        "iro.scheduling-enabled=false",
        "iro.demo.enabled=false",
        "logging.level.root=WARN"})
@DirtiesContext
class OverviewBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path folder;

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    DashboardData data;

    @Autowired
    Scorecard scorecard;

    @DynamicPropertySource
    static void demoWarehouse(DynamicPropertyRegistry properties) {
        properties.add("iro.db", OverviewBrowserTest::warehouse);
        properties.add("iro.secrets-dir", () -> folder.resolve("secrets").toString());
        properties.add("iro.inbox", () -> folder.resolve("inbox").toString());
    }

    /** The demo warehouse, copied once (the property is read more than once). */
    private static synchronized String warehouse() {
        Path file = folder.resolve("w.duckdb");
        if (!Files.exists(file)) {
            DemoWarehouse.copyTo(file);
        }
        return file.toString();
    }

    @BeforeAll
    static void startChromium() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(folder.resolve("profile")), "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    // ------------------------------------------------------------------ overview

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
    void the_landing_page_is_the_overview_of_the_default_authority_and_writes_it_into_the_url() throws Exception {
        MartSnapshot snapshot = data.snapshot();
        open("/");

        String h1 = heading();
        Map<String, String> query = query();
        assertThat(query).containsKeys("la", "year");
        String la = query.get("la");
        int year = Integer.parseInt(query.get("year"));
        assertThat(snapshot.isLoaded(la, year)).isTrue();
        assertThat(h1).isEqualTo("Overview: " + snapshot.authority(la).orElseThrow().name() + ", year ending 31 March " + year);
        assertThat(browser.getTitle()).startsWith("Overview: ");
        // One tile per indicator, under the families' headings in catalogue order.
        assertThat(browser.findElements(By.cssSelector("a.iro-tile"))).hasSize(snapshot.catalogue().all().size());
        assertThat(browser.findElements(By.cssSelector(".iro-family h2")).stream().map(WebElement::getText).toList())
                .containsExactly("Children looked after", "Placement stability", "Reviews", "Participation", "Disputes", "Workforce");
        assertThat(browser.findElement(By.id("overview-summary")).getText())
                .startsWith("Figures for " + snapshot.catalogue().all().size() + " indicators: ")
                .contains("from " + snapshot.authority(la).orElseThrow().name() + "'s loaded returns", "published by DfE", "as of ");
        screenshot("overview-landing");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                SCREENSHOTS.resolve("overview-top.png"), StandardCopyOption.REPLACE_EXISTING);
        for (String family : List.of("reviews", "disputes")) {
            WebElement section = browser.findElement(By.id("family-" + family)).findElement(By.xpath(".."));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", section);
            Files.copy(section.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve("overview-" + family + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void choosing_an_authority_navigates_and_back_returns_to_the_previous_one() throws Exception {
        open("/?la=831&year=2024");
        assertThat(heading()).isEqualTo("Overview: Derby, year ending 31 March 2024");

        WebElement input = browser.findElement(By.cssSelector("#choose-la input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Nottinghamshire");
        // The items are filtered on the server: wait until only Nottinghamshire is offered.
        waitFor(driver -> driver.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList().equals(List.of("Nottinghamshire")));
        input.sendKeys(Keys.ENTER);

        waitFor(driver -> query().getOrDefault("la", "").equals("891"));
        waitFor(driver -> heading().equals("Overview: Nottinghamshire, year ending 31 March 2024"));
        assertThat(query()).containsEntry("year", "2024");
        screenshot("overview-nottinghamshire");

        browser.navigate().back();
        waitFor(driver -> query().getOrDefault("la", "").equals("831"));
        waitFor(driver -> heading().equals("Overview: Derby, year ending 31 March 2024"));
    }

    @Test
    void every_tile_is_a_link_to_the_explorer_for_its_indicator_with_the_same_authority_and_year() {
        MartSnapshot snapshot = data.snapshot();
        open("/?la=891&year=2024");

        List<WebElement> tiles = browser.findElements(By.cssSelector("a.iro-tile"));
        assertThat(tiles).hasSize(snapshot.catalogue().all().size());
        for (int i = 0; i < tiles.size(); i++) {
            URI href = URI.create(tiles.get(i).getDomAttribute("href"));
            assertThat(href.getPath()).isEqualTo("/explorer");
            assertThat(parse(href.getRawQuery())).isEqualTo(Map.of("la", "891", "year", "2024",
                    "indicator", snapshot.catalogue().all().get(i).id(), "compare", "sn"));
        }
        // The link's accessible name is its text: title, value, comparisons, direction.
        WebElement reviews = browser.findElement(By.id("tile-reviews_on_time_pct"));
        String text = reviews.getText();
        assertThat(text).startsWith(snapshot.indicator("reviews_on_time_pct").title()).contains("similar councils", "England", "since 2023",
                "Open in the indicator explorer");
        assertThat(text).containsPattern("[▲▼=] (better than|worse than|the same as) similar councils");
        assertThat(text).containsPattern("(↑ improving|↓ getting worse|→ no change) since 2023");

        // Enter on the focused tile opens the explorer there (a client-side navigation: back returns).
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", reviews);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor(driver -> URI.create(driver.getCurrentUrl()).getPath().equals("/explorer"));
        assertThat(query()).containsEntry("la", "891").containsEntry("year", "2024")
                .containsEntry("indicator", "reviews_on_time_pct").containsEntry("compare", "sn");
        browser.navigate().back();
        waitFor(driver -> URI.create(driver.getCurrentUrl()).getPath().equals("/"));
        waitFor(driver -> heading().equals("Overview: Nottinghamshire, year ending 31 March 2024"));
    }

    @Test
    void a_tile_whose_figure_is_suppressed_shows_no_value_and_no_rank() throws Exception {
        MartSnapshot snapshot = data.snapshot(Access.admin("test")); // the figures as they are, to find the small ones
        int year = suppressedYear(snapshot, "857");
        open("/?la=857&year=" + year);

        int checked = 0;
        for (Indicator indicator : snapshot.catalogue().all()) {
            Figure figure = snapshot.la("857", year, indicator.id());
            if (!isSmall(figure, indicator)) {
                continue;
            }
            WebElement tile = browser.findElement(By.id("tile-" + indicator.id()));
            assertThat(tile.findElement(By.className("iro-tile-value")).getText()).as(indicator.id()).isEqualTo("[c]");
            assertThat(tile.getText()).as(indicator.id()).contains("not shown: fewer than 6").doesNotContain(" in England");
            checked++;
        }
        assertThat(checked).isPositive();
        screenshot("overview-rutland");
    }

    // ------------------------------------------------------------------ scorecard

    @Test
    void the_scorecard_says_in_words_and_symbols_how_reviews_on_time_compare() throws Exception {
        open("/scorecard?la=891&year=2024");

        assertThat(heading()).isEqualTo("Corporate parenting scorecard: Nottinghamshire, 2023 to 2024");
        assertThat(browser.findElements(By.cssSelector("li.iro-scorecard-row"))).hasSize(scorecard.items().size());
        String reviews = browser.findElement(By.id("scorecard-reviews_on_time_pct")).getText();
        assertThat(reviews).startsWith("Reviews held on time: ").contains("similar councils").containsPattern("[▲▼=]")
                .containsPattern("(better than|worse than|the same as) similar councils");
        assertThat(browser.findElements(By.cssSelector(".iro-scorecard-section h2")).stream().map(WebElement::getText).toList())
                .contains("Key figures", "What the symbols mean", "Where the figures come from");
        assertThat(browser.findElement(By.id("scorecard-sources")).getText()).contains("Figures as of ");
        assertThat(browser.findElement(By.id("print-scorecard")).getDomAttribute("class")).contains("iro-no-print");
        screenshot("scorecard-nottinghamshire");

        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.id("choose-la")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("print-scorecard")).isDisplayed()).isFalse();
            screenshot("scorecard-print");
        } finally {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void rutlands_scorecard_never_shows_a_figure_of_one_to_five() throws Exception {
        MartSnapshot snapshot = data.snapshot(Access.admin("test")); // the figures as they are, to find the small ones
        int year = suppressedYear(snapshot, "857");
        open("/scorecard?la=857&year=" + year);
        String page = (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");

        List<String> suppressed = new ArrayList<>();
        for (Scorecard.Item item : scorecard.items()) {
            Indicator indicator = snapshot.indicator(item.id());
            String row = browser.findElement(By.id("scorecard-" + item.id())).getText();
            Figure now = snapshot.la("857", year, item.id());
            if (isSmall(now, indicator)) {
                suppressed.add(item.id());
                assertThat(row).as(item.id()).startsWith(item.label() + ": not shown: fewer than 6 ")
                        .doesNotContainPattern("[▲▼]");
                assertThat(page).as(item.id()).doesNotContain(item.label() + ": "
                        + Disclosure.show(now.forDisclosure(indicator), false).text());
            }
            Figure before = snapshot.la("857", year - 1, item.id());
            if (!isSmall(now, indicator) && now.hasValue() && isSmall(before, indicator)) {
                assertThat(row).as(item.id()).contains("last year's figure is not shown: fewer than 6 ");
            }
        }
        assertThat(suppressed).as("Rutland has a small number on its scorecard in " + year).isNotEmpty();
        screenshot("scorecard-rutland");
    }

    // ------------------------------------------------------------------ helpers

    /** A year in which some of Rutland's key figures have a numerator or denominator of 1 to 5. */
    private int suppressedYear(MartSnapshot snapshot, String la) {
        for (int year = DemoWarehouse.TO; year > DemoWarehouse.FROM; year--) {
            int y = year;
            if (scorecard.items().stream().anyMatch(item -> isSmall(snapshot.la(la, y, item.id()), snapshot.indicator(item.id())))) {
                return year;
            }
        }
        throw new AssertionError("no year with a small number for " + la);
    }

    /** The mart's figure has a count, numerator or denominator of 1 to 5 (indicators.md §9), read from the raw figure. */
    private static boolean isSmall(Figure figure, Indicator indicator) {
        if (!"ok".equals(figure.status()) || figure.value() == null) {
            return false;
        }
        return switch (Disclosure.Kind.of(indicator.unit().id())) {
            case COUNT -> oneToFive(figure.numerator() != null ? figure.numerator() : figure.value());
            case RATE -> oneToFive(figure.numerator()) || oneToFive(figure.denominator());
            case RATIO -> oneToFive(figure.numerator());
            case MEDIAN, FTE -> false;
        };
    }

    private static boolean oneToFive(Double n) {
        return n != null && n >= 1 && n <= 5;
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#main-content h1")));
    }

    private static String heading() {
        return browser.findElement(By.cssSelector("#main-content h1")).getText();
    }

    private static Map<String, String> query() {
        return parse(URI.create(browser.getCurrentUrl()).getRawQuery());
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                values.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return values;
    }

    /** A full-page screenshot: the window is made as tall as the page first. */
    private static void screenshot(String name) throws IOException, InterruptedException {
        Dimension before = browser.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight,"
                        + " ...Array.from(document.querySelectorAll('vaadin-app-layout > *')).map(e => e.scrollHeight))");
        browser.manage().window().setSize(new Dimension(1280, Math.min(8000, Math.max(800, height.intValue() + 120))));
        Thread.sleep(300);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(before);
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        // A navigation replaces the view's elements: one read in the middle of it is tried again.
        return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    }
}
