package uk.iroinsight.etl.job;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Scans the inbox on the cron schedule {@code iro.schedule} while the dashboard is serving. */
@Component
@ConditionalOnProperty(name = "iro.scheduling-enabled", havingValue = "true", matchIfMissing = true)
class ScheduledLoad {

    private final LoadService loads;

    ScheduledLoad(LoadService loads) {
        this.loads = loads;
    }

    @Scheduled(cron = "${iro.schedule}")
    void scan() {
        loads.scheduledScan();
    }
}
