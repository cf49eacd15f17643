package uk.iroinsight.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.boot.WebApplicationType;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.iroinsight.indicators.IndicatorExport;
import uk.iroinsight.indicators.IndicatorExport.Format;
import uk.iroinsight.indicators.IndicatorMarts;
import uk.iroinsight.warehouse.Warehouse;

/**
 * {@code indicators --db FILE [--out FILE] [--format csv|arrow|parquet]}: brings the indicator
 * marts up to date and exports every figure (PRODUCT.md §5), unsuppressed. Without {@code --out}
 * the export goes to standard output and nothing else does (console logging is off).
 */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Export every indicator figure (area_type,area_code,area_name,year,indicator,numerator,denominator,value,status,source),"
                + " unsuppressed, as CSV, an Arrow IPC stream or Parquet.")
final class IndicatorsCommand implements Callable<Integer> {

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The DuckDB warehouse file (must exist).")
    Path db;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the export (default: standard output; parquet needs a file).")
    Path out;

    @Option(names = "--format", paramLabel = "csv|arrow|parquet", defaultValue = "csv",
            description = "csv (default), arrow (an Arrow IPC stream) or parquet.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Format chosen = Format.parse(format);
        if (!Files.isRegularFile(db)) {
            throw new IllegalArgumentException("no warehouse at " + db);
        }
        if (out == null && chosen == Format.PARQUET) {
            throw new IllegalArgumentException("parquet needs --out FILE");
        }
        if (out != null && Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + " is a folder; --out needs a file name");
        }
        List<String> properties = new ArrayList<>(List.of("iro.scheduling-enabled=false", "logging.level.root=WARN"));
        if (out == null) {
            properties.add("logging.threshold.console=OFF");   // standard output carries the export alone
        }
        try (var context = Spring.start(WebApplicationType.NONE, db, properties.toArray(String[]::new))) {
            context.getBean(IndicatorMarts.class).refreshIfStale();
            IndicatorExport export = new IndicatorExport(context.getBean(Warehouse.class));
            PrintWriter stdout = spec.commandLine().getOut();
            if (out != null) {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                export.write(chosen, out);
            } else if (chosen == Format.CSV) {
                // Through the command's writer (so a caller that captures it gets the text), via a temporary file.
                Path temp = Files.createTempFile("iro-indicators-", ".csv");
                try {
                    export.write(Format.CSV, temp);
                    try (BufferedReader reader = Files.newBufferedReader(temp, StandardCharsets.UTF_8)) {
                        reader.transferTo(stdout);
                    }
                } finally {
                    Files.deleteIfExists(temp);
                }
            } else {
                // Binary: straight to the process's standard output, not through the command's (text) writer.
                stdout.flush();
                export.write(chosen, System.out);
            }
            stdout.flush();
            return 0;
        }
    }
}
