package uk.iroinsight.dashboards.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.export.TableExport;
import uk.iroinsight.security.AuditLog;

/** The audit trail's download: hostile text from a failed sign-in comes out as inert text. */
class AuditTableTest {

    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";

    private static final List<AuditLog.Entry> ENTRIES = List.of(
            new AuditLog.Entry(3, LocalDateTime.of(2026, 12, 1, 10, 15, 30), HYPERLINK, null, null, "login_failed", "login",
                    "+cmd|' /C calc'!A0", "127.0.0.1"),
            new AuditLog.Entry(2, LocalDateTime.of(2026, 12, 1, 10, 14, 0), "@sum(1)", null, null, "login_failed", "login",
                    "-2+3\r\nsecond line", null),
            new AuditLog.Entry(1, LocalDateTime.of(2026, 12, 1, 9, 0, 0), "admin", "ADMIN", null, "export", "explorer",
                    "format csv, file reviews.csv, filters la=857&year=2024", "10.0.0.1"));

    @Test
    void everyCellAFormulaCouldStartWithIsNeutralisedAndTheRestKeptAsStored() throws Exception {
        DataTable table = AuditTable.of(ENTRIES, new AuditTable.Filters(" Admin ", AuditLog.Event.LOGIN_FAILED,
                LocalDate.of(2026, 12, 1), null), 1000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TableExport().writeCsv(table, out);
        List<List<String>> records = parse(out.toString(StandardCharsets.UTF_8).substring(1)); // after the BOM

        assertThat(records.get(0)).containsExactly("Title", "Audit trail");
        assertThat(records.get(1)).containsExactly("Filters", "user admin, event login_failed, from 2026-12-01");
        int header = records.indexOf(AuditTable.HEADERS);
        assertThat(header).isPositive();
        List<List<String>> rows = records.subList(header + 1, records.size());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("2026-12-01 10:15:30", "'" + HYPERLINK, "", "", "login_failed", "login",
                "'+cmd|' /C calc'!A0", "127.0.0.1");
        assertThat(rows.get(1).get(1)).isEqualTo("'@sum(1)");
        assertThat(rows.get(1).get(6)).isEqualTo("'-2+3\r\nsecond line");
        assertThat(rows.get(2)).containsExactly("2026-12-01 09:00:00", "admin", "ADMIN", "", "export", "explorer",
                "format csv, file reviews.csv, filters la=857&year=2024", "10.0.0.1");
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell).as("no cell starts like a formula").doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
            }
        }
        assertThat(new TableExport().fileName(table, "csv")).isEqualTo("audit-trail.csv");
    }

    @Test
    void theXlsxHoldsTheHostileNameAsAString() throws Exception {
        DataTable table = AuditTable.of(ENTRIES, AuditTable.Filters.NONE, 1000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TableExport().writeXlsx(table, out);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheet(TableExport.DATA_SHEET);
            var cell = sheet.getRow(1).getCell(1);
            assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(cell.getStringCellValue()).endsWith(HYPERLINK);
        }
        assertThat(AuditTable.Filters.NONE.describe()).isEqualTo("none");
    }

    /** RFC 4180 records, each as its fields. */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return records;
    }
}
