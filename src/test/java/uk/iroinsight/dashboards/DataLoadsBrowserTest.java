package uk.iroinsight.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.iroinsight.demo.DemoGenerator;
import uk.iroinsight.demo.DemoOptions;
import uk.iroinsight.demo.ReferenceFigures;
import uk.iroinsight.etl.job.LoadHistory;
import uk.iroinsight.security.AuditLog;
import uk.iroinsight.security.TestAccounts;

/**
 * The Data loads page in real Chromium (Debian's {@code /usr/bin/chromium} and
 * {@code chromedriver}, headless) against the application on a random port with a fresh
 * warehouse and an inbox holding the synthetic demo of one small authority (857 Rutland, 2024 and
 * 2025, with mistakes at a rate of 0.1 so there are rejected rows): Run now, the pushed progress
 * and history, a run's files, the reject report download, then an upload into the inbox, its check
 * and Load now, signed in as the administrator (created at start from IRO_ADMIN_PASSWORD); then
 * the audit trail's rows of it all: the loads with who started them and what they did, each file
 * uploaded or refused, the folder's check and the reject report's download. Skipped only where
 * Chromium is not installed. Leaves a screenshot in {@code target/screenshots/data-loads.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.productionMode=true",
        "iro.scheduling-enabled=false",
        "iro.demo.enabled=false",
        "IRO_ADMIN_PASSWORD=" + TestAccounts.PASSWORD,
        "logging.level.root=WARN"})
@DirtiesContext
class DataLoadsBrowserTest {

    private static final Duration PATIENCE = BrowserSession.PATIENCE;
    /** A load on a busy 2-core machine: reference check, two LA-years, derived facts, marts. */
    private static final Duration LOAD_PATIENCE = Duration.ofMinutes(4);
    private static final String LA = "857";

    @TempDir
    static Path folder;

    private static BrowserSession session;
    private static WebDriver browser;
    private static Path downloads;

    @LocalServerPort
    int port;

    @Autowired
    LoadHistory history;

    @Autowired
    AuditLog audit;

    @DynamicPropertySource
    static void freshWarehouseAndInbox(DynamicPropertyRegistry properties) {
        properties.add("iro.db", () -> folder.resolve("warehouse.duckdb").toString());
        properties.add("iro.secrets-dir", () -> folder.resolve("secrets").toString());
        properties.add("iro.inbox", () -> folder.resolve("inbox").toString());
    }

    @BeforeAll
    static void anInboxAndChromium() throws IOException {
        BrowserSession.assumeChromium();
        new DemoGenerator(ReferenceFigures.load()).generate(new DemoOptions(folder.resolve("inbox"), 1, 2024, 2025, List.of(LA), 0.1));
        session = BrowserSession.start(1280, 2600);
        browser = session.driver();
        downloads = session.downloads();
    }

    @AfterAll
    static void stopChromium() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void runNowLoadsTheInboxLiveThenAnUploadedFileIsCheckedAndLoaded() throws Exception {
        session.signIn("http://localhost:" + port, TestAccounts.ADMIN.username(), TestAccounts.PASSWORD);
        browser.get("http://localhost:" + port + "/loads");
        WebElement runNow = waitFor(d -> d.findElement(By.id("run-now")));
        waitFor(d -> enabled(runNow));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Data loads");
        assertThat(headings()).containsExactly("h1 Data loads", "h2 Load runs", "h2 Loaded returns (0 LA-years)", "h2 Add files to the inbox");

        // Run now: the page is told, without reloading, that the load runs, then that it has finished.
        runNow.click();
        new WebDriverWait(browser, PATIENCE, Duration.ofMillis(50)).until(d -> text("run-now-note").startsWith("A load is running"));
        assertThat(enabled(runNow)).isFalse();
        assertThat(runNow.getDomAttribute("aria-describedby")).isEqualTo("run-now-note");
        new WebDriverWait(browser, LOAD_PATIENCE).until(d -> rows("load-runs").stream().anyMatch(r -> r.startsWith("1|") && r.contains("|Completed|")));
        waitFor(d -> enabled(runNow));
        String run = rows("load-runs").get(0);
        assertThat(run).startsWith("1|Show files|").contains("|Completed|No failures|2 loaded|" + LoadRunsTable.number(
                history.fileLoads(1).stream().mapToInt(LoadHistory.FileLoad::rowsLoaded).sum()) + " loaded, ");
        assertThat(rows("loaded-returns")).hasSize(2).allMatch(r -> r.startsWith("Rutland|857|"));

        // The run's files, as the warehouse recorded them.
        List<LoadHistory.FileLoad> recorded = history.fileLoads(1);
        assertThat(recorded).extracting(LoadHistory.FileLoad::fileName).contains("header.csv", "episodes.csv", "reviews.csv");
        click(browser.findElement(By.cssSelector("#load-runs vaadin-button[aria-label='Show the files of run 1']")));
        WebElement files = waitFor(d -> d.findElement(By.cssSelector(".iro-run-details vaadin-grid")));
        assertThat(browser.findElement(By.cssSelector(".iro-run-details")).getText()).contains("Started by: admin");
        waitFor(d -> rows(files).size() == recorded.size());
        List<String> expected = new ArrayList<>();
        for (LoadHistory.FileLoad f : recorded) {
            expected.add(f.folder() + "|Rutland|" + f.fileName() + "|" + capitalised(f.status()) + "|" + LoadRunsTable.number(f.rowsRead())
                    + "|" + LoadRunsTable.number(f.rowsLoaded()) + "|" + LoadRunsTable.number(f.rowsRejected()) + "|" + f.message());
        }
        assertThat(rows(files)).containsExactlyInAnyOrderElementsOf(expected);
        int rejected = recorded.stream().mapToInt(LoadHistory.FileLoad::rowsRejected).sum();
        assertThat(rejected).as("the demo at error rate 0.1 has rejected rows").isPositive();

        // The run's reject report: RFC 4180 CSV, one record per problem (a rejected row may have several).
        click(browser.findElement(By.xpath("//a[starts-with(normalize-space(.), 'Download the reject report of run 1')]")));
        Path report = downloads.resolve("rejects-run-1.csv");
        waitFor(d -> Files.exists(report) && sizeOf(report) > 0);
        String csv = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("la_code,year,file,line,field,value,reason\r\n").endsWith("\r\n");
        List<LoadHistory.RejectedRow> problems = history.runRejects(1);
        assertThat(problems.size()).isGreaterThanOrEqualTo(rejected);
        assertThat(csvRecords(csv)).isEqualTo(1 + problems.size());

        // Upload: a reviews.csv with one bad row added, and a file the loader does not read.
        chooseFromComboBox("#upload-authority", "Rutland");
        chooseFromComboBox("#upload-year", "2025 (2024");
        Path source = Files.createDirectories(folder.resolve("to-upload"));
        List<String> reviews = Files.readAllLines(folder.resolve("inbox/" + LA + "/2025/reviews.csv"));
        String[] last = reviews.get(reviews.size() - 1).split(",", -1);
        last[last.length - 1] = "PN9";
        List<String> changed = new ArrayList<>(reviews);
        changed.add(String.join(",", last));
        Files.write(source.resolve("reviews.csv"), changed);
        Files.writeString(source.resolve("notes.csv"), "what,why\r\n");
        WebElement upload = browser.findElement(By.cssSelector("#inbox-upload vaadin-upload"));
        waitFor(d -> enabled(upload));
        WebElement input = fileInput(upload);
        input.sendKeys(source.resolve("reviews.csv") + "\n" + source.resolve("notes.csv"));

        waitFor(d -> d.findElements(By.cssSelector("#upload-outcomes li")).size() == 2);
        assertThat(browser.findElements(By.cssSelector("#upload-outcomes li")).stream().map(WebElement::getText))
                .containsExactlyInAnyOrder("reviews.csv: saved in 857/2025 (" + InboxUploadSize.of(source.resolve("reviews.csv"))
                                + ", replacing the file there)",
                        "Refused: 'notes.csv' is not a file IRO Insight loads: name it one of header.csv, episodes.csv, reviews.csv, uasc.csv, "
                                + "disputes.csv, workforce.csv");
        assertThat(folder.resolve("inbox/" + LA + "/2025/notes.csv")).doesNotExist();
        assertThat(Files.readAllLines(folder.resolve("inbox/" + LA + "/2025/reviews.csv"))).isEqualTo(changed);

        // The check of 857/2025, as validate gives it: the added row is rejected with file, row and field.
        WebElement rejections = waitFor(d -> d.findElement(By.id("upload-rejections")));
        assertThat(browser.findElement(By.cssSelector("#upload-check h3")).getText()).isEqualTo("Check of 857/2025");
        assertThat(text("upload-check")).contains("Ready to load, with rejected rows");
        waitFor(d -> !rows(rejections).isEmpty());
        assertThat(allRows(rejections)).anyMatch(r -> r.startsWith("reviews.csv|" + changed.size() + "|REVIEW_CODE|PN9|"));

        // Load now: 857/2025 has changed, 857/2024 has not.
        WebElement loadNow = browser.findElement(By.id("load-now"));
        click(loadNow);
        new WebDriverWait(browser, LOAD_PATIENCE).until(d -> rows("load-runs").stream().anyMatch(r -> r.startsWith("2|") && r.contains("|Completed|")));
        assertThat(rows("load-runs").get(0)).contains("|1 loaded, 1 unchanged|");
        assertThat(history.rejects(LA, 2025)).anyMatch(r -> r.line() == changed.size() && "REVIEW_CODE".equals(r.field()));

        // The audit trail: both loads by the admin with what they did, the uploads, the check, the report's download.
        String inbox = folder.resolve("inbox").toAbsolutePath().normalize().toString();
        List<String> loads = audit.recent(20, "admin", "load", null, null).stream()
                .map(e -> e.role() + "|" + e.target() + "|" + e.detail()).toList();
        assertThat(loads).hasSize(4);
        assertThat(loads.get(3)).isEqualTo("ADMIN|" + inbox + "|started");
        assertThat(loads.get(2)).startsWith("ADMIN|" + inbox + "|run 1 ended COMPLETED: 2 LA-years loaded, 0 unchanged, 0 unreadable, "
                + "0 folders refused; " + history.fileLoads(1).stream().mapToInt(LoadHistory.FileLoad::rowsLoaded).sum() + " rows loaded, "
                + rejected + " rejected");
        assertThat(loads.get(1)).isEqualTo("ADMIN|" + inbox + "|started");
        assertThat(loads.get(0)).startsWith("ADMIN|" + inbox + "|run 2 ended COMPLETED: 1 LA-years loaded, 1 unchanged, 0 unreadable");
        List<String> uploads = audit.recent(20, "admin", "upload", null, null).stream().map(e -> e.target() + "|" + e.detail()).toList();
        assertThat(uploads).contains("857/2025/reviews.csv|" + Files.size(source.resolve("reviews.csv")) + " bytes, replacing the file there");
        assertThat(uploads).anyMatch(u -> u.startsWith("857/2025/notes.csv|refused: 'notes.csv' is not a file IRO Insight loads"));
        assertThat(uploads).anyMatch(u -> u.startsWith("857/2025|check: ready to load, ") && u.endsWith(" rejected") && !u.endsWith(" 0 rejected"));
        assertThat(audit.recent(20, "admin", "export", null, null)).extracting(e -> e.target() + "|" + e.detail())
                .contains("loads|format csv, file rejects-run-1.csv, reject report of run 1");

        browser.findElement(By.tagName("h1")).click(); // no focus ring on a button in the picture
        Thread.sleep(500);
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Path page = Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("data-loads.png"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(page)).isPositive();

        // A file larger than the servlet container's default limit (1 MB) arrives whole.
        chooseFromComboBox("#upload-year", "2024 (2023");
        Path large = source.resolve("disputes.csv");
        Files.writeString(large, "DISPUTE_ID,CHILD,DATE_RAISED\r\n" + "x,y,z\r\n".repeat(300_000));
        WebElement again = fileInput(upload);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = ''", again); // forget the files chosen before
        again.sendKeys(large.toString());
        try {
            waitFor(d -> d.findElements(By.cssSelector("#upload-outcomes li")).size() == 3);
        } catch (org.openqa.selenium.TimeoutException e) {
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("data-loads-failure.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            throw e;
        }
        assertThat(browser.findElements(By.cssSelector("#upload-outcomes li")).get(2).getText())
                .startsWith("disputes.csv: saved in 857/2024 (" + InboxUploadSize.of(large));
        assertThat(folder.resolve("inbox/" + LA + "/2024/disputes.csv")).hasSameBinaryContentAs(large);
    }

    /** The sizes the page shows, as InboxUpload writes them. */
    private static final class InboxUploadSize {
        static String of(Path file) throws IOException {
            return uk.iroinsight.etl.inbox.InboxUpload.size(Files.size(file));
        }
    }

    /** Types into a combo box until its first suggestion is the item wanted, then chooses it. */
    private static void chooseFromComboBox(String css, String text) {
        WebElement input = browser.findElement(By.cssSelector(css + " input"));
        input.click();
        if (!input.getDomProperty("value").isEmpty()) {
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        }
        input.sendKeys(text);
        waitFor(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream().filter(WebElement::isDisplayed)
                .findFirst().map(item -> item.getText().startsWith(text)).orElse(false));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        waitFor(d -> input.getDomProperty("value").startsWith(text) && d.findElements(By.cssSelector("vaadin-combo-box-overlay[opened]")).isEmpty());
    }

    /** The upload's hidden file input: in its light DOM, or else in its shadow root. */
    private static WebElement fileInput(WebElement upload) {
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        return light.isEmpty() ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")) : light.get(0);
    }

    /** The records of an RFC 4180 text: CRLFs outside quoted cells. */
    private static int csvRecords(String csv) {
        int records = 0;
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                records++;
            }
        }
        assertThat(quoted).as("every quoted cell is closed").isFalse();
        return records;
    }

    private static void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
        element.click();
    }

    /** A Vaadin button or field is disabled by its attribute (WebElement.isEnabled knows only form controls). */
    private static boolean enabled(WebElement element) {
        return element.getDomAttribute("disabled") == null;
    }

    private static List<String> headings() {
        return browser.findElements(By.cssSelector("h1, h2, h3")).stream().filter(WebElement::isDisplayed)
                .map(h -> h.getTagName() + " " + h.getText()).toList();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static List<String> rows(String gridId) {
        return rows(browser.findElement(By.id(gridId)));
    }

    /** The rows a grid shows, each as its cells' text joined by '|' (read through the grid's slots). */
    @SuppressWarnings("unchecked")
    private static List<String> rows(WebElement grid) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const grid = arguments[0];
                return [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                    .filter(tr => !tr.hidden && tr.style.display !== 'none' && tr.hasAttribute('aria-rowindex'))
                    .filter(tr => tr._item !== undefined ? tr._item !== null : true)
                    .map(tr => [...tr.querySelectorAll('td')].map(td => {
                        const slot = td.querySelector('slot');
                        const node = slot && slot.assignedNodes()[0];
                        return node ? node.textContent.trim() : '';
                    }).join('|'))
                    .filter(r => r.replaceAll('|', '').length > 0);
                """, grid);
    }

    /** Every row of a grid that scrolls, read by scrolling it through from top to bottom. */
    @SuppressWarnings("unchecked")
    private static List<String> allRows(WebElement grid) {
        browser.manage().timeouts().scriptTimeout(PATIENCE);
        List<String> seen = new ArrayList<>();
        long size = (Long) ((JavascriptExecutor) browser).executeScript("return arguments[0].size", grid);
        for (long index = 0; index < size + 10; index += 10) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollToIndex(arguments[1])", grid, index);
            waitFor(d -> !(Boolean) ((JavascriptExecutor) d).executeScript("return arguments[0].hasAttribute('loading')", grid));
            rows(grid).stream().filter(r -> !seen.contains(r)).forEach(seen::add);
        }
        return seen;
    }

    private static String capitalised(String status) {
        return Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, PATIENCE).until(condition);
    }
}
