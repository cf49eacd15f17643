package uk.iroinsight.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.iroinsight.dashboards.DemoWarehouse;

/**
 * Sign-in over plain HTTP, as a script or a stranger on the network meets it: every view and
 * download needs a session, the login form must come from this site's own page (its Origin), a wrong password and five
 * of them in a row are refused and audited, security headers are set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.productionMode=true",
        "iro.scheduling-enabled=false",
        "iro.demo.enabled=false",
        "logging.level.root=WARN"})
@DirtiesContext
class SignInHttpTest {

    @TempDir
    static Path folder;

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

    private final HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyViewAndDownloadRedirectsToTheSignInPageWithoutASession() throws Exception {
        List<String> paths = List.of("/", "/explorer?la=891&year=2024&indicator=reviews_on_time_pct", "/breakdown", "/region",
                "/scorecard?la=857", "/loads", "/downloads", "/records?la=891&year=2024", "/users", "/audit", "/account",
                "/no-such-view", "/VAADIN/dynamic/resource/0/00000000-0000-0000-0000-000000000000/indicators.csv");
        for (String path : paths) {
            HttpResponse<String> response = get(stranger, path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
        }
        HttpResponse<String> login = get(stranger, "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void theLoginFormMustComeFromThisSiteAndHaveTheRightPassword() throws Exception {
        // Without the token (a cross-site form, say) the right password signs nobody in.
        HttpClient forger = withCookies();
        get(forger, "/login");
        HttpResponse<String> forged = post(forger, "/login", "username=viewer&password=" + TestAccounts.PASSWORD);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(get(forger, "/").statusCode()).isEqualTo(302);
        HttpResponse<String> crossSite = send(forger, HttpRequest.newBuilder(uri("/login")).header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=viewer&password=" + enc(TestAccounts.PASSWORD))));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(get(forger, "/").statusCode()).isEqualTo(302);

        HttpClient browser = withCookies();
        HttpResponse<String> wrong = signIn(browser, "viewer", "not-the-password-at-all");
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(get(browser, "/").statusCode()).isEqualTo(302);

        HttpResponse<String> right = signIn(browser, "viewer", TestAccounts.PASSWORD);
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(get(browser, "/").statusCode()).isEqualTo(200);

        assertThat(audit.recent(50, "viewer", "login_failed", null, null)).isNotEmpty();
        assertThat(audit.recent(50, "viewer", "login", null, null)).isNotEmpty();
        assertThat(audit.recent(50, "viewer", "login", null, null).get(0).role()).isEqualTo("VIEWER");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        HttpClient browser = withCookies();
        for (int i = 0; i < LoginAttempts.MAX_FAILURES; i++) {
            signIn(browser, "analyst-857", "wrong-guess-number-" + i);
        }
        HttpResponse<String> right = signIn(browser, "analyst-857", TestAccounts.PASSWORD);
        assertThat(right.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(audit.recent(10, "analyst-857", "login_failed", null, null).get(0).detail()).contains("locked");
    }

    /** Signs in as the login page does: a form POST from this site's page (its Origin). */
    private HttpResponse<String> signIn(HttpClient client, String user, String password) throws Exception {
        get(client, "/login");
        return send(client, HttpRequest.newBuilder(uri("/login")).header("Origin", "http://localhost:" + port)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password))));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient withCookies() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
