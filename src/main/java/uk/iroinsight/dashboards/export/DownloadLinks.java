package uk.iroinsight.dashboards.export;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.StreamResource;

/** Download links for exactly what a table shows (interim: CSV; XLSX arrives with TableExport). */
public class DownloadLinks extends HorizontalLayout {

    public DownloadLinks(Supplier<DataTable> table) {
        addClassName("iro-downloads");
        String name = table.get().title();
        StreamResource csv = new StreamResource(safe(name) + ".csv", () -> {
            StringBuilder text = new StringBuilder();
            DataTable t = table.get();
            t.context().forEach(c -> text.append(quote(c.label())).append(',').append(quote(c.value())).append("\r\n"));
            text.append("\r\n");
            text.append(String.join(",", t.columns().stream().map(c -> quote(c.header())).toList())).append("\r\n");
            t.rows().forEach(r -> text.append(String.join(",", r.stream().map(c -> quote(c.text())).toList())).append("\r\n"));
            return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
        });
        Anchor link = new Anchor(csv, "Download CSV");
        link.getElement().setAttribute("download", true);
        link.getElement().setAttribute("aria-label", "Download CSV: " + name);
        add(link);
    }

    private static String quote(String text) {
        String value = text.matches("^[=+\\-@\\t\\r].*") ? "'" + text : text;
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String safe(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
