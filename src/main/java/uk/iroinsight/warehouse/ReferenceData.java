package uk.iroinsight.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the warehouse's reference data (authorities, statistical neighbours, population, bank
 * holidays and calendar, published DfE figures, code lists) from the CSV files shipped on the
 * classpath under {@code etl/reference/} and {@code etl/codes/}.
 *
 * <p>The files are copied to a temporary folder (so this works from the jar too), the scripts
 * {@code warehouse/reference/*.sql} are run in name order with the session variables
 * {@code reference_dir} and {@code codes_dir} pointing at the copies, and the load is recorded in
 * {@code etl_reference_load} with a SHA-256 checksum of the files' names and contents. When the
 * files are unchanged since the last load, nothing is done. The caller provides the transaction
 * ({@link Warehouse#write}), so readers see either the old reference data or the new.
 */
public final class ReferenceData {

    /** The name of the load as a whole in {@code etl_reference_load}. */
    public static final String LOAD_NAME = "reference";

    /** The tables filled by the reference scripts, whose row counts are recorded. */
    static final List<String> TABLES = List.of(
            "dim_authority",
            "ref_statistical_neighbour",
            "fact_population",
            "dim_bank_holiday",
            "dim_date",
            "published_indicator_release",
            "fact_published_indicator");

    private static final String SCRIPTS = "warehouse/reference";

    /** Classpath folders copied: name of the sub-folder of the copy -> classpath pattern and prefix. */
    private static final List<Source> SOURCES = List.of(
            new Source("reference", "etl/reference/", "classpath*:etl/reference/**/*.csv", "reference_dir"),
            new Source("codes", "etl/codes/", "classpath*:etl/codes/*.csv", "codes_dir"));

    private record Source(String folder, String classpathPrefix, String pattern, String variable) {
    }

    private ReferenceData() {
    }

    /**
     * Loads the reference data unless the same files are already loaded. Run it inside a
     * transaction: {@code warehouse.write(connection -> { ReferenceData.load(connection); return null; })}.
     */
    public static void load(Connection connection) throws SQLException {
        Path copy = createTempDirectory();
        try {
            Map<String, Path> files = copyResources(copy);
            String checksum = checksum(files);
            if (checksum.equals(loadedChecksum(connection))) {
                return;
            }
            for (Source source : SOURCES) {
                SqlScripts.setVariable(connection, source.variable(), sqlPath(copy.resolve(source.folder())));
            }
            SqlScripts.runFolder(connection, SCRIPTS);
            loadPublished(connection, files);
            record(connection, checksum);
        } finally {
            deleteRecursively(copy);
        }
    }

    /**
     * The shipped published DfE files ({@code reference/published/*.csv} of the copy), each
     * replacing its own release and kind, then the releases re-ranked. Figures loaded before
     * kinds were kept (kind NULL) are dropped first: they are these files' figures, loaded again.
     * A release and kind loaded from the inbox since is kept ({@link PublishedFigures#write}).
     */
    private static void loadPublished(Connection connection, Map<String, Path> files) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM published_indicator_release WHERE kind IS NULL");
        }
        Instant now = Instant.now();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            if (file.getKey().startsWith("reference/published/")) {
                PublishedFigures.writeShipped(connection, file.getValue(), file.getKey().substring("reference/".length()), now);
            }
        }
        PublishedFigures.rank(connection);
    }

    /** Whether reference data has been loaded into this warehouse. */
    public static boolean isLoaded(Connection connection) throws SQLException {
        return loadedChecksum(connection) != null;
    }

    private static String loadedChecksum(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT checksum FROM etl_reference_load WHERE name = ?")) {
            query.setString(1, LOAD_NAME);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private static void record(Connection connection, String checksum) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        long total = 0;
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    result.next();
                    rows.put(table, result.getLong(1));
                    total += result.getLong(1);
                }
            }
        }
        rows.put(LOAD_NAME, total);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR REPLACE INTO etl_reference_load (name, checksum, loaded_at, rows) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Long> entry : rows.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setString(2, checksum);
                insert.setTimestamp(3, now);
                insert.setLong(4, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Copies the CSV files of every source into {@code target/<folder>/<path below the
     * classpath prefix>}; returns them by that relative name ({@code reference/published/x.csv}),
     * in name order. Where the same file is on the classpath twice, the first one wins.
     */
    static Map<String, Path> copyResources(Path target) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Path> files = new TreeMap<>();
        try {
            for (Source source : SOURCES) {
                Files.createDirectories(target.resolve(source.folder()));
                for (Resource resource : resolver.getResources(source.pattern())) {
                    String relative = source.folder() + "/" + relativePath(resource, source.classpathPrefix());
                    if (files.containsKey(relative)) {
                        continue;
                    }
                    Path file = target.resolve(relative).normalize();
                    if (!file.startsWith(target)) {
                        throw new IllegalStateException("unexpected reference resource " + resource);
                    }
                    Files.createDirectories(file.getParent());
                    try (InputStream in = resource.getInputStream()) {
                        Files.copy(in, file);
                    }
                    files.put(relative, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the reference data to " + target, e);
        }
        if (files.keySet().stream().noneMatch(name -> name.startsWith("reference/"))) {
            throw new IllegalStateException("no reference data (etl/reference/*.csv) on the classpath");
        }
        return files;
    }

    /** The part of a resource's location after the last {@code prefix}, e.g. {@code published/x.csv}. */
    private static String relativePath(Resource resource, String prefix) throws IOException {
        String location = resource.getURL().toString();
        int at = location.lastIndexOf(prefix);
        if (at < 0) {
            throw new IllegalStateException("unexpected reference resource " + location);
        }
        String relative = location.substring(at + prefix.length());
        return URLDecoder.decode(relative.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The scripts whose text is part of the checksum: a change to how the files are read loads them again. */
    private static final List<String> SCRIPT_FOLDERS = List.of(SCRIPTS, "warehouse/published");

    /**
     * SHA-256 over the files in name order (each file's relative name, its length and its bytes)
     * and over the scripts that read them ({@link #SCRIPT_FOLDERS}).
     */
    static String checksum(Map<String, Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String folder : SCRIPT_FOLDERS) {
                for (String script : SqlScripts.list(folder)) {
                    digest.update(script.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(SqlScripts.read(script).getBytes(StandardCharsets.UTF_8));
                }
            }
            for (Map.Entry<String, Path> file : files.entrySet()) {
                byte[] content = Files.readAllBytes(file.getValue());
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
                digest.update(content);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference data copy", e);
        }
    }

    /** A path as DuckDB reads it in SQL: absolute, forward slashes. */
    private static String sqlPath(Path path) {
        return path.toAbsolutePath().toString().replace('\\', '/');
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("iro-reference-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the reference data", e);
        }
    }

    private static void deleteRecursively(Path folder) {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        } catch (IOException e) {
            return; // nothing more can be done; the folder is under the system temp folder
        }
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // best effort: leave the rest to the system's temp cleaning
            }
        }
    }
}
