package uk.iroinsight.dashboards;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.Keys;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium ({@code /usr/bin/chromium} driven by {@code /usr/bin/chromedriver})
 * for browser tests: a fresh profile and a downloads folder in a temporary folder of its own
 * (deleted on {@link #close()}), waits, downloads, full-page screenshots into
 * {@code target/screenshots/}, and the axe-core accessibility check ({@link Axe}).
 *
 * <p>Start it in {@code @BeforeAll} after {@link #assumeChromium()}, so that a machine without
 * Chromium skips the test class instead of failing it.
 */
public final class BrowserSession implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Duration PATIENCE = Duration.ofSeconds(20);
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The flags this machine's closed network needs (no background connections), plus headless. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Path folder;
    private final Path downloads;
    private final ChromeDriver driver;

    private BrowserSession(Path folder, int width, int height) throws IOException {
        this.folder = folder;
        this.downloads = Files.createDirectories(folder.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + Files.createDirectories(folder.resolve("profile")),
                "--window-size=" + width + "," + height);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        this.driver = new ChromeDriver(service, options);
    }

    /** True where Chromium and its driver are installed. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Skips the calling test (class) where Chromium is not installed. */
    public static void assumeChromium() {
        assumeTrue(available(), "Chromium or chromedriver is not installed at " + CHROMIUM + ", " + CHROMEDRIVER);
    }

    /** A browser with a 1280 × 1000 window. */
    public static BrowserSession start() {
        return start(1280, 1000);
    }

    public static BrowserSession start(int width, int height) {
        assumeChromium();
        try {
            return new BrowserSession(Files.createTempDirectory("iro-browser-"), width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * Signs in through the login page of the app at {@code baseUrl} (e.g.
     * {@code http://localhost:8123}), first signing out whoever was signed in, and waits for the
     * page it leads to.
     */
    public void signIn(String baseUrl, String username, String password) {
        signIn(driver, baseUrl, username, password);
    }

    /** {@link #signIn(String, String, String)} for a test that drives its own browser. */
    public static void signIn(WebDriver driver, String baseUrl, String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login");
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.cssSelector("#vaadinLoginPassword input"));
        secret.sendKeys(password);
        secret.sendKeys(Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login") || d.getCurrentUrl().contains("error"));
        if (driver.getCurrentUrl().contains("error")) {
            fail("could not sign in as " + username);
        }
    }

    public <T> T waitFor(Function<? super WebDriver, T> condition) {
        return waitFor(condition, PATIENCE);
    }

    public <T> T waitFor(Function<? super WebDriver, T> condition, Duration patience) {
        return new WebDriverWait(driver, patience).until(condition);
    }

    /** The folder Chromium saves downloads in. */
    public Path downloads() {
        return downloads;
    }

    /**
     * Waits for a finished download whose name matches a glob ({@code iro-insight-*.csv}) or, when
     * the pattern has no {@code *}, {@code ?} or {@code [}, ends with it; returns it.
     */
    public Path awaitDownload(String fileNameGlobOrSuffix, Duration patience) {
        boolean glob = fileNameGlobOrSuffix.matches(".*[*?\\[].*");
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + fileNameGlobOrSuffix);
        Function<Path, Boolean> matches = file -> glob ? matcher.matches(file.getFileName())
                : file.getFileName().toString().endsWith(fileNameGlobOrSuffix);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Path> done = finished(matches);
            if (done.isPresent()) {
                return done.get();
            }
            sleep(100);
        }
        return fail("no download matching '%s' within %s; the downloads folder has %s", fileNameGlobOrSuffix, patience, list(downloads));
    }

    /** A file matching, with no partial download (.crdownload) beside it. */
    private Optional<Path> finished(Function<Path, Boolean> matches) {
        List<Path> files = list(downloads);
        if (files.stream().anyMatch(file -> file.getFileName().toString().endsWith(".crdownload"))) {
            return Optional.empty();
        }
        return files.stream().filter(matches::apply).findFirst();
    }

    /** Deletes every downloaded file, so the next download's name is not confused with an earlier one. */
    public void clearDownloads() {
        list(downloads).forEach(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A full-page PNG at {@code target/screenshots/<name>.png}. A Vaadin app layout scrolls its
     * content inside the window, not the document, so the window is first made (through the
     * DevTools protocol) as tall as the page plus what its tallest inner scroller hides.
     */
    public Path screenshot(String name) {
        Number width = (Number) driver.executeScript("return window.innerWidth");
        Number height = (Number) driver.executeScript(FULL_HEIGHT);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width.intValue(), "height", height.intValue(), "deviceScaleFactor", 1, "mobile", false));
        try {
            sleep(300); // let the layout settle at the new size
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
            return write(name, Base64.getDecoder().decode((String) shot.get("data")));
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static final String FULL_HEIGHT = """
            const all = [];
            const walk = root => root.querySelectorAll('*').forEach(el => { all.push(el); if (el.shadowRoot) walk(el.shadowRoot); });
            walk(document);
            let hidden = 0;
            for (const el of all) {
                const overflow = getComputedStyle(el).overflowY;
                if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight) {
                    hidden = Math.max(hidden, el.scrollHeight - el.clientHeight);
                }
            }
            return Math.ceil(Math.max(document.documentElement.scrollHeight, window.innerHeight + hidden));
            """;

    /** Scrolls the element to the middle of its scroller (chromedriver does not scroll a Vaadin layout's content) and clicks it. */
    public void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** A PNG of one element at {@code target/screenshots/<name>.png}. */
    public Path screenshot(WebElement element, String name) {
        return write(name, element.getScreenshotAs(OutputType.BYTES));
    }

    private static Path write(String name, byte[] png) {
        try {
            Path target = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
            Path temp = Files.write(Files.createTempFile(SCREENSHOTS, name, ".part"), png);
            return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's violations on the current page. */
    public List<Axe.Violation> axe() {
        return Axe.run(driver);
    }

    /** Fails listing every serious or critical axe-core violation on the current page (rule, help, targets). */
    public void assertNoSeriousViolations(String pageName) {
        List<Axe.Violation> serious = axe().stream().filter(Axe.Violation::isSeriousOrWorse).toList();
        if (!serious.isEmpty()) {
            fail("axe-core %s found %d serious or critical accessibility violation(s) on %s:%n%s", Axe.VERSION, serious.size(),
                    pageName, serious.stream().map(Axe.Violation::describe).collect(Collectors.joining("\n")));
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary folder is harmless
            }
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a download", e);
        }
    }
}
