package uk.iroinsight.dashboards.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.router.Location;

import uk.iroinsight.dashboards.layout.ViewState;
import uk.iroinsight.security.AuditLog;

/**
 * "Download CSV" and "Download XLSX" of exactly what a chart or table shows: each link asks the
 * supplier for the table when it is clicked (under the session lock, so it sees the view's
 * current state) and writes it with {@link TableExport}, named by {@link TableExport#fileName}.
 * The links' accessible names carry the table's title ("Download CSV: Reviews on time, 2024"),
 * since a page has several pairs; call {@link #refresh()} when the view shows another table.
 * Each download is recorded in the audit trail ({@code export}: the view, the format, the file
 * name, the table and the view's filters) before its bytes are written; when the row cannot be
 * written, nothing is sent.
 */
public class DownloadLinks extends Div {

    private static final String CSV_TYPE = "text/csv;charset=UTF-8";
    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Supplier<DataTable> table;
    private final TableExport export = new TableExport();
    private final Anchor csv;
    private final Anchor xlsx;

    public DownloadLinks(Supplier<DataTable> table) {
        this.table = table;
        addClassName("iro-download-links");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        csv = link("Download CSV", handler("csv", CSV_TYPE, export::writeCsv));
        xlsx = link("Download XLSX", handler("xlsx", XLSX_TYPE, export::writeXlsx));
        add(csv, xlsx);
        refresh();
    }

    /** Re-reads the table's title for the links' accessible names. */
    public void refresh() {
        String title = table.get().title();
        csv.setAriaLabel("Download CSV: " + title);
        xlsx.setAriaLabel("Download XLSX: " + title);
    }

    public Anchor csvLink() {
        return csv;
    }

    public Anchor xlsxLink() {
        return xlsx;
    }

    private static Anchor link(String text, DownloadHandler handler) {
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, text);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    private interface Writer {
        void write(DataTable table, java.io.OutputStream out) throws IOException;
    }

    private DownloadHandler handler(String extension, String contentType, Writer writer) {
        return (DownloadEvent event) -> {
            DataTable[] shown = new DataTable[1];
            Location[] where = new Location[1];
            event.getUI().accessSynchronously(() -> {
                shown[0] = table.get();
                where[0] = event.getUI().getInternals().getActiveViewLocation();
            });
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            writer.write(shown[0], bytes);
            String fileName = export.fileName(shown[0], extension);
            AuditLog audit = event.getSession().getService().getInstantiator().getOrCreate(AuditLog.class);
            audit.record(AuditLog.Event.EXPORT, view(where[0]), detail(extension, fileName, shown[0].title(), where[0]));
            event.setFileName(fileName);
            event.setContentType(contentType);
            event.setContentLength(bytes.size());
            bytes.writeTo(event.getOutputStream());
        };
    }

    /** The route the links are on ("explorer"), or "" for the landing page. */
    static String view(Location location) {
        return location == null ? "" : location.getPath();
    }

    /**
     * "format csv, file reviews-on-time-2024.csv, table Reviews on time, 2024, filters la=857&year=2024":
     * the filters as the view's own state reads them from the address (only la, year, indicator,
     * compare and by, with values of their own form).
     */
    static String detail(String extension, String fileName, String title, Location location) {
        String filters = location == null ? "" : ViewState.from(location.getQueryParameters()).queryString();
        return "format " + extension + ", file " + fileName + ", table " + title + ", filters " + (filters.isEmpty() ? "none" : filters);
    }
}
