package uk.iroinsight.dashboards.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.iroinsight.dashboards.BrowserSession;

/**
 * The chart component in real Chromium (Debian's {@code /usr/bin/chromium} and
 * {@code chromedriver}, headless), against the application on a random port with a fresh
 * warehouse, serving the production bundle that {@code package} built, on the test-only route
 * {@link ChartTestView}, through {@link BrowserSession}. Skipped only where Chromium is not
 * installed. Leaves a screenshot in {@code target/screenshots/charts.png} and checks the page
 * with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.productionMode=true",
        "iro.scheduling-enabled=false",
        "iro.demo.enabled=false", // an empty warehouse would otherwise start the national demo
        "logging.level.root=WARN"})
@DirtiesContext
class ApexChartBrowserTest {

    @TempDir
    static Path folder;

    private static BrowserSession session;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void freshWarehouse(DynamicPropertyRegistry properties) {
        properties.add("iro.db", () -> folder.resolve("warehouse.duckdb").toString());
        properties.add("iro.secrets-dir", () -> folder.resolve("secrets").toString());
        properties.add("iro.inbox", () -> folder.resolve("inbox").toString());
    }

    @BeforeAll
    static void startChromium() {
        BrowserSession.assumeChromium();
        session = BrowserSession.start(1280, 2600);
        browser = session.driver();
    }

    @AfterAll
    static void stopChromium() {
        if (session != null) {
            session.close();
        }
    }

    @BeforeEach
    void openTheChartPage() {
        browser.get("http://localhost:" + port + "/test/charts");
        for (String chart : List.of("bar-chart", "line-chart")) {
            waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " svg .apexcharts-series")));
        }
    }

    @Test
    void both_charts_render_as_svg_named_for_screen_readers_with_keyboard_help() {
        assertThat(bars()).hasSize(5);
        assertThat(browser.findElements(By.cssSelector("#line-chart .apexcharts-line-series .apexcharts-series"))).hasSize(4);

        WebElement svg = svg("line-chart");
        assertThat(svg.getDomAttribute("role")).isEqualTo("application");
        assertThat(svg.getDomAttribute("tabindex")).isEqualTo("0");
        assertThat(svg.getDomAttribute("aria-label"))
                .startsWith("Reviews on time: line chart, 2021 to 2025, 4 series: Nottinghamshire, Statistical neighbours, ")
                .endsWith("Tab to the chart, then use the arrow keys to move between data points and Enter to choose one.");
        assertThat(svg("bar-chart").getDomAttribute("aria-label"))
                .startsWith("Reviews on time, 2025: bar chart of 5 authorities in rank order; Nottinghamshire highlighted, 88.4%, 4th of 5.");
    }

    @Test
    void clicking_a_bar_tells_the_server_which_bar_it_was() {
        bars().get(2).click();

        waitForClicked("bar-chart 0 2 Leeds 80.0 Reviews on time");
    }

    @Test
    void clicking_a_point_of_a_line_tells_the_server_which_point_it_was() {
        // With a shared tooltip the markers take no pointer events: the click lands on the plot at the point.
        WebElement point = browser.findElement(By.cssSelector("#line-chart .apexcharts-series[seriesName='Nottinghamshire'] .apexcharts-marker[j='4']"));
        new Actions(browser).moveToElement(point).click().perform();

        waitForClicked("line-chart 0 4 2025 97.0 Nottinghamshire");
    }

    @Test
    void clicking_the_legend_after_hovering_a_point_chooses_nothing() throws Exception {
        WebElement point = browser.findElement(By.cssSelector("#line-chart .apexcharts-series[seriesName='England'] .apexcharts-marker[j='2']"));
        WebElement england = browser.findElements(By.cssSelector("#line-chart .apexcharts-legend-series")).get(3);

        new Actions(browser).moveToElement(point).pause(Duration.ofMillis(400)).moveToElement(england).click().perform();

        waitFor(driver -> "true".equals(driver.findElements(By.cssSelector("#line-chart .apexcharts-legend-series")).get(3)
                .getDomAttribute("data:collapsed")));
        Thread.sleep(500); // the round trip a wrong click event would make
        assertThat(browser.findElement(By.id("clicked")).getText()).isEqualTo("none");
    }

    @Test
    void clicking_a_heatmap_cell_names_the_row_drawn_there() {
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#heatmap-chart .apexcharts-heatmap-rect")));
        WebElement topRow2022 = browser.findElements(By.cssSelector("#heatmap-chart rect.apexcharts-heatmap-rect[j='1']")).stream()
                .min(Comparator.comparingInt(cell -> cell.getRect().getY())).orElseThrow();

        new Actions(browser).moveToElement(topRow2022, -20, -10).click().perform();

        waitForClicked("heatmap-chart 4 1 2022 60.0 Camden");
    }

    @Test
    void new_series_redraw_the_same_chart_instance_in_place() {
        WebElement chart = browser.findElement(By.id("bar-chart"));
        String before = bars().get(0).getDomAttribute("d");
        assertThat(chart.getDomAttribute("data-chart-instances")).isEqualTo("1");

        browser.findElement(By.id("update")).click();

        waitFor(driver -> "1".equals(chart.getDomAttribute("data-chart-updates")));
        waitFor(driver -> !before.equals(bars().get(0).getDomAttribute("d")));
        assertThat(chart.getDomAttribute("data-chart-instances")).isEqualTo("1");
        bars().get(2).click();
        waitForClicked("bar-chart 0 2 Leeds 84.0 Reviews on time");
    }

    @Test
    void a_chart_removed_from_the_view_is_destroyed() {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#funnel-chart svg .apexcharts-series")));
        page.executeScript("window.funnel = document.getElementById('funnel-chart')");

        browser.findElement(By.id("remove-funnel")).click();

        waitFor(driver -> Boolean.TRUE.equals(page.executeScript(
                "return !window.funnel.isConnected && window.funnel.chart === null && !window.funnel.querySelector('.apexcharts-canvas')")));
    }

    @Test
    void tab_arrow_right_and_enter_choose_a_point_from_the_keyboard() {
        tabToTheLineChart();

        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        waitFor(driver -> !driver.findElements(By.cssSelector("#line-chart .apexcharts-keyboard-focused")).isEmpty());
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        waitForClicked("line-chart 0 1 2022 86.5 Nottinghamshire");
    }

    @Test
    void a_series_name_with_markup_shows_as_text_and_runs_nothing() {
        List<String> legend = browser.findElements(By.cssSelector("#line-chart .apexcharts-legend-text")).stream()
                .map(WebElement::getText).toList();

        assertThat(legend).contains(ChartTestView.HOSTILE_NAME);
        assertThat(browser.findElements(By.cssSelector("#line-chart .apexcharts-legend img"))).isEmpty();
        assertThat(browser.getTitle()).isNotEqualTo("pwned");
    }

    @Test
    void the_toolbar_downloads_a_png_named_from_java() throws Exception {
        browser.findElement(By.cssSelector("#bar-chart .apexcharts-menu-icon")).click();
        WebElement png = waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("#bar-chart .apexcharts-menu-item.exportPNG")));
        png.click();

        Path file = session.awaitDownload("reviews-on-time-ranking-2025.png", BrowserSession.PATIENCE);
        assertThat(file.getFileName()).hasToString("reviews-on-time-ranking-2025.png");
        byte[] head = new byte[8];
        try (var in = Files.newInputStream(file)) {
            assertThat(in.read(head)).isEqualTo(8);
        }
        assertThat(head).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void a_screenshot_shows_every_chart_shape_with_the_keyboard_focus_on_a_point() throws Exception {
        for (String chart : List.of("funnel-chart", "stacked-chart", "heatmap-chart")) {
            waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " svg .apexcharts-series")));
        }
        tabToTheLineChart();
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform();
        Thread.sleep(1500); // let the drawing animations finish

        Path page = session.screenshot("charts");
        for (WebElement chart : browser.findElements(By.tagName("iro-apex-chart"))) {
            session.screenshot(chart, chart.getDomAttribute("id"));
        }
        assertThat(Files.size(page)).isPositive();
    }

    @Test
    void the_data_table_alternative_is_an_accessible_table_of_what_the_chart_shows() {
        WebElement region = browser.findElement(By.id("ranking-table"));
        assertThat(region.getDomAttribute("role")).isEqualTo("region");
        assertThat(region.getDomAttribute("aria-label")).isEqualTo("Reviews on time, 2025 (table)");
        WebElement table = region.findElement(By.tagName("table"));
        assertThat(table.findElement(By.tagName("caption")).getText()).isEqualTo("Reviews on time, 2025");
        assertThat(table.findElements(By.cssSelector("thead th[scope='col']"))).extracting(WebElement::getText)
                .containsExactly("Authority", "Reviews on time (%)");
        assertThat(table.findElements(By.cssSelector("tbody th[scope='row']"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(ChartTestView.AUTHORITIES);
        assertThat(table.findElements(By.cssSelector("tbody td"))).extracting(WebElement::getText)
                .containsExactly("61.0", "[c]", "80.0", "88.4", "93.1");
        assertThat(table.findElements(By.cssSelector("tbody td")).get(3).getCssValue("text-align")).isIn("end", "right");
        assertThat(table.findElements(By.cssSelector("tbody th")).get(3).getCssValue("text-align")).isIn("start", "left");
    }

    @Test
    void the_download_links_give_csv_and_xlsx_of_exactly_what_the_table_shows_now() throws Exception {
        WebElement csvLink = browser.findElement(By.cssSelector("#ranking-downloads a:first-child"));
        assertThat(csvLink.getText()).isEqualTo("Download CSV");
        assertThat(csvLink.getDomAttribute("aria-label")).isEqualTo("Download CSV: Reviews on time, 2025");
        assertThat(csvLink.getDomAttribute("download")).isNotNull();
        session.click(csvLink);
        Path csv = session.awaitDownload("reviews-on-time-2025-nottinghamshire.csv", BrowserSession.PATIENCE);
        assertThat(Files.readString(csv)).startsWith("\uFEFFTitle,\"Reviews on time, 2025\"\r\n")
                .contains("\r\nAuthority,Reviews on time (%)\r\nCamden,61.0\r\nDerby,[c]\r\n");

        browser.findElement(By.id("update")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("ranking-table"), "84.0"));
        WebElement xlsxLink = browser.findElement(By.cssSelector("#ranking-downloads a:last-child"));
        assertThat(xlsxLink.getDomAttribute("aria-label")).isEqualTo("Download XLSX: Reviews on time, 2025");
        session.click(xlsxLink);
        Path xlsx = session.awaitDownload("reviews-on-time-2025-nottinghamshire.xlsx", BrowserSession.PATIENCE);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            var leeds = workbook.getSheet("Data").getRow(3);
            assertThat(leeds.getCell(0).getStringCellValue()).isEqualTo("Leeds");
            assertThat(leeds.getCell(1).getNumericCellValue()).isEqualTo(84.0);
            assertThat(workbook.getSheet("Data").getRow(2).getCell(1).getStringCellValue()).isEqualTo("[c]");
        }
    }

    @Test
    void axe_finds_no_serious_accessibility_violation_on_the_chart_page() {
        for (String chart : List.of("funnel-chart", "stacked-chart", "heatmap-chart")) {
            waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " svg .apexcharts-series")));
        }

        session.assertNoSeriousViolations("the chart test page");
    }

    private void tabToTheLineChart() {
        browser.findElement(By.id("before-line")).click();
        WebElement target = svg("line-chart");
        for (int i = 0; i < 10 && !target.equals(active()); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertThat(active()).isEqualTo(target);
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }

    private static List<WebElement> bars() {
        return browser.findElements(By.cssSelector("#bar-chart path.apexcharts-bar-area"));
    }

    private static WebElement svg(String chart) {
        return browser.findElement(By.cssSelector("#" + chart + " .apexcharts-canvas > svg"));
    }

    private static void waitForClicked(String text) {
        waitFor(ExpectedConditions.textToBe(By.id("clicked"), text));
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return session.waitFor(condition);
    }
}
