package uk.iroinsight.etl.load;

import java.util.List;
import java.util.Map;

import uk.iroinsight.etl.validation.Rejection;
import uk.iroinsight.etl.validation.ValidatedReturn.FileCount;

/** What happened to one LA-year in a run. */
public record LaYearResult(String laCode, int year, String folder, Status status, String message,
        Map<String, FileCount> files, List<Rejection> rejections, List<String> ignored) {

    public enum Status {
        /** Validated and swapped into the warehouse. */
        LOADED,
        /** Same files as the LA-year already loaded: nothing to do. */
        UNCHANGED,
        /** A file could not be read: the warehouse keeps the LA-year's previous data. */
        FAILED
    }

    public int rowsRead() {
        return files.values().stream().mapToInt(FileCount::read).sum();
    }

    public int rowsLoaded() {
        return files.values().stream().mapToInt(FileCount::loaded).sum();
    }

    public int rowsRejected() {
        return files.values().stream().mapToInt(FileCount::rejected).sum();
    }
}
