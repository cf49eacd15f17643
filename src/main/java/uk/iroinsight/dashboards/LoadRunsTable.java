package uk.iroinsight.dashboards;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.renderer.ComponentRenderer;

import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.etl.job.LoadHistory;
import uk.iroinsight.etl.job.LoadService;
import uk.iroinsight.security.AuditLog;
import uk.iroinsight.security.CurrentAccess;

/**
 * The load runs, newest first: when each ran and how long, its status and outcome in words, the
 * LA-years it loaded, found unchanged or could not read, and its rows. "Show files" opens a row's
 * details: the inbox it scanned, every file of the run with rows read, loaded and rejected, its
 * status and message, and the run's reject report as CSV. Open details stay open as the page refreshes.
 */
final class LoadRunsTable extends Composite<Grid<LoadRunsTable.Run>> {

    /** Above this many files a run's file table scrolls; up to it, it shows them all. */
    private static final int ALL_FILES_UP_TO = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /** One run: the batch repository's record of it with the warehouse's totals. */
    record Run(long id, LocalDateTime started, LocalDateTime ended, BatchStatus status, String exitCode, String exitDescription,
            String inbox, String startedBy, LoadRuns.RunTotals totals) {

        static Run of(JobExecution execution, LoadRuns.RunTotals totals) {
            return new Run(execution.getId(), execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime(),
                    execution.getEndTime(), execution.getStatus(), execution.getExitStatus().getExitCode(),
                    execution.getExitStatus().getExitDescription(), execution.getJobParameters().getString("inbox"),
                    execution.getJobParameters().getString(LoadService.STARTED_BY), totals);
        }
    }

    private final LoadRuns loadRuns;
    private final LoadHistory history;
    private final Clock clock;
    private final CurrentAccess current;
    private final AuditLog audit;
    private final Set<Long> open = new HashSet<>();
    private List<Run> shown = List.of();

    LoadRunsTable(LoadRuns loadRuns, LoadHistory history, Clock clock, CurrentAccess current, AuditLog audit) {
        this.current = current;
        this.audit = audit;
        this.loadRuns = loadRuns;
        this.history = history;
        this.clock = clock;
        Grid<Run> grid = getContent();
        grid.setId("load-runs");
        grid.setAriaLabel("Load runs");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Run::id).setHeader("Run").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::toggle).setHeader("Files").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> time(run.started())).setHeader("Started").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LoadRunsTable::ended).setHeader("Ended").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::duration).setHeader("Duration").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LoadRunsTable::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LoadRunsTable::outcome).setHeader("Outcome").setFlexGrow(2).setWidth("7em");
        grid.addColumn(LoadRunsTable::laYears).setHeader("LA-years").setFlexGrow(1).setWidth("7em");
        grid.addColumn(run -> number(run.totals().rowsLoaded()) + " loaded, " + number(run.totals().rowsRejected()) + " rejected")
                .setHeader("Rows").setFlexGrow(1).setWidth("7em");
        grid.setDetailsVisibleOnClick(false);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setAllRowsVisible(true);
    }

    /** Shows these runs (newest first) with the warehouse's totals; open details stay open. */
    void show(List<JobExecution> executions) {
        long oldest = executions.stream().mapToLong(JobExecution::getId).min().orElse(0);
        Map<Long, LoadRuns.RunTotals> totals = loadRuns.totalsSince(oldest);
        shown = executions.stream()
                .map(e -> Run.of(e, totals.getOrDefault(e.getId(), LoadRuns.RunTotals.none(e.getId()))))
                .toList();
        Grid<Run> grid = getContent();
        grid.setItems(shown);
        grid.recalculateColumnWidths();
        open.retainAll(shown.stream().map(Run::id).toList());
        shown.stream().filter(run -> open.contains(run.id())).forEach(run -> grid.setDetailsVisible(run, true));
    }

    private Button toggle(Run run) {
        boolean isOpen = open.contains(run.id());
        Button button = new Button(isOpen ? "Hide files" : "Show files", click -> {
            if (!open.remove(run.id())) {
                open.add(run.id());
            }
            getContent().setDetailsVisible(run, open.contains(run.id()));
            getContent().getDataProvider().refreshItem(run);
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setAriaLabel((isOpen ? "Hide" : "Show") + " the files of run " + run.id());
        button.getElement().setAttribute("aria-expanded", String.valueOf(isOpen));
        return button;
    }

    private Div details(Run run) {
        Div details = new Div();
        details.addClassName("iro-run-details");
        details.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("box-sizing", "border-box");
        details.add(new Paragraph("Inbox: " + (run.inbox() == null ? "not recorded" : run.inbox())));
        details.add(new Paragraph("Started by: " + (run.startedBy() == null ? "not recorded" : run.startedBy())));
        if (run.exitDescription() != null && !run.exitDescription().isBlank()) {
            details.add(new Paragraph("Outcome: " + firstLine(run.exitDescription(), 500)));
        }
        long rejects = run.totals().rejectsNow();
        if (rejects > 0) {
            Anchor report = new Anchor(CsvDownload.of("rejects-run-" + run.id() + ".csv", current, audit, MainLayout.LOADS,
                    "reject report of run " + run.id(), out -> history.writeRunRejectReport(run.id(), out)),
                    "Download the reject report of run " + run.id() + " (CSV, " + number(rejects) + (rejects == 1 ? " problem)" : " problems)"));
            report.getElement().setAttribute("download", true);
            details.add(new Paragraph(report));
        } else {
            details.add(new Paragraph(run.totals().rowsRejected() > 0
                    ? "The LA-years this run loaded with rejected rows have been loaded again since; their reject reports are under the later runs."
                    : "No rejected rows in the LA-years this run loaded."));
        }
        List<LoadRuns.FileRow> files = loadRuns.files(run.id());
        if (files.isEmpty()) {
            details.add(new Paragraph(run.ended() == null ? "No authority has finished yet." : "The run recorded no files."));
            return details;
        }
        Grid<LoadRuns.FileRow> grid = new Grid<>();
        grid.setAriaLabel("Files of run " + run.id());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(LoadRuns.FileRow::folder).setHeader("Folder").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LoadRuns.FileRow::laName).setHeader("Authority").setSortable(true).setFlexGrow(1);
        grid.addColumn(f -> f.fileName().isEmpty() ? "(the folder)" : f.fileName()).setHeader("File").setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> capitalised(f.status())).setHeader("Status").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> number(f.rowsRead())).setHeader("Rows read").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> number(f.rowsLoaded())).setHeader("Loaded").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> number(f.rowsRejected())).setHeader("Rejected").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setFlexGrow(0).setComparator(LoadRuns.FileRow::rowsRejected);
        grid.addColumn(LoadRuns.FileRow::message).setHeader("Message").setFlexGrow(2);
        grid.setItems(files);
        if (files.size() <= ALL_FILES_UP_TO) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("24em");
        }
        details.add(grid);
        return details;
    }

    private String duration(Run run) {
        if (run.started() == null) {
            return "";
        }
        LocalDateTime end = run.ended() != null ? run.ended() : LocalDateTime.now(clock);
        long seconds = Math.max(0, Duration.between(run.started(), end).toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    static String status(Run run) {
        return switch (run.status()) {
            case COMPLETED -> "COMPLETED_WITH_FAILURES".equals(run.exitCode()) ? "Completed with failures" : "Completed";
            case STARTING, STARTED -> "Running";
            case STOPPING -> "Stopping";
            case STOPPED -> "Stopped";
            case FAILED -> "Failed";
            case ABANDONED -> "Abandoned";
            case UNKNOWN -> "Unknown";
        };
    }

    static String outcome(Run run) {
        String description = run.exitDescription() == null ? "" : firstLine(run.exitDescription(), 160);
        return switch (run.status()) {
            case COMPLETED -> description.isEmpty() ? "No failures" : description;
            case STARTING, STARTED, STOPPING -> "In progress";
            case STOPPED -> "Stopped before the end; the next run loads the rest";
            default -> description.isEmpty() ? "The run ended without finishing" : description;
        };
    }

    static String laYears(Run run) {
        LoadRuns.RunTotals t = run.totals();
        StringBuilder text = new StringBuilder();
        append(text, t.laYearsLoaded(), "loaded");
        append(text, t.laYearsUnchanged(), "unchanged");
        append(text, t.laYearsFailed(), "could not be read");
        if (t.foldersRefused() > 0) {
            append(text, t.foldersRefused(), t.foldersRefused() == 1 ? "folder refused" : "folders refused");
        }
        return text.isEmpty() ? "none" : text.toString();
    }

    private static void append(StringBuilder text, int count, String what) {
        if (count > 0) {
            text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(what);
        }
    }

    private static String firstLine(String text, int max) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private static String capitalised(String status) {
        return status.isEmpty() ? status : Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }

    /** The end, as a time of day when the run ended the day it started. */
    private static String ended(Run run) {
        if (run.ended() == null) {
            return "still running";
        }
        return run.started() != null && run.started().toLocalDate().equals(run.ended().toLocalDate())
                ? TIME_OF_DAY.format(run.ended()) : time(run.ended());
    }

    private static String time(LocalDateTime time) {
        return time == null ? "" : TIME.format(time);
    }

    static String number(long value) {
        return String.format(Locale.UK, "%,d", value);
    }
}
