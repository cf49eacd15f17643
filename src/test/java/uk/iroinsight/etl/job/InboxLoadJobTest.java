package uk.iroinsight.etl.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.iroinsight.IroInsightApplication;
import uk.iroinsight.etl.WarehouseContents;
import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.etl.privacy.SecretKeys;
import uk.iroinsight.security.Access;
import uk.iroinsight.security.AuditLog;
import uk.iroinsight.warehouse.Warehouse;

/**
 * The inbox load job end to end, in the application's Spring context (no web server), on the
 * hand-made inbox {@code src/test/resources/inboxes/three-authorities}: 891 (2023 and 2024), 892
 * (2024: one child with overlapping episodes) and 893 (2024: a header file with a BOM, CRLF
 * line ends, lower-case and reordered columns, trailing blank lines). The inbox is loaded twice:
 * the second run must find every LA-year unchanged and leave the warehouse as it was.
 *
 * <p>Counts worked out on paper from the files (read / loaded / rejected rows):
 * <pre>
 * 891/2023 header 2/2/0, episodes 3/3/0, reviews 3/2/1 (B was 4 on 15/06/2022: PN0 is wrong)
 * 891/2024 header 3/3/0, episodes 6/6/0, reviews 5/4/1 (ZQ891X is not in header.csv), uasc 1/1/0,
 *          disputes 2/2/0, workforce 1/1/0; oc2.csv ignored
 * 892/2024 header 2/1/1, episodes 3/1/2, reviews 2/1/1 (ZQ892A quarantined: its episodes overlap)
 * 893/2024 header 1/1/0, episodes 1/1/0, reviews 1/1/0
 * partition la-891: read 26, written 24, filtered 2; la-892: 7, 3, 4; la-893: 3, 3, 0
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxLoadJobTest {

    private static final Path INBOX = WarehouseContents.resource("inboxes/three-authorities");
    private static final Access LOADER = Access.admin("loader-admin");

    private ConfigurableApplicationContext context;
    private Path secrets;
    private JobExecution first;
    private JobExecution second;
    private Map<String, List<String>> afterFirst;
    private Map<String, List<String>> afterSecond;
    private final List<String> progressSeen = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void loadTheInboxTwice(@TempDir Path folder) throws Exception {
        secrets = folder.resolve("secrets");
        // Given as command-line arguments: they outrank application.properties.
        context = new SpringApplicationBuilder(IroInsightApplication.class)
                .web(WebApplicationType.NONE)
                .run("--iro.db=" + folder.resolve("warehouse.duckdb"),
                        "--iro.secrets-dir=" + secrets,
                        "--iro.scheduling-enabled=false",
                        "--logging.level.root=WARN",
                        "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
        LoadService loads = context.getBean(LoadService.class);
        LoadProgress progress = context.getBean(LoadProgress.class);
        Runnable unsubscribe = progress.onChange(() -> progressSeen.add(progress.current()
                .map(p -> p.stage() + " " + p.authoritiesDone() + "/" + p.authoritiesTotal() + " rows " + p.rowsLoaded() + "/" + p.rowsRejected())
                .orElse("ended")));
        first = loads.runAndWait(INBOX, LOADER);
        unsubscribe.run();
        afterFirst = contents();
        second = loads.runAndWait(INBOX, LoadService.SCHEDULER);
        afterSecond = contents();
    }

    @AfterAll
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private Map<String, List<String>> contents() throws Exception {
        try (Connection connection = context.getBean(Warehouse.class).connect()) {
            return WarehouseContents.tables(connection);
        }
    }

    private List<String> rows(String sql) throws Exception {
        try (Connection connection = context.getBean(Warehouse.class).connect()) {
            return WarehouseContents.rows(connection, sql);
        }
    }

    @Test
    void eachRunIsInTheAuditTrailWithWhoStartedItTheInboxAndWhatItDid() {
        String inbox = INBOX.toAbsolutePath().normalize().toString();
        List<AuditLog.Entry> loads = new ArrayList<>(context.getBean(AuditLog.class).recent(100, null, "load", null, null));
        Collections.reverse(loads);
        assertThat(loads).extracting(e -> e.username() + "|" + e.role() + "|" + e.target() + "|" + e.detail()).containsExactly(
                "loader-admin|ADMIN|" + inbox + "|started",
                "loader-admin|ADMIN|" + inbox + "|run " + first.getId() + " ended COMPLETED: 4 LA-years loaded, 0 unchanged, "
                        + "0 unreadable, 0 folders refused; 30 rows loaded, 6 rejected",
                "scheduler|null|" + inbox + "|started",
                "scheduler|null|" + inbox + "|run " + second.getId() + " ended COMPLETED: 0 LA-years loaded, 4 unchanged, "
                        + "0 unreadable, 0 folders refused; 0 rows loaded, 0 rejected");
        assertThat(first.getJobParameters().getString(LoadService.STARTED_BY)).isEqualTo("loader-admin");
        assertThat(second.getJobParameters().getString(LoadService.STARTED_BY)).isEqualTo("scheduler");
    }

    @Test
    void theJobRepositoryHoldsACompletedExecutionWithOneStepPerAuthorityAndItsCounts() {
        JobExecution execution = context.getBean(JobExplorer.class).getJobExecution(first.getId());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(ExitStatus.COMPLETED.getExitCode());
        assertThat(execution.getJobParameters().getString("inbox")).isEqualTo(INBOX.toAbsolutePath().normalize().toString());
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
                .contains("prepare", "loadAuthorities")
                .filteredOn(name -> name.contains("la-"))
                .containsExactlyInAnyOrder("loadAuthority:la-891", "loadAuthority:la-892", "loadAuthority:la-893");
        assertThat(execution.getStepExecutions())
                .filteredOn(step -> step.getStepName().contains("la-"))
                .allSatisfy(step -> assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED))
                .extracting(step -> step.getStepName() + " read " + step.getReadCount() + " written " + step.getWriteCount()
                        + " filtered " + step.getFilterCount())
                .containsExactlyInAnyOrder(
                        "loadAuthority:la-891 read 26 written 24 filtered 2",
                        "loadAuthority:la-892 read 7 written 3 filtered 4",
                        "loadAuthority:la-893 read 3 written 3 filtered 0");
    }

    @Test
    void theProgressFollowsTheRunFromItsStagesAndFinishedAuthoritiesToItsEnd() {
        // Listeners may read a later state than the change that called them (two partitions run
        // at once), so the sequence is checked for what it must contain and its order of stages.
        assertThat(progressSeen).first().isEqualTo("PREPARING 0/0 rows 0/0");
        assertThat(progressSeen).contains("LOADING 3/3 rows 30/6", "REFRESHING 3/3 rows 30/6");
        assertThat(progressSeen).last().isEqualTo("ended");
        assertThat(progressSeen).filteredOn(seen -> seen.startsWith("LOADING"))
                .extracting(seen -> seen.substring("LOADING ".length(), "LOADING ".length() + 1))
                .isSorted();
        assertThat(context.getBean(LoadProgress.class).current()).isEmpty();
    }

    @Test
    void theLoadHistoryListsRowsReadLoadedAndRejectedPerFile() {
        assertThat(context.getBean(LoadHistory.class).fileLoads(first.getId()))
                .allSatisfy(file -> assertThat(file.jobExecutionId()).isEqualTo(first.getId()))
                .extracting(f -> f.folder() + " " + f.fileName() + " " + f.status() + " " + f.rowsRead() + "/" + f.rowsLoaded() + "/"
                        + f.rowsRejected())
                .containsExactly(
                        "891/2023 episodes.csv loaded 3/3/0",
                        "891/2023 header.csv loaded 2/2/0",
                        "891/2023 reviews.csv loaded 3/2/1",
                        "891/2024 disputes.csv loaded 2/2/0",
                        "891/2024 episodes.csv loaded 6/6/0",
                        "891/2024 header.csv loaded 3/3/0",
                        "891/2024 oc2.csv ignored 0/0/0",
                        "891/2024 reviews.csv loaded 5/4/1",
                        "891/2024 uasc.csv loaded 1/1/0",
                        "891/2024 workforce.csv loaded 1/1/0",
                        "892/2024 episodes.csv loaded 3/1/2",
                        "892/2024 header.csv loaded 2/1/1",
                        "892/2024 reviews.csv loaded 2/1/1",
                        "893/2024 episodes.csv loaded 1/1/0",
                        "893/2024 header.csv loaded 1/1/0",
                        "893/2024 reviews.csv loaded 1/1/0");
        assertThat(context.getBean(LoadHistory.class).failures(first.getId())).isZero();
    }

    @Test
    void theRejectReportIsCsvWithFileLineFieldValueAndReasonAndNoChildIdentifier() throws Exception {
        LoadHistory history = context.getBean(LoadHistory.class);
        StringWriter report891 = new StringWriter();
        history.writeRejectReport("891", 2024, report891);
        StringWriter report892 = new StringWriter();
        history.writeRejectReport("892", 2024, report892);

        assertThat(report891.toString().lines().toList()).containsExactly(
                "la_code,year,file,line,field,value,reason",
                "891,2024,reviews.csv,6,CHILD,,is not in header.csv");
        // ZQ892A: the overlap on episodes line 2, then every row of the child, quarantined.
        assertThat(report892.toString().lines().toList()).hasSize(6)
                .startsWith("la_code,year,file,line,field,value,reason")
                .anyMatch(line -> line.startsWith("892,2024,episodes.csv,2,DEC,2023-10-01,overlaps the episode starting 2023-09-01"))
                .anyMatch(line -> line.startsWith("892,2024,header.csv,2,CHILD,,\"child quarantined, none of its rows are loaded: "));
        assertThat(report891.toString() + report892).doesNotContain("ZQ89").doesNotContain("UPN");
    }

    @Test
    void noTableHoldsAChildIdentifierOrUpnOfTheInbox() throws Exception {
        // Every CHILD of the fixture starts ZQ89 and every UPN UPNZQ89; neither Z nor Q can
        // occur in a hex pseudonym, so any hit is a leak.
        try (Connection connection = context.getBean(Warehouse.class).connect()) {
            assertThat(WarehouseContents.textCells(connection, value -> value.contains("ZQ89"))).isEmpty();
        }
        assertThat(afterFirst.get("return_header")).hasSize(7);
    }

    @Test
    void theDerivedFactsAreThoseWorkedOutOnPaper() throws Exception {
        // ZQ891A: 2023 S 01/10/2022 X1 -> L 01/02/2023 (closed X1 15/11/2023 by the 2024 copy) ->
        // P 15/11/2023 K2 ceased E4A 20/02/2024: one period, start known; placements U6 (with the
        // L episode) then K2. ZQ891B: V2 from 01/06/2022, open. ZQ891C: U4, T1 hospital stay, back
        // to the same U4: one period, one placement. ZQ893A: R1 from 02/01/2024.
        Pseudonymiser pseudonyms = new Pseudonymiser(new SecretKeys(secrets).pseudonymKey());
        Map<String, String> names = new HashMap<>();
        for (String child : List.of("ZQ891A", "ZQ891B", "ZQ891C")) {
            names.put(pseudonyms.childKey("891", child), child);
        }
        names.put(pseudonyms.childKey("892", "ZQ892B"), "ZQ892B");
        names.put(pseudonyms.childKey("893", "ZQ893A"), "ZQ893A");

        assertThat(named(names, rows("SELECT child_key, period_seq, start_date, end_date, end_reason, start_known FROM fact_period_of_care")))
                .containsExactlyInAnyOrder(
                        "ZQ891A|1|2022-10-01|2024-02-20|E4A|true",
                        "ZQ891B|1|2022-06-01|null|null|true",
                        "ZQ891C|1|2023-05-05|null|null|true",
                        "ZQ892B|1|2023-04-10|null|null|true",
                        "ZQ893A|1|2024-01-02|null|null|true");
        assertThat(named(names, rows("SELECT child_key, placement_seq, start_date, end_date, place FROM fact_placement"
                + " WHERE counting_rule = 'standard'")))
                .containsExactlyInAnyOrder(
                        "ZQ891A|1|2022-10-01|2023-11-15|U6",
                        "ZQ891A|2|2023-11-15|2024-02-20|K2",
                        "ZQ891B|1|2022-06-01|null|U3",
                        "ZQ891C|1|2023-05-05|null|U4",
                        "ZQ892B|1|2023-04-10|null|U6",
                        "ZQ893A|1|2024-01-02|null|R1");
        assertThat(rows("SELECT la_code, dispute_id, stage_reached, working_days_to_resolve FROM fact_dispute"))
                .containsExactlyInAnyOrder("891|D891-1|1|13", "891|D891-2|INFORMAL|null");
    }

    @Test
    void aSecondRunOfTheSameInboxFindsEveryLaYearUnchangedAndChangesNothing() {
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(context.getBean(LoadHistory.class).fileLoads(second.getId()))
                .hasSize(16)
                .allSatisfy(file -> assertThat(file.status()).isEqualTo(file.fileName().equals("oc2.csv") ? "ignored" : "unchanged"));
        WarehouseContents.assertSameContents(afterSecond, afterFirst);
    }

    private static List<String> named(Map<String, String> names, List<String> rows) {
        return rows.stream().map(row -> {
            String key = row.substring(0, row.indexOf('|'));
            return names.getOrDefault(key, key) + row.substring(row.indexOf('|'));
        }).toList();
    }
}
