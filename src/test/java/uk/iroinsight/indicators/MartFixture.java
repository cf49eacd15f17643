package uk.iroinsight.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import uk.iroinsight.etl.WarehouseContents;
import uk.iroinsight.etl.inbox.Authorities;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.etl.load.AuthorityLoader;
import uk.iroinsight.etl.load.LaYearResult;
import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.etl.validation.ReturnValidator;
import uk.iroinsight.warehouse.ReferenceData;
import uk.iroinsight.warehouse.Warehouse;

/**
 * Hand-built 903 returns (and IRO logs) written as CSV files into an inbox, loaded by the real
 * loader into a warehouse with the shipped reference data, and the indicator marts built from
 * them. Tests read figures back as "numerator|denominator|value|status" strings, a number
 * printed without a trailing ".0" and NULL as "-".
 *
 * <p>Usage: {@code fixture.header(...); fixture.episodes(...); fixture.load(); fixture.figure(...)}.
 */
final class MartFixture implements AutoCloseable {

    static final String HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";
    static final String EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
    static final String REVIEWS = "CHILD,DOB,REVIEW,REVIEW_CODE";
    static final String UASC = "CHILD,SEX,DOB,DUC";
    static final String DISPUTES = "DISPUTE_ID,CHILD,TYPE,RAISED,THEME,STAGE_REACHED,STAGE1_DATE,CAFCASS,RESOLVED,OUTCOME";
    static final String WORKFORCE = "DATE,IRO_FTE,IRO_HEADCOUNT,VACANT_FTE,AGENCY_FTE";

    private static final Pseudonymiser PSEUDONYMS = new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    private static Path template;

    private final Path inbox;
    private final Warehouse warehouse;
    private IndicatorFlags flags = IndicatorFlags.defaults();

    private MartFixture(Path folder) throws IOException {
        inbox = Files.createDirectories(folder.resolve("inbox"));
        Path db = folder.resolve("warehouse.duckdb");
        Files.copy(template(folder), db);
        warehouse = Warehouse.open(db);
    }

    /** A fresh warehouse (schema and reference data) in {@code folder}, with an empty inbox. */
    static MartFixture in(Path folder) {
        try {
            return new MartFixture(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loading reference data takes about a second: done once per test run, then copied. */
    private static synchronized Path template(Path folder) {
        if (template == null || !Files.exists(template)) {
            try {
                Path file = Files.createTempFile("iro-mart-template", ".duckdb");
                Files.delete(file);
                try (Warehouse warehouse = Warehouse.open(file)) {
                    warehouse.write(connection -> {
                        ReferenceData.load(connection);
                        return null;
                    });
                }
                file.toFile().deleteOnExit();
                template = file;
            } catch (IOException | SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return template;
    }

    // ------------------------------------------------------------------ writing returns

    /** Writes {@code INBOX/<la>/<year>/<file>}: a header line, then the rows. */
    MartFixture write(String la, int year, String file, String header, String... rows) {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (String row : rows) {
            text.append(row).append('\n');
        }
        try {
            Path path = inbox.resolve(la).resolve(String.valueOf(year)).resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Copies a whole inbox (e.g. a test resource folder) into this fixture's inbox. */
    MartFixture copyInbox(Path source) {
        try (var files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = inbox.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    MartFixture header(String la, int year, String... rows) {
        return write(la, year, "header.csv", HEADER, rows);
    }

    MartFixture episodes(String la, int year, String... rows) {
        return write(la, year, "episodes.csv", EPISODES, rows);
    }

    MartFixture reviews(String la, int year, String... rows) {
        return write(la, year, "reviews.csv", REVIEWS, rows);
    }

    MartFixture uasc(String la, int year, String... rows) {
        return write(la, year, "uasc.csv", UASC, rows);
    }

    MartFixture disputes(String la, int year, String... rows) {
        return write(la, year, "disputes.csv", DISPUTES, rows);
    }

    MartFixture workforce(String la, int year, String... rows) {
        return write(la, year, "workforce.csv", WORKFORCE, rows);
    }

    MartFixture flags(IndicatorFlags flags) {
        this.flags = flags;
        return this;
    }

    // ------------------------------------------------------------------ loading and building

    /**
     * Loads the inbox with the real loader, insisting that no row is rejected (a fixture that
     * breaks a validation rule is a broken test), then builds the marts.
     */
    MartFixture load() {
        return load(true);
    }

    /** Loads the inbox; rows may be rejected (their LA-year still loads). */
    MartFixture loadAllowingRejects() {
        return load(false);
    }

    private MartFixture load(boolean strict) {
        try {
            var scan = new InboxScanner(Authorities.load(), CLOCK).scan(inbox);
            assertThat(scan.problems()).as("inbox problems").isEmpty();
            AuthorityLoader loader = new AuthorityLoader(warehouse, ReturnValidator.withShippedRules(), PSEUDONYMS, CLOCK);
            List<LaYearResult> results = new ArrayList<>();
            for (var authority : scan.byAuthority().entrySet()) {
                results.addAll(loader.load(authority.getKey(), authority.getValue(), null));
            }
            if (strict) {
                assertThat(results).allSatisfy(r -> assertThat(r.rejections()).as("rejected rows of " + r.folder()).isEmpty());
            }
            assertThat(results).allSatisfy(r -> assertThat(r.status()).isNotEqualTo(LaYearResult.Status.FAILED));
            marts().rebuild();
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rebuilds the marts with other flags (as changing the configuration and restarting would). */
    MartFixture rebuildWith(IndicatorFlags flags) {
        this.flags = flags;
        try {
            marts().refreshIfStale();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    IndicatorMarts marts() {
        return new IndicatorMarts(warehouse, Catalogue.load(), flags, CLOCK);
    }

    Warehouse warehouse() {
        return warehouse;
    }

    // ------------------------------------------------------------------ reading figures

    /** An LA's own records figure: "numerator|denominator|value|status" (value rounded to 4 dp). */
    String figure(String la, int year, String indicator) {
        return single("""
                SELECT %s FROM mart_indicator
                WHERE area_type = 'la' AND source = 'records' AND la_code = '%s' AND year = %d AND indicator = '%s'"""
                .formatted(FIGURE, la, year, indicator));
    }

    /** A comparator or published figure: "numerator|denominator|value|status". */
    String figure(String areaType, String areaCode, int year, String indicator, String source) {
        return single("""
                SELECT %s FROM mart_indicator
                WHERE area_type = '%s' AND area_code = '%s' AND year = %d AND indicator = '%s' AND source = '%s'"""
                .formatted(FIGURE, areaType, areaCode, year, indicator, source));
    }

    /** One breakdown dimension of an LA's figure, in category order: "category=numerator|denominator|value". */
    List<String> breakdown(String la, int year, String indicator, String dimension) {
        return rows("""
                SELECT category || '=' || %s FROM mart_breakdown
                WHERE la_code = '%s' AND year = %d AND indicator = '%s' AND dimension = '%s'
                ORDER BY category_order""".formatted(NUMBERS, la, year, indicator, dimension));
    }

    private static final String NUMBERS = """
            coalesce(regexp_replace(CAST(numerator AS VARCHAR), '\\.0$', ''), '-') || '|' ||
            coalesce(regexp_replace(CAST(denominator AS VARCHAR), '\\.0$', ''), '-') || '|' ||
            coalesce(regexp_replace(CAST(round(value, 4) AS VARCHAR), '\\.0$', ''), '-')""";

    private static final String FIGURE = NUMBERS + " || '|' || status";

    String single(String sql) {
        List<String> rows = rows(sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    List<String> rows(String sql) {
        try (Connection connection = warehouse.connect()) {
            return WarehouseContents.rows(connection, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
