package uk.iroinsight.etl.validation;

import java.util.List;
import java.util.Map;

import uk.iroinsight.etl.validation.ReturnRecords.Dispute;
import uk.iroinsight.etl.validation.ReturnRecords.Episode;
import uk.iroinsight.etl.validation.ReturnRecords.Header;
import uk.iroinsight.etl.validation.ReturnRecords.Review;
import uk.iroinsight.etl.validation.ReturnRecords.Uasc;
import uk.iroinsight.etl.validation.ReturnRecords.Workforce;

/** What validation made of one LA-year: the rows to load, the rejections, and counts per file. */
public record ValidatedReturn(
        String laCode,
        int year,
        List<Header> headers,
        List<Episode> episodes,
        List<Review> reviews,
        List<Uasc> uasc,
        List<Dispute> disputes,
        List<Workforce> workforce,
        List<Rejection> rejections,
        Map<String, FileCount> files) {

    /** Rows read, loaded and rejected for one file. */
    public record FileCount(int read, int loaded, int rejected) {
    }

    public int rowsLoaded() {
        return files.values().stream().mapToInt(FileCount::loaded).sum();
    }

    public int rowsRejected() {
        return files.values().stream().mapToInt(FileCount::rejected).sum();
    }
}
