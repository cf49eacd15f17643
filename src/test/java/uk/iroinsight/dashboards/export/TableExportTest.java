package uk.iroinsight.dashboards.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import uk.iroinsight.dashboards.export.DataTable.Cell;
import uk.iroinsight.dashboards.export.DataTable.Column;
import uk.iroinsight.dashboards.export.DataTable.Context;

class TableExportTest {

    private final TableExport export = new TableExport();

    private static DataTable reviewsOnTime() {
        return new DataTable("Reviews on time", List.of(
                new Context("Indicator", "Reviews on time"),
                new Context("Definition", "Reviews held on or before their due date, as a share of the reviews due in the year"),
                new Context("Year", "2024"),
                new Context("Area", "Nottinghamshire"),
                new Context("As of", "2026-12-01 21:00")),
                List.of(Column.text("Area"), Column.number("Reviews on time (%)"), Column.number("Reviews due")),
                List.of(
                        List.of(Cell.text("Nottinghamshire"), Cell.number("94.2", 94.2), Cell.number("1,204", 1204.0)),
                        List.of(Cell.text("Bournemouth, Christchurch and Poole"), Cell.text("[c]"), Cell.text("[c]")),
                        List.of(Cell.text("Say \"hello\""), Cell.text("[x]"), Cell.number("-3", -3.0))));
    }

    /** A table of hostile texts in the first column, each beside a harmless number. */
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"click\")", "@SUM(A1)", "+1", "-cmd",
            "\tcmd", "\rcmd", "=1+2");

    private static DataTable hostile() {
        List<List<Cell>> rows = new ArrayList<>();
        for (String text : HOSTILE) {
            rows.add(List.of(Cell.text(text), Cell.number("-1.5", -1.5)));
        }
        return new DataTable("=cmd|' /C calc'!A0", List.of(new Context("Source", "-2+3")),
                List.of(Column.text("@Area"), Column.number("Change")), rows);
    }

    @Test
    void csv_starts_with_a_bom_and_ends_every_line_with_crlf() throws IOException {
        byte[] bytes = csv(reviewsOnTime());

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void csv_has_the_title_and_context_then_an_empty_line_then_the_table_as_shown() throws IOException {
        assertThat(csvText(reviewsOnTime())).isEqualTo("""
                Title,Reviews on time\r
                Indicator,Reviews on time\r
                Definition,"Reviews held on or before their due date, as a share of the reviews due in the year"\r
                Year,2024\r
                Area,Nottinghamshire\r
                As of,2026-12-01 21:00\r
                \r
                Area,Reviews on time (%),Reviews due\r
                Nottinghamshire,94.2,"1,204"\r
                "Bournemouth, Christchurch and Poole",[c],[c]\r
                "Say \"\"hello\"\"",[x],-3\r
                """);
    }

    @Test
    void csv_quotes_fields_with_commas_quotes_and_line_breaks_per_rfc_4180() {
        assertThat(TableExport.quoted("plain")).isEqualTo("plain");
        assertThat(TableExport.quoted("a,b")).isEqualTo("\"a,b\"");
        assertThat(TableExport.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(TableExport.quoted("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(TableExport.quoted("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void csv_neutralises_every_field_a_spreadsheet_would_run_as_a_formula() throws IOException {
        List<String> lines = List.of(csvText(hostile()).split("\r\n", -1));

        assertThat(lines.get(0)).isEqualTo("Title,'=cmd|' /C calc'!A0");
        assertThat(lines.get(1)).isEqualTo("Source,'-2+3");
        assertThat(lines.get(3)).isEqualTo("'@Area,Change");
        assertThat(lines.subList(4, 4 + HOSTILE.size())).containsExactly(
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",-1.5",
                "'@SUM(A1),-1.5",
                "'+1,-1.5",
                "'-cmd,-1.5",
                "'\tcmd,-1.5",
                "\"'\rcmd\",-1.5",
                "'=1+2,-1.5");
    }

    @Test
    void csv_keeps_a_plain_negative_number_but_not_a_formula_dressed_as_a_number_cell() throws IOException {
        DataTable table = new DataTable("Numbers", List.of(), List.of(Column.number("a"), Column.number("b"), Column.number("c")),
                List.of(List.of(Cell.number("-1,204.5", -1204.5), Cell.number("-12%", -12.0), Cell.number("-1+2", 1.0))));

        assertThat(csvText(table)).endsWith("a,b,c\r\n\"-1,204.5\",-12%,'-1+2\r\n");
    }

    @Test
    void xlsx_has_an_about_sheet_and_the_data_from_a1_with_numbers_as_numbers_formatted_as_shown() throws IOException {
        try (XSSFWorkbook workbook = xlsx(reviewsOnTime())) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).isEqualTo("About");
            assertThat(workbook.getSheetName(1)).isEqualTo("Data");
            assertThat(workbook.getProperties().getCoreProperties().getTitle()).isEqualTo("Reviews on time");

            XSSFSheet about = workbook.getSheet("About");
            assertThat(about.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Reviews on time");
            assertThat(about.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Indicator");
            assertThat(about.getRow(4).getCell(1).getStringCellValue()).isEqualTo("2024");
            assertThat(about.getRow(4).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(about.getRow(6).getCell(1).getStringCellValue()).isEqualTo("2026-12-01 21:00");

            XSSFSheet data = workbook.getSheet("Data");
            assertThat(texts(data.getRow(0))).containsExactly("Area", "Reviews on time (%)", "Reviews due");
            assertThat(data.getLastRowNum()).isEqualTo(3);
            XSSFCell percent = data.getRow(1).getCell(1);
            assertThat(percent.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(percent.getNumericCellValue()).isEqualTo(94.2);
            assertThat(percent.getCellStyle().getDataFormatString()).isEqualTo("0.0");
            XSSFCell count = data.getRow(1).getCell(2);
            assertThat(count.getNumericCellValue()).isEqualTo(1204.0);
            assertThat(count.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            DataFormatter shown = new DataFormatter(java.util.Locale.UK);
            assertThat(shown.formatCellValue(percent)).isEqualTo("94.2");
            assertThat(shown.formatCellValue(count)).isEqualTo("1,204");
            assertThat(shown.formatCellValue(data.getRow(3).getCell(2))).isEqualTo("-3");
            XSSFCell suppressed = data.getRow(2).getCell(1);
            assertThat(suppressed.getCellType()).isEqualTo(CellType.STRING);
            assertThat(suppressed.getStringCellValue()).isEqualTo("[c]");
            assertThat(data.getColumnWidth(0)).isGreaterThan(data.getColumnWidth(2));
            assertThat(data.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        }
    }

    @Test
    void xlsx_writes_hostile_text_as_quote_prefixed_strings_and_no_formula_anywhere() throws IOException {
        try (XSSFWorkbook workbook = xlsx(hostile())) {
            XSSFSheet data = workbook.getSheet("Data");
            for (int i = 0; i < HOSTILE.size(); i++) {
                XSSFCell cell = data.getRow(i + 1).getCell(0);
                assertThat(cell.getCellType()).as(HOSTILE.get(i)).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(HOSTILE.get(i));
                assertThat(cell.getCellStyle().getQuotePrefixed()).as(HOSTILE.get(i)).isTrue();
                XSSFCell number = data.getRow(i + 1).getCell(1);
                assertThat(number.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(number.getNumericCellValue()).isEqualTo(-1.5);
            }
            assertThat(data.getRow(0).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(data.getRow(0).getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
            XSSFCell title = workbook.getSheet("About").getRow(0).getCell(0);
            assertThat(title.getStringCellValue()).isEqualTo("=cmd|' /C calc'!A0");
            assertThat(title.getCellStyle().getQuotePrefixed()).isTrue();
            for (XSSFSheet sheet : List.of(data, workbook.getSheet("About"))) {
                sheet.forEach(row -> row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA)));
            }
        }
    }

    @Test
    void xlsx_is_a_plain_workbook_without_macros() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeXlsx(reviewsOnTime(), out);

        List<String> entries = new ArrayList<>();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).contains("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml")
                .noneMatch(name -> name.contains("vbaProject"));
    }

    @Test
    void number_formats_follow_the_shown_text() {
        assertThat(TableExport.numberFormat("94")).isEqualTo("0");
        assertThat(TableExport.numberFormat("94.25")).isEqualTo("0.00");
        assertThat(TableExport.numberFormat("12,345.6")).isEqualTo("#,##0.0");
        assertThat(TableExport.numberFormat("88.4%")).isEqualTo("0.0\"%\"");
    }

    @Test
    void file_names_come_from_the_title_year_and_area_in_lower_case_letters_digits_and_hyphens() {
        assertThat(export.fileName(reviewsOnTime(), "csv")).isEqualTo("reviews-on-time-2024-nottinghamshire.csv");
        assertThat(export.fileName(reviewsOnTime(), "XLSX")).isEqualTo("reviews-on-time-2024-nottinghamshire.xlsx");

        DataTable awkward = new DataTable("Children's reviews: 3+ placements, 2024 (%)", List.of(
                new Context("Year", "2024"), new Context("Area", "St. Helens & Knowsley / Ūrū")),
                List.of(Column.text("a")), List.of());
        assertThat(export.fileName(awkward, "csv")).isEqualTo("children-s-reviews-3-placements-2024-st-helens-and-knowsley-uru.csv");

        assertThat(export.fileName(hostile(), ".c/s\\v")).isEqualTo("cmd-c-calc-a0.csv");
        assertThat(export.fileName(new DataTable("../../etc/passwd", List.of(), List.of(Column.text("a")), List.of()), "csv"))
                .isEqualTo("etc-passwd.csv");
        assertThat(export.fileName(new DataTable("***", List.of(), List.of(Column.text("a")), List.of()), "csv")).isEqualTo("table.csv");
    }

    @Test
    void file_names_stop_at_a_hyphen_before_80_characters() {
        String longTitle = "Children looked after at 31 March who had three or more placements during the year ending 31 March";
        String name = export.fileName(new DataTable(longTitle, List.of(new Context("Year", "2024")), List.of(Column.text("a")), List.of()), "csv");

        assertThat(name).matches("[a-z0-9-]+\\.csv");
        String stem = name.substring(0, name.length() - 4);
        assertThat(stem.length()).isLessThanOrEqualTo(80);
        assertThat(stem).isEqualTo("children-looked-after-at-31-march-who-had-three-or-more-placements-during-the");
    }

    @Test
    void a_table_rejects_rows_that_do_not_fit_its_columns_and_keeps_its_own_copies() {
        assertThatThrownBy(() -> new DataTable("t", List.of(), List.of(Column.text("a"), Column.number("b")),
                List.of(List.of(Cell.text("only one")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1").hasMessageContaining("1 cells for 2 columns");

        List<List<Cell>> rows = new ArrayList<>(List.of(List.of(Cell.text("x"))));
        DataTable table = new DataTable("t", List.of(), List.of(Column.text("a")), rows);
        rows.add(List.of(Cell.text("y")));
        assertThat(table.rows()).hasSize(1);
        assertThatThrownBy(() -> Cell.number("NaN", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] csv(DataTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeCsv(table, out);
        return out.toByteArray();
    }

    private String csvText(DataTable table) throws IOException {
        byte[] bytes = csv(table);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    private XSSFWorkbook xlsx(DataTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeXlsx(table, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> texts(XSSFRow row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
