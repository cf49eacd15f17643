package uk.iroinsight.indicators;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import uk.iroinsight.warehouse.Warehouse;

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
        DuckDbExport.copy(warehouse, query, target, options, "the indicators");
    }

    private void writeArrow(OutputStream out) throws IOException {
        DuckDbExport.arrow(warehouse, "SELECT * FROM " + VIEW, out, "the indicators");
    }

    /** How many rows the export has now. */
    public long rows() {
        return warehouse.query("the indicators", "SELECT count(*) FROM " + VIEW, row -> row.getLong(1)).get(0);
    }

    /** The export view with every column as the text the CSV shows. */
    static String csvQuery() {
        return "SELECT " + text("area_type") + ", " + text("area_code") + ", " + text("area_name") + ", year, "
                + text("indicator") + ", " + number("numerator") + ", " + number("denominator") + ", "
                + number("value") + ", " + text("status") + ", " + text("source") + " FROM " + VIEW;
    }

    /** A text column, with a leading ' where a spreadsheet would take it for a formula. */
    private static String text(String column) {
        return DuckDbExport.csvText(column);
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
