package uk.iroinsight.dashboards.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
import uk.iroinsight.security.UserAccounts;

/**
 * The Users, Account and Audit trail pages in real Chromium on the East Midlands demo warehouse,
 * as an administrator and then as the viewer they create: an account created with a one-time
 * password read from its dialog, signing in with it (and failing with a wrong one), changing
 * one's own password, a CSV download from the explorer, disabling the account (its sign-in then
 * refused), and the audit trail listing all of it, its CSV neutralising a hostile user name
 * typed at the sign-in page; a viewer is refused every admin page. axe-core on each new page;
 * screenshots {@code target/screenshots/admin-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.productionMode=true",
        "iro.scheduling-enabled=false",
        "iro.demo.enabled=false",
        "logging.level.root=WARN"})
@DirtiesContext
class AdminPagesBrowserTest {

    private static final String HOSTILE = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String NEW_USER = "forum-member";
    private static final String CHOSEN_PASSWORD = "brass-otter-lantern-47";

    @TempDir
    static Path folder;

    private static BrowserSession session;

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    UserAccounts accounts;

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

    @Test
    void anAdministratorManagesAnAccountFromCreationToDisablingAndTheAuditTrailShowsIt() throws Exception {
        // The Users page as the administrator.
        session.signIn(url(""), TestAccounts.ADMIN.username(), TestAccounts.PASSWORD);
        session.open(url("/users"));
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("accounts")));
        session.waitFor(d -> rows("accounts").size() >= 4);
        assertThat(session.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Users");
        assertThat(rows("accounts")).anyMatch(r -> r.startsWith("analyst-891|LA analyst|Nottinghamshire (891)|Yes|"))
                .anyMatch(r -> r.startsWith("viewer|Viewer||Yes|"));
        session.assertNoSeriousViolations("the Users page");
        session.screenshot("admin-users");

        // A typed password the policy refuses: the reason is shown beside the form, nothing is created.
        type("#new-username input", NEW_USER);
        choose("#new-role", "Viewer");
        session.click(session.driver().findElement(By.xpath("//vaadin-radio-button[normalize-space(.)='Type a password']")));
        WebElement typed = session.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#new-password-typed input")));
        typed.sendKeys("Password2024!");
        session.click(session.driver().findElement(By.id("add-account")));
        session.waitFor(d -> text("add-error").startsWith("Password refused"));
        assertThat(text("add-error")).isEqualTo("Password refused: the password is a commonly used one.");
        assertThat(accounts.find(NEW_USER)).isEmpty();

        // A generated password, shown once.
        session.click(session.driver().findElement(By.xpath("//vaadin-radio-button[normalize-space(.)='Generate a password']")));
        session.click(session.driver().findElement(By.id("add-account")));
        WebElement shown = session.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("one-time-password")));
        String oneTime = shown.getText();
        assertThat(oneTime).matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}");
        assertThat(session.driver().findElement(By.cssSelector("vaadin-dialog-overlay[opened]")).getText())
                .contains("Account " + NEW_USER + " created", "it is not stored");
        session.assertNoSeriousViolations("the one-time password dialog");
        session.screenshot("admin-users-one-time-password");
        session.click(session.driver().findElement(By.id("one-time-password-close")));
        session.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("one-time-password")));
        session.waitFor(d -> rows("accounts").stream().anyMatch(r -> r.startsWith(NEW_USER + "|Viewer||Yes|")));
        assertThat(rows("accounts")).filteredOn(r -> r.startsWith(NEW_USER + "|")).singleElement().asString()
                .contains("by admin").endsWith("|never|Change");
        assertThat(session.driver().getPageSource()).doesNotContain(oneTime);

        // An LA analyst needs an authority: with one, the account is created for it.
        type("#new-username input", "analyst-ni");
        choose("#new-role", "LA analyst");
        choose("#new-authority", "Nottinghamshire");
        session.click(session.driver().findElement(By.id("add-account")));
        session.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("one-time-password")));
        session.click(session.driver().findElement(By.id("one-time-password-close")));
        session.waitFor(d -> rows("accounts").stream().anyMatch(r -> r.startsWith("analyst-ni|LA analyst|Nottinghamshire (891)|Yes|")));

        // The new viewer signs in with the one-time password; a wrong one fails.
        assertThat(trySignIn(NEW_USER, oneTime + "x")).as("a wrong password").isFalse();
        session.signIn(url(""), NEW_USER, oneTime);
        assertThat(session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as"))).getText())
                .isEqualTo(NEW_USER + " (Viewer)");

        // A viewer is refused every admin page, with nothing of them in the page.
        for (String[] page : new String[][] {{"/users", "accounts"}, {"/audit", "audit-entries"}, {"/loads", "run-now"},
                {"/downloads", "indicators-arrow"}}) {
            session.open(url(page[0]));
            session.waitFor(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
            Thread.sleep(1500);
            assertThat(session.driver().findElements(By.id(page[1]))).as(page[0]).isEmpty();
            assertThat(session.driver().findElements(By.tagName("h1")).stream().map(WebElement::getText))
                    .as(page[0]).doesNotContain("Users", "Audit trail", "Data loads", "Analyst downloads");
        }

        // Their own account: who they are, and a new password (the current one checked, the new one twice).
        session.open(url("/account"));
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("account-details")));
        assertThat(text("account-details")).contains(NEW_USER, "Viewer");
        session.assertNoSeriousViolations("the Account page");
        type("#current-password input", "not-the-password-1");
        type("#new-password input", CHOSEN_PASSWORD);
        type("#repeat-password input", CHOSEN_PASSWORD);
        session.click(session.driver().findElement(By.id("change-password")));
        session.waitFor(d -> !text("password-error").isEmpty());
        assertThat(text("password-error")).startsWith("The current password is not right (after 5 wrong tries");
        type("#current-password input", oneTime);
        type("#repeat-password input", CHOSEN_PASSWORD + "!");
        session.click(session.driver().findElement(By.id("change-password")));
        session.waitFor(d -> text("password-error").equals("The two new passwords are not the same."));
        type("#repeat-password input", CHOSEN_PASSWORD);
        session.click(session.driver().findElement(By.id("change-password")));
        session.waitFor(d -> text("password-status").startsWith("Your password has been changed"));
        assertThat(text("password-error")).isEmpty();
        session.screenshot("admin-account");
        assertThat(accounts.matches(NEW_USER, CHOSEN_PASSWORD)).isTrue();

        // The viewer downloads the explorer's ranking as CSV.
        session.clearDownloads();
        session.open(url("/explorer?la=891&year=2024&indicator=reviews_on_time_pct&compare=sn"));
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranking-card .iro-download-links a")));
        WebElement csv = session.driver().findElements(By.cssSelector("#ranking-card .iro-download-links a")).stream()
                .filter(a -> a.getText().equals("Download CSV")).findFirst().orElseThrow();
        ((JavascriptExecutor) session.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", csv);
        Path ranking = session.awaitDownload(".csv", Duration.ofSeconds(30));
        assertThat(Files.size(ranking)).isPositive();

        // The old password no longer works; the new one does. A hostile "user name" is typed at the sign-in page.
        assertThat(trySignIn(NEW_USER, oneTime)).isFalse();
        assertThat(trySignIn(HOSTILE, "whatever-it-is-123")).isFalse();
        session.signIn(url(""), NEW_USER, CHOSEN_PASSWORD);

        // The administrator disables the account; its sign-in is refused.
        session.signIn(url(""), TestAccounts.ADMIN.username(), TestAccounts.PASSWORD);
        session.open(url("/users"));
        session.waitFor(d -> rows("accounts").stream().anyMatch(r -> r.startsWith(NEW_USER + "|")));
        session.click(session.driver().findElement(By.cssSelector("#accounts vaadin-button[aria-label='Change " + NEW_USER + "']")));
        session.waitFor(d -> ((String) ((JavascriptExecutor) d).executeScript(
                "return document.querySelector('#change-account input').value")).equals(NEW_USER));
        assertThat(session.driver().findElement(By.id("change-enabled")).getDomAttribute("checked")).isNotNull();
        session.click(session.driver().findElement(By.cssSelector("#change-enabled input")));
        session.click(session.driver().findElement(By.id("save-account")));
        session.waitFor(d -> text("change-status").contains("disabled"));
        session.waitFor(d -> rows("accounts").stream().anyMatch(r -> r.startsWith(NEW_USER + "|Viewer||No: cannot sign in|")));
        // The last administrator cannot disable themself.
        session.click(session.driver().findElement(By.cssSelector("#accounts vaadin-button[aria-label='Change admin']")));
        session.waitFor(d -> ((String) ((JavascriptExecutor) d).executeScript(
                "return document.querySelector('#change-account input').value")).equals("admin"));
        session.click(session.driver().findElement(By.cssSelector("#change-enabled input")));
        session.click(session.driver().findElement(By.id("save-account")));
        session.waitFor(d -> !text("change-error").isEmpty());
        assertThat(text("change-error")).contains("admin is the only enabled administrator");
        assertThat(trySignIn(NEW_USER, CHOSEN_PASSWORD)).as("a disabled account").isFalse();

        // The audit trail, as the administrator.
        session.signIn(url(""), TestAccounts.ADMIN.username(), TestAccounts.PASSWORD);
        session.open(url("/audit"));
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("audit-entries")));
        session.waitFor(d -> !rows("audit-entries").isEmpty());
        List<String> events = rows("audit-entries").stream().map(r -> r.split("\\|", -1)[4]).toList();
        assertThat(events).contains("login", "user_created", "user_changed", "export", "login_failed");
        assertThat(rows("audit-entries")).anyMatch(r -> r.contains("|" + NEW_USER + "|VIEWER||export|explorer|format csv, file ")
                && r.contains("filters la=891&year=2024&indicator=reviews_on_time_pct&compare=sn"));
        session.assertNoSeriousViolations("the Audit trail page");
        session.screenshot("admin-audit");

        // Filtered to the failed sign-ins, then downloaded: the hostile name comes out inert.
        choose("#audit-event", "login_failed");
        session.click(session.driver().findElement(By.id("audit-show")));
        session.waitFor(d -> text("audit-count").contains("event login_failed"));
        session.waitFor(d -> !rows("audit-entries").isEmpty() && rows("audit-entries").stream().allMatch(r -> r.contains("|login_failed|")));
        assertThat(rows("audit-entries")).anyMatch(r -> r.contains("|" + HOSTILE + "|"))
                .anyMatch(r -> r.contains("|" + NEW_USER + "|") && r.contains("Disabled"))
                .anyMatch(r -> r.contains("|" + NEW_USER + "|") && r.contains("BadCredentials"));
        session.clearDownloads();
        WebElement auditCsv = session.driver().findElements(By.cssSelector("#audit-downloads a")).stream()
                .filter(a -> a.getText().equals("Download CSV")).findFirst().orElseThrow();
        ((JavascriptExecutor) session.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", auditCsv);
        Path file = session.awaitDownload("audit-trail.csv", Duration.ofSeconds(30));
        List<List<String>> records = AuditTableTest.parse(Files.readString(file, StandardCharsets.UTF_8).substring(1));
        int header = records.indexOf(AuditTable.HEADERS);
        List<List<String>> entries = records.subList(header + 1, records.size());
        assertThat(entries).isNotEmpty().allMatch(r -> r.get(4).equals("login_failed"));
        assertThat(entries).extracting(r -> r.get(1)).contains("'" + HOSTILE).doesNotContain(HOSTILE);
        assertThat(records).contains(List.of("Filters", "event login_failed"));

        // That download is itself in the trail, with the view and the filters.
        assertThat(audit.recent(5, "admin", "export", null, null)).first()
                .satisfies(e -> {
                    assertThat(e.target()).isEqualTo("audit");
                    assertThat(e.detail()).startsWith("format csv, file audit-trail.csv, table Audit trail");
                });
    }

    /** Signs in through the login page; true when it let us in. */
    private boolean trySignIn(String username, String password) {
        var driver = session.driver();
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        WebElement user = session.waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.cssSelector("#vaadinLoginPassword input"));
        secret.sendKeys(password);
        secret.sendKeys(Keys.ENTER);
        session.waitFor(d -> !d.getCurrentUrl().contains("/login") || d.getCurrentUrl().contains("error"));
        return !driver.getCurrentUrl().contains("error");
    }

    private void type(String css, String text) {
        WebElement input = session.driver().findElement(By.cssSelector(css));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    /** Types into a combo box until its first suggestion is the item wanted, then chooses it. */
    private void choose(String css, String text) {
        WebElement input = session.driver().findElement(By.cssSelector(css + " input"));
        session.click(input);
        if (!input.getDomProperty("value").isEmpty()) {
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        }
        input.sendKeys(text);
        session.waitFor(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream().filter(WebElement::isDisplayed)
                .findFirst().map(item -> item.getText().startsWith(text)).orElse(false));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        session.waitFor(d -> input.getDomProperty("value").startsWith(text)
                && d.findElements(By.cssSelector("vaadin-combo-box-overlay[opened]")).isEmpty());
    }

    private String text(String id) {
        return session.driver().findElement(By.id(id)).getText();
    }

    /** The rows a grid shows, each as its cells' text joined by '|' (read through the grid's slots). */
    @SuppressWarnings("unchecked")
    private List<String> rows(String gridId) {
        return (List<String>) ((JavascriptExecutor) session.driver()).executeScript("""
                const grid = document.getElementById(arguments[0]);
                if (!grid) return [];
                return [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                    .filter(tr => !tr.hidden && tr.style.display !== 'none' && tr.hasAttribute('aria-rowindex'))
                    .map(tr => [...tr.querySelectorAll('td')].map(td => {
                        const slot = td.querySelector('slot');
                        const node = slot && slot.assignedNodes()[0];
                        return node ? node.textContent.trim() : '';
                    }).join('|'))
                    .filter(r => r.replaceAll('|', '').length > 0);
                """, gridId);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
