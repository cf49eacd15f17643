package uk.iroinsight.dashboards;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;

import uk.iroinsight.dashboards.charts.ApexChart;
import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.demo.EmbeddedDemo;
import uk.iroinsight.etl.job.LoadHistory;
import uk.iroinsight.etl.job.LoadProgress;
import uk.iroinsight.etl.job.LoadService;

/**
 * The Data loads page: what the warehouse holds, the running load's
 * progress (pushed to the page as the job reports it), the recent load runs, "run now", and each
 * LA-year's reject report as a CSV download.
 */
@Route(value = MainLayout.LOADS, layout = MainLayout.class)
// The production bundle holds only what routes reach; this keeps the chart component (and its
// browser tests' view) in it until a dashboard view uses it. Remove it then.
@Uses(ApexChart.class)
@PageTitle("Data loads · IRO Insight")
class DataLoadsView extends VerticalLayout {

    /** Up to this many loaded LA-years the grid shows all its rows; beyond, it scrolls. */
    private static final int ALL_ROWS_UP_TO = 20;

    private final WarehouseStatus status;
    private final LoadService loads;
    private final LoadProgress progress;
    private final EmbeddedDemo demo;
    private final Paragraph summary = new Paragraph();
    private final Paragraph demoNote = new Paragraph();
    private final LoadProgressPanel progressPanel;
    private final H2 loadedTitle = new H2("Loaded returns");
    private final List<WarehouseStatus.LoadedLaYear> loadedLaYears = new ArrayList<>();
    private final ListDataProvider<WarehouseStatus.LoadedLaYear> loadedProvider = new ListDataProvider<>(loadedLaYears);
    private final Grid<WarehouseStatus.LoadedLaYear> laYears = new Grid<>();
    private final Button runNow;
    private final Grid<JobExecution> runs = new Grid<>();
    private final List<Runnable> subscriptions = new ArrayList<>();

    DataLoadsView(WarehouseStatus status, LoadService loads, LoadProgress progress, LoadHistory history,
            ObjectProvider<EmbeddedDemo> demo, Clock clock) {
        this.status = status;
        this.loads = loads;
        this.progress = progress;
        this.demo = demo.getIfAvailable();
        this.progressPanel = new LoadProgressPanel(clock);
        add(new H1("IRO Insight"), summary, demoNote, progressPanel);

        add(loadedTitle);
        laYears.addColumn(WarehouseStatus.LoadedLaYear::laName).setHeader("Authority").setSortable(true);
        laYears.addColumn(WarehouseStatus.LoadedLaYear::year).setHeader("Year").setSortable(true);
        laYears.addColumn(WarehouseStatus.LoadedLaYear::children).setHeader("Children").setSortable(true);
        laYears.addColumn(WarehouseStatus.LoadedLaYear::rowsLoaded).setHeader("Rows loaded");
        laYears.addColumn(WarehouseStatus.LoadedLaYear::rowsRejected).setHeader("Rows rejected");
        laYears.addColumn(WarehouseStatus.LoadedLaYear::loadedAt).setHeader("Loaded");
        laYears.addComponentColumn(row -> row.rowsRejected() == 0 ? new Paragraph("–") : rejectReport(history, row))
                .setHeader("Reject report");
        laYears.setItems(loadedProvider);
        laYears.setAriaLabel("Loaded returns");
        add(laYears);

        add(new H2("Load runs"));
        runNow = new Button("Run now", click -> {
            try {
                loads.runNow();
                Notification.show("Load started: scanning the inbox");
            } catch (IllegalStateException e) {
                Notification.show(e.getMessage());
            }
        });
        add(runNow);
        runs.addColumn(JobExecution::getId).setHeader("Run");
        runs.addColumn(execution -> execution.getStartTime()).setHeader("Started");
        runs.addColumn(execution -> execution.getEndTime()).setHeader("Ended");
        runs.addColumn(execution -> execution.getStatus()).setHeader("Status");
        runs.addColumn(execution -> execution.getExitStatus().getExitCode()).setHeader("Outcome");
        runs.addColumn(execution -> execution.getJobParameters().getString("inbox")).setHeader("Inbox");
        runs.setAllRowsVisible(true);
        runs.setAriaLabel("Load runs");
        add(runs);
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
        long authorities = loadedLaYears.stream().map(WarehouseStatus.LoadedLaYear::laCode).distinct().count();
        summary.setText(status.authorities() + " local authorities, " + status.publishedFigures() + " published DfE figures and "
                + loadedLaYears.size() + " LA-years of returns (" + authorities + " authorities) in the warehouse.");
        loadedTitle.setText("Loaded returns (" + loadedLaYears.size() + " LA-years)");
        if (loadedLaYears.size() <= ALL_ROWS_UP_TO) {
            laYears.setAllRowsVisible(true);
        } else {
            laYears.setAllRowsVisible(false);
            laYears.setHeight("32em");
        }

        runNow.setEnabled(load.isEmpty() && !loads.isRunning());
        runs.setItems(loads.recentRuns(20));
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

    private static Anchor rejectReport(LoadHistory history, WarehouseStatus.LoadedLaYear row) {
        String fileName = "rejects-" + row.laCode() + "-" + row.year() + ".csv";
        StreamResource resource = new StreamResource(fileName, () -> {
            StringWriter csv = new StringWriter();
            try {
                history.writeRejectReport(row.laCode(), row.year(), csv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
        });
        Anchor download = new Anchor(resource, "Download (" + row.rowsRejected() + " rows)");
        download.getElement().setAttribute("download", true);
        return download;
    }
}
