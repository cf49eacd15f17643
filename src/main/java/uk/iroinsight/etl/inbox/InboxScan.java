package uk.iroinsight.etl.inbox;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scan of the inbox found: the LA-year folders to load (with their recognised files),
 * the published DfE files of {@code INBOX/published/}, and folders that cannot be loaded, each
 * with a one-line reason.
 */
public record InboxScan(Path root, List<LaYearFolder> laYears, List<Problem> problems, List<Path> publishedFiles) {

    public InboxScan(Path root, List<LaYearFolder> laYears, List<Problem> problems) {
        this(root, laYears, problems, List.of());
    }

    /** One {@code <la>/<YYYY>/} folder. {@code files} maps a recognised file name to its path. */
    public record LaYearFolder(String laCode, int year, String folder, Map<String, Path> files, List<String> ignored) {
    }

    /** A folder or file that cannot be loaded. */
    public record Problem(String folder, String reason) {
    }

    /** The LA-year folders grouped by authority, in code then year order. */
    public Map<String, List<LaYearFolder>> byAuthority() {
        Map<String, List<LaYearFolder>> grouped = new LinkedHashMap<>();
        laYears.forEach(f -> grouped.computeIfAbsent(f.laCode(), k -> new java.util.ArrayList<>()).add(f));
        return grouped;
    }
}
