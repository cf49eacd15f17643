package uk.iroinsight.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.boot.WebApplicationType;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.iroinsight.etl.job.LoadHistory;
import uk.iroinsight.etl.job.LoadService;
import uk.iroinsight.security.Access;

/** {@code load --inbox DIR --db FILE}: runs the load job once and prints what it did per file. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load an inbox (INBOX/<la>/<YYYY>/*.csv) into the warehouse; prints rows loaded and rejected per file.")
final class LoadCommand implements Callable<Integer> {

    @Option(names = "--inbox", required = true, paramLabel = "DIR", description = "The inbox folder.")
    Path inbox;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The DuckDB warehouse file (created if absent).")
    Path db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException("inbox " + inbox + " is not a folder");
        }
        try (var context = Spring.start(WebApplicationType.NONE, db, "iro.scheduling-enabled=false", "logging.level.root=WARN")) {
            JobExecution execution = context.getBean(LoadService.class).runAndWait(inbox, whoRuns());
            LoadHistory history = context.getBean(LoadHistory.class);
            PrintWriter out = spec.commandLine().getOut();
            List<LoadHistory.FileLoad> files = history.fileLoads(execution.getId());
            new LoadReport(out).print(files, history);
            out.flush();
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                String reason = execution.getAllFailureExceptions().stream().findFirst()
                        .map(IroInsightCommand::oneLine).orElse(execution.getExitStatus().getExitDescription());
                throw new IllegalStateException("load " + execution.getStatus().name().toLowerCase() + ": " + reason);
            }
            long failures = history.failures(execution.getId());
            if (failures > 0) {
                spec.commandLine().getErr().println("iro-insight load: " + failures
                        + " LA-year(s) or folder(s) could not be loaded (see 'failed' above); their previous data is unchanged");
                return 1;
            }
            return 0;
        }
    }

    /** Who the audit trail says ran the load: {@code cli:} and the operating system's user name. */
    static Access whoRuns() {
        String user = System.getProperty("user.name");
        return new Access("cli:" + (user == null || user.isBlank() ? "unknown" : user), null, null);
    }
}
