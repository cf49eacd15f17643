package uk.iroinsight.dashboards.export;

import java.util.List;

/**
 * A table as a view shows it, with its context, for the data-table alternative of a chart and
 * for its downloads: what is shown, exactly.
 */
public record DataTable(String title, List<Context> context, List<Column> columns, List<List<Cell>> rows) {

    public DataTable {
        context = List.copyOf(context);
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " of '" + title + "' has " + rows.get(i).size()
                        + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** e.g. ("Indicator", "Reviews on time"), ("Year", "2024"), ("Source", ...), ("As of", ...). */
    public record Context(String label, String value) {
    }

    public enum Align {
        TEXT, NUMBER
    }

    public record Column(String header, Align align) {

        public static Column text(String header) {
            return new Column(header, Align.TEXT);
        }

        public static Column number(String header) {
            return new Column(header, Align.NUMBER);
        }
    }

    /**
     * @param text   exactly what the page shows ("94.2", "[c]", "[x]", "Nottinghamshire")
     * @param number the shown value as a number for spreadsheets; null when the cell is text or suppressed
     */
    public record Cell(String text, Double number) {

        public static Cell text(String text) {
            return new Cell(text == null ? "" : text, null);
        }

        public static Cell number(String shown, Double value) {
            return new Cell(shown, value);
        }
    }
}
