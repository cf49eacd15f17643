package uk.iroinsight.etl.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Marks a run that completed but left LA-years or folders unloaded as COMPLETED_WITH_FAILURES. */
@Component
class LoadJobListener implements JobExecutionListener {

    private final LoadHistory history;

    LoadJobListener(LoadHistory history) {
        this.history = history;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        long failures = history.failures(execution.getId());
        if (failures > 0) {
            execution.setExitStatus(new ExitStatus(InboxLoadJobConfiguration.COMPLETED_WITH_FAILURES,
                    failures + " LA-year(s) or folder(s) could not be loaded"));
        }
    }
}
