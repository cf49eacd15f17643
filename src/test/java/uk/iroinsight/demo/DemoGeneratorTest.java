package uk.iroinsight.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.etl.inbox.Authorities;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.etl.load.AuthorityLoader;
import uk.iroinsight.etl.load.LaYearResult;
import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.etl.validation.ReturnValidator;
import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.indicators.IndicatorFlags;
import uk.iroinsight.indicators.IndicatorMarts;
import uk.iroinsight.warehouse.ReferenceData;
import uk.iroinsight.warehouse.Warehouse;

class DemoGeneratorTest {

    /** A county, an inner-London borough with many UASC, Kent (UASC port of entry), a small unitary. */
    private static final List<String> LAS = List.of("891", "210", "886", "867");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    private static ReferenceFigures reference;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadReference() {
        reference = ReferenceFigures.load();
    }

    private Path generate(String name, long seed, int from, int to, List<String> las) {
        Path out = folder.resolve(name);
        new DemoGenerator(reference).generate(new DemoOptions(out, seed, from, to, las));
        return out;
    }

    @Test
    void theSameSeedWritesByteIdenticalFiles() throws IOException {
        Path first = generate("a", 7, 2023, 2025, LAS.subList(0, 3));
        Path second = generate("b", 7, 2023, 2025, LAS.subList(0, 3));
        assertThat(InboxHash.of(second)).isEqualTo(InboxHash.of(first));
        assertThat(Files.list(first.resolve("891")).count()).isEqualTo(3);
        assertThat(Files.list(first.resolve("891").resolve("2024")).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("disputes.csv", "episodes.csv", "header.csv", "reviews.csv", "uasc.csv", "workforce.csv");
    }

    @Test
    void anotherSeedWritesOtherFiles() throws IOException {
        assertThat(InboxHash.of(generate("a", 1, 2024, 2025, List.of("891")))).isNotEqualTo(InboxHash.of(generate("b", 2, 2024, 2025, List.of("891"))));
    }

    @Test
    void anAuthoritysFilesDoNotDependOnWhichOtherAuthoritiesAreGenerated() throws IOException {
        Path several = generate("several", 3, 2023, 2025, LAS);
        Path alone = generate("alone", 3, 2023, 2025, List.of("886"));
        assertThat(InboxHash.of(alone.resolve("886"))).isEqualTo(InboxHash.of(several.resolve("886")));
    }

    /** The demo of {@link #LAS} (plus the story authorities) for 2019-2025, loaded once with the real loader and marts. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class LoadedIntoTheWarehouse {

        private static final List<String> LOADED = List.of("891", "210", "886", "867", "380", "926", "316", "935");

        private Warehouse warehouse;
        private final List<LaYearResult> results = new ArrayList<>();

        @BeforeAll
        void generateAndLoad(@TempDir Path work) throws Exception {
            Path inbox = work.resolve("inbox");
            new DemoGenerator(reference).generate(new DemoOptions(inbox, 1, 2019, 2025, LOADED));
            warehouse = Warehouse.open(work.resolve("warehouse.duckdb"));
            warehouse.write(connection -> {
                ReferenceData.load(connection);
                return null;
            });
            var scan = new InboxScanner(Authorities.load(), CLOCK).scan(inbox);
            assertThat(scan.problems()).isEmpty();
            AuthorityLoader loader = new AuthorityLoader(warehouse, ReturnValidator.withShippedRules(),
                    new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)), CLOCK);
            for (var authority : scan.byAuthority().entrySet()) {
                results.addAll(loader.load(authority.getKey(), authority.getValue(), null));
            }
            new IndicatorMarts(warehouse, Catalogue.load(), IndicatorFlags.defaults(), CLOCK).rebuild();
        }

        @AfterAll
        void close() {
            warehouse.close();
        }

        @Test
        void everyRowPassesTheLoadersValidation() {
            assertThat(results).hasSize(LOADED.size() * 7);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.status()).isNotEqualTo(LaYearResult.Status.FAILED);
                assertThat(r.rejections()).as("rejected rows of " + r.folder()).isEmpty();
            });
        }

        @Test
        void childrenLookedAfterStartsAndCeasedMatchThePublishedCountsWithinOnePercentOrTwoChildren() throws Exception {
            List<String> outside = compareWithPublished("'cla_31mar', 'starts', 'ceased'", 0,
                    (records, published) -> Math.abs(records - published) <= Math.max(2, 0.01 * published));
            assertThat(outside).isEmpty();
        }

        @Test
        void placementStabilityMatchesThePublishedPercentagesWithinThreePoints() throws Exception {
            // Long-term stability looks back 2.5 years: from the third loaded year on.
            List<String> outside = compareWithPublished("'stability_3plus_pct'", 0, (records, published) -> Math.abs(records - published) <= 3);
            outside.addAll(compareWithPublished("'stability_long_term_pct'", 2021, (records, published) -> Math.abs(records - published) <= 3));
            assertThat(outside).isEmpty();
        }

        @Test
        void childrenLookLikeEnglandsChildrenInCare() throws Exception {
            Map<String, Double> shares = new HashMap<>();
            try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("""
                            SELECT avg(CASE WHEN sex = 1 THEN 1.0 ELSE 0 END),
                                   avg(CASE WHEN age_31mar BETWEEN 10 AND 15 THEN 1.0 ELSE 0 END),
                                   avg(CASE WHEN age_31mar < 1 THEN 1.0 ELSE 0 END)
                            FROM fact_child_year
                            WHERE in_care_31mar""")) {
                rs.next();
                shares.put("boys", rs.getDouble(1));
                shares.put("aged 10-15", rs.getDouble(2));
                shares.put("under 1", rs.getDouble(3));
            }
            assertThat(shares.get("boys")).isBetween(0.53, 0.60);
            assertThat(shares.get("aged 10-15")).isBetween(0.33, 0.45);
            assertThat(shares.get("under 1")).isBetween(0.01, 0.08);
        }

        @Test
        void iroCaseloadsAreMostlyWithin45To80ChildrenPerFte() throws Exception {
            try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("""
                            SELECT avg(CASE WHEN value BETWEEN 45 AND 80 THEN 1.0 ELSE 0 END) FROM mart_indicator
                            WHERE area_type = 'la' AND source = 'records' AND indicator = 'iro_caseload' AND status = 'ok'""")) {
                rs.next();
                assertThat(rs.getDouble(1)).isGreaterThanOrEqualTo(0.85);
            }
        }

        @Test
        void theStoryAuthoritiesShowTheirStories() throws Exception {
            // etl/demo/stories.csv: Nottinghamshire's timeliness improves, Bradford's slips,
            // Norfolk's participation falls, Suffolk has a spike of disputes in 2023.
            assertThat(value("E10000024", 2025, "reviews_on_time_pct")).isGreaterThan(value("E10000024", 2019, "reviews_on_time_pct") + 4);
            assertThat(value("E08000032", 2025, "reviews_on_time_pct")).isLessThan(value("E08000032", 2019, "reviews_on_time_pct") - 8);
            assertThat(value("E10000020", 2025, "participation_pct")).isLessThan(value("E10000020", 2019, "participation_pct") - 5);
            assertThat(value("E10000029", 2023, "disputes_per_100_cla")).isGreaterThan(2 * value("E10000029", 2022, "disputes_per_100_cla"));
        }

        private double value(String area, int year, String indicator) throws Exception {
            try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("""
                            SELECT value FROM mart_indicator WHERE area_type = 'la' AND source = 'records' AND area_code = '%s'
                              AND year = %d AND indicator = '%s'""".formatted(area, year, indicator))) {
                assertThat(rs.next()).as(indicator + " of " + area + " in " + year).isTrue();
                return rs.getDouble(1);
            }
        }

        /** Records against published for the LA-years with a published value; the pairs outside tolerance. */
        private List<String> compareWithPublished(String indicators, int fromYear, java.util.function.BiPredicate<Double, Double> within)
                throws Exception {
            List<String> outside = new ArrayList<>();
            int compared = 0;
            try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("""
                            SELECT r.la_code, r.year, r.indicator, r.value, p.value
                            FROM mart_indicator r JOIN mart_indicator p
                              ON p.area_type = 'la' AND p.source = 'published' AND p.la_code = r.la_code
                             AND p.year = r.year AND p.indicator = r.indicator AND p.status = 'ok'
                            WHERE r.area_type = 'la' AND r.source = 'records' AND r.indicator IN (%s) AND r.year >= %d
                            ORDER BY 1, 2, 3""".formatted(indicators, fromYear))) {
                while (rs.next()) {
                    compared++;
                    if (!within.test(rs.getDouble(4), rs.getDouble(5))) {
                        outside.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3) + ": records " + rs.getDouble(4)
                                + ", published " + rs.getDouble(5));
                    }
                }
            }
            assertThat(compared).as("LA-years compared for " + indicators).isGreaterThanOrEqualTo(LOADED.size() * 3);
            return outside;
        }
    }

}
