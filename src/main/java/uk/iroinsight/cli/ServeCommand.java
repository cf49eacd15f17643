package uk.iroinsight.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.boot.WebApplicationType;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve [--db FILE]}: the dashboard on port 8080 (or $IRO_PORT). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the dashboard on http://localhost:8080 (port from IRO_PORT); the default command.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "FILE", description = "The DuckDB warehouse file (default: data/iro-insight.duckdb).")
    Path db;

    @Override
    public Integer call() {
        Spring.start(WebApplicationType.SERVLET, db);
        return 0;
    }
}
