package uk.iroinsight.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.iroinsight.etl.job.LoadHistory;

/** Prints what a load run did: per LA-year folder and file, rows read, loaded and rejected, then the rejected rows. */
final class LoadReport {

    private final PrintWriter out;

    LoadReport(PrintWriter out) {
        this.out = out;
    }

    void print(List<LoadHistory.FileLoad> files, LoadHistory history) {
        out.printf("%-16s %-15s %-10s %9s %9s %9s  %s%n", "folder", "file", "status", "read", "loaded", "rejected", "note");
        Map<String, LoadHistory.FileLoad> loadedLaYears = new LinkedHashMap<>();
        int read = 0;
        int loaded = 0;
        int rejected = 0;
        for (LoadHistory.FileLoad file : files) {
            out.printf("%-16s %-15s %-10s %9d %9d %9d  %s%n", file.folder(), file.fileName(), file.status(), file.rowsRead(),
                    file.rowsLoaded(), file.rowsRejected(), file.message() == null ? "" : file.message());
            read += file.rowsRead();
            loaded += file.rowsLoaded();
            rejected += file.rowsRejected();
            if (file.status().equals("loaded") && file.rowsRejected() > 0) {
                loadedLaYears.putIfAbsent(file.laCode() + "/" + file.year(), file);
            }
        }
        out.printf("total: %d rows read, %d loaded, %d rejected%n", read, loaded, rejected);
        for (LoadHistory.FileLoad laYear : loadedLaYears.values()) {
            List<LoadHistory.RejectedRow> rows = history.rejects(laYear.laCode(), laYear.year());
            out.printf("%nrejected rows of %s (%d problems; identifying values withheld):%n", laYear.folder(), rows.size());
            for (LoadHistory.RejectedRow row : rows) {
                out.printf("  %s line %d%s: %s%n", row.fileName(), row.line(),
                        row.field() == null ? "" : ", " + row.field() + (row.value() == null ? "" : " '" + row.value() + "'"), row.reason());
            }
        }
    }
}
