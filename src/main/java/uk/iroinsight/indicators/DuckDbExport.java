package uk.iroinsight.indicators;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.duckdb.DuckDBResultSet;

import uk.iroinsight.warehouse.Warehouse;
import uk.iroinsight.warehouse.WarehouseException;

/**
 * How the analyst exports leave DuckDB: CSV and Parquet by DuckDB's own {@code COPY}, Arrow IPC
 * streams from DuckDB's Arrow export written by Arrow Java; and the SQL that makes a column safe
 * text for a spreadsheet.
 */
final class DuckDbExport {

    private static final int ARROW_BATCH_ROWS = 64 * 1024;

    private DuckDbExport() {
    }

    /** {@code COPY (query) TO target (options)}; {@code what} names the data in a failure ("the indicators"). */
    static void copy(Warehouse warehouse, String query, Path target, String options, String what) {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + query + ") TO '" + target.toString().replace("'", "''") + "' (" + options + ")");
        } catch (SQLException e) {
            throw new WarehouseException("cannot write " + what + " to " + target + ": " + Warehouse.firstLine(e), e);
        }
    }

    /** The query's result as an Arrow IPC stream on {@code out} (not closed). */
    static void arrow(Warehouse warehouse, String query, OutputStream out, String what) throws IOException {
        try (Connection connection = warehouse.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query);
             BufferAllocator allocator = new RootAllocator();
             ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator, ARROW_BATCH_ROWS);
             ArrowStreamWriter writer = new ArrowStreamWriter(reader.getVectorSchemaRoot(), null, Channels.newChannel(out))) {
            writer.start();
            while (reader.loadNextBatch()) {
                writer.writeBatch();
            }
            writer.end();
            out.flush();
        } catch (SQLException e) {
            throw new WarehouseException("cannot read " + what + ": " + Warehouse.firstLine(e), e);
        }
    }

    /** A text column, with a leading ' where a spreadsheet would take it for a formula (= + - @, tab, CR). */
    static String csvText(String column) {
        return "CASE WHEN regexp_matches(" + column + ", '^[=+\\-@\\t\\r]') THEN '''' || " + column
                + " ELSE " + column + " END AS " + column;
    }
}
