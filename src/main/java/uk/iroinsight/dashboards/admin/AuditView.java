package uk.iroinsight.dashboards.admin;

import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.export.DownloadLinks;
import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.security.AuditLog;
import uk.iroinsight.security.Role;

/**
 * The audit trail (admin, PRODUCT.md §6): the newest entries, filtered by user, event and dates,
 * as a table with headers, and the same entries as CSV or XLSX (formula-like cells neutralised;
 * the download is itself recorded).
 */
@RolesAllowed(Role.ADMIN_NAME)
@Route(value = MainLayout.AUDIT, layout = MainLayout.class)
@PageTitle("Audit trail · IRO Insight")
public class AuditView extends VerticalLayout {

    /** The page shows, and downloads, at most this many entries. */
    static final int LIMIT = 1000;

    private final AuditLog audit;
    private final TextField user = new TextField("User name");
    private final ComboBox<AuditLog.Event> event = new ComboBox<>("Event");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Paragraph count = new Paragraph();
    private final Grid<AuditLog.Entry> grid = new Grid<>();
    private final DownloadLinks downloads;
    private List<AuditLog.Entry> shown = List.of();
    private AuditTable.Filters filters = AuditTable.Filters.NONE;

    public AuditView(AuditLog audit) {
        this.audit = audit;
        setId("main-content");
        add(new H1("Audit trail"), new Paragraph("Who signed in or failed to, loaded, uploaded or exported what, looked at "
                + "record-level rows, changed an account, or was refused; newest first. Rows are only ever added."));

        user.setId("audit-user");
        user.setHelperText("Exactly, e.g. admin or scheduler");
        user.setClearButtonVisible(true);
        event.setId("audit-event");
        event.setItems(Arrays.asList(AuditLog.Event.values()));
        event.setItemLabelGenerator(AuditLog.Event::id);
        event.setClearButtonVisible(true);
        event.setHelperText("Any event when empty");
        from.setId("audit-from");
        to.setId("audit-to");
        from.setHelperText("On or after");
        to.setHelperText("On or before");
        Button show = new Button("Show", click -> refresh());
        show.setId("audit-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filterBar = new HorizontalLayout(user, event, from, to, show);
        filterBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        filterBar.getStyle().set("flex-wrap", "wrap");
        filterBar.getElement().setAttribute("role", "search");
        filterBar.getElement().setAttribute("aria-label", "Filter the audit trail");
        add(filterBar);

        count.setId("audit-count");
        count.getElement().setAttribute("role", "status");
        downloads = new DownloadLinks(this::table);
        downloads.setId("audit-downloads");
        add(count, downloads);

        grid.setId("audit-entries");
        grid.setAriaLabel("Audit trail entries");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> AuditTable.WHEN.format(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditLog.Entry::username).setHeader("User").setWidth("9em").setFlexGrow(0)
                .setTooltipGenerator(AuditLog.Entry::username);
        grid.addColumn(e -> e.role() == null ? "" : e.role()).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.laCode() == null ? "" : e.laCode()).setHeader("Authority").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditLog.Entry::event).setHeader("Event").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.target() == null ? "" : e.target()).setHeader("Target").setWidth("10em").setFlexGrow(1);
        grid.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader("Detail").setWidth("16em").setFlexGrow(3)
                .setTooltipGenerator(e -> e.detail() == null ? "" : e.detail());
        grid.addColumn(e -> e.remoteAddress() == null ? "" : e.remoteAddress()).setHeader("Address").setAutoWidth(true).setFlexGrow(0);
        grid.setHeight("40em");
        add(grid);
        setSizeFull();
        refresh();
    }

    private void refresh() {
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage("To is before From");
            return;
        }
        to.setInvalid(false);
        filters = new AuditTable.Filters(user.getValue(), event.getValue(), from.getValue(), to.getValue());
        shown = audit.recent(LIMIT, filters.username(), filters.event() == null ? null : filters.event().id(), filters.from(), filters.to());
        grid.setItems(shown);
        count.setText(shown.size() + (shown.size() == 1 ? " entry" : " entries") + (shown.size() >= LIMIT ? " (the newest " + LIMIT + ")" : "")
                + "; filters: " + filters.describe() + ".");
        downloads.refresh();
    }

    private DataTable table() {
        return AuditTable.of(shown, filters, LIMIT);
    }
}
