package uk.iroinsight.dashboards;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import uk.iroinsight.dashboards.admin.Authorities;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.etl.inbox.InboxUpload;
import uk.iroinsight.etl.job.LoadService;
import uk.iroinsight.etl.load.LaYearValidation;
import uk.iroinsight.etl.validation.Rejection;
import uk.iroinsight.etl.validation.ValidatedReturn;
import uk.iroinsight.security.Access;
import uk.iroinsight.security.AuditLog;

/**
 * Adding a return's files to the inbox from the browser: choose the authority and collection
 * year, send the CSV files ({@link InboxUpload} places them, refusing other names and sizes
 * over the limit), then see what {@code validate} says about that LA-year folder (every rejected
 * row with file, line, field and reason; identifying values withheld) before "Load now". Uploads
 * wait while a load runs, so a load never reads a folder half replaced. The audit trail gets an
 * {@code upload} event for every file placed (its path in the inbox and size) or refused (the
 * reason), one for each folder's check (its outcome), and a {@code load} for "Load now".
 */
final class InboxUploadPanel extends Section {

    private static final Logger log = LoggerFactory.getLogger(InboxUploadPanel.class);

    /** The authority and year the files go to, as chosen when a file arrives. */
    private record Target(String laCode, int year) {
    }

    /** What happened to one file sent. */
    private record Outcome(String fileName, Optional<InboxUpload.Placed> placed, String message) {
    }

    private final InboxUpload inboxUpload;
    private final LaYearValidation validation;
    private final LoadService loads;
    private final Path inbox;
    private final AuditLog audit;
    private final Access who;
    private final ComboBox<Authorities.Authority> authority = new ComboBox<>("Local authority");
    private final ComboBox<Integer> year = new ComboBox<>("Collection year");
    private final Upload upload = new Upload();
    private final Paragraph waitNote = new Paragraph();
    private final UnorderedList outcomes = new UnorderedList();
    private final Div result = new Div();
    private final Queue<Outcome> arrived = new ConcurrentLinkedQueue<>();
    private final Set<Target> toCheck = new LinkedHashSet<>();
    private volatile Target target;
    private volatile boolean loadRunning;
    private Button loadNow;

    InboxUploadPanel(InboxUpload inboxUpload, LaYearValidation validation, LoadService loads, LoadRuns loadRuns, Path inbox, Clock clock,
            AuditLog audit, Access who) {
        this.inboxUpload = inboxUpload;
        this.audit = audit;
        this.who = who;
        this.validation = validation;
        this.loads = loads;
        this.inbox = inbox;
        setId("inbox-upload");
        H2 title = new H2("Add files to the inbox");
        title.setId("inbox-upload-title");
        getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
        add(title, new Paragraph("Files go into the inbox folder of the authority and year chosen (" + inbox
                + "), replacing files of the same name there. They are checked at once, and loaded by the next run: "
                + "Load now, Run now or the nightly scan."));

        authority.setId("upload-authority");
        year.setId("upload-year");
        authority.setItems(loadRuns.authorities());
        authority.setItemLabelGenerator(Authorities.Authority::label);
        authority.setRequiredIndicatorVisible(true);
        authority.setHelperText("Type a name or code to search");
        authority.setWidth("22em");
        int latest = InboxScanner.latestYear(clock);
        year.setItems(IntStream.rangeClosed(InboxScanner.FIRST_YEAR, latest).map(y -> latest + InboxScanner.FIRST_YEAR - y).boxed().toList());
        year.setItemLabelGenerator(y -> y + " (" + (y - 1) + "-" + String.format("%02d", y % 100) + ")");
        year.setRequiredIndicatorVisible(true);
        year.setHelperText("The year ending 31 March, e.g. 2025 for 2024-25");
        year.setWidth("16em");
        authority.addValueChangeListener(e -> targetChanged());
        year.addValueChangeListener(e -> targetChanged());
        HorizontalLayout choice = new HorizontalLayout(authority, year);
        choice.setAlignItems(FlexComponent.Alignment.BASELINE);
        choice.getStyle().set("flex-wrap", "wrap");
        add(choice);

        add(files(inboxUpload.maxBytes()));
        outcomes.setId("upload-outcomes");
        outcomes.getElement().setAttribute("aria-live", "polite");
        result.setId("upload-check");
        add(waitNote, outcomes, result);
        targetChanged();
    }

    /** The labelled group of the upload: its label, the component and the help text it is described by. */
    private Div files(long maxBytes) {
        Span label = new Span("Files");
        label.setId("upload-label");
        label.getStyle().set("font-weight", "500").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        Paragraph help = new Paragraph("CSV files named " + String.join(", ", InboxUpload.ACCEPTED_FILES.subList(0, 3))
                + " (every return needs these three) and " + String.join(", ", InboxUpload.ACCEPTED_FILES.subList(3, 6))
                + " (optional), up to " + InboxUpload.size(maxBytes) + " each. Other names are refused.");
        help.setId("upload-help");
        help.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)").set("margin", "0");

        Button choose = new Button("Choose CSV files…");
        choose.getElement().setAttribute("aria-describedby", "upload-label upload-help");
        upload.setUploadButton(choose);
        upload.setDropLabel(new Span("or drop them here"));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        UploadI18N i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error().setFileIsTooBig("Larger than " + InboxUpload.size(maxBytes) + ": refused")
                .setIncorrectFileType("Not a .csv file: refused").setTooManyFiles("Too many files"));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting("Connecting…").setStalled("Stalled").setProcessing("Saving…")
                        .setHeld("Waiting"))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix("remaining time: ").setUnknown("unknown remaining time"))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable("Refused: see the reason below")
                        .setUnexpectedServerError("Refused: see the reason below").setForbidden("Refused: see the reason below")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("Choose a CSV file…").setMany("Choose CSV files…"));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne("or drop it here").setMany("or drop them here"));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        upload.setI18n(i18n);
        upload.setUploadHandler(new ToInbox());
        upload.addFileRejectedListener(e -> {
            Target to = target;
            audited(to == null ? e.getFileName() : to.laCode() + "/" + to.year() + "/" + e.getFileName(), "refused: " + e.getErrorMessage());
            showOutcome(new Outcome(e.getFileName(), Optional.empty(), e.getErrorMessage()));
        });
        upload.addAllFinishedListener(e -> allFinished());

        Div group = new Div(label, upload, help);
        group.getElement().setAttribute("role", "group");
        group.getElement().setAttribute("aria-labelledby", "upload-label");
        group.getElement().setAttribute("aria-describedby", "upload-help");
        group.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("max-width", "40em").set("margin-top", "var(--lumo-space-m)");
        return group;
    }

    /** Called by the view when a load starts or ends. */
    void loadRunning(boolean running) {
        loadRunning = running;
        targetChanged();
        if (loadNow != null) {
            loadNow.setEnabled(!running);
        }
    }

    private void targetChanged() {
        target = authority.getValue() == null || year.getValue() == null ? null : new Target(authority.getValue().laCode(), year.getValue());
        boolean ready = target != null && !loadRunning;
        upload.setEnabled(ready);
        waitNote.setText(loadRunning ? "A load is running: files can be added when it has finished."
                : target == null ? "Choose the authority and the collection year first." : "");
        waitNote.setVisible(!waitNote.getText().isEmpty());
    }

    /** Receives each file on the request's thread (without the session lock) and places it. */
    private final class ToInbox implements UploadHandler {

        private final ThreadLocal<Boolean> refused = ThreadLocal.withInitial(() -> false);

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            String name = event.getFileName();
            Target to = target;
            Outcome outcome;
            try (InputStream content = event.getInputStream()) {
                if (to == null) {
                    outcome = new Outcome(name, Optional.empty(), "choose the authority and the collection year first");
                } else if (loadRunning || loads.isRunning()) {
                    outcome = new Outcome(name, Optional.empty(), "a load is running; add the file when it has finished");
                } else {
                    InboxUpload.Placed placed = inboxUpload.place(to.laCode(), to.year(), name, content);
                    outcome = new Outcome(placed.fileName(), Optional.of(placed), null);
                }
            } catch (InboxUpload.RefusedException e) {
                outcome = new Outcome(name, Optional.empty(), e.getMessage());
            } catch (IOException e) {
                log.warn("Could not write {} into the inbox {}", name, inbox, e);
                outcome = new Outcome(name, Optional.empty(), "could not be written into the inbox: " + e.getMessage());
            }
            refused.set(outcome.placed().isEmpty());
            if (outcome.placed().isPresent()) {
                InboxUpload.Placed p = outcome.placed().get();
                audited(p.folder() + "/" + p.fileName(), p.bytes() + " bytes" + (p.replaced() ? ", replacing the file there" : ""));
            } else {
                audited(to == null ? name : to.laCode() + "/" + to.year() + "/" + name, "refused: " + outcome.message());
            }
            arrived.add(outcome);
            try {
                event.getUI().access(InboxUploadPanel.this::drain);
            } catch (UIDetachedException e) {
                // the page has gone; the file is in place (or was refused) all the same
            }
        }

        /** A refused file answers 422, so the browser marks it failed; the reason shows on the page. */
        @Override
        public void responseHandled(boolean success, VaadinResponse response) {
            boolean wasRefused = refused.get();
            refused.remove();
            if (success && wasRefused) {
                response.setStatus(422);
            } else {
                UploadHandler.super.responseHandled(success, response);
            }
        }

        @Override
        public long getFileSizeMax() {
            return -1; // InboxUpload counts the bytes and refuses past its limit, with a reason
        }
    }

    private void drain() {
        for (Outcome outcome; (outcome = arrived.poll()) != null;) {
            showOutcome(outcome);
            outcome.placed().ifPresent(p -> toCheck.add(new Target(p.laCode(), p.year())));
        }
    }

    private void showOutcome(Outcome outcome) {
        String text;
        if (outcome.placed().isPresent()) {
            InboxUpload.Placed p = outcome.placed().get();
            text = p.fileName() + ": saved in " + p.folder() + " (" + InboxUpload.size(p.bytes()) + (p.replaced() ? ", replacing the file there" : "")
                    + ")";
        } else {
            String message = outcome.message();
            // InboxUpload's reasons name the file already; the others are said of it here.
            boolean namesTheFile = message.startsWith(outcome.fileName() + ":") || message.startsWith("'") || message.equals("the file has no name");
            text = "Refused: " + (namesTheFile ? message : outcome.fileName() + ": " + message);
        }
        outcomes.add(new ListItem(text));
    }

    /** Every file of the batch has arrived: check each LA-year folder files went to, off the request thread. */
    private void allFinished() {
        drain();
        List<Target> folders = new ArrayList<>(toCheck);
        toCheck.clear();
        if (folders.isEmpty()) {
            return;
        }
        UI ui = UI.getCurrent();
        result.removeAll();
        Paragraph checking = new Paragraph("Checking " + folders.stream().map(t -> t.laCode() + "/" + t.year()).reduce((a, b) -> a + ", " + b)
                .orElse("") + "…");
        checking.setId("upload-checking");
        result.add(checking);
        CompletableFuture.supplyAsync(() -> folders.stream().map(t -> validation.validate(inbox, t.laCode(), t.year())).toList())
                .whenComplete((checked, failure) -> {
                    try {
                        ui.access(() -> showChecks(checked, failure));
                    } catch (UIDetachedException e) {
                        // the page has gone
                    }
                });
    }

    private void showChecks(List<LaYearValidation.Result> checked, Throwable failure) {
        result.removeAll();
        if (failure != null) {
            log.warn("Checking the uploaded files failed", failure);
            result.add(new Paragraph("The files could not be checked: " + failure.getMessage()));
            return;
        }
        boolean anyLoadable = false;
        for (LaYearValidation.Result check : checked) {
            audited(check.folder(), "check: " + checkOutcome(check));
            result.add(check(check));
            anyLoadable |= check.loadable();
        }
        if (anyLoadable) {
            loadNow = new Button("Load now", click -> {
                try {
                    loads.runNow(who);
                    click.getSource().setEnabled(false);
                } catch (IllegalStateException e) {
                    result.add(new Paragraph("The load could not start: " + e.getMessage()));
                }
            });
            loadNow.setId("load-now");
            loadNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            loadNow.setEnabled(!loadRunning);
            result.add(new Paragraph(loadNow, new Span(" loads the whole inbox, as Run now does; LA-years whose files are unchanged are skipped.")));
        }
    }

    private Div check(LaYearValidation.Result check) {
        Div box = new Div();
        box.add(new H3("Check of " + check.folder()));
        if (check.unreadable().isPresent()) {
            Paragraph cannot = new Paragraph("Not loadable yet: " + check.unreadable().get()
                    + ". A load would leave this LA-year as it is (its previous data, if any, stays).");
            cannot.addClassName("iro-check-summary");
            box.add(cannot);
            return box;
        }
        ValidatedReturn validated = check.validated().orElseThrow();
        int read = validated.files().values().stream().mapToInt(ValidatedReturn.FileCount::read).sum();
        Paragraph summary = new Paragraph(validated.rowsRejected() == 0
                ? "Ready to load: " + LoadRunsTable.number(read) + " rows in " + validated.files().size() + " files, none rejected."
                : "Ready to load, with rejected rows: " + LoadRunsTable.number(read) + " rows in " + validated.files().size() + " files, "
                        + LoadRunsTable.number(validated.rowsRejected()) + " rejected (listed below; they are left out and the rest loads).");
        summary.addClassName("iro-check-summary");
        box.add(summary);
        if (!check.ignored().isEmpty()) {
            box.add(new Paragraph("Ignored (not used by IRO Insight): " + String.join(", ", check.ignored())));
        }

        Grid<FileCountRow> counts = new Grid<>();
        counts.setAriaLabel("Rows per file of " + check.folder());
        counts.addThemeVariants(GridVariant.LUMO_COMPACT);
        counts.addColumn(FileCountRow::file).setHeader("File");
        counts.addColumn(r -> LoadRunsTable.number(r.count().read())).setHeader("Rows").setTextAlign(ColumnTextAlign.END);
        counts.addColumn(r -> LoadRunsTable.number(r.count().loaded())).setHeader("Valid").setTextAlign(ColumnTextAlign.END);
        counts.addColumn(r -> LoadRunsTable.number(r.count().rejected())).setHeader("Rejected").setTextAlign(ColumnTextAlign.END);
        counts.setItems(validated.files().entrySet().stream().map(e -> new FileCountRow(e.getKey(), e.getValue())).toList());
        counts.setAllRowsVisible(true);
        counts.setMaxWidth("40em");
        box.add(counts);

        if (!validated.rejections().isEmpty()) {
            Grid<Rejection> rejections = new Grid<>();
            rejections.setId("upload-rejections");
            rejections.setAriaLabel("Rejected rows of " + check.folder());
            rejections.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            rejections.addColumn(Rejection::file).setHeader("File").setSortable(true).setAutoWidth(true).setFlexGrow(0);
            rejections.addColumn(Rejection::line).setHeader("Row").setSortable(true).setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                    .setFlexGrow(0);
            rejections.addColumn(r -> r.field() == null ? "" : r.field()).setHeader("Field").setSortable(true).setWidth("10em").setFlexGrow(0);
            rejections.addColumn(r -> r.value() == null ? "" : r.shareableValue() == null ? "(withheld)" : r.value()).setHeader("Value")
                    .setWidth("9em").setFlexGrow(0);
            rejections.addColumn(Rejection::reason).setHeader("Reason").setFlexGrow(1);
            rejections.setItems(validated.rejections());
            if (validated.rejections().size() <= 15) {
                rejections.setAllRowsVisible(true);
            } else {
                rejections.setHeight("28em");
            }
            box.add(new Paragraph("Row is the line of the file (line 1 is its header)."), rejections);
        }
        return box;
    }

    /** What validate said of a folder, in one line for the audit trail. */
    static String checkOutcome(LaYearValidation.Result check) {
        if (check.unreadable().isPresent()) {
            return "not loadable: " + check.unreadable().get();
        }
        ValidatedReturn validated = check.validated().orElseThrow();
        int read = validated.files().values().stream().mapToInt(ValidatedReturn.FileCount::read).sum();
        return "ready to load, " + read + " rows in " + validated.files().size() + " files, " + validated.rowsRejected() + " rejected";
    }

    /** An upload event by the signed-in admin; a trail that cannot be written is logged, the file has arrived (or not) all the same. */
    private void audited(String target, String detail) {
        try {
            audit.record(who, AuditLog.Event.UPLOAD, target, detail);
        } catch (RuntimeException e) {
            log.warn("The upload of {} could not be written to the audit trail", target, e);
        }
    }

    private record FileCountRow(String file, ValidatedReturn.FileCount count) {
    }
}
