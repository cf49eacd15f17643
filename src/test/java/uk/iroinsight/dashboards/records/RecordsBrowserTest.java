package uk.iroinsight.dashboards.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.iroinsight.dashboards.BrowserSession;
import uk.iroinsight.dashboards.DemoWarehouse;
import uk.iroinsight.security.AuditLog;
import uk.iroinsight.security.TestAccounts;

/**
 * The record-level drill in real Chromium on the demo warehouse: Nottinghamshire's analyst goes
 * from a breakdown group to the reviews behind it (as many as the group counts) and downloads
 * them; the same analyst typing Rutland's address is refused and sees nothing of Rutland's
 * records; a VIEWER typing the address gets no rows. Pages checked with axe-core; screenshots in
 * {@code target/screenshots/records-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.productionMode=true",
        "iro.scheduling-enabled=false",
        "iro.demo.enabled=false",
        "logging.level.root=WARN"})
@DirtiesContext
class RecordsBrowserTest {

    private static final String RUTLAND = "/records?la=857&year=2024&indicator=participation_pct&by=age_band&category=10%20to%2015";

    @TempDir
    static Path folder;

    private static BrowserSession session;

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @DynamicPropertySource
    static void demoWarehouse(DynamicPropertyRegistry properties) {
        properties.add("iro.db", () -> DemoWarehouse.copyTo(folder.resolve("warehouse.duckdb")).toString());
        properties.add("iro.secrets-dir", () -> folder.resolve("secrets").toString());
        properties.add("iro.inbox", () -> folder.resolve("inbox").toString());
    }

    @BeforeAll
    static void startChromium() {
        BrowserSession.assumeChromium();
        session = BrowserSession.start(1400, 1100);
    }

    @AfterAll
    static void stopChromium() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void anAnalystGoesFromABreakdownGroupToTheReviewsBehindItAndDownloadsThem() throws Exception {
        session.signIn(url(""), TestAccounts.ANALYST.username(), TestAccounts.PASSWORD);
        session.open(url("/breakdown?la=891&year=2024&indicator=participation_pct&by=age_band"));
        WebElement link = session.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#records-links a[data-category='1 to 4']")));
        Matcher count = Pattern.compile("Show the (\\d+) reviews").matcher(link.getText());
        assertThat(count.matches()).as(link.getText()).isTrue();
        int n = Integer.parseInt(count.group(1));
        assertThat(n).isPositive();
        session.screenshot("records-breakdown-links");
        session.click(link);

        WebElement table;
        try {
            table = session.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#records-table table")),
                    Duration.ofSeconds(60));
        } catch (org.openqa.selenium.TimeoutException e) {
            session.screenshot("records-debug");
            throw new AssertionError("no table at " + session.driver().getCurrentUrl() + ": "
                    + session.driver().findElement(By.tagName("body")).getText(), e);
        }
        assertThat(session.driver().getCurrentUrl()).contains("/records", "la=891", "year=2024", "indicator=participation_pct",
                "by=age_band", "category=1%20to%204");
        assertThat(session.driver().findElement(By.cssSelector("#main-content h1")).getDomProperty("textContent"))
                .isEqualTo("The " + n + " reviews aged 1 to 4 behind Nottinghamshire's reviews where the child's views were conveyed, "
                        + "year ending 31 March 2024");
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        long counted = rows.stream().filter(r -> !r.getText().contains("Left out")).count();
        assertThat(counted).isEqualTo(n);
        assertThat(table.findElement(By.cssSelector("thead")).getText()).contains("Child (pseudonymous key)", "Review date", "Due date",
                "Participation code", "Placement code", "Legal status", "Counts in");
        assertThat(table.findElements(By.cssSelector("thead th[scope='col']"))).hasSizeGreaterThan(10);
        assertThat(rows.get(0).getText()).containsPattern("PN[0-7]").containsPattern("[0-9a-f]{16}").contains("1 to 4");
        session.assertNoSeriousViolations("records");
        session.screenshot("records-analyst-reviews");

        session.clearDownloads();
        session.click(session.driver().findElement(By.id("records-csv")));
        Path csv = session.awaitDownload(".csv", Duration.ofSeconds(30));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).contains("The " + n + " reviews aged 1 to 4");
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("Child (pseudonymous key)")).findFirst().orElseThrow());
        assertThat(lines.size() - header - 1).isEqualTo(rows.size());
        assertThat(audit.recent(20, TestAccounts.ANALYST.username(), AuditLog.Event.EXPORT.id(), null, null))
                .anySatisfy(e -> assertThat(e.detail()).contains("la=891", "indicator=participation_pct", "format=csv"));
        assertThat(audit.recent(20, TestAccounts.ANALYST.username(), AuditLog.Event.RECORDS.id(), null, null))
                .anySatisfy(e -> assertThat(e.detail()).contains("la=891", "category=1 to 4", "rows=" + rows.size()));

        // another authority's records, by typing the address: refused, nothing of Rutland's shown
        session.open(url(RUTLAND));
        WebElement refused = session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("records-refused")));
        assertThat(session.driver().findElement(By.cssSelector("#main-content h1")).getDomProperty("textContent"))
                .isEqualTo("You may see the records of Nottinghamshire only");
        assertThat(refused.getText()).doesNotContain("Rutland");
        assertThat(session.driver().findElements(By.id("records-table"))).isEmpty();
        assertThat(session.driver().findElements(By.cssSelector("#main-content tbody tr"))).isEmpty();
        assertThat(session.driver().findElement(By.id("main-content")).getText()).doesNotContain("Rutland");
        assertThat(audit.recent(20, TestAccounts.ANALYST.username(), AuditLog.Event.ACCESS_DENIED.id(), null, null))
                .anySatisfy(e -> assertThat(e.detail()).contains("la=857"));
        assertThat(audit.recent(50, TestAccounts.ANALYST.username(), AuditLog.Event.RECORDS.id(), null, null))
                .noneSatisfy(e -> assertThat(e.detail()).contains("la=857"));
        session.assertNoSeriousViolations("records-refused");
        session.screenshot("records-analyst-other-authority");

        // and Rutland's breakdown offers this analyst no links
        session.open(url("/breakdown?la=857&year=2024&indicator=participation_pct&by=age_band"));
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("breakdown-chart")));
        assertThat(session.driver().findElements(By.id("records-links"))).isEmpty();
    }

    @Test
    void aViewerTypingTheAddressGetsNoRows() {
        session.signIn(url(""), TestAccounts.VIEWER.username(), TestAccounts.PASSWORD);
        session.open(url("/records?la=891&year=2024&indicator=participation_pct&by=age_band&category=10%20to%2015"));
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
        session.waitFor(d -> !d.findElements(By.cssSelector("h1, vaadin-login-overlay, vaadin-login-form")).isEmpty()
                || d.getPageSource().contains("Could not navigate"));
        assertThat(session.driver().findElements(By.id("records-table"))).isEmpty();
        assertThat(session.driver().findElements(By.cssSelector("tbody tr"))).isEmpty();
        assertThat(session.driver().getPageSource()).doesNotContainPattern("PN[0-7]</td>");
        session.screenshot("records-viewer-refused");
        // nor does the breakdown offer a VIEWER any link to records
        session.open(url("/breakdown?la=891&year=2024&indicator=participation_pct&by=age_band"));
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("breakdown-chart")));
        assertThat(session.driver().findElements(By.id("records-links"))).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
