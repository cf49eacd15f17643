package uk.iroinsight.etl.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.iroinsight.IroInsightApplication;
import uk.iroinsight.etl.WarehouseContents;
import uk.iroinsight.etl.job.LoadHistory;
import uk.iroinsight.etl.job.LoadService;
import uk.iroinsight.security.Access;
import uk.iroinsight.warehouse.ReferenceData;
import uk.iroinsight.warehouse.Warehouse;

/**
 * A newer DfE release, then a DfE correction of it, then a broken copy, dropped in the inbox's
 * {@code published/} folder and loaded by the load job: each replaces exactly the figures of its
 * own release and kind, the releases it does not revise stay as they were, every figure keeps
 * the release it came from, and a refused file changes nothing. The "EES 2026" release is made
 * from the shipped EES 2025 volume file: years 2022-2025 as published plus 2026 (a copy of 2025),
 * with Nottinghamshire's (891) CLA at 31 March 2024 revised to 999.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishedReleaseUpgradeTest {

    private static final Path SHIPPED = Path.of("etl/reference/published/ees_cla_number_and_rate_per_10k_2021_2025.csv");
    private static final String CLA = "Children looked after on 31 March each year";
    private static final Access ADMIN = Access.admin("release-admin");

    /** Every published figure but its rank: release, indicator, area, year, value, status, source. */
    private static final String RELEASE_ROWS = """
            SELECT release, kind, indicator, area_type, area_code, year, numerator, denominator, value, status, symbol, source_file
            FROM published_indicator_release ORDER BY ALL""";

    private ConfigurableApplicationContext context;
    private Path inbox;
    private List<String> releasesBefore;
    private List<String> factBefore;

    @BeforeAll
    void loadTheInboxWithoutPublishedFiles(@TempDir Path folder) throws Exception {
        inbox = folder.resolve("inbox");
        WarehouseContents.copyFolder(WarehouseContents.resource("inboxes/three-authorities"), inbox);
        context = new SpringApplicationBuilder(IroInsightApplication.class)
                .web(WebApplicationType.NONE)
                .run("--iro.db=" + folder.resolve("warehouse.duckdb"),
                        "--iro.secrets-dir=" + folder.resolve("secrets"),
                        "--iro.scheduling-enabled=false",
                        "--logging.level.root=WARN",
                        "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
        assertThat(load().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        releasesBefore = rows(RELEASE_ROWS);
        factBefore = rows("SELECT * FROM fact_published_indicator ORDER BY ALL");
        assertThat(rows("SELECT DISTINCT release || ' ' || release_rank FROM published_indicator_release ORDER BY 1"))
                .containsExactly("EES 2024 2", "EES 2025 3", "LAIT 2025 1");
    }

    @AfterAll
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @Order(1)
    void aNewerReleaseIsAddedBesideTheOthersAndWinsForTheYearsItCovers() throws Exception {
        writeRelease("ees_cla_number_and_rate_per_10k_2022_2026.csv", "999", null);
        JobExecution run = load();

        assertThat(fileLoads(run)).singleElement().satisfies(file -> {
            assertThat(file.status()).isEqualTo("loaded");
            assertThat(file.message()).startsWith("EES 2026, 2022-2026: EES 2026 ees_volume added (");
        });
        // Nothing held before changed (the older releases keep their figures and ranks) ...
        assertThat(rows(RELEASE_ROWS + "")).containsAll(releasesBefore);
        assertThat(rows("SELECT DISTINCT release || ' ' || release_rank FROM published_indicator_release ORDER BY 1"))
                .containsExactly("EES 2024 2", "EES 2025 3", "EES 2026 4", "LAIT 2025 1");
        // ... and the newest release is the figure for the indicators and years it covers, only those.
        assertThat(rows("""
                SELECT DISTINCT indicator, year, release FROM fact_published_indicator
                WHERE release = 'EES 2026' ORDER BY ALL""")).hasSize(6 * 5);
        assertThat(rows("SELECT release FROM fact_published_indicator WHERE indicator = 'cla_31mar' AND la_code = '891' AND year = 2021"))
                .containsExactly("EES 2025");
        assertThat(rows("SELECT release FROM fact_published_indicator WHERE indicator = 'stability_3plus_pct' AND la_code = '891' AND year = 2024"))
                .containsExactly("EES 2025");
        assertThat(rows("SELECT value || ' ' || release FROM fact_published_indicator WHERE indicator = 'cla_31mar' AND la_code = '891' AND year = 2024"))
                .containsExactly("999.0 EES 2026");
        assertThat(rows("""
                SELECT value || ' ' || release FROM published_indicator_release
                WHERE indicator = 'cla_31mar' AND la_code = '891' AND year = 2024 ORDER BY release""")).hasSize(4)
                .contains("999.0 EES 2026").anyMatch(row -> row.endsWith(" EES 2025") && !row.startsWith("999.0"));
        List<String> untouched = new ArrayList<>(factBefore);
        untouched.removeIf(row -> row.contains("EES 2025") && isVolume(row) && !row.contains("|2021|"));
        assertThat(rows("SELECT * FROM fact_published_indicator ORDER BY ALL")).containsAll(untouched);
        // The dashboards' marts show it with its release.
        assertThat(rows("""
                SELECT value || ' ' || release FROM mart_indicator
                WHERE area_type = 'la' AND la_code = '891' AND year = 2024 AND indicator = 'cla_31mar' AND source = 'published'"""))
                .containsExactly("999.0 EES 2026");
    }

    @Test
    @Order(2)
    void theSameFileAgainIsUnchanged() throws Exception {
        List<String> before = rows(RELEASE_ROWS);
        JobExecution run = load();
        assertThat(fileLoads(run)).singleElement().extracting(LoadHistory.FileLoad::status).isEqualTo("unchanged");
        assertThat(rows(RELEASE_ROWS)).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aCorrectionOfTheReleaseReplacesItsOwnFileAndTheEarlierCopyIsRecorded() throws Exception {
        List<String> others = rows(RELEASE_ROWS.replace("ORDER BY ALL", "WHERE release <> 'EES 2026' ORDER BY ALL"));
        writeRelease("ees_cla_number_and_rate_per_10k_2022_2026.csv", "999", "1000");
        JobExecution run = load();
        assertThat(fileLoads(run)).singleElement().satisfies(file -> {
            assertThat(file.status()).isEqualTo("loaded");
            assertThat(file.message()).contains("replaces the copy loaded from inbox/published/ees_cla_number_and_rate_per_10k_2022_2026.csv");
        });
        assertThat(rows(RELEASE_ROWS.replace("ORDER BY ALL", "WHERE release <> 'EES 2026' ORDER BY ALL"))).isEqualTo(others);
        assertThat(rows("SELECT year || ' ' || value FROM fact_published_indicator WHERE indicator = 'cla_31mar' AND la_code = '891' AND year >= 2024 ORDER BY 1"))
                .containsExactly("2024 999.0", "2025 1000.0", "2026 1000.0");
        assertThat(rows("""
                SELECT kind || ' ' || origin || ' ' || (replaced_at IS NULL) FROM etl_published_file
                WHERE release = 'EES 2026' ORDER BY loaded_at""")).containsExactly("ees_volume inbox false", "ees_volume inbox true");
    }

    @Test
    @Order(4)
    void aBrokenFileIsRefusedWholeWithItsLineAndColumnNamedAndChangesNothing() throws Exception {
        List<String> before = rows(RELEASE_ROWS);
        List<String> fact = rows("SELECT * FROM fact_published_indicator ORDER BY ALL");
        Path good = inbox.resolve("published/ees_cla_number_and_rate_per_10k_2022_2026.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(good, StandardCharsets.UTF_8));
        lines.set(5, lines.get(5).substring(0, lines.get(5).lastIndexOf(',') + 1) + "abc");
        Files.delete(good);
        Files.write(inbox.resolve("published/ees_2026_corrected.csv"), lines, StandardCharsets.UTF_8);

        JobExecution run = load();
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(fileLoads(run)).singleElement().satisfies(file -> {
            assertThat(file.status()).isEqualTo("failed");
            assertThat(file.message()).startsWith("inbox/published/ees_2026_corrected.csv is refused (ees_volume file; nothing of it is loaded): ")
                    .contains("line 6, rate_per_10000 'abc' is neither a number nor a DfE symbol");
        });
        assertThat(rows(RELEASE_ROWS)).isEqualTo(before);
        assertThat(rows("SELECT * FROM fact_published_indicator ORDER BY ALL")).isEqualTo(fact);
    }

    @Test
    @Order(5)
    void reloadingTheShippedFilesKeepsTheReleasesFromTheInbox() throws Exception {
        List<String> before = rows(RELEASE_ROWS);
        context.getBean(Warehouse.class).write(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("UPDATE etl_reference_load SET checksum = 'stale'");
            }
            ReferenceData.load(connection);
            return null;
        });
        assertThat(rows(RELEASE_ROWS)).isEqualTo(before);
    }

    // --- helpers -----------------------------------------------------------------------------

    /**
     * Writes the "EES 2026" volume file to the inbox: the shipped 2021-2025 file without 2021,
     * plus 2026 as a copy of 2025; 891's CLA at 31 March 2024 set to {@code revised2024} and, when
     * given, 891's CLA for 2025 and 2026 to {@code revised2025}.
     */
    private void writeRelease(String name, String revised2024, String revised2025) throws Exception {
        List<String> shipped = Files.readAllLines(SHIPPED, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(shipped.get(0));
        List<String> copies = new ArrayList<>();
        for (String line : shipped.subList(1, shipped.size())) {
            if (line.startsWith("2021,")) {
                continue;
            }
            String row = revise(line, "2024,", revised2024);
            if (revised2025 != null) {
                row = revise(row, "2025,", revised2025);
            }
            out.add(row);
            if (row.startsWith("2025,")) {
                copies.add("2026," + row.substring("2025,".length()));
            }
        }
        out.addAll(copies);
        Files.createDirectories(inbox.resolve("published"));
        Files.write(inbox.resolve("published").resolve(name), out, StandardCharsets.UTF_8);
    }

    /** 891's CLA row of that year with children_count (the 13th of 14 columns) set. */
    private static String revise(String line, String year, String children) {
        String[] cells = line.split(",", -1);
        if (!line.startsWith(year) || cells.length != 14 || !cells[7].equals("891") || !cells[10].equals(CLA)) {
            return line;
        }
        cells[12] = children;
        return String.join(",", cells);
    }

    private static boolean isVolume(String row) {
        return row.startsWith("cla_") || row.startsWith("starts") || row.startsWith("ceased");
    }

    private JobExecution load() throws Exception {
        return context.getBean(LoadService.class).runAndWait(inbox, ADMIN);
    }

    private List<LoadHistory.FileLoad> fileLoads(JobExecution run) {
        return context.getBean(LoadHistory.class).fileLoads(run.getId()).stream()
                .filter(file -> file.folder().equals("published")).toList();
    }

    private List<String> rows(String sql) throws Exception {
        try (Connection connection = context.getBean(Warehouse.class).connect()) {
            return WarehouseContents.rows(connection, sql);
        }
    }
}
