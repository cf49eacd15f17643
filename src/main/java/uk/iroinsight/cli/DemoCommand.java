package uk.iroinsight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.iroinsight.demo.DemoGenerator;
import uk.iroinsight.demo.DemoOptions;
import uk.iroinsight.demo.ReferenceFigures;

/**
 * {@code demo --out DIR [--seed N] [--from YYYY] [--to YYYY] [--las all|CODE,CODE] [--error-rate R]}:
 * writes a synthetic inbox calibrated to the published figures, deterministic for a seed, with
 * realistic mistakes in a fraction R of children and rows when asked. Needs no Spring.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write a synthetic inbox (903 files, disputes, workforce) calibrated to the published figures.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The inbox folder to write.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from", paramLabel = "YYYY", defaultValue = "2016", description = "First collection year (default: ${DEFAULT-VALUE}).")
    int from;

    @Option(names = "--to", paramLabel = "YYYY", defaultValue = "2025", description = "Last collection year (default: ${DEFAULT-VALUE}).")
    int to;

    @Option(names = "--las", paramLabel = "all|CODE,CODE", defaultValue = "all",
            description = "Authorities by 3-digit DfE code, comma-separated (default: all current authorities).")
    String las;

    @Option(names = "--error-rate", paramLabel = "R", defaultValue = "0",
            description = "Fraction (0-1) of children, disputes and workforce rows given one realistic mistake, for a reject report "
                    + "(default: ${DEFAULT-VALUE}, a clean inbox).")
    double errorRate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> codes = las.equalsIgnoreCase("all") ? List.of()
                : Arrays.stream(las.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        int latest = LocalDate.now().getYear() + 1; // the latest collection year the inbox scan accepts
        if (to > latest) {
            throw new IllegalArgumentException("--to " + to + " is after " + latest + ", the latest collection year a load accepts");
        }
        DemoOptions options = new DemoOptions(out, seed, from, to, codes, errorRate);
        long started = System.nanoTime();
        DemoGenerator.Summary summary = new DemoGenerator(ReferenceFigures.load()).generate(options);
        PrintWriter writer = spec.commandLine().getOut();
        String mistakes = errorRate == 0 ? "" : ", %d mistakes injected (error rate %s)".formatted(summary.mistakes().size(), errorRate);
        writer.printf("demo: %d authorities, %d LA-years, %d children (seed %d, %d-%d)%s written to %s in %.1f s%n", summary.authorities(),
                summary.laYears(), summary.children(), seed, from, to, mistakes, out, (System.nanoTime() - started) / 1e9);
        writer.flush();
        return 0;
    }
}
