package uk.iroinsight.dashboards.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import uk.iroinsight.dashboards.export.DataTable.Align;
import uk.iroinsight.dashboards.export.DataTable.Column;
import uk.iroinsight.dashboards.export.DataTable.Context;

/**
 * Writes a {@link DataTable} as the page shows it, as CSV or as an XLSX workbook, and names the
 * file.
 *
 * <p><b>Formula injection</b> (OWASP "CSV injection"): a spreadsheet takes a field starting with
 * {@code = + - @}, a tab or a carriage return for a formula. In CSV every such field gets a
 * leading single quote ({@code '=HYPERLINK(...)}), which Excel and LibreOffice show as text;
 * the one exception is a number cell whose text is a plain number ({@code -1.5}, {@code -12%},
 * {@code -1,204}), which a spreadsheet reads as that number and nothing else, and which a quote
 * would turn into text. In XLSX no cell is ever a formula (text is written as a string, numbers
 * as numbers), and text starting with one of those characters is also given Excel's own
 * "quote prefix" style (what Excel records when a user types {@code '=...}): the value stays
 * exactly the page's text, and a user who edits the cell and presses Enter keeps it as text
 * rather than running it.
 */
public final class TableExport {

    /** The characters that make a spreadsheet read a field as a formula. */
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\\t\\r]");
    /** A number as a view shows one: optional minus, digits with optional thousands commas, decimals, percent. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("^-?\\d{1,3}(,\\d{3})*(\\.(\\d+))?%?$|^-?\\d+(\\.(\\d+))?%?$");
    private static final String CRLF = "\r\n";
    private static final int MAX_FILE_NAME = 80;
    /** Context lines whose values name the file after the title, in this order. */
    private static final List<String> NAMING_CONTEXT = List.of("Year", "Years", "Area", "Authority", "Areas");

    /** The workbook's sheets (GSS: a cover sheet, then the data from A1). */
    public static final String ABOUT_SHEET = "About", DATA_SHEET = "Data";

    /** CSV: UTF-8 with a byte order mark (so Excel reads it as UTF-8), RFC 4180 quoting, CRLF line ends. */
    public void writeCsv(DataTable table, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.write('\uFEFF');
        csvLine(csv, List.of("Title", table.title()));
        for (Context line : table.context()) {
            csvLine(csv, List.of(line.label(), line.value()));
        }
        csv.write(CRLF);
        csvLine(csv, table.columns().stream().map(Column::header).toList());
        for (List<DataTable.Cell> row : table.rows()) {
            List<String> fields = new ArrayList<>(row.size());
            for (DataTable.Cell cell : row) {
                fields.add(isPlainNumber(cell) ? cell.text() : neutralised(cell.text()));
            }
            csvFields(csv, fields);
        }
        csv.flush();
    }

    private static void csvLine(Writer csv, List<String> texts) throws IOException {
        csvFields(csv, texts.stream().map(TableExport::neutralised).toList());
    }

    private static void csvFields(Writer csv, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            csv.write(quoted(fields.get(i)));
        }
        csv.write(CRLF);
    }

    /** RFC 4180: a field with a comma, quote, CR or LF is quoted, its quotes doubled. */
    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** The text with a leading ' if a spreadsheet would otherwise take it for a formula. */
    static String neutralised(String text) {
        return startsLikeAFormula(text) ? "'" + text : text;
    }

    static boolean startsLikeAFormula(String text) {
        return FORMULA_START.matcher(text).find();
    }

    private static boolean isPlainNumber(DataTable.Cell cell) {
        return cell.isNumber() && PLAIN_NUMBER.matcher(cell.text()).matches();
    }

    /**
     * XLSX (no macros): a sheet "About" with the title and the context, and a sheet "Data" with a
     * header row and the table from A1. A number cell is a number, formatted with as many decimals
     * as the page shows it (a thousands separator and a percent sign where the page has them);
     * every other cell is a string.
     */
    public void writeXlsx(DataTable table, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getProperties().getCoreProperties().setTitle(table.title());
            Styles styles = new Styles(workbook);
            writeAbout(workbook.createSheet(ABOUT_SHEET), table, styles);
            writeData(workbook.createSheet(DATA_SHEET), table, styles);
            workbook.write(out);
            out.flush();
        }
    }

    private static void writeAbout(Sheet sheet, DataTable table, Styles styles) {
        int r = 0;
        textCell(sheet.createRow(r++), 0, table.title(), styles.title, styles);
        r++;
        int labelWidth = 12;
        for (Context line : table.context()) {
            Row row = sheet.createRow(r++);
            textCell(row, 0, line.label(), styles.bold, styles);
            textCell(row, 1, line.value(), styles.wrapped, styles);
            labelWidth = Math.max(labelWidth, line.label().length() + 2);
        }
        r++;
        textCell(sheet.createRow(r), 0, "The table is on the sheet '" + DATA_SHEET + "', from cell A1, with one header row.",
                styles.plain, styles);
        sheet.setColumnWidth(0, Math.min(labelWidth, 30) * 256);
        sheet.setColumnWidth(1, 90 * 256);
    }

    private static void writeData(Sheet sheet, DataTable table, Styles styles) {
        List<Column> columns = table.columns();
        int[] widths = new int[columns.size()];
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            textCell(header, c, column.header(), column.align() == Align.NUMBER ? styles.headerNumber : styles.header, styles);
            widths[c] = column.header().length();
        }
        int r = 1;
        for (List<DataTable.Cell> cells : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.size(); c++) {
                DataTable.Cell cell = cells.get(c);
                if (cell.isNumber()) {
                    Cell number = row.createCell(c);
                    number.setCellValue(cell.number());
                    number.setCellStyle(styles.number(cell.text()));
                } else {
                    textCell(row, c, cell.text(), columns.get(c).align() == Align.NUMBER ? styles.textRight : styles.plain, styles);
                }
                widths[c] = Math.max(widths[c], cell.text().length());
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, (Math.max(8, Math.min(widths[c], 60)) + 3) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** Always a string cell; text that starts like a formula gets the quote-prefix variant of its style. */
    private static void textCell(Row row, int column, String text, CellStyle style, Styles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(startsLikeAFormula(text) ? styles.quotePrefixed(style) : style);
    }

    /** The workbook's styles, shared between cells (a workbook holds at most 64,000). */
    private static final class Styles {
        private final XSSFWorkbook workbook;
        final CellStyle plain, bold, title, wrapped, header, headerNumber, textRight;
        private final Map<String, CellStyle> numbers = new HashMap<>();
        private final Map<CellStyle, CellStyle> quotePrefixed = new HashMap<>();

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            plain = workbook.createCellStyle();
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            bold.setVerticalAlignment(VerticalAlignment.TOP);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            headerNumber = workbook.createCellStyle();
            headerNumber.cloneStyleFrom(header);
            headerNumber.setAlignment(HorizontalAlignment.RIGHT);
            textRight = workbook.createCellStyle();
            textRight.setAlignment(HorizontalAlignment.RIGHT);
        }

        /** A number style showing the value as the page's text does: "94.2" → 0.0, "1,204" → #,##0, "12%" → 0"%". */
        CellStyle number(String shown) {
            return numbers.computeIfAbsent(numberFormat(shown), format -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(format));
                style.setAlignment(HorizontalAlignment.RIGHT);
                return style;
            });
        }

        CellStyle quotePrefixed(CellStyle style) {
            return quotePrefixed.computeIfAbsent(style, base -> {
                CellStyle prefixed = workbook.createCellStyle();
                prefixed.cloneStyleFrom(base);
                prefixed.setQuotePrefixed(true);
                return prefixed;
            });
        }
    }

    private static final Pattern DECIMALS = Pattern.compile("\\.(\\d+)");

    /** The Excel number format that shows a value the way {@code shown} does. */
    static String numberFormat(String shown) {
        Matcher decimals = DECIMALS.matcher(shown);
        int places = decimals.find() ? decimals.group(1).length() : 0;
        String format = (shown.indexOf(',') >= 0 ? "#,##0" : "0") + (places > 0 ? "." + "0".repeat(places) : "");
        return shown.endsWith("%") ? format + "\"%\"" : format;
    }

    /**
     * A safe file name: the title and then the context's year and area(s), lower case, letters
     * a-z, digits and hyphens only, at most 80 characters before the extension, e.g.
     * {@code reviews-on-time-2024-nottinghamshire.csv}.
     */
    public String fileName(DataTable table, String extension) {
        String name = slug(table.title());
        for (String label : NAMING_CONTEXT) {
            String part = table.contextValue(label).map(TableExport::slug).orElse("");
            if (!part.isEmpty() && !("-" + name + "-").contains("-" + part + "-")) {
                name = name.isEmpty() ? part : name + "-" + part;
            }
        }
        if (name.length() > MAX_FILE_NAME) {
            int cut = name.lastIndexOf('-', MAX_FILE_NAME);
            name = name.substring(0, cut > MAX_FILE_NAME / 2 ? cut : MAX_FILE_NAME);
        }
        if (name.isEmpty()) {
            name = "table";
        }
        String ext = extension.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return ext.isEmpty() ? name : name + "." + ext;
    }

    static String slug(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("&", " and ")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
