package uk.iroinsight.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
        assertThat(hash(second)).isEqualTo(hash(first));
        assertThat(Files.list(first.resolve("891")).count()).isEqualTo(3);
        assertThat(Files.list(first.resolve("891").resolve("2024")).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("disputes.csv", "episodes.csv", "header.csv", "reviews.csv", "uasc.csv", "workforce.csv");
    }

    @Test
    void anotherSeedWritesOtherFiles() throws IOException {
        assertThat(hash(generate("a", 1, 2024, 2025, List.of("891")))).isNotEqualTo(hash(generate("b", 2, 2024, 2025, List.of("891"))));
    }

    @Test
    void anAuthoritysFilesDoNotDependOnWhichOtherAuthoritiesAreGenerated() throws IOException {
        Path several = generate("several", 3, 2023, 2025, LAS);
        Path alone = generate("alone", 3, 2023, 2025, List.of("886"));
        assertThat(hash(alone.resolve("886"))).isEqualTo(hash(several.resolve("886")));
    }

    @Test
    void theGeneratedInboxLoadsWithoutRejectsAndMatchesThePublishedCounts() throws Exception {
        Path inbox = generate("inbox", 1, 2021, 2025, LAS);
        Path db = folder.resolve("warehouse.duckdb");
        try (Warehouse warehouse = Warehouse.open(db)) {
            warehouse.write(connection -> {
                ReferenceData.load(connection);
                return null;
            });
            var scan = new InboxScanner(Authorities.load(), CLOCK).scan(inbox);
            assertThat(scan.problems()).isEmpty();
            AuthorityLoader loader = new AuthorityLoader(warehouse, ReturnValidator.withShippedRules(),
                    new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)), CLOCK);
            List<LaYearResult> results = new ArrayList<>();
            for (var authority : scan.byAuthority().entrySet()) {
                results.addAll(loader.load(authority.getKey(), authority.getValue(), null));
            }
            assertThat(results).hasSize(LAS.size() * 5);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.status()).isNotEqualTo(LaYearResult.Status.FAILED);
                assertThat(r.rejections()).as("rejected rows of " + r.folder()).isEmpty();
            });
            new IndicatorMarts(warehouse, Catalogue.load(), IndicatorFlags.defaults(), CLOCK).rebuild();

            List<String> outside = new ArrayList<>();
            int compared = 0;
            try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("""
                            SELECT r.la_code, r.year, r.indicator, r.value, p.value
                            FROM mart_indicator r JOIN mart_indicator p
                              ON p.area_type = 'la' AND p.source = 'published' AND p.la_code = r.la_code
                             AND p.year = r.year AND p.indicator = r.indicator AND p.status = 'ok'
                            WHERE r.area_type = 'la' AND r.source = 'records'
                              AND r.indicator IN ('cla_31mar', 'starts', 'ceased')
                            ORDER BY 1, 2, 3""")) {
                while (rs.next()) {
                    compared++;
                    double records = rs.getDouble(4);
                    double published = rs.getDouble(5);
                    if (Math.abs(records - published) > Math.max(2, 0.01 * published)) {
                        outside.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3) + ": records " + records
                                + ", published " + published);
                    }
                }
            }
            assertThat(compared).isGreaterThanOrEqualTo(LAS.size() * 5 * 3 - 3);
            assertThat(outside).isEmpty();
        }
    }

    private static String hash(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
