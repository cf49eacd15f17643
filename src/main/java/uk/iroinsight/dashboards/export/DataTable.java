package uk.iroinsight.dashboards.export;

import java.util.List;
import java.util.Objects;

/**
 * A table as a view shows it, with its context, for the data-table alternative under a chart
 * ({@link TableView}) and for downloads of exactly what is shown ({@link TableExport},
 * {@link DownloadLinks}).
 *
 * @param title   what the table shows, e.g. "Reviews on time, 2024"
 * @param context what a reader needs to understand it away from the page, in order: indicator,
 *                definition, areas, year, source, "as of"...
 * @param columns the column headers; the first column names the row (an area, a year)
 * @param rows    each with exactly one cell per column
 */
public record DataTable(String title, List<Context> context, List<Column> columns, List<List<Cell>> rows) {

    /** One line of context, e.g. ("Indicator", "Reviews on time") or ("As of", "2026-12-01 21:00"). */
    public record Context(String label, String value) {
        public Context {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /** How a column's cells align: numbers to the right, so that digits line up. */
    public enum Align { TEXT, NUMBER }

    public record Column(String header, Align align) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(align, "align");
        }

        public static Column text(String header) {
            return new Column(header, Align.TEXT);
        }

        public static Column number(String header) {
            return new Column(header, Align.NUMBER);
        }
    }

    /**
     * One cell.
     *
     * @param text   exactly what the page shows ("94.2", "[c]", "[x]", "Nottinghamshire")
     * @param number the shown value as a number, for spreadsheets (94.2 for "94.2", not the
     *               unrounded figure behind it); null when the cell is text or suppressed
     */
    public record Cell(String text, Double number) {
        public Cell {
            Objects.requireNonNull(text, "text");
            if (number != null && !Double.isFinite(number)) {
                throw new IllegalArgumentException("a cell's number must be finite: " + number);
            }
        }

        /** A text cell: a name, or a suppressed or missing value such as "[c]" or "[x]". */
        public static Cell text(String text) {
            return new Cell(text, null);
        }

        /** A number as shown ("94.2") and as a value (94.2); a null value makes a text cell. */
        public static Cell number(String shown, Double value) {
            return new Cell(shown, value);
        }

        public boolean isNumber() {
            return number != null;
        }
    }

    public DataTable {
        Objects.requireNonNull(title, "title");
        context = List.copyOf(context);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        rows = rows.stream().map(List::copyOf).toList();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " of '" + title + "' has " + rows.get(i).size()
                        + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** The value of the first context line with this label, if any. */
    public java.util.Optional<String> contextValue(String label) {
        return context.stream().filter(line -> line.label().equals(label)).map(Context::value).findFirst();
    }
}
