package uk.iroinsight.dashboards.records;

import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

import uk.iroinsight.dashboards.breakdown.BreakdownView;
import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.export.DataTable.Cell;
import uk.iroinsight.dashboards.export.DataTable.Column;
import uk.iroinsight.dashboards.export.DataTable.Context;
import uk.iroinsight.dashboards.export.TableExport;
import uk.iroinsight.dashboards.export.TableView;
import uk.iroinsight.dashboards.layout.DashboardView;
import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.dashboards.layout.ViewState;
import uk.iroinsight.dashboards.records.RecordDrill.Kind;
import uk.iroinsight.dashboards.records.RecordDrill.Records;
import uk.iroinsight.dashboards.records.RecordDrill.Row;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.security.AccessDenied;
import uk.iroinsight.security.CurrentAccess;
import uk.iroinsight.security.Role;

/**
 * The record-level drill (PRODUCT.md §6), for an ADMIN (any authority) or an LA analyst (their
 * own): the pseudonymised children, reviews or disputes behind one cell of a breakdown, with a
 * CSV of them. The state is the breakdown's ({@code la, year, indicator, by}) and the cell's
 * {@code category}. Every read goes through {@link RecordDrill}, which refuses another
 * authority's records and writes each request to the audit trail; the page only says so.
 */
@RolesAllowed({Role.ADMIN_NAME, Role.LA_ANALYST_NAME})
@Route(value = MainLayout.RECORDS, layout = MainLayout.class)
public class RecordsView extends DashboardView {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final String CSV_TYPE = "text/csv;charset=UTF-8";

    private final RecordDrill drill;
    private final CurrentAccess access;
    private final TableExport export = new TableExport();

    public RecordsView(DashboardData data, RecordDrill drill, CurrentAccess access) {
        super(data);
        this.drill = drill;
        this.access = access;
        addClassName("iro-records");
    }

    @Override
    protected String route() {
        return MainLayout.RECORDS;
    }

    /** The URL's category (DashboardView fills the other gaps, and knows nothing of categories). */
    private String asked;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        asked = ViewState.from(event.getLocation().getQueryParameters()).category();
        super.beforeEnter(event);
    }

    @Override
    protected ViewState complete(ViewState given) {
        Indicator indicator = snapshot.catalogue().find(given.indicator()).filter(i -> !i.breakdowns().isEmpty())
                .orElse(snapshot.indicator("participation_pct"));
        String by = given.by() != null && indicator.breakdowns().contains(given.by()) ? given.by() : indicator.breakdowns().get(0);
        return given.withIndicator(indicator.id()).withBy(by).withCompare(null).withCategory(asked);
    }

    @Override
    protected void render() {
        Indicator indicator = snapshot.indicator(state.indicator());
        Authority authority = authority();
        int year = state.year();
        try {
            drill.check(authority.laCode(), year, indicator.id(), state.by(), state.category());
        } catch (AccessDenied denied) {
            refuse();
            return;
        }
        if (state.category() == null) {
            chooseCategory(authority, indicator, year);
            return;
        }
        Records records;
        try {
            records = drill.records(authority.laCode(), year, indicator.id(), state.by(), state.category());
        } catch (AccessDenied denied) {
            refuse();
            return;
        }
        if (records.cell() == null) {
            heading("No such group in " + authority.name() + "'s breakdown");
            add(new Paragraph(indicator.title() + " by " + RecordWords.dimension(state.by()) + " has no group \"" + state.category()
                    + "\" for " + authority.name() + " in the year ending 31 March " + year + "."), backLink(indicator));
            return;
        }
        long counted = RecordWords.cellCount(records);
        heading(RecordWords.heading(records, counted, authority.name()));
        Paragraph summary = new Paragraph(RecordWords.summary(records, counted));
        summary.setId("records-summary");
        add(summary);
        DataTable table = table(records, authority);
        TableView view = new TableView(table);
        view.setId("records-table");
        Anchor csv = new Anchor(csvHandler(authority.laCode(), year, indicator.id(), state.by(), state.category()),
                AttachmentType.DOWNLOAD, "Download CSV");
        csv.getElement().setAttribute("download", true);
        csv.setAriaLabel("Download CSV: " + table.title());
        csv.setId("records-csv");
        Paragraph note = new Paragraph("Children are shown by their pseudonymous key (a keyed hash made when the returns were "
                + "loaded), never by name or the authority's own identifiers. Viewing and downloading these rows is recorded in the "
                + "audit trail.");
        note.addClassName("iro-note");
        add(note, backLink(indicator), csv, view);
    }

    /** The analyst asked for another authority (RecordDrill has audited it): say whose records they may see, nothing about the other's. */
    private void refuse() {
        String own = access.get().laCode();
        String ownName = own == null ? null : snapshot.authority(own).map(Authority::name).orElse(own);
        heading(ownName == null ? "You may not see record-level data" : "You may see the records of " + ownName + " only");
        Paragraph why = new Paragraph(ownName == null
                ? "Record-level rows are shown to administrators and to an authority's own analysts."
                : "Your account is an analyst's account for " + ownName + ": it shows the children and reviews behind "
                + ownName + "'s figures, and every authority's figures as totals.");
        why.setId("records-refused");
        add(why);
        if (own != null) {
            add(link("See " + ownName + "'s records for this breakdown", state.withLa(own).withCategory(null)));
        }
    }

    /** No category asked for: the breakdown's groups, each a link to its rows. */
    private void chooseCategory(Authority authority, Indicator indicator, int year) {
        heading("Records behind " + indicator.title() + " by " + RecordWords.dimension(state.by()) + ": " + authority.name()
                + ", year ending 31 March " + year);
        UnorderedList list = new UnorderedList();
        list.setId("records-categories");
        for (DashboardData.BreakdownRow row : data.breakdown(snapshot, authority.laCode(), year, indicator.id(), state.by())) {
            list.add(new ListItem(link(row.category() + ": " + RecordWords.linkText(indicator, row), state.withCategory(row.category()))));
        }
        if (list.getChildren().findAny().isEmpty()) {
            add(new Paragraph("There are no groups in this breakdown for " + authority.name() + " in the year."));
        } else {
            add(new Paragraph("Choose a group to see the " + RecordWords.kind(indicator).words(2) + " behind it."), list);
        }
        add(backLink(indicator));
    }

    private RouterLink backLink(Indicator indicator) {
        RouterLink back = new RouterLink();
        back.setRoute(BreakdownView.class);
        back.setQueryParameters(state.withCategory(null).toQueryParameters());
        back.setText("Back to " + indicator.title() + " by " + RecordWords.dimension(state.by()));
        back.setId("records-back");
        return back;
    }

    private static RouterLink link(String text, ViewState target) {
        RouterLink link = new RouterLink();
        link.setRoute(RecordsView.class);
        link.setQueryParameters(target.toQueryParameters());
        link.setText(text);
        return link;
    }

    /** The CSV asks the drill again when clicked (so access is checked again and the download audited as EXPORT). */
    private DownloadHandler csvHandler(String la, int year, String indicator, String by, String category) {
        return (DownloadEvent event) -> {
            DataTable[] table = new DataTable[1];
            event.getUI().accessSynchronously(() -> {
                Records records = drill.export(la, year, indicator, by, category, "csv");
                table[0] = table(records, snapshot.authority(la).orElseThrow());
            });
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            export.writeCsv(table[0], bytes);
            event.setFileName(export.fileName(table[0], "csv"));
            event.setContentType(CSV_TYPE);
            event.setContentLength(bytes.size());
            bytes.writeTo(event.getOutputStream());
        };
    }

    // ------------------------------------------------------------------ the table

    DataTable table(Records records, Authority authority) {
        Kind kind = records.kind();
        Indicator indicator = records.indicator();
        List<Column> columns = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        switch (kind) {
            case REVIEW -> {
                columns.addAll(List.of(Column.text("Child (pseudonymous key)"), Column.text("Review date"), Column.text("Due date"),
                        Column.text("On time"), Column.text("Participation code"), Column.text("Age band at review"), Column.text("Sex"),
                        Column.text("Ethnicity group"), Column.text("Placement type"), Column.text("Placement code"),
                        Column.text("Legal status"), Column.text("Legal status code")));
                for (Row r : records.rows()) {
                    rows.add(withCounts(indicator, r, text(r.childKey()), date(r.reviewDate()), date(r.dueDate()), yesNo(r.onTime()),
                            text(r.participationCode()), text(r.ageBand()), text(r.sex()), text(r.ethnicity()), text(r.placementType()),
                            text(r.placementCode()), text(r.legalStatus()), text(r.legalStatusCode())));
                }
            }
            case CHILD -> {
                columns.addAll(List.of(Column.text("Child (pseudonymous key)"), Column.text("Age band at 31 March"), Column.text("Sex"),
                        Column.text("Ethnicity group"), Column.text("Placement type at 31 March"), Column.text("Placement code"),
                        Column.text("Legal status at 31 March"), Column.text("Legal status code"), Column.number("Reviews in the year"),
                        Column.text("Reviews in the year (date and participation code)")));
                for (Row r : records.rows()) {
                    rows.add(withCounts(indicator, r, text(r.childKey()), text(r.ageBand()), text(r.sex()), text(r.ethnicity()),
                            text(r.placementType()), text(r.placementCode()), text(r.legalStatus()), text(r.legalStatusCode()),
                            r.reviewCount() == null ? text(null) : Cell.number(String.valueOf(r.reviewCount()), (double) r.reviewCount()),
                            text(r.reviewsInYear())));
                }
            }
            case DISPUTE -> {
                columns.addAll(List.of(Column.text("Dispute"), Column.text("Child (pseudonymous key)"), Column.text("Type"),
                        Column.text("Raised"), Column.text("Theme"), Column.text("Stage reached"), Column.text("Resolved"),
                        Column.text("Outcome"), Column.number("Working days to resolve")));
                for (Row r : records.rows()) {
                    rows.add(withCounts(indicator, r, text(r.disputeId()), text(r.childKey() == null ? "None (service-wide)" : r.childKey()),
                            text(r.disputeType()), date(r.raised()), text(r.theme()), text(r.stage()), date(r.resolved()),
                            text(r.outcome()), r.workingDaysToResolve() == null ? text(null)
                                    : Cell.number(String.valueOf(r.workingDaysToResolve()), (double) r.workingDaysToResolve())));
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        columns.add(Column.text("Counts in"));
        String title = RecordWords.heading(records, RecordWords.cellCount(records), authority.name());
        return new DataTable(title,
                List.of(new Context("Indicator", indicator.title()), new Context("Definition", indicator.definition()),
                        new Context("Group", RecordWords.dimensionLabel(records.cell().dimension()) + ": " + records.cell().category()),
                        new Context("Areas", authority.name()), new Context("Year", "Year ending 31 March " + records.cell().year()),
                        new Context("Source", "From " + authority.name() + "'s loaded returns, record level (not for publication: "
                                + "no small-number suppression)"),
                        new Context("Keys", "Children by pseudonymous key (HMAC of the authority's identifier); no names or source identifiers")),
                columns, rows);
    }

    private static List<Cell> withCounts(Indicator indicator, Row row, Cell... cells) {
        List<Cell> list = new ArrayList<>(List.of(cells));
        list.add(Cell.text(RecordWords.countsIn(indicator, row)));
        return list;
    }

    private static Cell text(String value) {
        return Cell.text(value == null ? "" : value);
    }

    private static Cell date(LocalDate date) {
        return Cell.text(date == null ? "" : DATE.format(date));
    }

    private static Cell yesNo(Boolean value) {
        return Cell.text(value == null ? "Not known" : value ? "Yes" : "No");
    }
}
