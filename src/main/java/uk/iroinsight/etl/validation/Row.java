package uk.iroinsight.etl.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uk.iroinsight.etl.csv.CsvFile;
import uk.iroinsight.etl.csv.CsvRow;

/**
 * One row of an input file, checked field by field against its layout: required values present,
 * dates that parse, numbers that are numbers, codes valid for the collection year. Typed values
 * are read back with {@link #date}, {@link #text}, ...; every problem is kept as a {@link Rejection}.
 */
final class Row {

    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /** Where a file's layout columns are in its CSV, worked out once per file. */
    static final class Shape {
        private final CsvFile csv;
        private final String fileName;
        private final List<Layouts.Column> layout;
        private final Map<String, Integer> index = new HashMap<>();
        private final int[] positions;

        Shape(CsvFile csv, List<Layouts.Column> layout) {
            this.csv = csv;
            this.fileName = csv.fileName();
            this.layout = layout;
            this.positions = new int[layout.size()];
            for (int i = 0; i < layout.size(); i++) {
                index.put(layout.get(i).name(), i);
                positions[i] = csv.position(layout.get(i).name()).orElse(-1);
            }
        }

        private int indexOf(String column) {
            Integer i = index.get(column);
            return i == null ? -1 : i;
        }
    }

    private final Shape shape;
    private final int line;
    private final String[] raw;
    private final Object[] values;
    private List<Rejection> problems = List.of();

    private Row(Shape shape, int line) {
        this.shape = shape;
        this.line = line;
        this.raw = new String[shape.layout.size()];
        this.values = new Object[shape.layout.size()];
    }

    /** Reads and checks one CSV record against the layout of its file's shape. */
    static Row check(Shape shape, CsvRow record, CodeLists codes, int year) {
        Row row = new Row(shape, record.line());
        String[] fields = record.fields();
        int columns = shape.csv.columns().size();
        if (fields.length > columns && !allBlankFrom(fields, columns)) {
            row.addProblem(new Rejection(shape.fileName, row.line, null, null,
                    "row has " + fields.length + " fields but the header has " + columns + " columns", null));
        }
        for (int i = 0; i < row.raw.length; i++) {
            int position = shape.positions[i];
            row.raw[i] = position >= 0 && position < fields.length ? fields[position].strip() : "";
        }
        for (int i = 0; i < row.raw.length; i++) {
            row.parse(i, codes, year);
        }
        return row;
    }

    private static boolean allBlankFrom(String[] fields, int from) {
        for (int i = from; i < fields.length; i++) {
            if (!fields[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    private void parse(int i, CodeLists codes, int year) {
        Layouts.Column column = shape.layout.get(i);
        String value = raw[i];
        if (value.isEmpty()) {
            if (column.required()) {
                reject(column.name(), column.name() + " is required but blank");
            }
            return;
        }
        switch (column.type()) {
            case "date" -> {
                LocalDate date = parseDate(value);
                if (date == null) {
                    reject(column.name(), "is not a valid date (dd/mm/yyyy)");
                } else if (date.getYear() < 1900 || date.getYear() > 2100) {
                    reject(column.name(), "is not a plausible date");
                } else {
                    values[i] = (date);
                }
            }
            case "code" -> {
                String code = value.toUpperCase(java.util.Locale.ROOT);
                String problem = codes.problem(column.codes(), code, year);
                if (problem != null) {
                    reject(column.name(), problem);
                } else {
                    values[i] = (code);
                }
            }
            case "integer" -> {
                try {
                    values[i] = (Integer.valueOf(value));
                } catch (NumberFormatException e) {
                    reject(column.name(), "is not a whole number");
                }
            }
            case "decimal" -> {
                try {
                    values[i] = (new BigDecimal(value));
                } catch (NumberFormatException e) {
                    reject(column.name(), "is not a number");
                }
            }
            case "flag" -> {
                String flag = value.toUpperCase(java.util.Locale.ROOT);
                if (flag.equals("Y") || flag.equals("N")) {
                    values[i] = flag.equals("Y");
                } else {
                    reject(column.name(), "must be Y or N");
                }
            }
            default -> values[i] = (value);
        }
    }

    /**
     * A date in the return's form, d/m/yyyy (or yyyy-mm-dd), or null if it is not one or not a
     * day of the calendar. The usual shapes are read by hand (the formatters cost a fifth of
     * validation); anything else goes to the formatters, which say the same for those shapes.
     */
    static LocalDate parseDate(String value) {
        int n = value.length();
        int d1 = value.indexOf('/');
        int d2 = d1 < 0 ? -1 : value.indexOf('/', d1 + 1);
        if (d1 >= 1 && d1 <= 2 && d2 - d1 >= 2 && d2 - d1 <= 3 && n - d2 == 5) {
            return dayOf(digits(value, d2 + 1, n), digits(value, d1 + 1, d2), digits(value, 0, d1));
        }
        if (n == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            return dayOf(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
        }
        try {
            return value.contains("-") ? LocalDate.parse(value, ISO) : LocalDate.parse(value, UK);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The number written by the ASCII digits value[from, to), or -1 if any is not one. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    private static LocalDate dayOf(int year, int month, int day) {
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    String file() {
        return shape.fileName;
    }

    int line() {
        return line;
    }

    String child() {
        int i = shape.indexOf("CHILD");
        String child = i < 0 ? null : raw[i];
        return child == null || child.isEmpty() ? null : child;
    }

    String raw(String column) {
        int i = shape.indexOf(column);
        return i < 0 ? "" : raw[i];
    }

    private Object value(String column) {
        int i = shape.indexOf(column);
        return i < 0 ? null : values[i];
    }

    String text(String column) {
        Object value = value(column);
        return value == null ? null : value.toString();
    }

    LocalDate date(String column) {
        return (LocalDate) value(column);
    }

    Integer integer(String column) {
        return (Integer) value(column);
    }

    BigDecimal decimal(String column) {
        return (BigDecimal) value(column);
    }

    Boolean flag(String column) {
        return (Boolean) value(column);
    }

    /** Rejects the row for a problem with one field; the reason should read after the field's value. */
    void reject(String field, String reason) {
        int i = field == null ? -1 : shape.indexOf(field);
        String value = i < 0 ? null : raw[i];
        addProblem(new Rejection(shape.fileName, line, field, value, reason, child()));
    }

    private void addProblem(Rejection rejection) {
        if (problems.isEmpty()) {
            problems = new ArrayList<>(2);
        }
        problems.add(rejection);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    List<Rejection> problems() {
        return problems;
    }
}
