package uk.iroinsight.etl.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import uk.iroinsight.etl.csv.CsvFile;
import uk.iroinsight.etl.csv.UnreadableFileException;
import uk.iroinsight.etl.inbox.InboxScan.LaYearFolder;
import uk.iroinsight.etl.validation.ReturnValidator;

/** Reads the files of one LA-year folder, refusing the LA-year if a file cannot be read as a table. */
public final class ReturnReader {

    private ReturnReader() {
    }

    public static Map<String, CsvFile> read(LaYearFolder folder, ReturnValidator validator) throws UnreadableFileException {
        return parse(Snapshot.of(folder), validator);
    }

    /** Parses a snapshot's files and checks their columns; the first file that cannot be read refuses the LA-year. */
    public static Map<String, CsvFile> parse(Snapshot snapshot, ReturnValidator validator) throws UnreadableFileException {
        for (String required : ReturnValidator.REQUIRED_FILES) {
            if (!snapshot.files().containsKey(required)) {
                throw new UnreadableFileException(Path.of(snapshot.folder().folder(), required), "is missing (a return needs "
                        + String.join(", ", ReturnValidator.REQUIRED_FILES) + ")");
            }
        }
        Map<String, CsvFile> files = new LinkedHashMap<>();
        for (var entry : snapshot.files().entrySet()) {
            FileBytes file = entry.getValue();
            if (file.refusal() != null) {
                throw file.refusal();
            }
            CsvFile csv = CsvFile.parseBytes(file.path(), file.bytes());
            validator.checkColumns(csv);
            files.put(entry.getKey(), csv);
        }
        return files;
    }

    /** One file as read: its bytes, or why it could not be read; its size and time before the read. */
    record FileBytes(Path path, byte[] bytes, UnreadableFileException refusal, Object stamp) {
    }

    /**
     * An LA-year folder's files read once, so that what is fingerprinted is what is parsed, with
     * each file's size and modification time taken before its read; {@link #changed()} tells
     * whether any file changed since (an inbox written while a load reads it).
     */
    public record Snapshot(LaYearFolder folder, Map<String, FileBytes> files) {

        public static Snapshot of(LaYearFolder folder) {
            Map<String, FileBytes> files = new LinkedHashMap<>();
            for (var entry : new java.util.TreeMap<>(folder.files()).entrySet()) {
                Path path = entry.getValue();
                Object stamp = stamp(path);
                try {
                    files.put(entry.getKey(), new FileBytes(path, CsvFile.readBytes(path), null, stamp));
                } catch (UnreadableFileException e) {
                    files.put(entry.getKey(), new FileBytes(path, null, e, stamp));
                }
            }
            return new Snapshot(folder, files);
        }

        /** The first file whose size or modification time differs from before it was read, if any. */
        public java.util.Optional<Path> changed() {
            return files.values().stream().filter(f -> !Objects.equals(f.stamp(), stamp(f.path()))).map(FileBytes::path).findFirst();
        }

        private static Object stamp(Path path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return attributes.size() + "@" + attributes.lastModifiedTime().toMillis() + "/" + attributes.lastModifiedTime();
            } catch (IOException e) {
                return "unreadable";
            }
        }
    }
}
