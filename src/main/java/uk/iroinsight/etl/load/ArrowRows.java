package uk.iroinsight.etl.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;

/**
 * Rows for one warehouse table, built in Java as Arrow vectors and inserted by DuckDB in one
 * statement (DuckDB scans the vectors through the Arrow C data interface). Profiling the load
 * showed DuckDB's Appender spending most of the staging time in its per-chunk flushes; building
 * the columns in Java and handing them over whole costs a fraction of that.
 *
 * <p>Values are given column by column in the table's column order, like an Appender:
 * {@code rows.row().text(a).smallint(b).date(c)...}; {@link #insertInto} checks every row was
 * given every column. The Arrow schema is read from the table, so a value of the wrong type is
 * refused with the table and column named.
 */
final class ArrowRows implements AutoCloseable {

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final AtomicLong STREAMS = new AtomicLong();
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

    private final String table;
    private final VectorSchemaRoot root;
    private final FieldVector[] vectors;
    private int row = -1;
    private int column;

    private ArrowRows(String table, Schema schema, BufferAllocator allocator) {
        this.table = table;
        this.root = VectorSchemaRoot.create(schema, allocator);
        this.vectors = root.getFieldVectors().toArray(FieldVector[]::new);
        root.allocateNew();
    }

    /** Empty rows for {@code table} (a table of the default schema), memory from {@code allocator}. */
    static ArrowRows forTable(Connection connection, String table, BufferAllocator allocator) throws SQLException {
        Schema schema = SCHEMAS.get(table);
        if (schema == null) {
            schema = schemaOf(connection, table);
            SCHEMAS.put(table, schema);
        }
        return new ArrowRows(table, schema, allocator);
    }

    /** Starts the next row. */
    ArrowRows row() {
        finishRow();
        row++;
        column = 0;
        return this;
    }

    int rows() {
        return row + 1;
    }

    /** A text value as given (null is NULL). */
    ArrowRows text(String value) {
        VarCharVector v = vector(VarCharVector.class);
        if (value == null) {
            v.setNull(row);
        } else {
            v.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** An optional text value: null or empty is NULL. */
    ArrowRows optional(String value) {
        VarCharVector v = vector(VarCharVector.class);
        if (value == null || value.isEmpty()) {
            v.setNull(row);
        } else {
            v.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    ArrowRows tinyint(int value) {
        vector(TinyIntVector.class).setSafe(row, value);
        return this;
    }

    ArrowRows smallint(int value) {
        vector(SmallIntVector.class).setSafe(row, value);
        return this;
    }

    ArrowRows integer(int value) {
        vector(IntVector.class).setSafe(row, value);
        return this;
    }

    ArrowRows integer(Integer value) {
        IntVector v = vector(IntVector.class);
        if (value == null) {
            v.setNull(row);
        } else {
            v.setSafe(row, value);
        }
        return this;
    }

    ArrowRows bool(boolean value) {
        vector(BitVector.class).setSafe(row, value ? 1 : 0);
        return this;
    }

    ArrowRows date(LocalDate value) {
        DateDayVector v = vector(DateDayVector.class);
        if (value == null) {
            v.setNull(row);
        } else {
            v.setSafe(row, Math.toIntExact(value.toEpochDay()));
        }
        return this;
    }

    /** A decimal, rounded half-up to the column's scale. */
    ArrowRows decimal(BigDecimal value) {
        DecimalVector v = vector(DecimalVector.class);
        if (value == null) {
            v.setNull(row);
        } else {
            v.setSafe(row, value.setScale(v.getScale(), RoundingMode.HALF_UP));
        }
        return this;
    }

    /**
     * Inserts the rows into the table in one statement, inside the connection's current
     * transaction; returns the number of rows inserted.
     */
    long insertInto(Connection connection, BufferAllocator allocator) throws SQLException {
        finishRow();
        int count = rows();
        if (count == 0) {
            return 0;
        }
        for (FieldVector v : vectors) {
            v.setValueCount(count);
        }
        root.setRowCount(count);
        String view = "arrow_rows_" + STREAMS.incrementAndGet();
        // closing the stream releases it and the reader it was exported from
        try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
            Data.exportArrayStream(allocator, new OneBatch(allocator, root), stream);
            connection.unwrap(DuckDBConnection.class).registerArrowStream(view, stream);
            try (Statement statement = connection.createStatement()) {
                long inserted = statement.executeUpdate("INSERT INTO " + table + " SELECT * FROM " + view);
                statement.execute("DROP VIEW IF EXISTS " + view);
                if (inserted != count) {
                    throw new SQLException(table + ": inserted " + inserted + " of " + count + " rows");
                }
                return inserted;
            }
        }
    }

    @Override
    public void close() {
        root.close();
    }

    private <V extends FieldVector> V vector(Class<V> type) {
        if (row < 0) {
            throw new IllegalStateException(table + ": row() was not called");
        }
        if (column >= vectors.length) {
            throw new IllegalStateException(table + " has " + vectors.length + " columns, row " + row + " was given more");
        }
        FieldVector v = vectors[column++];
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException(table + "." + v.getName() + " is " + v.getField().getType() + ", not a "
                    + type.getSimpleName().replace("Vector", ""));
        }
        return type.cast(v);
    }

    private void finishRow() {
        if (row >= 0 && column != vectors.length) {
            throw new IllegalStateException(table + " has " + vectors.length + " columns, row " + row + " was given " + column);
        }
    }

    private static Schema schemaOf(Connection connection, String table) throws SQLException {
        List<Field> fields = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? "
                        + "ORDER BY ordinal_position")) {
            query.setString(1, table);
            try (var columns = query.executeQuery()) {
                while (columns.next()) {
                    fields.add(Field.nullable(columns.getString(1), arrowType(table, columns.getString(1), columns.getString(2))));
                }
            }
        }
        if (fields.isEmpty()) {
            throw new SQLException("no table " + table + " in the warehouse");
        }
        return new Schema(fields);
    }

    private static ArrowType arrowType(String table, String column, String duckType) {
        Matcher decimal = DECIMAL.matcher(duckType);
        if (decimal.matches()) {
            return new ArrowType.Decimal(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)), 128);
        }
        return switch (duckType) {
            case "VARCHAR" -> new ArrowType.Utf8();
            case "TINYINT" -> new ArrowType.Int(8, true);
            case "SMALLINT" -> new ArrowType.Int(16, true);
            case "INTEGER" -> new ArrowType.Int(32, true);
            case "BOOLEAN" -> ArrowType.Bool.INSTANCE;
            case "DATE" -> new ArrowType.Date(DateUnit.DAY);
            default -> throw new IllegalArgumentException(table + "." + column + " has type " + duckType + ", which ArrowRows does not write");
        };
    }

    /** Hands DuckDB the one batch already built in {@code batch}. */
    private static final class OneBatch extends ArrowReader {
        private final VectorSchemaRoot batch;
        private boolean given;

        OneBatch(BufferAllocator allocator, VectorSchemaRoot batch) {
            super(allocator);
            this.batch = batch;
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            if (given) {
                return false;
            }
            given = true;
            VectorSchemaRoot target = getVectorSchemaRoot();
            // hands over the buffers (reference-counted), without copying them
            try (var records = new org.apache.arrow.vector.VectorUnloader(batch).getRecordBatch()) {
                new org.apache.arrow.vector.VectorLoader(target).load(records);
            }
            return true;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {
        }

        @Override
        protected Schema readSchema() {
            return batch.getSchema();
        }
    }
}
