package uk.iroinsight.etl.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import uk.iroinsight.etl.validation.ReturnValidator;

/**
 * Scans an inbox laid out as {@code INBOX/<la>/<YYYY>/<file>.csv} (PRODUCT.md §2), where
 * {@code <la>} is a 3-digit DfE code or a 9-character ONS code. Files the loader does not use
 * (other 903 tables such as oc2.csv) are listed as ignored, not refused. Newer releases of the
 * published DfE figures go in {@code INBOX/published/*.csv} (README: "Published figures").
 */
public final class InboxScanner {

    /** The earliest collection year a folder may name; the latest is {@link #latestYear(Clock)}. */
    public static final int FIRST_YEAR = 2000;

    private final Authorities authorities;
    private final Clock clock;

    public InboxScanner(Authorities authorities, Clock clock) {
        this.authorities = authorities;
        this.clock = clock;
    }

    public InboxScan scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("inbox " + root + " is not a folder");
        }
        List<InboxScan.LaYearFolder> laYears = new ArrayList<>();
        List<InboxScan.Problem> problems = new ArrayList<>();
        List<Path> published = new ArrayList<>();
        Map<String, String> folderOfAuthority = new HashMap<>();
        int latestYear = latestYear(clock);
        for (Path laFolder : list(root)) {
            String name = laFolder.getFileName().toString();
            if (name.equalsIgnoreCase(PUBLISHED_FOLDER) && Files.isDirectory(laFolder)) {
                published(name, laFolder, published, problems);
                continue;
            }
            if (!Files.isDirectory(laFolder)) {
                if (!Files.isRegularFile(laFolder)) {
                    problems.add(new InboxScan.Problem(name, unreachable(name)));
                }
                continue; // a README or similar beside the LA folders
            }
            var authority = authorities.find(name);
            if (authority.isEmpty()) {
                problems.add(new InboxScan.Problem(name, "folder '" + name + "' is not a DfE LA code (e.g. 891) or ONS code (e.g. E10000024)"));
                continue;
            }
            String laCode = authority.get().laCode();
            String earlier = folderOfAuthority.putIfAbsent(laCode, name);
            if (earlier != null) {
                problems.add(new InboxScan.Problem(name, "folder '" + name + "' is the same authority as folder '" + earlier
                        + "' (" + authority.get().name() + "): put its returns in one folder"));
                continue;
            }
            List<Path> yearFolders;
            try {
                yearFolders = list(laFolder);
            } catch (UncheckedIOException e) {
                problems.add(new InboxScan.Problem(name, "folder '" + name + "' cannot be listed (" + e.getCause().getMessage() + ")"));
                continue;
            }
            for (Path yearFolder : yearFolders) {
                String yearName = yearFolder.getFileName().toString();
                String folder = name + "/" + yearName;
                if (!Files.isDirectory(yearFolder)) {
                    if (!Files.isRegularFile(yearFolder)) {
                        problems.add(new InboxScan.Problem(folder, unreachable(yearName)));
                    }
                    continue;
                }
                if (!yearName.matches("\\d{4}") || Integer.parseInt(yearName) < FIRST_YEAR || Integer.parseInt(yearName) > latestYear) {
                    problems.add(new InboxScan.Problem(folder, "folder '" + yearName + "' is not a collection year (" + FIRST_YEAR + " to " + latestYear + ")"));
                    continue;
                }
                try {
                    laYears.add(laYear(laCode, Integer.parseInt(yearName), folder, yearFolder));
                } catch (UncheckedIOException e) {
                    problems.add(new InboxScan.Problem(folder, "folder '" + yearName + "' cannot be listed (" + e.getCause().getMessage() + ")"));
                }
            }
        }
        laYears.sort(Comparator.comparing(InboxScan.LaYearFolder::laCode).thenComparingInt(InboxScan.LaYearFolder::year));
        return new InboxScan(root, List.copyOf(laYears), List.copyOf(problems), List.copyOf(published));
    }

    /** The inbox folder of published DfE files. */
    public static final String PUBLISHED_FOLDER = "published";

    /** The {@code .csv} files of the published folder; anything else there that is not a plain file is a problem. */
    private static void published(String name, Path folder, List<Path> published, List<InboxScan.Problem> problems) {
        List<Path> entries;
        try {
            entries = list(folder);
        } catch (UncheckedIOException e) {
            problems.add(new InboxScan.Problem(name, "folder '" + name + "' cannot be listed (" + e.getCause().getMessage() + ")"));
            return;
        }
        for (Path entry : entries) {
            String fileName = entry.getFileName().toString();
            boolean csv = fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
            if (csv && Files.isRegularFile(entry)) {
                published.add(entry);
            } else if (Files.isDirectory(entry)) {
                problems.add(new InboxScan.Problem(name + "/" + fileName, "'" + fileName + "' is a folder: put published files directly in "
                        + name + "/"));
            } else if (!Files.isRegularFile(entry)) {
                problems.add(new InboxScan.Problem(name + "/" + fileName, unreachable(fileName)));
            }
        }
    }

    /** Why an entry that is neither a folder nor a file is skipped: a link that loops or leads nowhere, a device. */
    private static String unreachable(String name) {
        return "'" + name + "' is neither a folder nor a file (a link that loops or leads nowhere?): its returns are not loaded";
    }

    /** The latest collection year a folder may name: next year's (the year ending 31 March next year). */
    public static int latestYear(Clock clock) {
        return LocalDate.now(clock).getYear() + 1;
    }

    /** Whether the scanner loads a file of this name (any case): the 903 tables and the local files. */
    public static boolean isLoadedFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return ReturnValidator.REQUIRED_FILES.contains(lower) || ReturnValidator.OPTIONAL_FILES.contains(lower);
    }

    private InboxScan.LaYearFolder laYear(String laCode, int year, String folder, Path path) {
        Map<String, Path> files = new TreeMap<>();
        List<String> ignored = new ArrayList<>();
        for (Path file : list(path)) {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (isLoadedFile(name)) {
                files.put(lower, file);
            } else {
                ignored.add(name);
            }
        }
        return new InboxScan.LaYearFolder(laCode, year, folder, files, List.copyOf(ignored));
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
