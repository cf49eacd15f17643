package uk.iroinsight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.iroinsight.etl.csv.UnreadableFileException;
import uk.iroinsight.etl.inbox.Authorities;
import uk.iroinsight.etl.inbox.InboxScan;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.etl.load.ReturnReader;
import uk.iroinsight.etl.validation.Rejection;
import uk.iroinsight.etl.validation.ReturnValidator;
import uk.iroinsight.etl.validation.ValidatedReturn;

/**
 * {@code validate --inbox DIR}: checks an inbox without loading it and prints every rejected row
 * (file, line, field, value, reason) and a summary. Exits non-zero only when a file or folder
 * could not be read at all.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an inbox without loading it: print every rejected row with file, line, field, value and reason.")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--inbox", required = true, paramLabel = "DIR", description = "The inbox folder.")
    Path inbox;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ReturnValidator validator = ReturnValidator.withShippedRules();
        InboxScan scan = new InboxScanner(Authorities.load(), Clock.systemDefaultZone()).scan(inbox);
        int unreadable = 0;
        int rows = 0;
        int rejectedRows = 0;
        for (InboxScan.Problem problem : scan.problems()) {
            out.println(problem.folder() + ": cannot be read: " + problem.reason());
            unreadable++;
        }
        for (InboxScan.LaYearFolder folder : scan.laYears()) {
            try {
                ValidatedReturn result = validator.validate(folder.laCode(), folder.year(), ReturnReader.read(folder, validator));
                for (Rejection rejection : result.rejections()) {
                    out.println(folder.folder() + "/" + rejection.describe());
                }
                rows += result.files().values().stream().mapToInt(ValidatedReturn.FileCount::read).sum();
                rejectedRows += result.rowsRejected();
                result.files().forEach((name, count) -> out.printf("%s/%s: %d rows, %d valid, %d rejected%n", folder.folder(), name,
                        count.read(), count.loaded(), count.rejected()));
                folder.ignored().forEach(name -> out.println(folder.folder() + "/" + name + ": ignored (not used by IRO Insight)"));
            } catch (UnreadableFileException e) {
                out.println(folder.folder() + "/" + e.getMessage());
                unreadable++;
            }
        }
        out.printf("summary: %d LA-year folder(s), %d rows read, %d rejected, %d unreadable file(s) or folder(s)%n",
                scan.laYears().size(), rows, rejectedRows, unreadable);
        out.flush();
        return unreadable == 0 ? 0 : 1;
    }
}
