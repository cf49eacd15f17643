package uk.iroinsight.dashboards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The axe-core accessibility engine (Deque, MPL-2.0), run in the page under test. axe-core is
 * not on Maven Central, so its pinned release is fetched from the npm registry the first time a
 * test needs it ({@code npm pack axe-core@4.10.3}), and {@code package/axe.min.js} from the
 * tarball is cached at {@code target/axe-core/package/axe.min.js}. Without npm the check fails
 * saying so: CI has npm.
 */
public final class Axe {

    public static final String VERSION = "4.10.3";
    static final Path CACHE = Path.of("target", "axe-core");
    static final Path SCRIPT = CACHE.resolve("package").resolve("axe.min.js");
    private static final String ENTRY = "package/axe.min.js";
    private static final Duration NPM_PATIENCE = Duration.ofMinutes(3);

    /** One rule broken on the page: axe's rule id, impact (minor, moderate, serious, critical), help and the nodes' selectors. */
    public record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {
        public boolean isSeriousOrWorse() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        public String describe() {
            return "- " + id + " (" + impact + "): " + help + " <" + helpUrl + ">\n    " + String.join("\n    ", targets);
        }
    }

    private Axe() {
    }

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            const selector = target => target.map(part => Array.isArray(part) ? part.join(' >>> ') : part).join(' >>> ');
            axe.run(document, {resultTypes: ['violations']})
                .then(results => done(results.violations.map(v => ({
                    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                    targets: v.nodes.map(node => selector(node.target))}))))
                .catch(error => done('axe failed: ' + error));
            """;

    /** Injects axe-core into the current page (if not there yet) and returns its violations. */
    @SuppressWarnings("unchecked")
    public static List<Violation> run(WebDriver driver) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object'"))) {
            page.executeScript(script());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = page.executeAsyncScript(RUN);
        if (!(result instanceof List<?> violations)) {
            throw new IllegalStateException(String.valueOf(result));
        }
        List<Violation> found = new ArrayList<>();
        for (Object item : violations) {
            Map<String, Object> v = (Map<String, Object>) item;
            found.add(new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"), (String) v.get("helpUrl"),
                    ((List<Object>) v.get("targets")).stream().map(String::valueOf).toList()));
        }
        return found;
    }

    /** The text of axe.min.js, fetched and cached on first use. */
    static synchronized String script() {
        try {
            if (!Files.isRegularFile(SCRIPT)) {
                fetch();
            }
            String text = Files.readString(SCRIPT, StandardCharsets.UTF_8);
            if (!text.startsWith("/*! axe v" + VERSION)) {
                throw new IllegalStateException(SCRIPT + " is not axe-core " + VERSION + "; delete it to fetch it again");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or fetch axe-core " + VERSION, e);
        }
    }

    private static void fetch() throws IOException {
        Files.createDirectories(CACHE);
        Path tarball = CACHE.resolve("axe-core-" + VERSION + ".tgz");
        if (!Files.isRegularFile(tarball)) {
            npmPack();
        }
        byte[] script = extract(tarball, ENTRY);
        Files.createDirectories(SCRIPT.getParent());
        Path temp = Files.write(Files.createTempFile(SCRIPT.getParent(), "axe", ".part"), script);
        Files.move(temp, SCRIPT, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void npmPack() throws IOException {
        String npm = npm();
        Path log = CACHE.resolve("npm-pack.log");
        Process process = new ProcessBuilder(npm, "pack", "axe-core@" + VERSION, "--pack-destination", CACHE.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                .start();
        try {
            if (!process.waitFor(NPM_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("npm pack axe-core@" + VERSION + " took longer than " + NPM_PATIENCE + "; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching axe-core", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("npm pack axe-core@" + VERSION + " failed (exit " + process.exitValue() + "): "
                    + Files.readString(log).strip());
        }
    }

    /** npm on the PATH (npm.cmd on Windows), or a clear failure: the accessibility check needs it. */
    private static String npm() {
        boolean windows = System.getProperty("os.name").toLowerCase().contains("win");
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : windows ? List.of("npm.cmd", "npm.exe") : List.of("npm")) {
                Path candidate = Path.of(dir).resolve(name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new IllegalStateException("The accessibility check needs axe-core " + VERSION + " from the npm registry, but npm is not on "
                + "the PATH. Install Node.js and npm (the Vaadin build needs them too), or put axe.min.js of axe-core " + VERSION
                + " at " + SCRIPT.toAbsolutePath());
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").toLowerCase().contains("win") ? "NUL" : "/dev/null");
    }

    /** One file's bytes from a .tgz (ustar, as npm writes it). */
    static byte[] extract(Path tarball, String entry) throws IOException {
        try (InputStream tar = new GZIPInputStream(Files.newInputStream(tarball))) {
            byte[] header = new byte[512];
            String longName = null;
            while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = longName != null ? longName : field(header, 345, 155).isEmpty() ? field(header, 0, 100)
                        : field(header, 345, 155) + "/" + field(header, 0, 100);
                longName = null;
                long size = Long.parseLong(field(header, 124, 12).isEmpty() ? "0" : field(header, 124, 12), 8);
                byte type = header[156];
                byte[] body = tar.readNBytes((int) size);
                tar.skipNBytes((512 - size % 512) % 512);
                if (type == 'L') {           // GNU long name for the next entry
                    longName = new String(body, StandardCharsets.UTF_8).replace("\0", "");
                } else if ((type == '0' || type == 0) && name.equals(entry)) {
                    return body;
                }
            }
        }
        throw new IOException(entry + " is not in " + tarball);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII).trim();
    }
}
