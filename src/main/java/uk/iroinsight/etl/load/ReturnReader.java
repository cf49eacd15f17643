package uk.iroinsight.etl.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import uk.iroinsight.etl.csv.CsvFile;
import uk.iroinsight.etl.csv.UnreadableFileException;
import uk.iroinsight.etl.inbox.InboxScan.LaYearFolder;
import uk.iroinsight.etl.validation.ReturnValidator;

/** Reads the files of one LA-year folder, refusing the LA-year if a file cannot be read as a table. */
public final class ReturnReader {

    private ReturnReader() {
    }

    public static Map<String, CsvFile> read(LaYearFolder folder, ReturnValidator validator) throws UnreadableFileException {
        for (String required : ReturnValidator.REQUIRED_FILES) {
            if (!folder.files().containsKey(required)) {
                throw new UnreadableFileException(Path.of(folder.folder(), required), "is missing (a return needs "
                        + String.join(", ", ReturnValidator.REQUIRED_FILES) + ")");
            }
        }
        Map<String, CsvFile> files = new LinkedHashMap<>();
        for (var entry : folder.files().entrySet()) {
            CsvFile file = CsvFile.read(entry.getValue());
            validator.checkColumns(file);
            files.put(entry.getKey(), file);
        }
        return files;
    }
}
