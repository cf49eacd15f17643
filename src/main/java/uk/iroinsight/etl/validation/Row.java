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

    private final String file;
    private final int line;
    private final Map<String, String> raw = new HashMap<>();
    private final Map<String, Object> values = new HashMap<>();
    private final List<Rejection> problems = new ArrayList<>();

    private Row(String file, int line) {
        this.file = file;
        this.line = line;
    }

    /** Reads and checks one CSV record against the layout. */
    static Row check(CsvFile csv, CsvRow record, List<Layouts.Column> layout, CodeLists codes, int year) {
        Row row = new Row(csv.fileName(), record.line());
        String[] fields = record.fields();
        if (fields.length > csv.columns().size() && !allBlankFrom(fields, csv.columns().size())) {
            row.problems.add(new Rejection(row.file, row.line, null, null,
                    "row has " + fields.length + " fields but the header has " + csv.columns().size() + " columns", null));
        }
        for (Layouts.Column column : layout) {
            String value = csv.position(column.name())
                    .filter(i -> i < fields.length)
                    .map(i -> fields[i].strip())
                    .orElse("");
            row.raw.put(column.name(), value);
        }
        for (Layouts.Column column : layout) {
            row.parse(column, codes, year);
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

    private void parse(Layouts.Column column, CodeLists codes, int year) {
        String value = raw.get(column.name());
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
                    values.put(column.name(), date);
                }
            }
            case "code" -> {
                String code = value.toUpperCase(java.util.Locale.ROOT);
                String problem = codes.problem(column.codes(), code, year);
                if (problem != null) {
                    reject(column.name(), problem);
                } else {
                    values.put(column.name(), code);
                }
            }
            case "integer" -> {
                try {
                    values.put(column.name(), Integer.valueOf(value));
                } catch (NumberFormatException e) {
                    reject(column.name(), "is not a whole number");
                }
            }
            case "decimal" -> {
                try {
                    values.put(column.name(), new BigDecimal(value));
                } catch (NumberFormatException e) {
                    reject(column.name(), "is not a number");
                }
            }
            case "flag" -> {
                String flag = value.toUpperCase(java.util.Locale.ROOT);
                if (flag.equals("Y") || flag.equals("N")) {
                    values.put(column.name(), flag.equals("Y"));
                } else {
                    reject(column.name(), "must be Y or N");
                }
            }
            default -> values.put(column.name(), value);
        }
    }

    static LocalDate parseDate(String value) {
        try {
            return value.contains("-") ? LocalDate.parse(value, ISO) : LocalDate.parse(value, UK);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    String file() {
        return file;
    }

    int line() {
        return line;
    }

    String child() {
        String child = raw.get("CHILD");
        return child == null || child.isEmpty() ? null : child;
    }

    String raw(String column) {
        return raw.getOrDefault(column, "");
    }

    String text(String column) {
        Object value = values.get(column);
        return value == null ? null : value.toString();
    }

    LocalDate date(String column) {
        return (LocalDate) values.get(column);
    }

    Integer integer(String column) {
        return (Integer) values.get(column);
    }

    BigDecimal decimal(String column) {
        return (BigDecimal) values.get(column);
    }

    Boolean flag(String column) {
        return (Boolean) values.get(column);
    }

    /** Rejects the row for a problem with one field; the reason should read after the field's value. */
    void reject(String field, String reason) {
        String value = field == null ? null : raw.get(field);
        problems.add(new Rejection(file, line, field, value, reason, child()));
    }

    boolean ok() {
        return problems.isEmpty();
    }

    List<Rejection> problems() {
        return problems;
    }
}
