package uk.iroinsight.dashboards;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.progressbar.ProgressBar;

import uk.iroinsight.demo.EmbeddedDemo;
import uk.iroinsight.etl.job.LoadProgress;

/**
 * The running load, live: authorities done of the inbox's total as a progress bar and in words
 * (the bar is labelled for screen readers, and the words say everything the bar shows); or,
 * before the embedded demo's load starts, that its returns are being generated. Hidden when
 * nothing runs.
 */
final class LoadProgressPanel extends Section {

    private final Clock clock;
    private final H2 title = new H2();
    private final ProgressBar bar = new ProgressBar();
    private final Paragraph text = new Paragraph();

    LoadProgressPanel(Clock clock) {
        this.clock = clock;
        title.setId("load-progress-title");
        text.setId("load-progress-text");
        getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
        bar.getElement().setAttribute("aria-label", "Authorities loaded");
        bar.getElement().setAttribute("aria-describedby", text.getId().orElseThrow());
        bar.setWidth("min(40em, 100%)");
        add(title, bar, text);
        setVisible(false);
    }

    void show(Optional<LoadProgress.Snapshot> load, Optional<EmbeddedDemo.Status> demo) {
        if (load.isPresent()) {
            show(load.get(), demo.filter(d -> d.folder().toString().equals(load.get().inbox())).isPresent());
        } else if (demo.isPresent() && demo.get().state() == EmbeddedDemo.State.GENERATING) {
            title.setText("Preparing the demo warehouse");
            indeterminate("Generating the synthetic returns");
            text.setText(demo.get().message() + " Its load starts next; this page fills as authorities load.");
            setVisible(true);
        } else {
            setVisible(false);
        }
    }

    private void show(LoadProgress.Snapshot load, boolean demo) {
        title.setText(demo ? "Loading the demo warehouse" : "Load in progress");
        String run = "Run " + load.jobExecutionId() + ", started " + elapsed(load) + " ago: ";
        switch (load.stage()) {
            case PREPARING -> {
                indeterminate("Checking the inbox");
                text.setText(run + "checking the inbox and the reference data.");
            }
            case LOADING -> {
                bar.setIndeterminate(false);
                bar.setMin(0);
                bar.setMax(Math.max(1, load.authoritiesTotal()));
                bar.setValue(load.authoritiesDone());
                String done = load.authoritiesDone() + " of " + load.authoritiesTotal() + " authorities";
                bar.getElement().setAttribute("aria-valuetext", done);
                text.setText(run + done + " loaded (" + Math.round(100 * load.fraction()) + "%), "
                        + String.format(Locale.UK, "%,d rows loaded, %,d rejected.", load.rowsLoaded(), load.rowsRejected()));
            }
            case REFRESHING -> {
                bar.setIndeterminate(false);
                bar.setMin(0);
                bar.setMax(1);
                bar.setValue(1);
                bar.getElement().setAttribute("aria-valuetext", "all authorities loaded; rebuilding the indicators");
                text.setText(run + "all " + load.authoritiesTotal() + " authorities loaded, "
                        + String.format(Locale.UK, "%,d rows loaded, %,d rejected; ", load.rowsLoaded(), load.rowsRejected())
                        + "rebuilding the indicators.");
            }
        }
        setVisible(true);
    }

    private void indeterminate(String valueText) {
        bar.setIndeterminate(true);
        bar.getElement().setAttribute("aria-valuetext", valueText);
    }

    private String elapsed(LoadProgress.Snapshot load) {
        long seconds = Math.max(0, Duration.between(load.startedAt(), clock.instant()).toSeconds());
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
