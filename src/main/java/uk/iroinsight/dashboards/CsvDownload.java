package uk.iroinsight.dashboards;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.server.streams.DownloadHandler;

import uk.iroinsight.security.Access;
import uk.iroinsight.security.AuditLog;
import uk.iroinsight.security.CurrentAccess;

/**
 * A CSV file the browser downloads, written straight to the response (UTF-8) when the link is
 * followed, under a file name made safe for any file system and for the Content-Disposition header.
 * The reject reports on the Data loads page are an ADMIN's: the handler itself checks who follows
 * the link (refusing with 403 and an {@code access_denied} row otherwise) and records the
 * {@code export} in the audit trail before the first byte is written.
 */
final class CsvDownload {

    private static final Logger log = LoggerFactory.getLogger(CsvDownload.class);

    /** Writes the CSV. */
    @FunctionalInterface
    interface Content extends Serializable {
        void write(Appendable out) throws IOException;
    }

    private CsvDownload() {
    }

    /**
     * @param view the route the link is on (the audit row's target)
     * @param what what the file is, for the audit row ("reject report of 857/2025")
     */
    static DownloadHandler of(String fileName, CurrentAccess current, AuditLog audit, String view, String what, Content content) {
        String safe = safeFileName(fileName);
        return event -> {
            Access who = current.get();
            if (!who.isAdmin()) {
                log.warn("Refused the download of {} to {} ({})", safe, who.username(), who.role());
                audit.record(who, AuditLog.Event.ACCESS_DENIED, view, "download of " + what + " (" + safe + ") refused");
                event.getResponse().setStatus(403);
                return;
            }
            audit.record(who, AuditLog.Event.EXPORT, view, "format csv, file " + safe + ", " + what);
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
