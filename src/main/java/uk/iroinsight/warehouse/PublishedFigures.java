package uk.iroinsight.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Writes published DfE files into {@code published_indicator_release}: the files shipped with
 * the product ({@code etl/reference/published/}, by {@link ReferenceData}) and newer ones an
 * administrator drops in the inbox ({@code INBOX/published/*.csv}, checked row by row by the
 * load job first). A file replaces exactly the figures of its release and kind: a newer release
 * is added beside the older ones, a DfE correction replaces its own release's file of that kind,
 * so every figure keeps the release it came from. {@link #rank} then re-orders the releases and
 * rebuilds {@code fact_published_indicator}. The caller provides the transaction.
 */
public final class PublishedFigures {

    /** Where a file came from. */
    public enum Origin {
        REFERENCE, INBOX;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A file ready to write: its kind, its release and the names its columns are read under. */
    public record File(PublishedKind kind, String release, List<String> readAs) {
    }

    /** What writing one file did: {@code loaded} or {@code unchanged}, the release-kind's figures now, a one-line note. */
    public record Outcome(String status, int figures, String note) {
    }

    private PublishedFigures() {
    }

    /**
     * Writes one file's bytes (read once by the caller, so what was checked is what is written).
     *
     * @param sourceFile how the figures name their file: {@code published/<name>} or {@code inbox/published/<name>}
     */
    public static Outcome write(Connection connection, File file, byte[] bytes, String sourceFile, Origin origin, Long jobExecutionId,
            Instant loadedAt) throws SQLException {
        String fingerprint = sha256(bytes);
        Holder holder = holder(connection, file);
        String what = file.release() + " " + file.kind().id();
        if (holder != null && holder.fingerprint().equals(fingerprint)) {
            return new Outcome("unchanged", figures(connection, file), what + " is loaded already, unchanged");
        }
        if (holder != null && origin == Origin.REFERENCE && holder.origin().equals(Origin.INBOX.id())) {
            return new Outcome("unchanged", figures(connection, file), what + ": the copy loaded from the inbox ("
                    + holder.sourceFile() + ") is kept");
        }
        Path copy = copy(bytes);
        try {
            SqlScripts.setVariable(connection, "published_path", copy.toAbsolutePath().toString().replace('\\', '/'));
            setList(connection, "published_columns", file.readAs());
            SqlScripts.setVariable(connection, "published_release", file.release());
            SqlScripts.setVariable(connection, "published_kind", file.kind().id());
            SqlScripts.setVariable(connection, "published_source", sourceFile);
            SqlScripts.setVariable(connection, "published_origin", origin.id());
            SqlScripts.setVariable(connection, "published_fingerprint", fingerprint);
            setJob(connection, jobExecutionId);
            SqlScripts.setVariable(connection, "loaded_at", Timestamp.from(loadedAt));
            SqlScripts.run(connection, "warehouse/published/00_cells.sql");
            SqlScripts.run(connection, file.kind().script());
            SqlScripts.run(connection, "warehouse/published/replace.sql");
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                // left to the system's temp cleaning
            }
        }
        int figures = figures(connection, file);
        String note = holder == null ? what + " added" : what + " replaces the copy loaded from " + holder.sourceFile();
        return new Outcome("loaded", figures, note + " (" + figures + " figures)");
    }

    /**
     * Writes a shipped file, trusted as the product's own: its kind from its header, its release
     * from its latest year.
     */
    static Outcome writeShipped(Connection connection, Path path, String sourceFile, Instant loadedAt) throws SQLException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        List<String> header = header(bytes);
        PublishedKind kind = PublishedKind.of(header).orElseThrow(() -> new IllegalStateException(
                "the shipped file etl/reference/" + sourceFile + " is none of the published kinds (columns " + header + ")"));
        SqlScripts.setVariable(connection, "published_path", path.toAbsolutePath().toString().replace('\\', '/'));
        int latest;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT max(CAST(trim(\"" + kind.yearColumn() + "\") AS INTEGER)) FROM read_csv("
                        + "getvariable('published_path'), header = true, all_varchar = true, names = " + listLiteral(kind.readAs(header)) + ")")) {
            result.next();
            latest = result.getInt(1);
        }
        return write(connection, new File(kind, kind.release(latest), kind.readAs(header)), bytes, sourceFile, Origin.REFERENCE, null, loadedAt);
    }

    /** Numbers the releases held and rebuilds {@code fact_published_indicator} (warehouse/published/rank.sql). */
    public static void rank(Connection connection) throws SQLException {
        SqlScripts.run(connection, "warehouse/published/rank.sql");
    }

    /** The first line's column names (a shipped file's header is plain: no quoted commas). */
    private static List<String> header(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).replace("\uFEFF", "").replace("\r", "");
        return Arrays.stream(first.split(",", -1)).map(c -> c.replace("\"", "").strip()).toList();
    }

    /** The file that holds a release and kind now. */
    private record Holder(String fingerprint, String origin, String sourceFile) {
    }

    private static Holder holder(Connection connection, File file) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT fingerprint, origin, source_file FROM etl_published_file
                WHERE release = ? AND kind = ? AND replaced_at IS NULL""")) {
            query.setString(1, file.release());
            query.setString(2, file.kind().id());
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? new Holder(result.getString(1), result.getString(2), result.getString(3)) : null;
            }
        }
    }

    private static int figures(Connection connection, File file) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM published_indicator_release WHERE release = ? AND kind = ?")) {
            query.setString(1, file.release());
            query.setString(2, file.kind().id());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static void setJob(Connection connection, Long jobExecutionId) throws SQLException {
        if (jobExecutionId != null) {
            SqlScripts.setVariable(connection, "published_job", jobExecutionId);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET VARIABLE published_job = NULL::BIGINT");
        }
    }

    /** A list of strings as a DuckDB variable (read_csv's {@code names}). */
    private static void setList(Connection connection, String name, List<String> values) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET VARIABLE " + name + " = " + listLiteral(values));
        }
    }

    private static String listLiteral(List<String> values) {
        StringBuilder list = new StringBuilder("[");
        for (String value : values) {
            list.append(list.length() > 1 ? ", " : "").append('\'').append(value.replace("'", "''")).append('\'');
        }
        return list.append(']').toString();
    }

    private static Path copy(byte[] bytes) {
        try {
            Path copy = Files.createTempFile("iro-published-", ".csv");
            Files.write(copy, bytes);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary copy of a published file", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
