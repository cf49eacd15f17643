package uk.iroinsight.etl.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How far the running load has got, as the job reports it ({@link LoadProgressListener}): which
 * stage, and how many of the inbox's authorities have finished. Shown live on the Data loads
 * view and logged every {@value #LOG_EVERY} authorities. One load runs at a time per process.
 */
@Component
public class LoadProgress {

    private static final Logger log = LoggerFactory.getLogger(LoadProgress.class);
    static final int LOG_EVERY = 10;

    /** The stages of a run, in order. */
    public enum Stage {
        /** Reference data refresh, staging clean-up, inbox scan. */
        PREPARING,
        /** One partition per authority folder. */
        LOADING,
        /** The indicator marts rebuild over what was loaded. */
        REFRESHING
    }

    /**
     * The running load at one moment.
     *
     * @param authoritiesDone  authorities whose load has ended (loaded, unchanged or failed)
     * @param authoritiesTotal authority folders in the inbox (0 until the job has listed them)
     * @param rowsLoaded       rows loaded so far by the finished authorities
     * @param rowsRejected     rows rejected so far by the finished authorities
     */
    public record Snapshot(long jobExecutionId, String inbox, Stage stage, int authoritiesDone, int authoritiesTotal,
            long rowsLoaded, long rowsRejected, Instant startedAt) {

        /** Finished share of the authorities, 0-1 (0 while their number is not known). */
        public double fraction() {
            return authoritiesTotal == 0 ? 0 : (double) authoritiesDone / authoritiesTotal;
        }
    }

    private final Clock clock;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    LoadProgress(Clock clock) {
        this.clock = clock;
    }

    /** The running load, if any. */
    public Optional<Snapshot> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Calls {@code listener} (on the load's threads) whenever the progress changes, including
     * when a load starts and ends; returns the action that removes it.
     */
    public Runnable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void started(long jobExecutionId, String inbox) {
        current.set(new Snapshot(jobExecutionId, inbox, Stage.PREPARING, 0, 0, 0, 0, clock.instant()));
        changed();
    }

    void planned(long jobExecutionId, int authorities) {
        update(jobExecutionId, s -> new Snapshot(s.jobExecutionId(), s.inbox(), Stage.LOADING, 0, authorities, 0, 0, s.startedAt()));
        log.info("Load {}: {} authorities to load from {}", jobExecutionId, authorities, current().map(Snapshot::inbox).orElse("?"));
    }

    void authorityDone(long jobExecutionId, long rowsLoaded, long rowsRejected) {
        Snapshot now = update(jobExecutionId, s -> new Snapshot(s.jobExecutionId(), s.inbox(), s.stage(), s.authoritiesDone() + 1,
                s.authoritiesTotal(), s.rowsLoaded() + rowsLoaded, s.rowsRejected() + rowsRejected, s.startedAt()));
        if (now != null && (now.authoritiesDone() % LOG_EVERY == 0 || now.authoritiesDone() == now.authoritiesTotal())) {
            log.info("Load {}: {} of {} authorities done, {} rows loaded, {} rejected ({} s)", jobExecutionId, now.authoritiesDone(),
                    now.authoritiesTotal(), now.rowsLoaded(), now.rowsRejected(), Duration.between(now.startedAt(), clock.instant()).toSeconds());
        }
    }

    void stage(long jobExecutionId, Stage stage) {
        update(jobExecutionId, s -> new Snapshot(s.jobExecutionId(), s.inbox(), stage, s.authoritiesDone(), s.authoritiesTotal(),
                s.rowsLoaded(), s.rowsRejected(), s.startedAt()));
    }

    /** The run has ended and its outcome is in the job repository. */
    void ended() {
        if (current.getAndSet(null) != null) {
            changed();
        }
    }

    private Snapshot update(long jobExecutionId, UnaryOperator<Snapshot> change) {
        Snapshot now = current.updateAndGet(s -> s == null || s.jobExecutionId() != jobExecutionId ? s : change.apply(s));
        changed();
        return now == null || now.jobExecutionId() != jobExecutionId ? null : now;
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.debug("A load progress listener failed", e);
            }
        }
    }
}
