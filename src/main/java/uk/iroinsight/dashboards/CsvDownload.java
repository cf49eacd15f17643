package uk.iroinsight.dashboards;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * A CSV file the browser downloads, written straight to the response (UTF-8) when the link is
 * followed, under a file name made safe for any file system and for the Content-Disposition header.
 */
final class CsvDownload {

    /** Writes the CSV. */
    @FunctionalInterface
    interface Content extends Serializable {
        void write(Appendable out) throws IOException;
    }

    private CsvDownload() {
    }

    static DownloadHandler of(String fileName, Content content) {
        String safe = safeFileName(fileName);
        return event -> {
            event.setFileName(safe);
            event.setContentType("text/csv; charset=UTF-8");
            Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
            content.write(out);
            out.flush();
        };
    }

    /**
     * {@code name} reduced to ASCII letters, digits, '-', '_' and one '.' before the extension,
     * at most 100 characters; accents are dropped, anything else becomes '-'. Never empty, never
     * hidden, never a path: {@code ../../etc/passwd} gives {@code etc-passwd}.
     */
    static String safeFileName(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        int dot = ascii.lastIndexOf('.');
        boolean hasExtension = dot > 0 && ascii.substring(dot + 1).matches("[A-Za-z0-9]{1,10}");
        String stem = hasExtension ? ascii.substring(0, dot) : ascii;
        String extension = hasExtension ? ascii.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        stem = stem.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^[-_]+|[-_]+$", "");
        if (stem.length() > 100) {
            stem = stem.substring(0, 100);
        }
        if (stem.isEmpty()) {
            stem = "download";
        }
        return extension.isEmpty() ? stem : stem + "." + extension;
    }
}
