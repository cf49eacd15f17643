package uk.iroinsight.etl.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;
import uk.iroinsight.security.Access;
import uk.iroinsight.security.AuditLog;
import uk.iroinsight.system.IroProperties;

/**
 * Runs the inbox load job: now and wait (the {@code load} command), now in the background
 * ("run now" on the Data loads view), or on the schedule. One run at a time per process.
 * Every run names who started it (the signed-in admin, {@link #SCHEDULER}, {@code cli:<os user>},
 * {@code demo}): the audit trail gets a {@code load} event when it starts, before anything is
 * read, and one when it ends with the LA-years loaded, unchanged and unreadable and the rows;
 * the run's job parameters keep the name ({@code startedBy}) for the load history.
 */
@Service
public class LoadService {

    private static final Logger log = LoggerFactory.getLogger(LoadService.class);
    /** How long stopping the application waits for a running load to stop. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final JobLauncher launcher;
    private final Job job;
    private final JobExplorer explorer;
    private final JobRepository repository;
    private final IroProperties properties;
    private final Clock clock;
    private final LoadProgress progress;
    private final AuditLog audit;
    private final LoadHistory history;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "inbox-load");
        thread.setDaemon(true);
        return thread;
    });

    LoadService(JobLauncher launcher, Job inboxLoadJob, JobExplorer explorer, JobRepository repository, IroProperties properties,
            Clock clock, LoadProgress progress, AuditLog audit, LoadHistory history) {
        this.launcher = launcher;
        this.job = inboxLoadJob;
        this.explorer = explorer;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.progress = progress;
        this.audit = audit;
        this.history = history;
    }

    /** Who the scheduled scan is in the audit trail. */
    public static final Access SCHEDULER = new Access("scheduler", null, null);

    /** The job parameter naming who started a run. */
    public static final String STARTED_BY = "startedBy";

    /**
     * Runs one scan of {@code inbox} for {@code by} and waits for it to end.
     *
     * @throws LoadAlreadyRunningException while another load of this process runs
     */
    public JobExecution runAndWait(Path inbox, Access by) {
        if (!running.compareAndSet(false, true)) {
            throw new LoadAlreadyRunningException();
        }
        String folder = inbox.toAbsolutePath().normalize().toString();
        JobExecution execution = null;
        try {
            audit.record(by, AuditLog.Event.LOAD, folder, "started");
            var parameters = new JobParametersBuilder()
                    .addString("inbox", folder)
                    .addLocalDateTime("requestedAt", LocalDateTime.now(clock))
                    .addString(STARTED_BY, by.username(), false)
                    .toJobParameters();
            execution = launcher.run(job, parameters);
            return execution;
        } catch (Exception e) {
            throw new IllegalStateException("the load could not start: " + e.getMessage(), e);
        } finally {
            running.set(false);
            progress.ended();
            recordEnd(by, folder, execution);
        }
    }

    /** The audit trail's note of how a run ended; a failure to write it is logged, the run has happened. */
    private void recordEnd(Access by, String folder, JobExecution execution) {
        try {
            if (execution == null) {
                audit.record(by, AuditLog.Event.LOAD, folder, "could not start");
                return;
            }
            audit.record(by, AuditLog.Event.LOAD, folder, ended(execution, history.runTotals(execution.getId())));
        } catch (RuntimeException e) {
            log.warn("The end of load run {} could not be written to the audit trail", execution == null ? "?" : execution.getId(), e);
        }
    }

    /** e.g. "run 3 ended COMPLETED: 2 LA-years loaded, 1 unchanged, 0 unreadable, 0 folders refused; 1,234 rows loaded, 5 rejected". */
    static String ended(JobExecution execution, LoadHistory.RunTotals totals) {
        return "run " + execution.getId() + " ended " + execution.getStatus() + ": " + totals.loaded() + " LA-years loaded, "
                + totals.unchanged() + " unchanged, " + totals.unreadable() + " unreadable, " + totals.refusedFolders()
                + " folders refused; " + totals.rowsLoaded() + " rows loaded, " + totals.rowsRejected() + " rejected"
                + (totals.publishedLoaded() + totals.publishedRefused() == 0 ? ""
                        : "; " + totals.publishedLoaded() + " published files loaded, " + totals.publishedRefused() + " refused");
    }

    /** "Run now" by {@code by}: scans the configured inbox in the background; refused while a run is going. */
    public Future<JobExecution> runNow(Access by) {
        Path inbox = properties.inbox();
        if (running.get()) {
            throw new LoadAlreadyRunningException();
        }
        return background.submit(() -> runAndWait(inbox, by));
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The scheduled scan ({@code iro.schedule}, default nightly); skipped when the inbox is absent. */
    void scheduledScan() {
        Path inbox = properties.inbox();
        if (inbox == null || !Files.isDirectory(inbox)) {
            log.info("Scheduled load skipped: inbox {} does not exist", inbox);
            return;
        }
        if (running.get()) {
            log.info("Scheduled load skipped: a load is already running");
            return;
        }
        JobExecution execution = runAndWait(inbox, SCHEDULER);
        log.info("Scheduled load of {} ended {} ({})", inbox, execution.getStatus(), execution.getExitStatus().getExitCode());
    }

    /** The latest runs, newest first. */
    public List<JobExecution> recentRuns(int count) {
        return explorer.getJobInstances(InboxLoadJobConfiguration.JOB_NAME, 0, count).stream()
                .flatMap(instance -> explorer.getJobExecutions(instance).stream())
                .sorted((a, b) -> Long.compare(b.getId(), a.getId()))
                .limit(count)
                .toList();
    }

    /**
     * A run still marked as running when this process starts belongs to a process that died
     * (the warehouse file is locked by one process at a time): mark it FAILED so the history is
     * true. Its LA-years that were swapped stay; the next scan loads the rest. Runs first among
     * the listeners of the ready event, before anything started then (the embedded demo) can
     * launch a run of its own.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void markAbandonedRunsFailed() {
        for (JobExecution execution : explorer.findRunningJobExecutions(InboxLoadJobConfiguration.JOB_NAME)) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(step.getExitStatus().and(org.springframework.batch.core.ExitStatus.FAILED));
                    step.setEndTime(LocalDateTime.now(clock));
                    repository.update(step);
                }
            }
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(org.springframework.batch.core.ExitStatus.FAILED
                    .addExitDescription("the process running this load ended before it finished"));
            execution.setEndTime(LocalDateTime.now(clock));
            repository.update(execution);
            log.warn("Load run {} was left running by a process that ended; marked FAILED", execution.getId());
        }
    }

    /**
     * When the application stops (Ctrl-C, SIGTERM) during a load: asks the run to stop after the
     * authorities in progress and waits for it (bounded), so the job history says STOPPED instead
     * of a run cut off mid-write; the next scan loads the rest (the LA-years swapped in stay).
     */
    @PreDestroy
    void stopRunningLoad() throws InterruptedException {
        background.shutdown();
        var load = progress.current();
        if (!running.get() || load.isEmpty()) {
            return;
        }
        long id = load.get().jobExecutionId();
        log.info("Stopping load run {} after the authorities in progress (waiting up to {} s); the next run loads the rest", id,
                STOP_WAIT.toSeconds());
        // What JobOperator.stop does for a job without stoppable tasklets: the job's next update of
        // the repository sees STOPPING and ends the run STOPPED.
        JobExecution execution = explorer.getJobExecution(id);
        if (execution == null || !execution.isRunning()) {
            return;
        }
        execution.setStatus(BatchStatus.STOPPING);
        repository.update(execution);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (running.get()) {
            log.warn("Load run {} had not stopped after {} s; the next start marks it FAILED", id, STOP_WAIT.toSeconds());
        } else {
            log.info("Load run {} stopped", id);
        }
    }
}
