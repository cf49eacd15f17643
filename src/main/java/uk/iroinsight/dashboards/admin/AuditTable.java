package uk.iroinsight.dashboards.admin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.security.AuditLog;

/**
 * The audit trail's entries as a {@link DataTable}, for the CSV and XLSX downloads of the audit
 * page: one row per entry, newest first, with the filters that chose them as context. Every cell
 * is text as stored (a failed sign-in's user name is what was typed, so it may be anything):
 * {@link uk.iroinsight.dashboards.export.TableExport} neutralises cells a spreadsheet would run.
 */
final class AuditTable {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.UK);

    /** The filters of the page: each may be null. */
    record Filters(String username, AuditLog.Event event, LocalDate from, LocalDate to) {

        static final Filters NONE = new Filters(null, null, null, null);

        Filters {
            username = username == null || username.isBlank() ? null : username.strip().toLowerCase(Locale.ROOT);
        }

        /** "user admin, event export, from 2026-12-01", or "none". */
        String describe() {
            List<String> parts = new ArrayList<>();
            if (username != null) {
                parts.add("user " + username);
            }
            if (event != null) {
                parts.add("event " + event.id());
            }
            if (from != null) {
                parts.add("from " + from);
            }
            if (to != null) {
                parts.add("to " + to);
            }
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }
    }

    static final List<String> HEADERS = List.of("When", "User", "Role", "Authority", "Event", "Target", "Detail", "Address");

    private AuditTable() {
    }

    static DataTable of(List<AuditLog.Entry> entries, Filters filters, int limit) {
        List<List<DataTable.Cell>> rows = new ArrayList<>();
        for (AuditLog.Entry entry : entries) {
            rows.add(List.of(cell(WHEN.format(entry.at())), cell(entry.username()), cell(entry.role()), cell(entry.laCode()),
                    cell(entry.event()), cell(entry.target()), cell(entry.detail()), cell(entry.remoteAddress())));
        }
        List<DataTable.Context> context = List.of(
                new DataTable.Context("Filters", filters.describe()),
                new DataTable.Context("Entries", entries.size() + (entries.size() >= limit ? " (the newest " + limit + ")" : "")),
                new DataTable.Context("Source", "IRO Insight audit trail"));
        return new DataTable("Audit trail", context, HEADERS.stream().map(DataTable.Column::text).toList(), rows);
    }

    private static DataTable.Cell cell(String text) {
        return DataTable.Cell.text(text == null ? "" : text);
    }
}
