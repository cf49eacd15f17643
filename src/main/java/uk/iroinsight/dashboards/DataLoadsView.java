package uk.iroinsight.dashboards;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;

import uk.iroinsight.dashboards.charts.ApexChart;
import uk.iroinsight.etl.job.LoadHistory;
import uk.iroinsight.etl.job.LoadService;

/**
 * The landing page until the dashboards arrive: what the warehouse holds, the recent load runs,
 * "run now", and each LA-year's reject report as a CSV download.
 */
@Route("")
// The production bundle holds only what routes reach; this keeps the chart component (and its
// browser tests' view) in it until a dashboard view uses it. Remove it then.
@Uses(ApexChart.class)
@PageTitle("Data loads · IRO Insight")
class DataLoadsView extends VerticalLayout {

    DataLoadsView(WarehouseStatus status, LoadService loads, LoadHistory history) {
        add(new H1("IRO Insight"));
        add(new Paragraph(status.authorities() + " local authorities, " + status.publishedFigures()
                + " published DfE figures in the warehouse."));

        add(new H2("Loaded returns"));
        Grid<WarehouseStatus.LoadedLaYear> laYears = new Grid<>();
        laYears.addColumn(WarehouseStatus.LoadedLaYear::laName).setHeader("Authority").setSortable(true);
        laYears.addColumn(WarehouseStatus.LoadedLaYear::year).setHeader("Year").setSortable(true);
        laYears.addColumn(WarehouseStatus.LoadedLaYear::children).setHeader("Children").setSortable(true);
        laYears.addColumn(WarehouseStatus.LoadedLaYear::rowsLoaded).setHeader("Rows loaded");
        laYears.addColumn(WarehouseStatus.LoadedLaYear::rowsRejected).setHeader("Rows rejected");
        laYears.addColumn(WarehouseStatus.LoadedLaYear::loadedAt).setHeader("Loaded");
        laYears.addComponentColumn(row -> row.rowsRejected() == 0 ? new Paragraph("–") : rejectReport(history, row))
                .setHeader("Reject report");
        laYears.setItems(status.loadedLaYears());
        laYears.setAllRowsVisible(true);
        add(laYears);

        add(new H2("Load runs"));
        Button runNow = new Button("Run now", click -> {
            try {
                loads.runNow();
                Notification.show("Load started: scanning the inbox");
            } catch (IllegalStateException e) {
                Notification.show(e.getMessage());
            }
        });
        add(runNow);
        Grid<org.springframework.batch.core.JobExecution> runs = new Grid<>();
        runs.addColumn(org.springframework.batch.core.JobExecution::getId).setHeader("Run");
        runs.addColumn(execution -> execution.getStartTime()).setHeader("Started");
        runs.addColumn(execution -> execution.getEndTime()).setHeader("Ended");
        runs.addColumn(execution -> execution.getStatus()).setHeader("Status");
        runs.addColumn(execution -> execution.getExitStatus().getExitCode()).setHeader("Outcome");
        runs.addColumn(execution -> execution.getJobParameters().getString("inbox")).setHeader("Inbox");
        runs.setItems(loads.recentRuns(20));
        runs.setAllRowsVisible(true);
        add(runs);
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
