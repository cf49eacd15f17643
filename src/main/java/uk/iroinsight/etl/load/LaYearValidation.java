package uk.iroinsight.etl.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import uk.iroinsight.etl.csv.UnreadableFileException;
import uk.iroinsight.etl.inbox.InboxScan;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.etl.validation.ReturnValidator;
import uk.iroinsight.etl.validation.ValidatedReturn;

/**
 * What {@code validate} says about one LA-year folder of an inbox, without loading it: the folder
 * is found the way the scanner finds it, its files are read and checked by the same
 * {@link ReturnReader} and {@link ReturnValidator} calls the command and the load make. Nothing is
 * stored; the rejections carry the values as written in the files.
 */
public final class LaYearValidation {

    /**
     * The outcome for one folder: either {@code validated} (rows to load, rejections with file,
     * line, field, value and reason) or {@code unreadable}, the one-line reason the load would
     * fail the LA-year (a missing or unreadable file, or a folder the scanner refuses).
     */
    public record Result(String folder, Optional<ValidatedReturn> validated, Optional<String> unreadable, List<String> ignored) {

        /** Whether a load would take this LA-year (possibly with rejected rows). */
        public boolean loadable() {
            return validated.isPresent();
        }
    }

    private final InboxScanner scanner;
    private final ReturnValidator validator;

    public LaYearValidation(InboxScanner scanner, ReturnValidator validator) {
        this.scanner = scanner;
        this.validator = validator;
    }

    /** Validates the folder of authority {@code laCode} (3-digit DfE code) and {@code year} in {@code inbox}. */
    public Result validate(Path inbox, String laCode, int year) {
        InboxScan scan = scanner.scan(inbox);
        Optional<InboxScan.LaYearFolder> found = scan.laYears().stream()
                .filter(f -> f.laCode().equals(laCode) && f.year() == year)
                .findFirst();
        if (found.isEmpty()) {
            String reason = scan.problems().stream()
                    .filter(p -> p.folder().equals(laCode) || p.folder().startsWith(laCode + "/"))
                    .map(InboxScan.Problem::reason)
                    .findFirst()
                    .orElse("there is no folder for this authority and year in the inbox");
            return new Result(laCode + "/" + year, Optional.empty(), Optional.of(reason), List.of());
        }
        InboxScan.LaYearFolder folder = found.get();
        try {
            ValidatedReturn result = validator.validate(folder.laCode(), folder.year(), ReturnReader.read(folder, validator));
            return new Result(folder.folder(), Optional.of(result), Optional.empty(), folder.ignored());
        } catch (UnreadableFileException e) {
            return new Result(folder.folder(), Optional.empty(), Optional.of(e.getMessage()), folder.ignored());
        }
    }
}
