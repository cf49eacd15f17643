package uk.iroinsight.etl.job;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import uk.iroinsight.etl.inbox.InboxScan;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.etl.load.AuthorityLoader;
import uk.iroinsight.etl.load.LaYearResult;
import uk.iroinsight.etl.published.PublishedInbox;
import uk.iroinsight.warehouse.ReferenceData;
import uk.iroinsight.warehouse.Warehouse;
import uk.iroinsight.warehouse.WarehouseChanged;

/**
 * The inbox load job: one run per inbox scan.
 * <ol>
 * <li>{@code prepare}: refresh reference data if it changed, discard staging rows a dead
 * process left behind, record folders that cannot be loaded;</li>
 * <li>{@code loadAuthorities}: one partition per authority folder, two at a time, each staging its
 * authority's changed years with {@link AuthorityLoader#stage} (reading, validation and
 * staging run in parallel); when five million rows or more are staged, the partition that staged
 * last swaps them all in ({@link AuthorityLoader#swapStaged}, one transaction) while the other
 * goes on staging;</li>
 * <li>{@code swap}: swaps in whatever is still staged;</li>
 * <li>{@code loadPublished}: loads the published DfE files of {@code INBOX/published/}
 * ({@link PublishedInbox}: each file whole in a transaction of its own, or refused);</li>
 * <li>{@code publishChanges}: announces {@link WarehouseChanged}, on which the indicator marts
 * refresh themselves.</li>
 * </ol>
 * Each LA-year swap is idempotent and fingerprinted in the warehouse, so re-running after a
 * crash, or re-loading the same inbox, ends with the same warehouse.
 */
@Configuration(proxyBeanMethods = false)
class InboxLoadJobConfiguration {

    static final String JOB_NAME = "inboxLoad";
    static final String COMPLETED_WITH_FAILURES = "COMPLETED_WITH_FAILURES";
    static final String LOAD_AUTHORITY_STEP = "loadAuthority";
    static final String SWAP_STEP = "swap";
    static final String LOAD_PUBLISHED_STEP = "loadPublished";
    static final String PUBLISH_CHANGES_STEP = "publishChanges";

    @Bean
    Job inboxLoadJob(JobRepository jobRepository, Step prepareStep, Step loadAuthoritiesStep, Step swapStep, Step loadPublishedStep,
            Step publishChangesStep, LoadJobListener listener, LoadProgressListener progress) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(listener)
                .listener(progress)
                .start(prepareStep)
                .next(loadAuthoritiesStep)
                .next(swapStep)
                .next(loadPublishedStep)
                .next(publishChangesStep)
                .build();
    }

    /**
     * Tells the rest of the application that the warehouse may have changed ({@link WarehouseChanged});
     * what is computed from the facts (the indicator marts) refreshes itself in this step, so a
     * failure there fails the run where an administrator sees it.
     */
    @Bean
    Step publishChangesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events, LoadProgressListener progress) {
        return new StepBuilder(PUBLISH_CHANGES_STEP, jobRepository)
                .listener(progress)
                .tasklet((contribution, chunk) -> {
                    events.publishEvent(new WarehouseChanged("load job " + chunk.getStepContext().getStepExecution().getJobExecutionId()));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /** Swaps in the LA-years the partitions staged and did not swap themselves. */
    @Bean
    Step swapStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, AuthorityLoader loader) {
        return new StepBuilder(SWAP_STEP, jobRepository)
                .tasklet((contribution, chunk) -> {
                    loader.swapStaged(chunk.getStepContext().getStepExecution().getJobExecutionId(), 0);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /** Loads the published DfE files of the inbox; a refused file fails itself, not the run. */
    @Bean
    Step loadPublishedStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet loadPublishedTasklet) {
        return new StepBuilder(LOAD_PUBLISHED_STEP, jobRepository).tasklet(loadPublishedTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet loadPublishedTasklet(@Value("#{jobParameters['inbox']}") String inbox, InboxScanner scanner, PublishedInbox published) {
        return (contribution, chunk) -> {
            var stepExecution = chunk.getStepContext().getStepExecution();
            List<PublishedInbox.Result> results = published.load(scanner.scan(Path.of(inbox)).publishedFiles(), stepExecution.getJobExecutionId());
            stepExecution.setReadCount(results.stream().mapToInt(PublishedInbox.Result::rowsRead).sum());
            contribution.incrementWriteCount(results.stream().filter(r -> r.status().equals("loaded")).mapToInt(PublishedInbox.Result::figures).sum());
            long failed = results.stream().filter(r -> r.status().equals("failed")).count();
            if (failed > 0) {
                contribution.setExitStatus(new ExitStatus(COMPLETED_WITH_FAILURES, failed + " published file(s) refused"));
            }
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step prepareStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet prepareTasklet) {
        return new StepBuilder("prepare", jobRepository).tasklet(prepareTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet prepareTasklet(@Value("#{jobParameters['inbox']}") String inbox, Warehouse warehouse, AuthorityLoader loader,
            InboxScanner scanner, LoadHistory history) {
        return (contribution, chunk) -> {
            warehouse.write(connection -> {
                ReferenceData.load(connection);
                return null;
            });
            loader.clearAllStaging();
            InboxScan scan = scanner.scan(Path.of(inbox));
            history.recordProblems(chunk.getStepContext().getStepExecution().getJobExecutionId(), scan.problems());
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step loadAuthoritiesStep(JobRepository jobRepository, Step loadAuthorityStep, Partitioner inboxPartitioner) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("etl-");
        executor.setConcurrencyLimit(2);
        return new StepBuilder("loadAuthorities", jobRepository)
                .partitioner(LOAD_AUTHORITY_STEP, inboxPartitioner)
                .step(loadAuthorityStep)
                .gridSize(2)
                .taskExecutor(executor)
                .build();
    }

    /** One partition per authority folder of the inbox, named {@code la-<code>}; tells the progress how many. */
    @Bean
    @StepScope
    Partitioner inboxPartitioner(@Value("#{jobParameters['inbox']}") String inbox, @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
            InboxScanner scanner, LoadProgress progress) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new HashMap<>();
            for (String laCode : scanner.scan(Path.of(inbox)).byAuthority().keySet()) {
                ExecutionContext context = new ExecutionContext();
                context.putString("laCode", laCode);
                partitions.put("la-" + laCode, context);
            }
            progress.planned(jobExecutionId, partitions.size());
            return partitions;
        };
    }

    @Bean
    Step loadAuthorityStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet loadAuthorityTasklet,
            LoadProgressListener progress) {
        return new StepBuilder(LOAD_AUTHORITY_STEP, jobRepository)
                .listener(progress)
                .tasklet(loadAuthorityTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    Tasklet loadAuthorityTasklet(@Value("#{jobParameters['inbox']}") String inbox, @Value("#{stepExecutionContext['laCode']}") String laCode,
            @Value("${iro.load.swap-rows:5000000}") long swapRows, InboxScanner scanner, AuthorityLoader loader) {
        return (contribution, chunk) -> {
            var stepExecution = chunk.getStepContext().getStepExecution();
            List<InboxScan.LaYearFolder> years = scanner.scan(Path.of(inbox)).byAuthority().getOrDefault(laCode, List.of());
            List<LaYearResult> results = loader.stage(laCode, years, stepExecution.getJobExecutionId());
            if (loader.stagedRows(stepExecution.getJobExecutionId()) >= swapRows) {
                loader.swapStaged(stepExecution.getJobExecutionId(), swapRows);
            }
            // The contribution counts reads one at a time; the step's total is set directly.
            stepExecution.setReadCount(stepExecution.getReadCount() + results.stream().mapToInt(LaYearResult::rowsRead).sum());
            contribution.incrementWriteCount(results.stream().mapToInt(LaYearResult::rowsLoaded).sum());
            contribution.incrementFilterCount(results.stream().mapToInt(LaYearResult::rowsRejected).sum());
            long failed = results.stream().filter(r -> r.status() == LaYearResult.Status.FAILED).count();
            if (failed > 0) {
                contribution.setExitStatus(new ExitStatus(COMPLETED_WITH_FAILURES, failed + " LA-year(s) of " + laCode + " could not be read"));
            }
            return RepeatStatus.FINISHED;
        };
    }
}
