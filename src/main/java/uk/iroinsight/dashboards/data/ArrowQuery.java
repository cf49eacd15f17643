package uk.iroinsight.dashboards.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

import uk.iroinsight.warehouse.Warehouse;
import uk.iroinsight.warehouse.WarehouseException;

/**
 * Reads a DuckDB query's result as Arrow record batches (DuckDB JDBC's Arrow export) and hands
 * each batch's vectors to the caller, who builds its values column by column: the dashboards'
 * data never passes through a row-by-row {@link ResultSet} loop.
 */
final class ArrowQuery {

    /** Rows per Arrow batch. */
    static final int BATCH_ROWS = 64 * 1024;

    /** Takes one batch: {@code batch.rows()} rows, columns by name. */
    @FunctionalInterface
    interface BatchReader {
        void read(Batch batch);
    }

    private ArrowQuery() {
    }

    /** Runs {@code sql} with {@code parameters} on {@code connection}, giving every batch to {@code reader}. */
    static void run(Connection connection, BufferAllocator allocator, String what, String sql, BatchReader reader,
                    Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery();
                 ArrowReader arrow = (ArrowReader) ((DuckDBResultSet) result).arrowExportStream(allocator, BATCH_ROWS)) {
                VectorSchemaRoot root = arrow.getVectorSchemaRoot();
                while (arrow.loadNextBatch()) {
                    reader.read(new Batch(root));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new WarehouseException("cannot read " + what + ": " + Warehouse.firstLine(e), e);
        }
    }

    /** One record batch, read by column name; null-safe accessors. */
    static final class Batch {
        private final VectorSchemaRoot root;

        Batch(VectorSchemaRoot root) {
            this.root = root;
        }

        int rows() {
            return root.getRowCount();
        }

        /** A text column (VARCHAR). */
        Strings strings(String column) {
            FieldVector vector = root.getVector(column);
            if (!(vector instanceof VarCharVector text)) {
                throw new IllegalStateException(column + " is " + vector.getMinorType() + ", not text");
            }
            return row -> text.isNull(row) ? null : new String(text.get(row), java.nio.charset.StandardCharsets.UTF_8);
        }

        /** A numeric column (any integer or floating-point type) as doubles. */
        Doubles doubles(String column) {
            FieldVector vector = root.getVector(column);
            if (vector instanceof FloatingPointVector floating) {
                return row -> floating.isNull(row) ? null : floating.getValueAsDouble(row);
            }
            if (vector instanceof BaseIntVector whole) {
                return row -> vector.isNull(row) ? null : (double) whole.getValueAsLong(row);
            }
            throw new IllegalStateException(column + " is " + vector.getMinorType() + ", not a number");
        }

        /** An integer column (TINYINT to BIGINT) as integers. */
        Integers integers(String column) {
            FieldVector vector = root.getVector(column);
            if (!(vector instanceof BaseIntVector whole)) {
                throw new IllegalStateException(column + " is " + vector.getMinorType() + ", not an integer");
            }
            return row -> vector.isNull(row) ? null : Math.toIntExact(whole.getValueAsLong(row));
        }
    }

    @FunctionalInterface
    interface Strings {
        String get(int row);
    }

    @FunctionalInterface
    interface Doubles {
        Double get(int row);
    }

    @FunctionalInterface
    interface Integers {
        Integer get(int row);
    }
}
