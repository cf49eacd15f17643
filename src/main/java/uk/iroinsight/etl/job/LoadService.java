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
import uk.iroinsight.system.IroProperties;

/**
 * Runs the inbox load job: now and wait (the {@code load} command), now in the background
 * ("run now" on the Data loads view), or on the schedule. One run at a time per process.
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
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "inbox-load");
        thread.setDaemon(true);
        return thread;
    });

    LoadService(JobLauncher launcher, Job inboxLoadJob, JobExplorer explorer, JobRepository repository, IroProperties properties,
            Clock clock, LoadProgress progress) {
        this.launcher = launcher;
        this.job = inboxLoadJob;
        this.explorer = explorer;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Runs one scan of {@code inbox} and waits for it to end.
     *
     * @throws LoadAlreadyRunningException while another load of this process runs
     */
    public JobExecution runAndWait(Path inbox) {
        if (!running.compareAndSet(false, true)) {
            throw new LoadAlreadyRunningException();
        }
        try {
            var parameters = new JobParametersBuilder()
                    .addString("inbox", inbox.toAbsolutePath().normalize().toString())
                    .addLocalDateTime("requestedAt", LocalDateTime.now(clock))
                    .toJobParameters();
            return launcher.run(job, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("the load could not start: " + e.getMessage(), e);
        } finally {
            running.set(false);
            progress.ended();
        }
    }

    /** "Run now": scans the configured inbox in the background; refused while a run is going. */
    public Future<JobExecution> runNow() {
        Path inbox = properties.inbox();
        if (running.get()) {
            throw new LoadAlreadyRunningException();
        }
        return background.submit(() -> runAndWait(inbox));
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
        JobExecution execution = runAndWait(inbox);
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
