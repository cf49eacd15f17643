package uk.iroinsight.etl.csv;

import java.nio.file.Path;

/** A file that cannot be read as a table at all; the message is one line naming the file. */
public class UnreadableFileException extends Exception {

    private final String fileName;
    private final String reason;

    public UnreadableFileException(Path file, String reason) {
        super(file.getFileName() + ": " + reason);
        this.fileName = file.getFileName().toString();
        this.reason = reason;
    }

    public String fileName() {
        return fileName;
    }

    public String reason() {
        return reason;
    }
}
