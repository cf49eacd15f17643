package uk.iroinsight.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.iroinsight.indicators.ComparatorExport;
import uk.iroinsight.indicators.IndicatorExport;
import uk.iroinsight.security.AuditLog;
import uk.iroinsight.security.TestAccounts;
import uk.iroinsight.warehouse.Warehouse;

/**
 * The analyst downloads page in real Chromium, against the application on a random port with a
 * fresh warehouse (no returns, but the reference data and DfE's published figures, so every
 * download has rows): each file downloaded through the page and read back, the Arrow stream with
 * Arrow Java, Parquet and CSV with DuckDB, against the warehouse's own row counts. Signed in as
 * the administrator (created at start from IRO_ADMIN_PASSWORD), and once as an LA analyst; every
 * download is in the audit trail with who, their role and the file. Leaves
 * {@code target/screenshots/analyst-downloads.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaadin.productionMode=true",
        "iro.scheduling-enabled=false",
        "iro.demo.enabled=false",
        "IRO_ADMIN_PASSWORD=" + TestAccounts.PASSWORD,
        "logging.level.root=WARN"})
@DirtiesContext
class AnalystDownloadsBrowserTest {

    private static final Duration DOWNLOAD_PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path folder;

    private static BrowserSession session;

    @LocalServerPort
    int port;

    @Autowired
    Warehouse warehouse;

    @Autowired
    AuditLog audit;

    /** Who the browser is signed in as (null before the first test). */
    private static String signedInAs;

    @DynamicPropertySource
    static void freshWarehouse(DynamicPropertyRegistry properties) {
        properties.add("iro.db", () -> folder.resolve("warehouse.duckdb").toString());
        properties.add("iro.secrets-dir", () -> folder.resolve("secrets").toString());
        properties.add("iro.inbox", () -> folder.resolve("inbox").toString());
    }

    @BeforeAll
    static void startChromium() {
        BrowserSession.assumeChromium();
        session = BrowserSession.start(1280, 1000);
    }

    @AfterAll
    static void stopChromium() {
        if (session != null) {
            session.close();
        }
    }

    @BeforeEach
    void openThePage() throws SQLException {
        if (signedInAs == null) {
            TestAccounts.addTo(warehouse); // the viewer and the LA analysts; admin is there already
        }
        signInAs(TestAccounts.ADMIN);
        session.clearDownloads();
        session.open("http://localhost:" + port + "/downloads");
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("indicators-arrow")));
    }

    @Test
    void the_page_explains_the_export_and_offers_every_format_with_names_saying_what_they_download() {
        assertThat(session.driver().getTitle()).isEqualTo("Analyst downloads · IRO Insight");
        String text = session.driver().findElement(By.id("main-content")).getText();
        assertThat(text).contains("Analyst downloads", "As of ", "unrounded and unsuppressed", "area_type", "sn_mean", "source",
                "Statistical neighbours", "CSSNBT_2025", "Authorities and regions");
        assertThat(text).containsPattern("As of \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        WebElement arrow = session.driver().findElement(By.id("indicators-arrow"));
        assertThat(arrow.getText()).isEqualTo("Arrow IPC stream (.arrows)");
        assertThat(arrow.getDomAttribute("aria-label")).isEqualTo("Download indicator figures as Arrow IPC stream (.arrows)");
        assertThat(arrow.getDomAttribute("download")).isNotNull();
        assertThat(session.driver().findElements(By.cssSelector("a[download][aria-label^='Download ']"))).hasSize(9);
    }

    @Test
    void axe_finds_no_serious_accessibility_violation_and_the_screenshot_shows_the_page() throws IOException {
        session.assertNoSeriousViolations("the analyst downloads page");

        Path screenshot = session.screenshot("analyst-downloads");
        assertThat(Files.size(screenshot)).isPositive();
    }

    @Test
    void the_arrow_stream_holds_every_row_of_the_indicator_export() throws Exception {
        Path file = download("indicators-arrow", "iro-insight-indicators-*.arrows");

        long rows = 0;
        List<String> columns = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator(); InputStream in = Files.newInputStream(file);
             ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
            reader.getVectorSchemaRoot().getSchema().getFields().stream().map(Field::getName).forEach(columns::add);
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
        }
        assertThat(columns).containsExactly(IndicatorExport.HEADER.split(","));
        assertThat(rows).isPositive().isEqualTo(count("SELECT count(*) FROM mart_indicator_export"));
        assertThat(file.getFileName().toString()).matches("iro-insight-indicators-\\d{4}-\\d{2}-\\d{2}\\.arrows");
    }

    @Test
    void the_parquet_file_holds_every_row_of_the_indicator_export() throws Exception {
        Path file = download("indicators-parquet", "iro-insight-indicators-*.parquet");

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            assertThat(single(duckdb, "SELECT count(*) FROM read_parquet('" + file + "')"))
                    .isPositive().isEqualTo(count("SELECT count(*) FROM mart_indicator_export"));
            assertThat(columns(duckdb, "SELECT * FROM read_parquet('" + file + "') LIMIT 0")).containsExactly(IndicatorExport.HEADER.split(","));
        }
    }

    @Test
    void the_csv_file_holds_every_row_of_the_indicator_export_under_its_header() throws Exception {
        Path file = download("indicators-csv", "iro-insight-indicators-*.csv");

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).get(0)).isEqualTo(IndicatorExport.HEADER);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            assertThat(single(duckdb, "SELECT count(*) FROM read_csv('" + file + "', header = true)"))
                    .isPositive().isEqualTo(count("SELECT count(*) FROM mart_indicator_export"));
        }
    }

    @ParameterizedTest
    @EnumSource(ComparatorExport.Table.class)
    void each_comparator_table_downloads_in_every_format_with_all_its_rows(ComparatorExport.Table table) throws Exception {
        String stem = table == ComparatorExport.Table.STATISTICAL_NEIGHBOURS ? "statistical-neighbours" : "authorities";
        long expected = new ComparatorExport(warehouse).rows(table);
        long expectedFromTheWarehouse = count(table == ComparatorExport.Table.STATISTICAL_NEIGHBOURS
                ? "SELECT count(*) FROM ref_statistical_neighbour" : "SELECT count(*) FROM dim_authority");
        assertThat(expected).isPositive().isEqualTo(expectedFromTheWarehouse);

        Path arrow = download(stem + "-arrow", "iro-insight-" + stem + "-*.arrows");
        long arrowRows = 0;
        try (BufferAllocator allocator = new RootAllocator(); InputStream in = Files.newInputStream(arrow);
             ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
            assertThat(reader.getVectorSchemaRoot().getSchema().getFields().stream().map(Field::getName).toList())
                    .isEqualTo(table.columns());
            while (reader.loadNextBatch()) {
                arrowRows += reader.getVectorSchemaRoot().getRowCount();
            }
        }
        assertThat(arrowRows).isEqualTo(expected);

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            Path parquet = download(stem + "-parquet", "iro-insight-" + stem + "-*.parquet");
            assertThat(single(duckdb, "SELECT count(*) FROM read_parquet('" + parquet + "')")).isEqualTo(expected);
            assertThat(columns(duckdb, "SELECT * FROM read_parquet('" + parquet + "') LIMIT 0")).isEqualTo(table.columns());

            Path csv = download(stem + "-csv", "iro-insight-" + stem + "-*.csv");
            assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8).get(0)).isEqualTo(String.join(",", table.columns()));
            assertThat(single(duckdb, "SELECT count(*) FROM read_csv('" + csv + "', header = true)")).isEqualTo(expected);
        }
    }

    @Test
    void an_la_analyst_may_download_too_and_each_download_is_in_the_audit_trail_with_who_and_what() throws Exception {
        Path adminFile = download("authorities-csv", "iro-insight-authorities-*.csv");
        signInAs(TestAccounts.ANALYST);
        session.open("http://localhost:" + port + "/downloads");
        session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("indicators-csv")));
        Path file = download("indicators-csv", "iro-insight-indicators-*.csv");
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).get(0)).isEqualTo(IndicatorExport.HEADER);

        AuditLog.Entry analysts = audit.recent(1, TestAccounts.ANALYST.username(), "export", null, null).get(0);
        assertThat(analysts.role()).isEqualTo("LA_ANALYST");
        assertThat(analysts.laCode()).isEqualTo("891");
        assertThat(analysts.target()).isEqualTo("downloads");
        assertThat(analysts.detail()).isEqualTo("format csv, file " + file.getFileName() + ", indicator figures, unsuppressed, filters none");
        AuditLog.Entry admins = audit.recent(1, "admin", "export", null, null).get(0);
        assertThat(admins.role()).isEqualTo("ADMIN");
        assertThat(admins.detail()).isEqualTo("format csv, file " + adminFile.getFileName() + ", authorities and regions, unsuppressed, "
                + "filters none");

        // A viewer is not offered the page at all.
        signInAs(TestAccounts.VIEWER);
        session.open("http://localhost:" + port + "/downloads");
        Thread.sleep(1500);
        assertThat(session.driver().findElements(By.id("indicators-csv"))).isEmpty();
        assertThat(audit.recent(10, TestAccounts.VIEWER.username(), "export", null, null)).isEmpty();
    }

    private void signInAs(TestAccounts.Account account) {
        if (!account.username().equals(signedInAs)) {
            session.signIn("http://localhost:" + port, account.username(), TestAccounts.PASSWORD);
            signedInAs = account.username();
        }
    }

    /** Clicks the link and waits for its file (the folder is emptied first, so only this one can match). */
    private Path download(String linkId, String glob) {
        session.clearDownloads();
        session.click(session.driver().findElement(By.id(linkId)));
        return session.awaitDownload(glob, DOWNLOAD_PATIENCE);
    }

    private long count(String sql) {
        return warehouse.query("a count", sql, row -> row.getLong(1)).get(0);
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> columns(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                names.add(rows.getMetaData().getColumnName(i));
            }
            return names;
        }
    }
}
