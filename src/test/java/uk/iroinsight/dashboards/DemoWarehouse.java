package uk.iroinsight.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import uk.iroinsight.security.TestAccounts;
import uk.iroinsight.demo.DemoGenerator;
import uk.iroinsight.demo.DemoOptions;
import uk.iroinsight.demo.ReferenceFigures;
import uk.iroinsight.etl.inbox.Authorities;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.etl.load.AuthorityLoader;
import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.etl.validation.ReturnValidator;
import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.indicators.IndicatorFlags;
import uk.iroinsight.indicators.IndicatorMarts;
import uk.iroinsight.warehouse.ReferenceData;
import uk.iroinsight.warehouse.Warehouse;

/**
 * A small demo warehouse for the dashboards' tests: the East Midlands' ten authorities (so the
 * regional forum has a whole region) for 2022-2025, generated with the demo's fixed seed, loaded
 * through the real loader and marts once per test JVM. Nottinghamshire's other statistical
 * neighbours are not loaded, so their figures come from DfE's published ones, as in a real
 * installation that holds a few authorities. It holds {@link TestAccounts}' accounts, one per
 * role. Each caller gets its own copy of the file.
 */
public final class DemoWarehouse {

    /** The East Midlands: Derby, Derbyshire, Leicester, Leicestershire, Lincolnshire, the two Northamptonshires, Nottingham, Nottinghamshire, Rutland. */
    public static final List<String> LAS = List.of("831", "830", "856", "855", "925", "940", "941", "892", "891", "857");
    public static final int FROM = 2022, TO = 2025;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static Path built;

    private DemoWarehouse() {
    }

    /**
     * A fresh copy of the warehouse file at {@code target} (its folder is created); if the file is
     * there already (Spring reads a dynamic property more than once), it is left as it is.
     */
    public static synchronized Path copyTo(Path target) {
        try {
            if (Files.exists(target)) {
                return target;
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(build(), target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path build() throws IOException {
        if (built != null) {
            return built;
        }
        Path work = Files.createTempDirectory("iro-demo-warehouse-");
        work.toFile().deleteOnExit();
        Path inbox = work.resolve("inbox");
        new DemoGenerator(ReferenceFigures.load()).generate(new DemoOptions(inbox, 1, FROM, TO, LAS));
        Path file = work.resolve("warehouse.duckdb");
        try (Warehouse warehouse = Warehouse.open(file)) {
            warehouse.write(connection -> {
                ReferenceData.load(connection);
                return null;
            });
            var scan = new InboxScanner(Authorities.load(), CLOCK).scan(inbox);
            if (!scan.problems().isEmpty()) {
                throw new IllegalStateException("demo inbox problems: " + scan.problems());
            }
            AuthorityLoader loader = new AuthorityLoader(warehouse, ReturnValidator.withShippedRules(),
                    new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)), CLOCK);
            for (var authority : scan.byAuthority().entrySet()) {
                loader.load(authority.getKey(), authority.getValue(), null);
            }
            new IndicatorMarts(warehouse, Catalogue.load(), IndicatorFlags.defaults(), CLOCK).rebuild();
            TestAccounts.addTo(warehouse);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot build the demo warehouse: " + e.getMessage(), e);
        }
        built = file;
        return built;
    }
}
