package uk.iroinsight.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * SQL lives in files under {@code warehouse/} (on the classpath, copied from the repository's
 * top-level folder), is loaded by name and run as it is: one definition for the CLI, the
 * dashboards and the tests.
 */
public final class SqlScripts {

    private static final PathMatchingResourcePatternResolver RESOLVER = new PathMatchingResourcePatternResolver();

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SqlScripts.class);

    private SqlScripts() {
    }

    /** The text of one script, e.g. {@code read("warehouse/derive/10_episodes.sql")}. */
    public static String read(String path) {
        try (InputStream in = SqlScripts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no SQL script on the classpath at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The {@code .sql} files of a classpath folder, in name order (prefix them 10_, 20_, ...). */
    public static List<String> list(String folder) {
        try {
            Resource[] found = RESOLVER.getResources("classpath*:" + folder + "/*.sql");
            return Arrays.stream(found)
                    .map(Resource::getFilename)
                    .distinct()
                    .sorted(Comparator.naturalOrder())
                    .map(name -> folder + "/" + name)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Runs one script (it may hold several statements). */
    public static void run(Connection connection, String path) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute(read(path));
            LOG.debug("{} in {} ms", path, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new SQLException(path + ": " + Warehouse.firstLine(e), e.getSQLState(), e);
        }
    }

    /** Runs every script of a folder in name order. */
    public static void runFolder(Connection connection, String folder) throws SQLException {
        for (String path : list(folder)) {
            run(connection, path);
        }
    }

    /** Sets a DuckDB session variable that scripts read with {@code getvariable('name')}. */
    public static void setVariable(Connection connection, String name, Object value) throws SQLException {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("bad variable name " + name);
        }
        try (var statement = connection.prepareStatement("SET VARIABLE " + name + " = ?")) {
            statement.setObject(1, value);
            statement.execute();
        }
    }
}
