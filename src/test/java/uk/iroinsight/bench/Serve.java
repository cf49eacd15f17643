package uk.iroinsight.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve} as its own process, as an installation runs it: {@code java -jar JAR serve --db FILE}
 * with {@code IRO_DEMO_ENABLED=false}, a strong random {@code IRO_ADMIN_PASSWORD}, a free
 * {@code IRO_PORT} and the bench's own {@code IRO_SECRETS_DIR}; no JVM options.
 */
final class Serve implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofMinutes(5);

    final Process process;
    final String baseUrl;
    final String password;
    final List<String> codes;

    private Serve(Process process, String baseUrl, String password, List<String> codes) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.password = password;
        this.codes = codes;
    }

    static Serve start(Suites bench, Path db) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = "Bench-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ProcessBuilder builder = new ProcessBuilder(Child.java(), "-jar", bench.jar.toString(), "serve", "--db", db.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(bench.log.toFile()));
        builder.environment().put("IRO_DEMO_ENABLED", "false");
        builder.environment().put("IRO_ADMIN_PASSWORD", password);
        builder.environment().put("IRO_PORT", String.valueOf(port));
        builder.environment().put("IRO_SECRETS_DIR", bench.secrets.toString());
        long started = System.nanoTime();
        Process process = builder.start();
        String base = "http://localhost:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("serve exited " + process.exitValue() + "; see " + bench.log);
            }
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() - started > START_PATIENCE.toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("serve did not answer on " + base + " within " + START_PATIENCE);
            }
            Thread.sleep(500);
        }
        Suites.progress("serve (pid " + process.pid() + ") answers on " + base + " after "
                + Stats.fmt("%.1f", (System.nanoTime() - started) / 1e9) + " s");
        List<String> codes;
        try (var folders = Files.list(bench.inbox)) {
            codes = folders.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{3}")).sorted().toList();
        }
        return new Serve(process, base, password, codes);
    }

    /** A line of /proc/PID/status in kB, e.g. VmHWM (peak resident set) or VmRSS. */
    long status(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no " + key + " in /proc/" + process.pid() + "/status");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
