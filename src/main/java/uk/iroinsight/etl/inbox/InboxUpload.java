package uk.iroinsight.etl.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import uk.iroinsight.etl.validation.ReturnValidator;

/**
 * Puts a file sent from a browser into the inbox, where the scanner will find it:
 * {@code <inbox>/<la>/<YYYY>/<file>.csv}. Only the file names the loader reads are accepted
 * (header.csv, episodes.csv, reviews.csv, uasc.csv, disputes.csv, workforce.csv; any case, stored
 * lower-case), for an English authority and a collection year the scanner accepts, up to a size
 * limit. The name is never used as a path: anything with a folder part, a NUL or another name is
 * refused, and the target is checked to lie inside the inbox (links included). The content is
 * written to a temporary file in the target folder, forced to disk, then moved over the target
 * in one atomic step, so a scan sees the old file or the new one, never half of one.
 */
public final class InboxUpload {

    /** The file names accepted, in the order a return lists them. */
    public static final List<String> ACCEPTED_FILES = Stream.concat(ReturnValidator.REQUIRED_FILES.stream(),
            ReturnValidator.OPTIONAL_FILES.stream()).toList();

    private static final int BUFFER = 64 * 1024;

    /** Where a file was put. {@code folder} is inbox-relative, e.g. {@code 891/2024}. */
    public record Placed(String laCode, int year, String folder, String fileName, Path path, long bytes, boolean replaced) {
    }

    /** A file refused, with a one-line reason naming it; nothing was written. */
    public static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message);
        }
    }

    private final Path inbox;
    private final Authorities authorities;
    private final Clock clock;
    private final long maxBytes;

    public InboxUpload(Path inbox, Authorities authorities, Clock clock, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the upload limit must be positive, not " + maxBytes);
        }
        this.inbox = inbox.toAbsolutePath().normalize();
        this.authorities = authorities;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Writes {@code content} as {@code fileName} into the folder of authority {@code laCode} (DfE
     * or ONS code) and collection year {@code year}, replacing a file of that name.
     *
     * @throws RefusedException when the name, authority, year or size is not acceptable
     * @throws IOException      when the inbox cannot be written
     */
    public Placed place(String laCode, int year, String fileName, InputStream content) throws RefusedException, IOException {
        String name = acceptedName(fileName);
        Authorities.Authority authority = authorities.find(laCode == null ? "" : laCode)
                .orElseThrow(() -> new RefusedException(name + ": '" + laCode
                        + "' is not the DfE code (e.g. 891) or ONS code (e.g. E10000024) of an English local authority"));
        int latest = InboxScanner.latestYear(clock);
        if (year < InboxScanner.FIRST_YEAR || year > latest) {
            throw new RefusedException(name + ": " + year + " is not a collection year (" + InboxScanner.FIRST_YEAR + " to " + latest + ")");
        }
        Path folder = laYearFolder(authority, year, name);
        Path target = folder.resolve(name);
        if (!target.getParent().equals(folder) || Files.isSymbolicLink(target)
                || Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException(name + ": " + folder.getParent().getFileName() + "/" + folder.getFileName() + "/" + name
                    + " exists and is not a plain file; remove it first");
        }
        Path temporary = Files.createTempFile(folder, "." + name + ".", ".uploading");
        try {
            long bytes = copy(content, temporary, name);
            List<Path> otherCases = otherCases(folder, name);
            boolean replaced = Files.exists(target) || !otherCases.isEmpty();
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            for (Path variant : otherCases) {
                // HEADER.CSV beside header.csv would be one file to the scanner; the new one wins.
                Files.deleteIfExists(variant);
            }
            return new Placed(authority.laCode(), year, folder.getParent().getFileName() + "/" + folder.getFileName(), name, target, bytes, replaced);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The accepted, lower-case form of a name a browser sent, or a refusal saying why. */
    static String acceptedName(String fileName) throws RefusedException {
        if (fileName == null || fileName.isBlank()) {
            throw new RefusedException("the file has no name");
        }
        String shown = printable(fileName);
        if (fileName.indexOf('\0') >= 0) {
            throw new RefusedException("'" + shown + "': a file name cannot contain a NUL character");
        }
        if (fileName.contains("/") || fileName.contains("\\") || fileName.contains(":")) {
            throw new RefusedException("'" + shown + "': send the file alone, named like header.csv, without a folder or drive");
        }
        String lower = fileName.strip().toLowerCase(Locale.ROOT);
        if (!ACCEPTED_FILES.contains(lower)) {
            throw new RefusedException("'" + shown + "' is not a file IRO Insight loads: name it one of " + String.join(", ", ACCEPTED_FILES));
        }
        return lower;
    }

    /**
     * The year folder of the authority, created if needed. An authority's returns go in the folder
     * it already has (named by its DfE or its ONS code), else in one named by its DfE code.
     */
    private Path laYearFolder(Authorities.Authority authority, int year, String name) throws RefusedException, IOException {
        Files.createDirectories(inbox);
        List<String> existing = new ArrayList<>();
        try (Stream<Path> entries = Files.list(inbox)) {
            for (Path entry : entries.sorted().toList()) {
                String folderName = entry.getFileName().toString();
                if (Files.isDirectory(entry) && authorities.find(folderName).filter(a -> a.laCode().equals(authority.laCode())).isPresent()) {
                    existing.add(folderName);
                }
            }
        }
        if (existing.size() > 1) {
            throw new RefusedException(name + ": the inbox has " + existing.size() + " folders for " + authority.name() + " ("
                    + String.join(", ", existing) + "); put its returns in one folder first");
        }
        String laFolder = existing.isEmpty() ? authority.laCode() : existing.get(0);
        Path root = inbox.toRealPath();
        Path folder = root;
        for (String part : List.of(laFolder, Integer.toString(year))) {
            folder = folder.resolve(part).normalize();
            // Each level is checked before anything is created under it: a link out of the inbox is refused.
            if (!folder.startsWith(root) || folder.equals(root)
                    || Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !folder.toRealPath().startsWith(root)) {
                throw new RefusedException(name + ": the folder " + laFolder + "/" + year + " lies outside the inbox");
            }
            if (!Files.isDirectory(folder)) {
                Files.createDirectory(folder);
            }
        }
        return folder;
    }

    /** Copies at most {@link #maxBytes} bytes and forces them to disk; refuses more, or none. */
    private long copy(InputStream content, Path temporary, String name) throws RefusedException, IOException {
        long total = 0;
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream out = Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[BUFFER];
            for (int read; (read = content.read(buffer)) >= 0;) {
                total += read;
                if (total > maxBytes) {
                    throw new RefusedException(name + ": is larger than the upload limit of " + size(maxBytes));
                }
                out.write(buffer, 0, read);
            }
            out.flush();
            channel.force(true);
        }
        if (total == 0) {
            throw new RefusedException(name + ": is empty (0 bytes)");
        }
        return total;
    }

    private static List<Path> otherCases(Path folder, String name) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> {
                String n = p.getFileName().toString();
                return !n.equals(name) && n.toLowerCase(Locale.ROOT).equals(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
            }).toList();
        }
    }

    /** A byte count for people: 200 MB, 1.5 GB, 512 KB, 12 bytes. */
    public static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return trim(bytes / (double) (1L << 30)) + " GB";
        }
        if (bytes >= 1L << 20) {
            return trim(bytes / (double) (1L << 20)) + " MB";
        }
        if (bytes >= 1L << 10) {
            return trim(bytes / (double) (1L << 10)) + " KB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    private static String trim(double value) {
        String text = String.format(Locale.UK, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** A name as it can be shown in one line: control characters as '?', at most 80 characters. */
    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(80).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return name.codePointCount(0, name.length()) > 80 ? shown + "…" : shown.toString();
    }
}
