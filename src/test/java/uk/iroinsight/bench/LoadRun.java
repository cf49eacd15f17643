package uk.iroinsight.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

import uk.iroinsight.etl.job.LoadHistory;
import uk.iroinsight.etl.job.LoadService;
import uk.iroinsight.security.Access;

/**
 * One load for the {@code load} and {@code scale} suites, in its own JVM: {@code LoadRun INBOX DB SECRETS}
 * runs the real load job once ({@link LoadService#runAndWait}, as the {@code load} command does)
 * on a warehouse file that should not exist yet, and prints
 * {@code BENCH load_s= marts_s= rows= rejected= la_years=}.
 *
 * <p>Load = the job's start until the start of its last step, {@code publishChanges} (every step
 * before it, whatever they are, reads, validates and commits the facts); marts = that last step,
 * which rebuilds the indicator marts. Both from the JobExecution's own times, so the JVM's and
 * Spring's start are not counted.
 */
public final class LoadRun {

    static final String PUBLISH_CHANGES = "publishChanges";

    private LoadRun() {
    }

    public static void main(String[] args) {
        Path inbox = Path.of(args[0]);
        Path db = Path.of(args[1]);
        Path secrets = Path.of(args[2]);
        try (var context = Boot.start(db, secrets)) {
            JobExecution execution = context.getBean(LoadService.class).runAndWait(inbox, new Access("cli:bench", null, null));
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("load ended " + execution.getStatus() + ": " + execution.getAllFailureExceptions());
            }
            StepExecution publish = execution.getStepExecutions().stream()
                    .filter(step -> step.getStepName().equals(PUBLISH_CHANGES)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no step " + PUBLISH_CHANGES + " in " + execution.getStepExecutions()));
            LoadHistory.RunTotals totals = context.getBean(LoadHistory.class).runTotals(execution.getId());
            Child.report("load_s", seconds(execution.getStartTime(), publish.getStartTime()),
                    "marts_s", seconds(publish.getStartTime(), publish.getEndTime()),
                    "rows", totals.rowsLoaded(), "rejected", totals.rowsRejected(), "la_years", totals.loaded());
        }
        System.exit(0);
    }

    static String seconds(LocalDateTime from, LocalDateTime to) {
        return Stats.fmt("%.3f", Duration.between(from, to).toNanos() / 1e9);
    }
}
