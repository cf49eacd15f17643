package uk.iroinsight.dashboards;

import jakarta.annotation.security.RolesAllowed;
import uk.iroinsight.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;

import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.indicators.ComparatorExport;
import uk.iroinsight.security.Access;
import uk.iroinsight.security.AuditLog;
import uk.iroinsight.security.CurrentAccess;
import uk.iroinsight.indicators.IndicatorExport;
import uk.iroinsight.indicators.IndicatorExport.Format;
import uk.iroinsight.indicators.IndicatorMarts;
import uk.iroinsight.warehouse.Warehouse;

/**
 * Analyst downloads (PRODUCT.md §4): the indicator mart export (what the {@code indicators}
 * command writes) and the comparators (statistical neighbours, authorities with regions) as an
 * Arrow IPC stream, Parquet or CSV, with what they hold in plain English and the "as of" of the
 * marts. Each file is written to a temporary file when its link is clicked, streamed, and deleted.
 * The files are unsuppressed: the download handler itself asks again whether whoever follows
 * the link may have them (an ADMIN or an LA analyst), refusing with 403 and an
 * {@code access_denied} row otherwise, and records the {@code export} before the first byte is sent.
 */
@RolesAllowed({Role.ADMIN_NAME, Role.LA_ANALYST_NAME})
@Route(value = MainLayout.DOWNLOADS, layout = MainLayout.class)
@PageTitle("Analyst downloads · IRO Insight")
class AnalystDownloadsView extends VerticalLayout {

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<Format> FORMATS = List.of(Format.ARROW, Format.PARQUET, Format.CSV);

    private final IndicatorExport indicators;
    private final ComparatorExport comparators;
    private final IndicatorMarts marts;
    private final Clock clock;
    private final CurrentAccess current;
    private final AuditLog audit;

    AnalystDownloadsView(Warehouse warehouse, IndicatorMarts marts, Clock clock, CurrentAccess current, AuditLog audit) {
        this.current = current;
        this.audit = audit;
        this.indicators = new IndicatorExport(warehouse);
        this.comparators = new ComparatorExport(warehouse);
        this.marts = marts;
        this.clock = clock;
        setId("main-content");
        setMaxWidth("60em");
        Optional<IndicatorMarts.Build> build = marts.lastBuild();

        add(new H1("Analyst downloads"));
        add(new Paragraph("The figures behind the dashboards, whole, for your own analysis in a spreadsheet, R, Python, "
                + "Power BI or DuckDB. Arrow and Parquet keep the column types; CSV opens anywhere."));
        add(new Paragraph(build.map(b -> "As of " + AS_OF.format(b.builtAt()) + ": the indicator figures were last worked out then, from "
                        + b.laYears() + " loaded LA-years of returns and the published DfE figures.")
                .orElse("The indicator figures have not been worked out yet: the downloads hold only the reference data.")));

        add(new H2("Indicator figures"));
        add(new Paragraph("Every indicator for every area and collection year (" + indicators.rows() + " rows now): one row per "
                + "area, year, indicator and source. Values are unrounded and unsuppressed: small numbers are not hidden, so "
                + "handle the file under your data-protection rules and apply disclosure control before you publish anything from it."));
        add(columns(
                "area_type", "la (one authority), sn_mean (the mean of that authority's ten statistical neighbours that have a value), "
                        + "region or england",
                "area_code", "the 9-character ONS code of the authority or region (for sn_mean, of the authority whose neighbours they are)",
                "area_name", "the area's name",
                "year", "the collection year, ending 31 March",
                "indicator", "the indicator's id in the catalogue (dashboards/indicators.yaml)",
                "numerator", "the count on top (a count indicator: the count itself)",
                "denominator", "the count below; empty for a count and for sn_mean",
                "value", "percentages 0-100, rates per 10,000 children, counts as counts; empty when not available",
                "status", "ok, not_available, or suppressed where DfE suppressed a published figure",
                "source", "records (worked out from the loaded returns) or published (DfE's figure)"));
        add(links("indicator figures", "indicators", format -> temp -> indicators.write(format, temp)));

        add(new H2("Comparators"));
        add(new H3("Statistical neighbours"));
        add(new Paragraph("Each authority's ten statistical neighbours, rank 1 the closest, in both models (CSSNBT_2021 and "
                + "CSSNBT_2025), with the names of both authorities" + build.map(b -> "; the figures use " + b.snModel() + ".").orElse(".")
                + " Columns: " + String.join(", ", ComparatorExport.Table.STATISTICAL_NEIGHBOURS.columns()) + "."));
        add(links("statistical neighbours", "statistical-neighbours",
                format -> temp -> comparators.write(ComparatorExport.Table.STATISTICAL_NEIGHBOURS, format, temp)));
        add(new H3("Authorities and regions"));
        add(new Paragraph("Every authority with its DfE publication region (London split into Inner and Outer) and its English "
                + "region. Columns: " + String.join(", ", ComparatorExport.Table.AUTHORITIES.columns()) + "."));
        add(links("authorities and regions", "authorities",
                format -> temp -> comparators.write(ComparatorExport.Table.AUTHORITIES, format, temp)));

        add(new H2("Reading the files"));
        add(new Paragraph(new Text("Parquet: any Parquet reader, e.g. "),
                new Code("duckdb -c \"FROM 'iro-insight-indicators-….parquet' LIMIT 5\""), new Text(".")));
        add(new Paragraph("Arrow IPC stream (.arrows): pyarrow.ipc.open_stream in Python, arrow::read_ipc_stream in R, or "
                + "Polars' read_ipc_stream. CSV: UTF-8, numbers unrounded, with a leading ' before any text a spreadsheet would "
                + "run as a formula."));
    }

    private interface FileWriter {
        void write(Path file) throws IOException;
    }

    private interface WriterFor {
        FileWriter of(Format format);
    }

    /** "Download the ... as:" and the links "Arrow IPC stream (.arrows)", "Parquet (.parquet)", "CSV (.csv)", each named with what it downloads. */
    private Component links(String what, String fileStem, WriterFor writer) {
        Div links = new Div(new Paragraph("Download the " + what + " as:"));
        UnorderedList list = new UnorderedList();
        list.addClassName("iro-download-list");
        for (Format format : FORMATS) {
            String label = switch (format) {
                case ARROW -> "Arrow IPC stream";
                case PARQUET -> "Parquet";
                case CSV -> "CSV";
            } + " (." + extension(format) + ")";
            Anchor anchor = new Anchor(download(what, fileStem, format, writer.of(format)), AttachmentType.DOWNLOAD, label);
            anchor.getElement().setAttribute("download", true);
            anchor.setAriaLabel("Download " + what + " as " + label);
            anchor.setId(fileStem + "-" + format);
            list.add(new ListItem(anchor));
        }
        links.add(list);
        return links;
    }

    private DownloadHandler download(String what, String fileStem, Format format, FileWriter writer) {
        return event -> {
            Access who = current.get();
            String fileName = fileName(fileStem, format);
            if (!who.mayDownloadUnsuppressed()) {
                audit.record(who, AuditLog.Event.ACCESS_DENIED, MainLayout.DOWNLOADS, "download of " + fileName + " refused");
                event.getResponse().setStatus(403);
                return;
            }
            Path temp = Files.createTempFile("iro-download-", "." + format);
            try {
                writer.write(temp);
                audit.record(who, AuditLog.Event.EXPORT, MainLayout.DOWNLOADS, "format " + extension(format) + ", file " + fileName
                        + ", " + what + ", unsuppressed, filters none");
                event.setFileName(fileName);
                event.setContentType(contentType(format));
                event.setContentLength(Files.size(temp));
                Files.copy(temp, event.getOutputStream());
            } finally {
                Files.deleteIfExists(temp);
            }
        };
    }

    /** e.g. iro-insight-indicators-2026-12-01.arrows: the date of the marts' build, else today. */
    private String fileName(String stem, Format format) {
        LocalDate date = marts.lastBuild().map(b -> b.builtAt().toLocalDate()).orElseGet(() -> LocalDate.now(clock));
        return "iro-insight-" + stem + "-" + date + "." + extension(format);
    }

    static String extension(Format format) {
        return switch (format) {
            case ARROW -> "arrows";
            case PARQUET -> "parquet";
            case CSV -> "csv";
        };
    }

    private static String contentType(Format format) {
        return switch (format) {
            case ARROW -> "application/vnd.apache.arrow.stream";
            case PARQUET -> "application/vnd.apache.parquet";
            case CSV -> "text/csv;charset=UTF-8";
        };
    }

    private static DescriptionList columns(String... termsAndDefinitions) {
        DescriptionList list = new DescriptionList();
        for (int i = 0; i < termsAndDefinitions.length; i += 2) {
            list.add(new DescriptionList.Term(new Code(termsAndDefinitions[i])),
                    new DescriptionList.Description(termsAndDefinitions[i + 1]));
        }
        return list;
    }
}
