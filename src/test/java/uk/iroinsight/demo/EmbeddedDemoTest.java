package uk.iroinsight.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import uk.iroinsight.IroInsightApplication;
import uk.iroinsight.etl.WarehouseContents;
import uk.iroinsight.etl.job.LoadService;
import uk.iroinsight.warehouse.Warehouse;

/**
 * The embedded demo warehouse of {@code serve}, on two small authorities (867 Bracknell Forest,
 * 868 Windsor and Maidenhead) and two years (2024-2025): the application is started as
 * {@code serve} starts it (a servlet web server, on a random port; Vaadin's auto-configuration is
 * left out, the screens are not under test) on an empty warehouse in a temporary folder, and
 * started again on the same folder. Also: a start killed half-way through the demo load
 * finishes at the next start; the demo can be turned off; commands without a web server never
 * start it. Waits are bounded polls of the demo's status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDemoTest {

    private static final Duration DEMO_TIMEOUT = Duration.ofMinutes(4);
    private static final Set<String> DEMO_LA_YEARS = Set.of("867|2024", "867|2025", "868|2024", "868|2025");

    private Path folder;

    /** What one start saw once the demo settled, and what it logged (uk.iroinsight.*, messages only). */
    private record Start(EmbeddedDemo.Status status, int port, List<String> laYears, long rowsRejected, long rejectRows,
            List<String> runs, List<String> log) {
    }

    private Path serveFolder;
    private Start first;
    private Start second;
    private FileTime manifestAfterFirst;
    private FileTime headerAfterFirst;
    private String manifestTextAfterFirst;
    private FileTime manifestAfterSecond;
    private FileTime headerAfterSecond;

    @BeforeAll
    void startTwiceOnAnEmptyWarehouse(@TempDir Path temporaryFolder) throws Exception {
        folder = temporaryFolder;
        serveFolder = folder.resolve("serve");
        first = startAndSettle(serveFolder);
        manifestAfterFirst = Files.getLastModifiedTime(demoFolder(serveFolder).resolve(DemoFolder.MANIFEST));
        manifestTextAfterFirst = Files.readString(demoFolder(serveFolder).resolve(DemoFolder.MANIFEST));
        headerAfterFirst = Files.getLastModifiedTime(demoFolder(serveFolder).resolve("867/2024/header.csv"));
        second = startAndSettle(serveFolder);
        manifestAfterSecond = Files.getLastModifiedTime(demoFolder(serveFolder).resolve(DemoFolder.MANIFEST));
        headerAfterSecond = Files.getLastModifiedTime(demoFolder(serveFolder).resolve("867/2024/header.csv"));
    }

    @Test
    void aFirstStartOnAnEmptyWarehouseGeneratesTheDemoBesideTheWarehouseAndLoadsItWithTheLoadJob() throws IOException {
        assertThat(first.port()).isPositive();
        assertThat(first.status().state()).as(first.status().message()).isEqualTo(EmbeddedDemo.State.READY);
        assertThat(first.status().folder()).isEqualTo(serveFolder.resolve("data/demo-inbox").toAbsolutePath().normalize());
        try (var authorities = Files.list(demoFolder(serveFolder))) {
            assertThat(authorities.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("867", "868", DemoFolder.MANIFEST);
        }
        assertThat(first.laYears()).containsExactlyInAnyOrderElementsOf(DEMO_LA_YEARS);
        assertThat(first.rowsRejected()).isZero();
        assertThat(first.rejectRows()).isZero();
        assertThat(first.runs()).containsExactly("COMPLETED COMPLETED " + demoFolder(serveFolder));
        assertThat(manifestTextAfterFirst).contains("seed=1", "from=2024", "to=2025", "las=867,868", "generated-at=", "loaded-at=");
    }

    @Test
    void theLogTellsWhatTheDemoIsDoingAndHowFarTheLoadHasGot() {
        assertThat(String.join("\n", first.log()))
                .contains("Demo: the warehouse holds no returns; generating the synthetic demo (authorities 867,868, 2024-2025, seed 1)")
                .contains("Demo: generated 4 LA-years")
                .contains("2 authorities to load from " + demoFolder(serveFolder))
                .contains("2 of 2 authorities done")
                .containsPattern("Demo warehouse ready in \\d+ s: 2 authorities, 4 LA-years, \\d+ rows loaded, 0 rejected");
    }

    @Test
    void aSecondStartReusesTheWarehouseWithoutRegeneratingOrReloading() {
        assertThat(second.status().state()).isEqualTo(EmbeddedDemo.State.READY);
        assertThat(second.laYears()).containsExactlyInAnyOrderElementsOf(DEMO_LA_YEARS);
        assertThat(second.runs()).as("no new load run").isEqualTo(first.runs());
        assertThat(manifestAfterSecond).isEqualTo(manifestAfterFirst);
        assertThat(headerAfterSecond).isEqualTo(headerAfterFirst);
    }

    @Test
    void aStartKilledDuringTheDemoLoadFinishesTheLoadOfTheSameFilesAtTheNextStart() throws Exception {
        Path killed = folder.resolve("killed");
        int exitCode = startInChildJvmHaltingAfterTheFirstSwap(killed);
        assertThat(exitCode).as("child JVM exit code; stderr:\n" + Files.readString(killed.resolve("stderr.txt"))).isEqualTo(99);
        Path demo = demoFolder(killed);
        assertThat(Files.readString(demo.resolve(DemoFolder.MANIFEST))).contains("generated-at=").doesNotContain("loaded-at=");
        FileTime headerBefore = Files.getLastModifiedTime(demo.resolve("867/2024/header.csv"));

        Start next = startAndSettle(killed);

        assertThat(next.status().state()).as(next.status().message()).isEqualTo(EmbeddedDemo.State.READY);
        assertThat(next.laYears()).containsExactlyInAnyOrderElementsOf(DEMO_LA_YEARS);
        assertThat(next.rowsRejected()).isZero();
        assertThat(next.runs()).as("the killed run marked FAILED, then the run that finished the load")
                .containsExactly("FAILED FAILED " + demo, "COMPLETED COMPLETED " + demo);
        assertThat(Files.getLastModifiedTime(demo.resolve("867/2024/header.csv"))).as("not regenerated").isEqualTo(headerBefore);
        assertThat(Files.readString(demo.resolve(DemoFolder.MANIFEST))).contains("loaded-at=");
    }

    @Test
    void withTheDemoTurnedOffAnEmptyWarehouseStaysEmpty() throws Exception {
        Path off = folder.resolve("off");
        Start start = startAndSettle(off, "--iro.demo.enabled=false");

        assertThat(start.status().state()).isEqualTo(EmbeddedDemo.State.OFF);
        assertThat(start.laYears()).isEmpty();
        assertThat(start.runs()).isEmpty();
        assertThat(demoFolder(off)).doesNotExist();
    }

    @Test
    void commandsWithoutAWebServerNeverStartTheDemo() throws Exception {
        Path command = folder.resolve("command");
        try (ConfigurableApplicationContext context = start(command, WebApplicationType.NONE)) {
            assertThat(context.getBeanProvider(EmbeddedDemo.class).getIfAvailable()).isNull();
            assertThat(laYears(context)).isEmpty();
            assertThat(context.getBean(LoadService.class).recentRuns(10)).isEmpty();
        }
        assertThat(demoFolder(command)).doesNotExist();
    }

    private static Path demoFolder(Path root) {
        return root.resolve("data/demo-inbox").toAbsolutePath().normalize();
    }

    private static Start startAndSettle(Path root, String... extra) throws Exception {
        LogRecorder log = new LogRecorder();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IroInsightApplication.class)
                .web(WebApplicationType.SERVLET)
                // Attached once Spring Boot has set up logging, before the demo starts.
                .listeners(event -> {
                    if (event instanceof ApplicationStartedEvent) {
                        log.attach();
                    }
                })
                .run(arguments(root, extra))) {
            EmbeddedDemo demo = context.getBean(EmbeddedDemo.class);
            await().atMost(DEMO_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> switch (demo.status().state()) {
                case STARTING, GENERATING, LOADING -> false;
                default -> true;
            });
            Warehouse warehouse = context.getBean(Warehouse.class);
            try (Connection connection = warehouse.connect()) {
                return new Start(demo.status(), ((WebServerApplicationContext) context).getWebServer().getPort(), laYears(context),
                        WarehouseContents.count(connection, "SELECT coalesce(sum(rows_rejected), 0) FROM etl_la_year"),
                        WarehouseContents.count(connection, "SELECT count(*) FROM etl_reject"),
                        runs(context), log.messages());
            }
        } finally {
            log.detach();
        }
    }

    /** Records the messages logged under uk.iroinsight while attached. */
    private static final class LogRecorder extends AppenderBase<ILoggingEvent> {

        private final List<String> messages = new CopyOnWriteArrayList<>();

        void attach() {
            start();
            ((Logger) LoggerFactory.getLogger("uk.iroinsight")).addAppender(this);
        }

        void detach() {
            ((Logger) LoggerFactory.getLogger("uk.iroinsight")).detachAppender(this);
            stop();
        }

        List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        protected void append(ILoggingEvent event) {
            messages.add(event.getFormattedMessage());
        }
    }

    private static List<String> laYears(ConfigurableApplicationContext context) throws Exception {
        try (Connection connection = context.getBean(Warehouse.class).connect()) {
            return WarehouseContents.rows(connection, "SELECT la_code, year FROM etl_la_year ORDER BY ALL");
        }
    }

    /** Load runs, oldest first: status, exit code, inbox. */
    private static List<String> runs(ConfigurableApplicationContext context) {
        List<JobExecution> recent = new ArrayList<>(context.getBean(LoadService.class).recentRuns(100));
        Collections.reverse(recent);
        return recent.stream().map(execution -> execution.getStatus() + " " + execution.getExitStatus().getExitCode() + " "
                + execution.getJobParameters().getString("inbox")).toList();
    }

    private static ConfigurableApplicationContext start(Path root, WebApplicationType type, String... extra) {
        List<String> all = new ArrayList<>(List.of(extra));
        if (type == WebApplicationType.NONE) {
            // As the CLI's commands start (cli.Spring): Vaadin needs a web context.
            all.add("--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                    + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
        }
        return new SpringApplicationBuilder(IroInsightApplication.class).web(type).run(arguments(root, all.toArray(String[]::new)));
    }

    /** As command-line arguments, so they outrank application.properties. */
    private static String[] arguments(Path root, String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--iro.db=" + root.resolve("data/iro.duckdb").toAbsolutePath(),
                "--iro.secrets-dir=" + root.resolve("secrets").toAbsolutePath(),
                "--iro.inbox=" + root.resolve("inbox").toAbsolutePath(),
                "--iro.scheduling-enabled=false",
                "--iro.demo.las=867,868",
                "--iro.demo.from=2024",
                "--iro.demo.to=2025",
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.uk.iroinsight.demo=INFO",
                "--logging.level.uk.iroinsight.etl.job=INFO",
                "--vaadin.productionMode=true"));
        arguments.addAll(List.of(extra));
        return arguments.toArray(String[]::new);
    }

    /**
     * Starts the web application in a child JVM with fault injection ({@code iro.fault.after-swap=1},
     * see FaultInjection): it generates the demo, and halts as if killed straight after the first
     * authority's swap commits. Bounded wait; the exit code.
     */
    private static int startInChildJvmHaltingAfterTheFirstSwap(Path root) throws IOException, InterruptedException {
        Files.createDirectories(root);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Xmx512m",
                "-Diro.fault.after-swap=1",
                "-Diro.load.swap-rows=1",
                "-cp", System.getProperty("java.class.path"),
                Serve.class.getName()));
        command.addAll(List.of(arguments(root)));
        Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectOutput(root.resolve("stdout.txt").toFile())
                .redirectError(root.resolve("stderr.txt").toFile())
                .start();
        if (!process.waitFor(DEMO_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the child did not halt within " + DEMO_TIMEOUT + "; stdout:\n" + Files.readString(root.resolve("stdout.txt")));
        }
        return process.exitValue();
    }

    /** The child JVM's main: the web application as the test starts it, until halted. */
    static final class Serve {

        public static void main(String[] args) {
            new SpringApplicationBuilder(IroInsightApplication.class).web(WebApplicationType.SERVLET).run(args);
        }
    }
}
