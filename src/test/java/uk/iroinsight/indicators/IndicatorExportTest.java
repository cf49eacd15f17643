package uk.iroinsight.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.indicators.IndicatorExport.Format;
import uk.iroinsight.warehouse.Warehouse;

class IndicatorExportTest {

    private static final List<String> COLUMNS = List.of(IndicatorExport.HEADER.split(","));

    /** 366 children per 51,799 population, per 10,000. */
    private static final double RATE = 366.0 / 51799 * 10000;

    @TempDir
    Path dir;

    private Warehouse warehouse;
    private IndicatorExport export;

    @BeforeEach
    void openWarehouse() throws SQLException {
        warehouse = Warehouse.open(dir.resolve("warehouse.duckdb"));
        export = new IndicatorExport(warehouse);
        warehouse.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO mart_catalogue VALUES
                          ('cla_31mar', 'volumes', 'Children looked after at 31 March', 'count', NULL, 'none', true, NULL, ['age_band'], NULL, 1),
                          ('cla_rate', 'volumes', 'Children looked after per 10,000', 'rate_10k', 10000, 'none', true, NULL, [], NULL, 2),
                          ('disputes_resolved', 'disputes', 'Disputes resolved informally', 'percent', 100, 'higher_better', false, 'disputes.csv', [], NULL, 3)""");
            }
            return null;
        });
        insert("la", "E10000024", "Nottinghamshire", 2024, "disputes_resolved", "records", null, null, null, "not_available");
        insert("la", "E10000024", "Nottinghamshire", 2024, "cla_rate", "records", 366.0, 51799.0, RATE, "ok");
        insert("england", "E92000001", "England", 2024, "cla_31mar", "published", 83630.0, null, 83630.0, "ok");
        insert("la", "E10000024", "Nottinghamshire", 2024, "cla_31mar", "records", 366.0, null, 366.0, "ok");
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    @Test
    void csvHasTheExactHeaderAndOneLinePerRowWithWholeNumbersWithoutDecimalsAndEmptyFieldsForNulls() throws Exception {
        Path file = dir.resolve("indicators.csv");
        export.write(Format.CSV, file);

        assertThat(Files.readString(file)).isEqualTo("""
                area_type,area_code,area_name,year,indicator,numerator,denominator,value,status,source
                la,E10000024,Nottinghamshire,2024,cla_31mar,366,,366,ok,records
                england,E92000001,England,2024,cla_31mar,83630,,83630,ok,published
                la,E10000024,Nottinghamshire,2024,cla_rate,366,51799,70.65773470530318,ok,records
                la,E10000024,Nottinghamshire,2024,disputes_resolved,,,,not_available,records
                """);
    }

    @Test
    void csvToAStreamIsTheSameAsCsvToAFile() throws Exception {
        Path file = dir.resolve("indicators.csv");
        export.write(Format.CSV, file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(Format.CSV, out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Files.readString(file));
    }

    @Test
    void csvWritesSmallAndLargeNumbersInFullWithoutAnExponent() throws Exception {
        insert("la", "E06000001", "Hartlepool", 2023, "cla_rate", "records", 3.0, 200000.0, 0.000015, "ok");
        double tiny = -1.2345678901234567e-7;
        insert("la", "E06000002", "Middlesbrough", 2023, "cla_rate", "records", 1e20, 3.0, tiny, "ok");

        List<String> lines = csvLines();

        assertThat(lines).contains("la,E06000001,Hartlepool,2023,cla_rate,3,200000,0.000015,ok,records");
        String[] middlesbrough = lines.stream().filter(line -> line.contains("Middlesbrough")).findFirst().orElseThrow().split(",");
        assertThat(middlesbrough[5]).isEqualTo("100000000000000000000");
        assertThat(middlesbrough[7]).startsWith("-0.0000001234567890123456").doesNotContainIgnoringCase("e");
        assertThat(Double.parseDouble(middlesbrough[7])).isEqualTo(tiny);
    }

    @Test
    void aTextFieldThatASpreadsheetWouldTakeForAFormulaIsNeutralisedAndQuotedWhereNeeded() throws Exception {
        insert("la", "E06000003", "=HYPERLINK(\"http://x\",\"Redcar, and Cleveland\")", 2023, "cla_31mar", "records", 1.0, null, 1.0, "ok");
        insert("la", "E06000004", "@SUM(A1)", 2023, "cla_31mar", "records", 2.0, null, 2.0, "ok");
        insert("la", "-E06000005", "Stockton-on-Tees", 2023, "cla_31mar", "records", 3.0, null, 3.0, "ok");

        List<String> lines = csvLines();

        assertThat(lines).contains(
                "la,E06000003,\"'=HYPERLINK(\"\"http://x\"\",\"\"Redcar, and Cleveland\"\")\",2023,cla_31mar,1,,1,ok,records",
                "la,E06000004,'@SUM(A1),2023,cla_31mar,2,,2,ok,records",
                "la,'-E06000005,Stockton-on-Tees,2023,cla_31mar,3,,3,ok,records");
    }

    @Test
    void parquetReadBackThroughDuckDbHasTheSameRowsAndTypes() throws Exception {
        Path file = dir.resolve("indicators.parquet");
        export.write(Format.PARQUET, file);

        String parquet = "read_parquet('" + file.toAbsolutePath() + "')";
        assertThat(rows("SELECT * FROM " + parquet)).isEqualTo(rows("SELECT * FROM mart_indicator_export")).hasSize(4);
        assertThat(rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + parquet + ")")).containsExactly(
                List.of("area_type", "VARCHAR"), List.of("area_code", "VARCHAR"), List.of("area_name", "VARCHAR"),
                List.of("year", "SMALLINT"), List.of("indicator", "VARCHAR"), List.of("numerator", "DOUBLE"),
                List.of("denominator", "DOUBLE"), List.of("value", "DOUBLE"), List.of("status", "VARCHAR"),
                List.of("source", "VARCHAR"));
    }

    @Test
    void parquetNeedsAFile() {
        assertThatThrownBy(() -> export.write(Format.PARQUET, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parquet needs --out FILE");
    }

    @Test
    void anArrowStreamReadBackWithArrowJavaHasTheColumnsTypesAndValues() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(Format.ARROW, out);

        List<List<Object>> rows = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(out.toByteArray()), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            List<Field> fields = root.getSchema().getFields();
            assertThat(fields).extracting(Field::getName).containsExactlyElementsOf(COLUMNS);
            assertThat(fields.get(3).getType()).isEqualTo(new ArrowType.Int(16, true));
            for (int number : new int[] {5, 6, 7}) {
                assertThat(fields.get(number).getType()).isInstanceOf(ArrowType.FloatingPoint.class);
            }
            while (reader.loadNextBatch()) {
                for (int row = 0; row < root.getRowCount(); row++) {
                    List<Object> values = new ArrayList<>();
                    for (FieldVector vector : root.getFieldVectors()) {
                        Object value = vector.getObject(row);
                        values.add(value == null || value instanceof Number ? value : value.toString());
                    }
                    rows.add(values);
                }
            }
        }

        assertThat(rows).containsExactly(
                Arrays.asList("la", "E10000024", "Nottinghamshire", (short) 2024, "cla_31mar", 366.0, null, 366.0, "ok", "records"),
                Arrays.asList("england", "E92000001", "England", (short) 2024, "cla_31mar", 83630.0, null, 83630.0, "ok", "published"),
                Arrays.asList("la", "E10000024", "Nottinghamshire", (short) 2024, "cla_rate", 366.0, 51799.0, RATE, "ok", "records"),
                Arrays.asList("la", "E10000024", "Nottinghamshire", (short) 2024, "disputes_resolved", null, null, null, "not_available", "records"));
    }

    @Test
    void formatsAreNamedInAnyCase() {
        assertThat(Format.parse("CSV")).isEqualTo(Format.CSV);
        assertThat(Format.parse("Arrow")).isEqualTo(Format.ARROW);
        assertThat(Format.parse("parquet")).isEqualTo(Format.PARQUET);
        assertThatThrownBy(() -> Format.parse("xlsx")).hasMessageContaining("csv, arrow or parquet");
    }

    private List<String> csvLines() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(Format.CSV, out);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private void insert(String areaType, String areaCode, String areaName, int year, String indicator, String source,
                        Double numerator, Double denominator, Double value, String status) throws SQLException {
        warehouse.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO mart_indicator (area_type, area_code, area_name, la_code, year, indicator, source,
                                                numerator, denominator, value, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                statement.setString(1, areaType);
                statement.setString(2, areaCode);
                statement.setString(3, areaName);
                statement.setString(4, areaType.equals("la") ? areaCode : null);
                statement.setInt(5, year);
                statement.setString(6, indicator);
                statement.setString(7, source);
                statement.setObject(8, numerator);
                statement.setObject(9, denominator);
                statement.setObject(10, value);
                statement.setString(11, status);
                statement.executeUpdate();
            }
            return null;
        });
    }

    private List<List<Object>> rows(String query) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(rs.getObject(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
