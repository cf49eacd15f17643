package uk.iroinsight.indicators;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import uk.iroinsight.indicators.IndicatorExport.Format;
import uk.iroinsight.warehouse.Warehouse;

/**
 * The comparators behind the indicators, for analysts: each authority's statistical neighbours
 * (both models, with names) and the authorities with their regions, as CSV, Parquet or an Arrow
 * IPC stream, written the way {@link IndicatorExport} writes the indicators (DuckDB's COPY, text
 * that a spreadsheet would run as a formula given a leading ', Arrow from DuckDB's Arrow export).
 */
public final class ComparatorExport {

    /** What can be exported. */
    public enum Table {
        /**
         * {@code ref_statistical_neighbour} with the names of both authorities: one row per model,
         * authority and rank (1 = closest of ten). A neighbour with no current authority (the
         * 2021 model's pre-2019 Dorset and Poole) has only {@code neighbour_old_code}.
         */
        STATISTICAL_NEIGHBOURS("statistical neighbours", """
                SELECT s.sn_model, s.la_code, a.ons_code, a.la_name, CAST(s.rank AS INTEGER) AS rank,
                       s.neighbour_la_code, s.neighbour_old_code, n.ons_code AS neighbour_ons_code, n.la_name AS neighbour_name,
                       s.closeness
                FROM ref_statistical_neighbour s
                LEFT JOIN dim_authority a ON a.la_code = s.la_code
                LEFT JOIN dim_authority n ON n.la_code = s.neighbour_la_code""", "sn_model, la_code, rank",
                "sn_model", "la_code", "ons_code", "la_name", "rank", "neighbour_la_code", "neighbour_old_code", "neighbour_ons_code",
                "neighbour_name", "closeness"),
        /** {@code dim_authority}: every authority with its DfE publication region and its English region. */
        AUTHORITIES("authorities", """
                SELECT la_code, ons_code, la_name, region_code, region_name, gor_code, gor_name, ons_code_type, is_current
                FROM dim_authority""", "la_code",
                "la_code", "ons_code", "la_name", "region_code", "region_name", "gor_code", "gor_name", "ons_code_type", "is_current");

        private final String what;
        private final String query;
        private final String order;
        private final List<String> columns;
        private final List<String> textColumns;

        Table(String what, String select, String order, String... columns) {
            this.what = what;
            this.query = "SELECT * FROM (" + select + ") ORDER BY " + order;
            this.order = order;
            this.columns = List.of(columns);
            this.textColumns = Arrays.stream(columns).filter(c -> !c.equals("rank") && !c.equals("is_current")).toList();
        }

        /** The columns of every format, in order. */
        public List<String> columns() {
            return columns;
        }

        /** In plain words, e.g. "statistical neighbours". */
        public String what() {
            return what;
        }

        String csvQuery() {
            String select = columns.stream().map(c -> textColumns.contains(c) ? DuckDbExport.csvText(c) : c)
                    .collect(Collectors.joining(", "));
            return "SELECT " + select + " FROM (" + query + ") ORDER BY " + order;
        }
    }

    private final Warehouse warehouse;

    public ComparatorExport(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Writes the table to {@code file} (replacing it). */
    public void write(Table table, Format format, Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        switch (format) {
            case CSV -> DuckDbExport.copy(warehouse, table.csvQuery(), target, "FORMAT csv, HEADER", "the " + table.what);
            case PARQUET -> DuckDbExport.copy(warehouse, table.query, target, "FORMAT parquet", "the " + table.what);
            case ARROW -> {
                try (OutputStream out = Files.newOutputStream(target)) {
                    DuckDbExport.arrow(warehouse, table.query, out, "the " + table.what);
                }
            }
        }
    }

    /** Writes the table to {@code out} (not closed); CSV and Parquet go through a temporary file. */
    public void write(Table table, Format format, OutputStream out) throws IOException {
        if (format == Format.ARROW) {
            DuckDbExport.arrow(warehouse, table.query, out, "the " + table.what);
            return;
        }
        Path temp = Files.createTempFile("iro-" + table.name().toLowerCase(Locale.ROOT) + "-", "." + format);
        try {
            write(table, format, temp);
            Files.copy(temp, out);
            out.flush();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** How many rows the table has. */
    public long rows(Table table) {
        return warehouse.query("the " + table.what, "SELECT count(*) FROM (" + table.query + ")", row -> row.getLong(1)).get(0);
    }
}
