package uk.iroinsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --error-rate R}, then {@code validate} on what it wrote: the reject report to demonstrate. */
class DemoCommandTest {

    private static final Pattern MISTAKES = Pattern.compile("^demo: 1 authorities, 2 LA-years, \\d+ children \\(seed 4, 2025-2026\\), "
            + "(\\d+) mistakes injected \\(error rate 0\\.05\\) written to .+$", Pattern.MULTILINE);
    private static final Pattern SUMMARY = Pattern.compile("^summary: 2 LA-year folder\\(s\\), (\\d+) rows read, (\\d+) rejected, "
            + "0 unreadable file\\(s\\) or folder\\(s\\)$", Pattern.MULTILINE);

    @TempDir
    Path folder;

    @Test
    void demoWithAnErrorRateSaysHowManyMistakesItInjectedAndValidateReportsThem() {
        Path inbox = folder.resolve("inbox");
        Cli.Result demo = Cli.run(folder.resolve("secrets"), "demo", "--out", inbox.toString(), "--seed", "4", "--las", "867",
                "--from", "2025", "--to", "2026", "--error-rate", "0.05");
        assertThat(demo.code()).as(demo.err()).isZero();
        Matcher mistakes = MISTAKES.matcher(demo.out());
        assertThat(mistakes.find()).as(demo.out()).isTrue();
        int injected = Integer.parseInt(mistakes.group(1));
        assertThat(injected).isPositive();

        Cli.Result validate = Cli.run(folder.resolve("secrets"), "validate", "--inbox", inbox.toString());
        assertThat(validate.code()).isZero();
        Matcher summary = SUMMARY.matcher(validate.out());
        assertThat(summary.find()).as(validate.out()).isTrue();
        int rejected = Integer.parseInt(summary.group(2));
        assertThat(rejected).isBetween(injected, 6 * injected);
        assertThat(validate.outLines()).anyMatch(line -> line.startsWith("867/2025/") && line.contains(" line "))
                .anyMatch(line -> line.startsWith("867/2026/") && line.contains(" line "));
    }

    @Test
    void demoWithoutAnErrorRateWritesACleanInboxAndSaysNothingOfMistakes() {
        Path inbox = folder.resolve("clean");
        Cli.Result demo = Cli.run(folder.resolve("secrets"), "demo", "--out", inbox.toString(), "--las", "867", "--from", "2026", "--to", "2026");
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).startsWith("demo: 1 authorities, 1 LA-years, ").doesNotContain("mistakes");
        Cli.Result validate = Cli.run(folder.resolve("secrets"), "validate", "--inbox", inbox.toString());
        assertThat(validate.out()).contains(" 0 rejected, 0 unreadable");
    }

    @Test
    void anErrorRateOutsideZeroToOneIsRefusedWithOneLine() {
        Cli.Result demo = Cli.run(folder.resolve("secrets"), "demo", "--out", folder.resolve("x").toString(), "--las", "867",
                "--error-rate", "1.5");
        assertThat(demo.code()).isEqualTo(1);
        assertThat(demo.err().strip()).isEqualTo("iro-insight demo: --error-rate must be between 0 and 1 (a fraction of children and rows), not 1.5");
    }

    @Test
    void yearsBeforeTheCodeListsOrAfterTheLatestCollectionYearAreRefusedWithOneLine() {
        Cli.Result early = Cli.run(folder.resolve("secrets"), "demo", "--out", folder.resolve("x").toString(), "--las", "867",
                "--from", "2012", "--to", "2016");
        assertThat(early.code()).isEqualTo(1);
        assertThat(early.err().strip()).isEqualTo("iro-insight demo: years must be within 2016-2040 (the code lists in etl/codes begin with 2015-16 returns)");
        int tooLate = java.time.LocalDate.now().getYear() + 2;
        Cli.Result late = Cli.run(folder.resolve("secrets"), "demo", "--out", folder.resolve("y").toString(), "--las", "867",
                "--from", "2024", "--to", String.valueOf(tooLate));
        assertThat(late.code()).isEqualTo(1);
        assertThat(late.err().strip()).isEqualTo("iro-insight demo: --to " + tooLate + " is after " + (tooLate - 1)
                + ", the latest collection year a load accepts");
        assertThat(folder.resolve("x")).doesNotExist();
        assertThat(folder.resolve("y")).doesNotExist();
    }
}
