package uk.iroinsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.indicators.IndicatorExport;
import uk.iroinsight.warehouse.Warehouse;

/** {@code indicators} end to end on a warehouse with no returns loaded (the published DfE figures only). */
class IndicatorsCommandTest {

    @TempDir
    Path folder;

    @Test
    void exportsThePublishedFiguresOfAWarehouseWithoutReturnsAsCsvOnStandardOutput() {
        Path db = folder.resolve("empty.duckdb");
        Warehouse.open(db).close();

        Cli.Result result = Cli.run(folder.resolve("secrets"), "indicators", "--db", db.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.outLines().get(0)).isEqualTo(IndicatorExport.HEADER);
        assertThat(result.outLines().subList(1, result.outLines().size())).isNotEmpty().allMatch(line -> line.endsWith(",published"));
    }

    @Test
    void failsWithOneLineAndCreatesNothingWhenThereIsNoWarehouse() {
        Path db = folder.resolve("missing.duckdb");

        Cli.Result result = Cli.run(folder.resolve("secrets"), "indicators", "--db", db.toString(), "--format", "arrow");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("iro-insight indicators: no warehouse at " + db + System.lineSeparator());
        assertThat(result.out()).isEmpty();
        assertThat(db).doesNotExist();
    }

    @Test
    void parquetNeedsAnOutputFile() {
        Path db = folder.resolve("empty.duckdb");
        Warehouse.open(db).close();

        Cli.Result result = Cli.run(folder.resolve("secrets"), "indicators", "--db", db.toString(), "--format", "PARQUET");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("iro-insight indicators: parquet needs --out FILE");
    }
}
