package uk.iroinsight.dashboards;

import jakarta.annotation.security.RolesAllowed;
import uk.iroinsight.security.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.demo.EmbeddedDemo;
import uk.iroinsight.etl.inbox.InboxUpload;
import uk.iroinsight.etl.job.LoadHistory;
import uk.iroinsight.etl.job.LoadProgress;
import uk.iroinsight.etl.job.LoadService;
import uk.iroinsight.etl.load.LaYearValidation;
import uk.iroinsight.security.Access;
import uk.iroinsight.security.AuditLog;
import uk.iroinsight.security.CurrentAccess;
import uk.iroinsight.system.IroProperties;

/**
 * Data loads (admin, PRODUCT.md §4): what the warehouse holds, the running load's progress
 * (pushed to the page as the job reports it), "Run now", the load runs with each run's files
 * (rows read, loaded and rejected) and reject report, each loaded LA-year's reject report as
 * CSV, and adding files to the inbox with an immediate check.
 */
@RolesAllowed(Role.ADMIN_NAME)
@Route(value = MainLayout.LOADS, layout = MainLayout.class)
@PageTitle("Data loads · IRO Insight")
class DataLoadsView extends VerticalLayout {

    /** Up to this many loaded LA-years the grid shows all its rows; beyond, it scrolls. */
    private static final int ALL_ROWS_UP_TO = 20;
    /** How many runs the history shows. */
    private static final int RUNS_SHOWN = 20;

    private final WarehouseStatus status;
    private final LoadService loads;
    private final LoadProgress progress;
    private final EmbeddedDemo demo;
    private final IroProperties properties;
    private final Access who;
    private final AuditLog audit;
    private final Paragraph summary = new Paragraph();
    private final Paragraph demoNote = new Paragraph();
    private final LoadProgressPanel progressPanel;
    private final Button runNow = new Button("Run now");
    private final Paragraph runNowNote = new Paragraph();
    private final LoadRunsTable runs;
    private final H2 loadedTitle = new H2("Loaded returns");
    private final List<WarehouseStatus.LoadedLaYear> loadedLaYears = new ArrayList<>();
    private final ListDataProvider<WarehouseStatus.LoadedLaYear> loadedProvider = new ListDataProvider<>(loadedLaYears);
    private final Grid<WarehouseStatus.LoadedLaYear> laYears = new Grid<>();
    private final InboxUploadPanel uploadPanel;
    private final List<Runnable> subscriptions = new ArrayList<>();

    DataLoadsView(WarehouseStatus status, LoadService loads, LoadProgress progress, LoadHistory history, LoadRuns loadRuns,
            InboxUpload inboxUpload, LaYearValidation validation, IroProperties properties, ObjectProvider<EmbeddedDemo> demo, Clock clock,
            CurrentAccess current, AuditLog audit) {
        this.who = current.get();
        this.audit = audit;
        this.status = status;
        this.loads = loads;
        this.progress = progress;
        this.properties = properties;
        this.demo = demo.getIfAvailable();
        this.progressPanel = new LoadProgressPanel(clock);
        this.runs = new LoadRunsTable(loadRuns, history, clock, current, audit);
        this.uploadPanel = new InboxUploadPanel(inboxUpload, validation, loads, loadRuns, properties.inbox(), clock, audit, who);
        setId("main-content");
        summary.setId("warehouse-summary");
        add(new H1("Data loads"), summary, demoNote, progressPanel, runsSection(), loadedSection(history, current, audit), uploadPanel);
    }

    private Section runsSection() {
        H2 title = new H2("Load runs");
        title.setId("load-runs-title");
        runNow.setId("run-now");
        runNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runNow.addClickListener(click -> {
            try {
                loads.runNow(who);
                Notification.show("Load started: scanning the inbox");
            } catch (IllegalStateException e) {
                Notification.show(e.getMessage());
            }
            refresh();
        });
        runNowNote.setId("run-now-note");
        runNowNote.getStyle().set("margin", "0");
        runNow.getElement().setAttribute("aria-describedby", "run-now-note");
        HorizontalLayout actions = new HorizontalLayout(runNow, runNowNote);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        Section section = new Section(title, actions, runs);
        section.getElement().setAttribute("aria-labelledby", "load-runs-title");
        section.setWidthFull();
        return section;
    }

    private Section loadedSection(LoadHistory history, CurrentAccess current, AuditLog audit) {
        loadedTitle.setId("loaded-returns-title");
        laYears.setId("loaded-returns");
        laYears.addColumn(WarehouseStatus.LoadedLaYear::laName).setHeader("Authority").setSortable(true).setWidth("8em").setFlexGrow(2);
        laYears.addColumn(WarehouseStatus.LoadedLaYear::laCode).setHeader("Code").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        laYears.addColumn(WarehouseStatus.LoadedLaYear::year).setHeader("Year").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        laYears.addColumn(r -> LoadRunsTable.number(r.children())).setHeader("Children").setSortable(true).setAutoWidth(true)
                .setComparator(WarehouseStatus.LoadedLaYear::children).setTextAlign(ColumnTextAlign.END);
        laYears.addColumn(r -> LoadRunsTable.number(r.rowsLoaded())).setHeader("Rows loaded").setAutoWidth(true)
                .setComparator(WarehouseStatus.LoadedLaYear::rowsLoaded).setSortable(true).setTextAlign(ColumnTextAlign.END);
        laYears.addColumn(r -> LoadRunsTable.number(r.rowsRejected())).setHeader("Rows rejected").setAutoWidth(true)
                .setComparator(WarehouseStatus.LoadedLaYear::rowsRejected).setSortable(true).setTextAlign(ColumnTextAlign.END);
        laYears.addColumn(WarehouseStatus.LoadedLaYear::loadedAt).setHeader("Loaded").setAutoWidth(true).setFlexGrow(0);
        laYears.addComponentColumn(row -> rejectReport(history, current, audit, row)).setHeader("Reject report").setWidth("9em").setFlexGrow(0);
        laYears.setItems(loadedProvider);
        laYears.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        laYears.setAriaLabel("Loaded returns");
        Section section = new Section(loadedTitle, laYears);
        section.getElement().setAttribute("aria-labelledby", "loaded-returns-title");
        section.setWidthFull();
        return section;
    }

    /** While the page is open, every change of a load's progress or of the demo is pushed to it. */
    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        Runnable pushRefresh = () -> {
            try {
                ui.access(this::refresh);
            } catch (UIDetachedException e) {
                // the page has gone; its detach removes the subscriptions
            }
        };
        subscriptions.add(progress.onChange(pushRefresh));
        if (demo != null) {
            subscriptions.add(demo.onChange(pushRefresh));
        }
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
    }

    private void refresh() {
        Optional<LoadProgress.Snapshot> load = progress.current();
        Optional<EmbeddedDemo.Status> demoStatus = Optional.ofNullable(demo).map(EmbeddedDemo::status);
        progressPanel.show(load, demoStatus);
        showDemoNote(demoStatus);

        loadedLaYears.clear();
        loadedLaYears.addAll(status.loadedLaYears());
        loadedProvider.refreshAll();
        laYears.recalculateColumnWidths();
        long authorities = loadedLaYears.stream().map(WarehouseStatus.LoadedLaYear::laCode).distinct().count();
        summary.setText(status.authorities() + " local authorities, " + status.publishedFigures() + " published DfE figures and "
                + loadedLaYears.size() + " LA-years of returns (" + authorities + (authorities == 1 ? " authority" : " authorities")
                + ") in the warehouse.");
        loadedTitle.setText("Loaded returns (" + loadedLaYears.size() + " LA-years)");
        if (loadedLaYears.size() <= ALL_ROWS_UP_TO) {
            laYears.setAllRowsVisible(true);
        } else {
            laYears.setAllRowsVisible(false);
            laYears.setHeight("32em");
        }

        boolean running = load.isPresent() || loads.isRunning();
        runNow.setEnabled(!running);
        runNowNote.setText(running
                ? "A load is running" + load.map(l -> " (run " + l.jobExecutionId() + ")").orElse("")
                        + ": Run now is available again when it has finished."
                : "Scans the inbox (" + properties.inbox() + ") now and loads what is new or changed; unchanged LA-years are skipped.");
        runs.show(loads.recentRuns(RUNS_SHOWN));
        uploadPanel.loadRunning(running);
    }

    private void showDemoNote(Optional<EmbeddedDemo.Status> demoStatus) {
        EmbeddedDemo.State state = demoStatus.map(EmbeddedDemo.Status::state).orElse(EmbeddedDemo.State.OFF);
        switch (state) {
            case LOADING, READY -> demoNote.setText(demoStatus.get().message()
                    + " A real installation starts on a new warehouse with IRO_DEMO_ENABLED=false.");
            case FAILED -> demoNote.setText("The demo warehouse could not be prepared: " + demoStatus.get().message());
            default -> demoNote.setText("");
        }
        demoNote.setVisible(!demoNote.getText().isEmpty());
    }

    private static Component rejectReport(LoadHistory history, CurrentAccess current, AuditLog audit, WarehouseStatus.LoadedLaYear row) {
        if (row.rowsRejected() == 0) {
            return new Span("none rejected");
        }
        String fileName = "rejects-" + row.laCode() + "-" + row.year() + ".csv";
        Anchor download = new Anchor(CsvDownload.of(fileName, current, audit, MainLayout.LOADS, "reject report of " + row.laCode() + "/" + row.year(),
                out -> history.writeRejectReport(row.laCode(), row.year(), out)),
                "CSV, " + LoadRunsTable.number(row.rowsRejected()) + (row.rowsRejected() == 1 ? " row" : " rows"));
        download.getElement().setAttribute("download", true);
        download.getElement().setAttribute("aria-label", "Download the reject report of " + row.laName() + " " + row.year()
                + " as CSV (" + row.rowsRejected() + " rows)");
        return download;
    }
}
