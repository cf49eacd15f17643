package uk.iroinsight.etl.job;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link LoadProgress} from the running job: the run's start, each authority partition's
 * end with its rows written and filtered, and the indicator refresh. (The number of authorities
 * comes from the partitioner; the end from {@link LoadService}, once the outcome is stored.)
 */
@Component
class LoadProgressListener implements JobExecutionListener, StepExecutionListener {

    private final LoadProgress progress;

    LoadProgressListener(LoadProgress progress) {
        this.progress = progress;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        progress.started(execution.getId(), execution.getJobParameters().getString("inbox"));
    }

    @Override
    public void beforeStep(StepExecution step) {
        if (step.getStepName().equals(InboxLoadJobConfiguration.PUBLISH_CHANGES_STEP)) {
            progress.stage(step.getJobExecutionId(), LoadProgress.Stage.REFRESHING);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStepName().startsWith(InboxLoadJobConfiguration.LOAD_AUTHORITY_STEP + ":")) {
            progress.authorityDone(step.getJobExecutionId(), step.getWriteCount(), step.getFilterCount());
        }
        return null;
    }
}
