package uk.iroinsight.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import uk.iroinsight.etl.job.LoadAlreadyRunningException;
import uk.iroinsight.etl.job.LoadHistory;
import uk.iroinsight.etl.job.LoadService;
import uk.iroinsight.security.Access;
import uk.iroinsight.system.IroProperties;

/**
 * The embedded demo warehouse: when the dashboard starts ({@code serve}; never the other
 * commands, which run without a web server) on a warehouse that holds no returns, generates the
 * synthetic demo into its folder ({@link DemoProperties}) and loads it with the normal inbox
 * load job, in the background, so the server answers at once and the Data loads view shows the
 * load like any other. Later starts reuse the warehouse. A start after a process that ended
 * before the demo load completed (its folder's manifest has no {@code loaded-at}) loads the same
 * folder again: the load is idempotent by fingerprints, so what was swapped in stays and the
 * rest follows.
 */
@Component
@ConditionalOnWebApplication
public class EmbeddedDemo {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDemo.class);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(5);

    /** Where the demo stands in this process. */
    public enum State {
        /** The application is not ready yet. */
        STARTING,
        /** {@code iro.demo.enabled=false}. */
        OFF,
        /** The warehouse holds returns that are not the demo's. */
        NOT_NEEDED,
        GENERATING,
        LOADING,
        /** The warehouse holds the demo (loaded now or at an earlier start). */
        READY,
        FAILED
    }

    /**
     * @param folder  the demo inbox folder
     * @param message what happened, in a sentence (for FAILED, the reason)
     */
    public record Status(State state, Path folder, String message) {
    }

    /** Who the demo's loads are in the audit trail. */
    static final Access DEMO = new Access("demo", null, null);

    private final DemoProperties properties;
    private final LoadService loads;
    private final LoadHistory history;
    private final Clock clock;
    private final DemoFolder folder;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "demo-warehouse");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Status status;
    private volatile boolean loading;

    EmbeddedDemo(DemoProperties properties, IroProperties iro, LoadService loads, LoadHistory history, Clock clock) {
        this.properties = properties;
        this.loads = loads;
        this.history = history;
        this.clock = clock;
        this.folder = new DemoFolder(properties.folder(iro.db()));
        this.status = new Status(State.STARTING, folder.path(), "");
    }

    public Status status() {
        return status;
    }

    /** Calls {@code listener} (on the demo's thread) whenever the status changes; returns the action that removes it. */
    public Runnable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Decides at once (cheap checks); generating and loading happen on a thread of their own. A
     * failure here is reported, never stops the dashboard.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void start() {
        try {
            decide();
        } catch (RuntimeException e) {
            fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void decide() {
        if (!properties.enabled()) {
            set(State.OFF, "The embedded demo is off (iro.demo.enabled=false).");
            log.info("Demo: off (iro.demo.enabled=false)");
            return;
        }
        Optional<DemoFolder.Manifest> manifest = folder.manifest();
        LoadHistory.Loaded loaded = history.loaded();
        if (manifest.isPresent() && manifest.get().loadedAt() == null) {
            log.info("Demo: the load of {} did not finish at an earlier start; loading it again (LA-years already loaded are skipped)",
                    folder.path());
            begin(State.LOADING, loadingMessage(), () -> load(manifest.get(), System.nanoTime()));
        } else if (loaded.laYears() > 0) {
            if (manifest.isPresent()) {
                set(State.READY, readyMessage());
                log.info("Demo: loaded from {} at an earlier start ({}); the warehouse holds {} LA-years of returns; reusing it",
                        folder.path(), manifest.get().loadedAt(), loaded.laYears());
            } else {
                set(State.NOT_NEEDED, "");
                log.info("Demo: not needed, the warehouse holds {} LA-years of returns", loaded.laYears());
            }
        } else if (manifest.isPresent() && manifest.get().generatedWith(properties)) {
            log.info("Demo: the warehouse holds no returns; loading the demo generated earlier in {}", folder.path());
            begin(State.LOADING, loadingMessage(), () -> load(manifest.get(), System.nanoTime()));
        } else if (folder.isSomethingElse()) {
            fail(folder.path() + " exists and was not written by the demo; leaving it alone (move it away, or set iro.demo.dir)");
        } else {
            begin(State.GENERATING, "Generating the synthetic demo (" + describe() + ") into " + folder.path() + ".", this::generateAndLoad);
        }
    }

    private void begin(State state, String message, Runnable work) {
        set(state, message);
        background.submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || background.isShutdown()) {
                    log.info("Demo: stopped with the application; the next start carries on");
                } else {
                    fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
        });
    }

    private void generateAndLoad() {
        long started = System.nanoTime();
        log.info("Demo: the warehouse holds no returns; generating the synthetic demo ({}) into {}", describe(), folder.path());
        DemoGenerator.Summary summary = folder.generate(new DemoGenerator(ReferenceFigures.load()), properties, clock.instant());
        log.info("Demo: generated {} LA-years ({} children) in {}; loading them with the inbox load job", summary.laYears(),
                summary.children(), since(started));
        DemoFolder.Manifest manifest = folder.manifest()
                .orElseThrow(() -> new IllegalStateException("the demo written to " + folder.path() + " has no manifest"));
        set(State.LOADING, loadingMessage());
        load(manifest, started);
    }

    private void load(DemoFolder.Manifest manifest, long started) {
        JobExecution execution = runWhenNoOtherLoadRuns();
        if (execution == null) {
            return; // interrupted: the application is stopping; the next start finishes the load
        }
        if (execution.getStatus() == BatchStatus.STOPPED || execution.getStatus() == BatchStatus.STOPPING) {
            log.info("Demo: the load (run {}) stopped with the application; the next start carries on", execution.getId());
            return;
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String reason = execution.getAllFailureExceptions().stream().findFirst().map(Throwable::getMessage)
                    .orElse(execution.getExitStatus().getExitDescription());
            fail("the demo load (run " + execution.getId() + ") ended " + execution.getStatus() + ": " + reason
                    + "; it runs again at the next start");
            return;
        }
        folder.markLoaded(manifest, clock.instant());
        LoadHistory.Loaded loaded = history.loaded();
        if (!ExitStatus.COMPLETED.getExitCode().equals(execution.getExitStatus().getExitCode())) {
            log.warn("Demo: the load (run {}) ended {}: {}", execution.getId(), execution.getExitStatus().getExitCode(),
                    execution.getExitStatus().getExitDescription());
        }
        set(State.READY, readyMessage());
        log.info("Demo warehouse ready in {}: {} authorities, {} LA-years, {} rows loaded, {} rejected", since(started),
                loaded.authorities(), loaded.laYears(), loaded.rowsLoaded(), loaded.rowsRejected());
    }

    /** Runs the load job on the demo folder, waiting while another load (run now, the schedule) is going; null if interrupted. */
    private JobExecution runWhenNoOtherLoadRuns() {
        boolean told = false;
        while (true) {
            try {
                loading = true;
                return loads.runAndWait(folder.path(), DEMO);
            } catch (LoadAlreadyRunningException busy) {
                loading = false;
                if (!told) {
                    log.info("Demo: another load is running; the demo load starts when it ends");
                    told = true;
                }
                try {
                    Thread.sleep(BUSY_RETRY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    private void fail(String reason) {
        set(State.FAILED, reason);
        log.warn("Demo: the demo warehouse could not be prepared: {}", reason);
    }

    private void set(State state, String message) {
        status = new Status(state, folder.path(), message);
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.debug("A demo status listener failed", e);
            }
        }
    }

    private String loadingMessage() {
        return "Loading the synthetic demo from " + folder.path() + " (nothing in it is real).";
    }

    private String readyMessage() {
        return "The warehouse holds the synthetic demo from " + folder.path() + " (nothing in it is real).";
    }

    private String describe() {
        String las = properties.authorities().equals("all") ? "all current authorities" : "authorities " + properties.authorities();
        return las + ", " + properties.from() + "-" + properties.to() + ", seed " + properties.seed();
    }

    private static String since(long startedNanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    /**
     * Interrupts generating or waiting; a running demo load is left to {@link LoadService}, which
     * stops it cleanly when the application stops.
     */
    @PreDestroy
    void stop() {
        if (loading) {
            background.shutdown();
        } else {
            background.shutdownNow();
        }
    }
}
