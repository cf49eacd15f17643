package uk.iroinsight.indicators;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.duckdb.DuckDBResultSet;

import uk.iroinsight.warehouse.Warehouse;
import uk.iroinsight.warehouse.WarehouseException;

/**
 * Writes the {@code indicators} export (PRODUCT.md §5): the view {@code mart_indicator_export},
 * its columns exactly {@value #HEADER}, as CSV, Parquet or an Arrow IPC stream.
 *
 * <p>CSV is written by DuckDB's own writer (RFC 4180 quoting where needed, NULL as an empty
 * field); numbers are unrounded, a whole number without ".0", any other in its shortest
 * round-trip form without an exponent; a text field that a spreadsheet would read as a formula
 * (starting with = + - @, tab or carriage return) gets a leading single quote. Parquet and Arrow
 * keep the types (year SMALLINT, numbers DOUBLE) and the values as they are.
 */
public final class IndicatorExport {

    /** The columns of every format, in order. */
    public static final String HEADER = "area_type,area_code,area_name,year,indicator,numerator,denominator,value,status,source";

    private static final String VIEW = "mart_indicator_export";
    private static final int ARROW_BATCH_ROWS = 64 * 1024;

    /** The export formats; {@link #parse} accepts any case. */
    public enum Format {
        CSV, ARROW, PARQUET;

        public static Format parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format '" + text + "' (expected csv, arrow or parquet)", e);
            }
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Warehouse warehouse;

    public IndicatorExport(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Writes the export to {@code file} (replacing it). */
    public void write(Format format, Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        switch (format) {
            case CSV -> copy(csvQuery(), target, "FORMAT csv, HEADER");
            case PARQUET -> copy("SELECT * FROM " + VIEW, target, "FORMAT parquet");
            case ARROW -> {
                try (OutputStream out = Files.newOutputStream(target)) {
                    writeArrow(out);
                }
            }
        }
    }

    /**
     * Writes the export to {@code out} (not closed). Parquet cannot be streamed (its footer points
     * back into the file): it needs a file.
     */
    public void write(Format format, OutputStream out) throws IOException {
        switch (format) {
            case ARROW -> writeArrow(out);
            case CSV -> {
                Path temp = Files.createTempFile("iro-indicators-", ".csv");
                try {
                    copy(csvQuery(), temp, "FORMAT csv, HEADER");
                    Files.copy(temp, out);
                    out.flush();
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            case PARQUET -> throw new IllegalArgumentException("parquet needs --out FILE");
        }
    }

    private void copy(String query, Path target, String options) {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + query + ") TO '" + target.toString().replace("'", "''") + "' (" + options + ")");
        } catch (SQLException e) {
            throw new WarehouseException("cannot write the indicators to " + target + ": " + Warehouse.firstLine(e), e);
        }
    }

    private void writeArrow(OutputStream out) throws IOException {
        try (Connection connection = warehouse.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + VIEW);
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
            throw new WarehouseException("cannot read the indicators: " + Warehouse.firstLine(e), e);
        }
    }

    /** The export view with every column as the text the CSV shows. */
    static String csvQuery() {
        return "SELECT " + text("area_type") + ", " + text("area_code") + ", " + text("area_name") + ", year, "
                + text("indicator") + ", " + number("numerator") + ", " + number("denominator") + ", "
                + number("value") + ", " + text("status") + ", " + text("source") + " FROM " + VIEW;
    }

    /** A text column, with a leading ' where a spreadsheet would take it for a formula. */
    private static String text(String column) {
        return "CASE WHEN regexp_matches(" + column + ", '^[=+\\-@\\t\\r]') THEN '''' || " + column
                + " ELSE " + column + " END AS " + column;
    }

    /**
     * A DOUBLE column as text: a whole number as an integer (366, not 366.0); otherwise DuckDB's
     * shortest round-trip form, with an exponent (only small numbers have one: 1.5e-05) written
     * out in full (0.000015).
     */
    private static String number(String column) {
        String s = "CAST(" + column + " AS VARCHAR)";
        return "CASE WHEN " + column + " IS NULL THEN NULL"
                + " WHEN isfinite(" + column + ") AND " + column + " = trunc(" + column + ") AND abs(" + column + ") < 1e38"
                + " THEN CAST(CAST(" + column + " AS HUGEINT) AS VARCHAR)"
                + " WHEN " + s + " LIKE '%e-%' THEN regexp_extract(" + s + ", '^-?') || '0.'"
                + " || repeat('0', CAST(regexp_extract(" + s + ", 'e-0*(\\d+)$', 1) AS INTEGER) - 1)"
                + " || regexp_replace(" + s + ", '^-?(\\d)\\.?(\\d*)e.*$', '\\1\\2')"
                + " ELSE " + s + " END AS " + column;
    }
}
