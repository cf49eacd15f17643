package uk.iroinsight.etl.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.warehouse.Warehouse;

/**
 * The reject reports as CSV (RFC 4180, safe to open in a spreadsheet), per LA-year and per run,
 * on a warehouse where 891/2023 was loaded by run 1 and 891/2024 by run 2, each with rejects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadHistoryRejectReportTest {

    private Warehouse warehouse;
    private LoadHistory history;

    @BeforeAll
    void aWarehouseWithRejects(@TempDir Path folder) throws Exception {
        warehouse = Warehouse.open(folder.resolve("rejects.duckdb"));
        warehouse.write(connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("""
                        INSERT INTO etl_la_year (la_code, year, fingerprint, loaded_at, job_execution_id, children, rows_loaded, rows_rejected) VALUES
                          ('891', 2023, 'a', now(), 1, 2, 7, 7), ('891', 2024, 'b', now(), 2, 3, 8, 1)""");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO etl_reject (la_code, year, file_name, line, field, value, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                Object[][] rows = {
                        {"891", 2023, "workforce.csv", 2, "VACANT_FTE", "-5", "cannot be negative"},
                        {"891", 2023, "reviews.csv", 3, "REVIEW", "=HYPERLINK(\"http://x\")", "is not a date"},
                        {"891", 2023, "reviews.csv", 4, "REVIEW_CODE", "+PN1", "is not a code"},
                        {"891", 2023, "reviews.csv", 5, "REVIEW_CODE", "@SUM(A1)", "is not a code"},
                        {"891", 2023, "reviews.csv", 6, "REVIEW_CODE", "\tPN1", "is not a code"},
                        {"891", 2023, "reviews.csv", 7, "REVIEW_CODE", "\rPN1", "is not a code"},
                        {"891", 2023, "reviews.csv", 8, "CHILD", null, "child quarantined, none of its rows are loaded: \"DEC\" before DECOM"},
                        {"891", 2024, "header.csv", 2, "SEX", "M", "is not a code of SEX"}};
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
        history = new LoadHistory(warehouse, Clock.systemUTC());
    }

    @AfterAll
    void close() {
        warehouse.close();
    }

    @Test
    void theReportOfAnLaYearIsRfc4180WithEveryFormulaNeutralised() throws Exception {
        StringBuilder csv = new StringBuilder();
        history.writeRejectReport("891", 2023, csv);

        assertThat(csv.toString()).isEqualTo(String.join("\r\n",
                "la_code,year,file,line,field,value,reason",
                "891,2023,reviews.csv,3,REVIEW,\"'=HYPERLINK(\"\"http://x\"\")\",is not a date",
                "891,2023,reviews.csv,4,REVIEW_CODE,\"'+PN1\",is not a code",
                "891,2023,reviews.csv,5,REVIEW_CODE,\"'@SUM(A1)\",is not a code",
                "891,2023,reviews.csv,6,REVIEW_CODE,\"'\tPN1\",is not a code",
                "891,2023,reviews.csv,7,REVIEW_CODE,\"'\rPN1\",is not a code",
                "891,2023,reviews.csv,8,CHILD,,\"child quarantined, none of its rows are loaded: \"\"DEC\"\" before DECOM\"",
                "891,2023,workforce.csv,2,VACANT_FTE,\"'-5\",cannot be negative",
                ""));
    }

    @Test
    void theReportOfARunHoldsTheRejectsOfTheLaYearsItLoadedThatAreStillLoaded() throws Exception {
        StringBuilder run2 = new StringBuilder();
        history.writeRunRejectReport(2, run2);
        StringBuilder run3 = new StringBuilder();
        history.writeRunRejectReport(3, run3);

        assertThat(run2.toString()).isEqualTo("la_code,year,file,line,field,value,reason\r\n891,2024,header.csv,2,SEX,M,is not a code of SEX\r\n");
        assertThat(run3.toString()).isEqualTo("la_code,year,file,line,field,value,reason\r\n");
        assertThat(history.runRejects(1)).hasSize(7).extracting(LoadHistory.RejectedRow::year).containsOnly(2023);
    }

    @Test
    void aCellIsQuotedOnlyWhenItMustBe() {
        assertThat(List.of("plain", "a,b", "say \"no\"", "two\nlines", "", "=1+1").stream().map(LoadHistory::csv))
                .containsExactly("plain", "\"a,b\"", "\"say \"\"no\"\"\"", "\"two\nlines\"", "", "\"'=1+1\"");
        assertThat(LoadHistory.csv(null)).isEmpty();
    }
}
