package uk.iroinsight.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.security.TestAccounts;

/**
 * The dashboards as a new user meets them, in real Chromium on the East Midlands demo warehouse:
 * the forum question "how do Nottinghamshire's reviews on time in 2024 compare with its
 * statistical neighbours, and which neighbour does best?" answered in three choices from the
 * landing page, and every view checked with axe-core (no serious or critical violation) and
 * left as a screenshot under {@code target/screenshots/journey-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.productionMode=true",
        "iro.scheduling-enabled=false",
        "iro.demo.enabled=false",
        "logging.level.root=WARN"})
@DirtiesContext
class DashboardJourneyBrowserTest {

    @TempDir
    static Path folder;

    private static BrowserSession session;

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

    private static boolean signedIn;

    /** A forum member's account: a VIEWER. */
    @BeforeEach
    void signIn() {
        if (!signedIn) {
            session.signIn(url(""), TestAccounts.VIEWER.username(), TestAccounts.PASSWORD);
            signedIn = true;
        }
    }

    @Test
    void theForumsQuestionIsAnsweredInThreeChoicesFromTheLandingPage() {
        session.open(url("/"));
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("choose-la")));

        // 1. The authority: type into the box and take the match.
        WebElement la = session.driver().findElement(By.cssSelector("#choose-la input"));
        la.click();
        la.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Nottinghamshire");
        // The list is filtered on the server: take the choice once it is the only one offered.
        session.waitFor(driver -> driver.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList().equals(List.of("Nottinghamshire")));
        la.sendKeys(Keys.ENTER);
        session.waitFor(ExpectedConditions.urlContains("la=891"));

        // 2. The year: open the year list and take 2023 to 2024.
        session.click(session.waitFor(ExpectedConditions.elementToBeClickable(By.id("choose-year"))));
        WebElement year2024 = session.waitFor(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space(.)='2023 to 2024']")));
        session.click(year2024);
        session.waitFor(ExpectedConditions.urlContains("year=2024"));

        // 3. The tile: reviews on time opens the explorer for that indicator, compared with the neighbours.
        session.click(session.waitFor(ExpectedConditions.elementToBeClickable(By.id("tile-reviews_on_time_pct"))));
        session.waitFor(ExpectedConditions.urlContains("/explorer"));
        String url = session.driver().getCurrentUrl();
        assertThat(url).contains("la=891").contains("year=2024").contains("indicator=reviews_on_time_pct").contains("compare=sn");

        WebElement sentence = session.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("ranking-sentence")));
        MartSnapshot snapshot = data.snapshot();
        MartSnapshot.Ranking ranking = snapshot.ranking("reviews_on_time_pct", 2024, Comparison.SN, "891", true);
        Authority best = ranking.entries().stream()
                .filter(r -> r.rank() != null && !r.authority().laCode().equals("891")).findFirst().orElseThrow().authority();
        assertThat(sentence.getText()).contains("Nottinghamshire").contains(best.name());
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranking-chart svg .apexcharts-series")));
        session.screenshot("journey-answer");
    }

    /** As an administrator, who may open every view; the sign-in page too. */
    @Test
    void everyViewHasNoSeriousAccessibilityViolations() {
        session.driver().manage().deleteAllCookies();
        session.open(url("/login"));
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vaadinLoginUsername input")));
        session.screenshot("journey-login");
        session.assertNoSeriousViolations("login");
        session.signIn(url(""), TestAccounts.ADMIN.username(), TestAccounts.PASSWORD);
        signedIn = false; // the next test signs in as a viewer again
        List<String[]> views = List.of(
                new String[] {"overview", "/?la=891&year=2024", "#tile-reviews_on_time_pct"},
                new String[] {"explorer", "/explorer?la=891&year=2024&indicator=reviews_on_time_pct&compare=sn",
                        "#ranking-chart svg .apexcharts-series"},
                new String[] {"breakdown", "/breakdown?la=891&year=2024&indicator=participation_pct&by=age_band",
                        "#breakdown-chart svg .apexcharts-series"},
                new String[] {"region", "/region?la=891&year=2024", "#region-heatmap svg .apexcharts-series"},
                new String[] {"scorecard", "/scorecard?la=891&year=2024", "#scorecard"},
                new String[] {"loads", "/loads", "h1"},
                new String[] {"downloads", "/downloads", "h1"});
        for (String[] view : views) {
            session.open(url(view[1]));
            session.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(view[2])));
            session.screenshot("journey-" + view[0]);
            session.assertNoSeriousViolations(view[0]);
        }
    }

    @Test
    void aPastedLinkReproducesTheViewAndBackReturnsToTheChoiceBefore() {
        session.open(url("/explorer?la=857&year=2023&indicator=stability_3plus_pct&compare=region"));
        String heading = session.waitFor(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText();
        assertThat(heading).contains("Rutland");
        session.open(url("/explorer?la=857&year=2023&indicator=stability_3plus_pct&compare=region"));
        assertThat(session.waitFor(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText()).isEqualTo(heading);

        // Moving to the overview through the navigation keeps the authority and year.
        session.click(session.waitFor(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-side-nav-item[normalize-space(.)='Overview']"))));
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("tile-reviews_on_time_pct")));
        assertThat(session.driver().getCurrentUrl()).contains("la=857").contains("year=2023");
        session.driver().navigate().back();
        session.waitFor(ExpectedConditions.urlContains("/explorer"));
        session.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), heading));
        assertThat(session.driver().getCurrentUrl()).contains("indicator=stability_3plus_pct").contains("compare=region");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
