package uk.iroinsight.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.duckdb.DuckDBConnection;

/**
 * The DuckDB warehouse: one database file, one DuckDB instance per process.
 *
 * <p>Readers take their own connection with {@link #connect()}; every write goes through
 * {@link #write(SqlWork)}, which serialises writers and runs the work in one transaction, so a
 * reader sees either all of a change or none of it.
 */
public final class Warehouse implements AutoCloseable {

    /** Work done with a connection inside a transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final DuckDBConnection root;
    private final ReentrantLock writeLock = new ReentrantLock();

    private Warehouse(Path file, DuckDBConnection root) {
        this.file = file;
        this.root = root;
    }

    /** Opens (creating if needed) the warehouse file and brings its schema up to date. */
    public static Warehouse open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            Warehouse warehouse = new Warehouse(file, root);
            warehouse.write(connection -> {
                SqlScripts.runFolder(connection, "warehouse/schema");
                dropReturnKeys(connection);
                return null;
            });
            return warehouse;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        } catch (SQLException e) {
            String reason = firstLine(e);
            var lock = java.util.regex.Pattern.compile("Conflicting lock is held in (.*?) \\(PID (\\d+)\\)").matcher(reason);
            if (lock.find()) {
                throw new WarehouseException("cannot open the warehouse " + file + ": another process holds it (PID " + lock.group(2)
                        + ", " + lock.group(1) + "; a running 'serve' or 'load'?): stop it or choose another file", e);
            }
            throw new WarehouseException("cannot open the warehouse " + file + ": " + reason, e);
        }
    }

    /**
     * Upgrades a warehouse made before the return tables lost their PRIMARY KEYs (their keys are
     * unique by validation; DuckDB's index on them made every swap several times slower): each
     * such table is rebuilt, rows kept, without the key.
     */
    private static void dropReturnKeys(Connection connection) throws SQLException {
        List<String> keyed = new ArrayList<>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("""
                        SELECT DISTINCT table_name FROM duckdb_constraints()
                        WHERE constraint_type = 'PRIMARY KEY' AND schema_name = 'main'
                          AND table_name IN ('return_header', 'return_episode', 'return_review', 'return_uasc',
                                             'local_dispute', 'local_workforce')""")) {
            while (rows.next()) {
                keyed.add(rows.getString(1));
            }
        }
        if (keyed.isEmpty()) {
            return;
        }
        try (var statement = connection.createStatement()) {
            for (String table : keyed) {
                statement.execute("ALTER TABLE " + table + " RENAME TO " + table + "__keyed");
            }
            SqlScripts.run(connection, RETURNS_SCHEMA);
            for (String table : keyed) {
                statement.execute("INSERT INTO " + table + " SELECT * FROM " + table + "__keyed");
                statement.execute("DROP TABLE " + table + "__keyed");
            }
        }
    }

    private static final String RETURNS_SCHEMA = "warehouse/schema/20_returns.sql";

    public Path file() {
        return file;
    }

    /** A new connection to the shared instance, for reading; close it when done. */
    public Connection connect() {
        try {
            return root.duplicate();
        } catch (SQLException e) {
            throw new WarehouseException("cannot connect to the warehouse: " + firstLine(e), e);
        }
    }

    /** Maps the current row of a result to a value. */
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * Runs a query (with {@code ?} parameters) on a connection of its own and maps every row;
     * a failure becomes a {@link WarehouseException} saying what could not be read.
     */
    public <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new WarehouseException("cannot read " + what + ": " + firstLine(e), e);
        }
    }

    /** Runs {@code work} in one transaction, alone among writers; rolls back if it throws. */
    public <T> T write(SqlWork<T> work) throws SQLException {
        writeLock.lock();
        try {
            return inTransaction(work);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Connection connection = root.duplicate()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    // DuckDB has already ended a transaction a failed statement or commit invalidated:
                    // the first failure is the one to report.
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /** Like {@link #write} but without a surrounding transaction (for clearing the staging tables). */
    public <T> T writeAutoCommit(SqlWork<T> work) throws SQLException {
        writeLock.lock();
        try (Connection connection = root.duplicate()) {
            return work.run(connection);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * One transaction that does not wait for the writers' lock, for the loader's staging tables
     * only: authorities are staged in parallel, and while one swap runs. DuckDB appends from
     * concurrent transactions do not conflict.
     */
    public <T> T writeStaging(SqlWork<T> work) throws SQLException {
        return inTransaction(work);
    }

    /**
     * A small autocommit write that does not wait for the writers' lock, for the tables no load
     * or mart build touches (accounts and the audit trail): a sign-in must not wait for a
     * national mart rebuild. DuckDB keeps concurrent transactions on different tables apart.
     */
    public <T> T writeBeside(SqlWork<T> work) {
        try (Connection connection = root.duplicate()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new WarehouseException("cannot write to the warehouse: " + firstLine(e), e);
        }
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new WarehouseException("cannot close the warehouse: " + firstLine(e), e);
        }
    }

    /** The first line of an exception's message (DuckDB's messages go on with the query and a caret). */
    public static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
