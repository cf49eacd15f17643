package uk.iroinsight.dashboards.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.dashboards.DemoWarehouse;
import uk.iroinsight.dashboards.records.RecordDrill.Kind;
import uk.iroinsight.dashboards.records.RecordDrill.Records;
import uk.iroinsight.dashboards.records.RecordDrill.Row;
import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.indicators.IndicatorFlags;
import uk.iroinsight.security.Access;
import uk.iroinsight.security.AccessDenied;
import uk.iroinsight.security.AuditLog;
import uk.iroinsight.security.CurrentAccess;
import uk.iroinsight.security.TestAccounts;
import uk.iroinsight.warehouse.Warehouse;

/**
 * The record-level drill on a copy of the demo warehouse: for one LA-year, every cell of
 * mart_breakdown (every indicator, dimension and category) is reproduced exactly by the rows
 * behind it; and only an ADMIN, or the authority's own analyst, gets rows, every request written
 * to the audit trail.
 */
class RecordDrillTest {

    private static final String LA = "891";
    private static final int YEAR = 2024;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;

    private static Warehouse warehouse;
    private static final Catalogue CATALOGUE = Catalogue.load();

    @BeforeAll
    static void open() {
        warehouse = Warehouse.open(DemoWarehouse.copyTo(folder.resolve("warehouse.duckdb")));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    /** A drill whose "signed-in person" is {@code who}. */
    private static RecordDrill drillFor(Access who) {
        CurrentAccess current = new CurrentAccess() {
            @Override
            public Access get() {
                return who;
            }
        };
        return new RecordDrill(warehouse, current, new AuditLog(warehouse, current, CLOCK), CATALOGUE, IndicatorFlags.defaults());
    }

    record CellRow(String indicator, String dimension, String category, Double numerator, Double denominator, Double value) {
    }

    @Test
    void everyCellOfAnLaYearIsReproducedExactlyByTheRowsBehindIt() throws Exception {
        List<CellRow> cells = warehouse.query("the cells", """
                SELECT indicator, dimension, category, numerator, denominator, value FROM mart_breakdown
                WHERE la_code = ? AND year = ? ORDER BY indicator, dimension, category_order""",
                row -> new CellRow(row.getString(1), row.getString(2), row.getString(3), row.getObject(4, Double.class),
                        row.getObject(5, Double.class), row.getObject(6, Double.class)), LA, YEAR);
        Set<String> indicators = cells.stream().map(CellRow::indicator).collect(Collectors.toSet());
        // every indicator with breakdowns is there (disputes too: Nottinghamshire is loaded with a dispute log)
        assertThat(indicators).containsAll(CATALOGUE.all().stream().filter(i -> !i.breakdowns().isEmpty()).map(Indicator::id).toList());
        List<String> wrong = new ArrayList<>();
        int rowsSeen = 0;
        try (Connection connection = warehouse.connect();
                RecordDrill.Units units = RecordDrill.Units.open(connection, IndicatorFlags.defaults(), LA, YEAR)) {
            for (CellRow cell : cells) {
                Indicator indicator = CATALOGUE.get(cell.indicator());
                List<Row> rows = units.rows(indicator, cell.dimension(), cell.category());
                rowsSeen += rows.size();
                String where = cell.indicator() + " by " + cell.dimension() + " = " + cell.category();
                if (indicator.unit() == Indicator.Unit.MEDIAN) {
                    double[] values = rows.stream().mapToDouble(Row::numerator).sorted().toArray();
                    Double median = values.length == 0 ? null : values.length % 2 == 1 ? values[values.length / 2]
                            : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
                    if (!java.util.Objects.equals(median, cell.value())) {
                        wrong.add(where + ": median " + median + " <> " + cell.value());
                    }
                    continue;
                }
                double numerator = rows.stream().mapToDouble(Row::numerator).sum();
                double denominator = rows.stream().mapToDouble(Row::denominator).sum();
                if (numerator != cell.numerator()) {
                    wrong.add(where + ": numerator " + numerator + " <> " + cell.numerator());
                }
                if (cell.denominator() != null && denominator != cell.denominator()) {
                    wrong.add(where + ": denominator " + denominator + " <> " + cell.denominator());
                }
                if (cell.denominator() == null && denominator != 0) {
                    wrong.add(where + ": a count's rows carry a denominator " + denominator);
                }
                // one row per unit, each one child, review or dispute with its key
                for (Row row : rows) {
                    boolean keyed = switch (row.kind()) {
                        case CHILD -> row.childKey() != null && row.reviewDate() == null;
                        case REVIEW -> row.childKey() != null && row.reviewDate() != null && row.participationCode() != null;
                        case DISPUTE -> row.disputeId() != null && row.raised() != null;
                    };
                    if (!keyed || row.numerator() > 1 || row.denominator() > 1) {
                        wrong.add(where + ": not one keyed unit: " + row);
                        break;
                    }
                }
                if (rows.stream().map(r -> r.kind() + "/" + r.childKey() + "/" + r.reviewDate() + "/" + r.disputeId()).distinct().count()
                        != rows.size()) {
                    wrong.add(where + ": a unit appears twice");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(cells.size()).isGreaterThan(200);
        assertThat(rowsSeen).isGreaterThan(1000);
    }

    @Test
    void theRowsSayWhatEachUnitIsAndHoldNoSourceIdentifiers() {
        RecordDrill drill = drillFor(TestAccounts.ADMIN.access());
        Records reviews = drill.records(LA, YEAR, "reviews_on_time_pct", "age_band", "10 to 15");
        assertThat(reviews.kind()).isEqualTo(Kind.REVIEW);
        assertThat(reviews.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.ageBand()).isEqualTo("10 to 15");
            assertThat(row.childKey()).matches("[0-9a-f]{16,}");
            assertThat(row.participationCode()).matches("PN[0-7]");
            assertThat(row.placementCode()).isNotBlank();
            assertThat(row.legalStatusCode()).isNotBlank();
        });
        assertThat(reviews.inDenominator() + reviews.excluded()).isEqualTo(reviews.rows().size());
        assertThat((double) reviews.inNumerator()).isEqualTo(reviews.cell().numerator());
        assertThat(reviews.rows()).filteredOn(r -> !r.excluded())
                .allSatisfy(r -> assertThat(r.onTime()).isEqualTo(r.numerator() == 1));

        Records children = drill.records(LA, YEAR, "children_participated_all_pct", "sex", "Female");
        assertThat(children.kind()).isEqualTo(Kind.CHILD);
        assertThat(children.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.sex()).isEqualTo("Female");
            assertThat(row.reviewCount()).isPositive();
            assertThat(row.reviewsInYear()).contains("PN");
        });

        Records disputes = drill.records(LA, YEAR, "disputes_raised", "stage", "Informal");
        assertThat(disputes.kind()).isEqualTo(Kind.DISPUTE);
        assertThat(disputes.rows()).allSatisfy(row -> assertThat(row.stage()).isEqualTo("Informal"));
        assertThat((double) disputes.rows().size()).isEqualTo(disputes.cell().numerator());

        // a cell that is not in the breakdown has no rows
        assertThat(drill.records(LA, YEAR, "reviews_on_time_pct", "age_band", "Nonsense").rows()).isEmpty();
        assertThat(drill.records(LA, YEAR, "reviews_on_time_pct", "theme", "x").rows()).isEmpty();
        assertThat(drill.records(LA, YEAR, "reviews_on_time_pct", "age_band; DROP TABLE x", "x").rows()).isEmpty();
    }

    @Test
    void anAdminSeesAnyAuthoritysRecordsAndAnAnalystOnlyTheirOwn() {
        assertThat(drillFor(TestAccounts.ADMIN.access()).records("857", YEAR, "participation_pct", "sex", "Male").rows()).isNotEmpty();
        assertThat(drillFor(TestAccounts.ADMIN.access()).records(LA, YEAR, "participation_pct", "sex", "Male").rows()).isNotEmpty();
        RecordDrill analyst = drillFor(TestAccounts.ANALYST.access());
        Records own = analyst.records(LA, YEAR, "participation_pct", "sex", "Male");
        assertThat(own.rows()).isNotEmpty();
        assertThat(analyst.maySee(LA)).isTrue();
        assertThat(analyst.maySee("857")).isFalse();

        assertThatThrownBy(() -> analyst.records("857", YEAR, "participation_pct", "sex", "Male")).isInstanceOf(AccessDenied.class);
        // ... by the explicit-access method too, and for a download
        assertThatThrownBy(() -> drillFor(Access.NOBODY).records(TestAccounts.ANALYST.access(), "857", YEAR, "participation_pct", "sex",
                "Male")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> analyst.export("857", YEAR, "participation_pct", "sex", "Male", "csv")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> drillFor(TestAccounts.VIEWER.access()).records(LA, YEAR, "participation_pct", "sex", "Male"))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> drillFor(Access.NOBODY).records(LA, YEAR, "participation_pct", "sex", "Male"))
                .isInstanceOf(AccessDenied.class);
        assertThat(drillFor(TestAccounts.VIEWER.access()).maySee(LA)).isFalse();
        assertThat(drillFor(TestAccounts.RUTLAND_ANALYST.access()).maySee(LA)).isFalse();
    }

    @Test
    void everyRequestIsAudited() {
        AuditLog audit = new AuditLog(warehouse, new CurrentAccess(), CLOCK);
        drillFor(TestAccounts.ANALYST.access()).records(LA, YEAR, "attendance_pct", "legal_status", "Care order");
        List<AuditLog.Entry> served = audit.recent(50, TestAccounts.ANALYST.username(), AuditLog.Event.RECORDS.id(), null, null);
        assertThat(served).anySatisfy(entry -> {
            assertThat(entry.target()).isEqualTo("records");
            assertThat(entry.detail()).contains("la=891", "year=2024", "indicator=attendance_pct", "dimension=legal_status",
                    "category=Care order", "rows=");
            assertThat(entry.laCode()).isEqualTo("891");
        });

        drillFor(TestAccounts.ANALYST.access()).export(LA, YEAR, "attendance_pct", "sex", "Male", "csv");
        assertThat(audit.recent(50, TestAccounts.ANALYST.username(), AuditLog.Event.EXPORT.id(), null, null))
                .anySatisfy(entry -> assertThat(entry.detail()).contains("indicator=attendance_pct", "format=csv"));

        assertThatThrownBy(() -> drillFor(TestAccounts.ANALYST.access()).records("857", YEAR, "reviews_held", "sex", "Female"))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> drillFor(TestAccounts.VIEWER.access()).records(LA, YEAR, "reviews_held", "sex", "Female"))
                .isInstanceOf(AccessDenied.class);
        assertThat(audit.recent(50, TestAccounts.ANALYST.username(), AuditLog.Event.ACCESS_DENIED.id(), null, null))
                .anySatisfy(entry -> assertThat(entry.detail()).contains("la=857", "indicator=reviews_held"));
        assertThat(audit.recent(50, TestAccounts.VIEWER.username(), AuditLog.Event.ACCESS_DENIED.id(), null, null))
                .anySatisfy(entry -> assertThat(entry.target()).isEqualTo("records"));
        // a refusal serves nothing: no RECORDS row for it
        assertThat(audit.recent(50, TestAccounts.VIEWER.username(), AuditLog.Event.RECORDS.id(), null, null)).isEmpty();
        assertThat(audit.recent(200, TestAccounts.ANALYST.username(), AuditLog.Event.RECORDS.id(), null, null))
                .noneSatisfy(entry -> assertThat(entry.detail()).contains("la=857"));
    }
}
