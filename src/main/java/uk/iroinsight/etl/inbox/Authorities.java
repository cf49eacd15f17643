package uk.iroinsight.etl.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import uk.iroinsight.etl.csv.CsvFile;
import uk.iroinsight.etl.csv.CsvRow;
import uk.iroinsight.etl.csv.UnreadableFileException;

/** English local authorities by DfE 3-digit code and ONS code (etl/reference/local_authorities.csv). */
public final class Authorities {

    private static final String RESOURCE = "etl/reference/local_authorities.csv";

    /** One authority. */
    public record Authority(String laCode, String onsCode, String name) {
    }

    private final Map<String, Authority> byCode = new HashMap<>();

    private Authorities() {
    }

    public static Authorities load() {
        try (InputStream in = Authorities.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the classpath");
            }
            CsvFile file = CsvFile.parseBytes(Path.of(RESOURCE), in.readAllBytes());
            int old = file.position("OLD_LA_CODE").orElseThrow();
            int ons = file.position("NEW_LA_CODE").orElseThrow();
            int name = file.position("LA_NAME").orElseThrow();
            Authorities authorities = new Authorities();
            for (CsvRow row : file.rows()) {
                Authority authority = new Authority(row.fields()[old].strip(), row.fields()[ons].strip(), row.fields()[name].strip());
                authorities.byCode.put(authority.laCode(), authority);
                authorities.byCode.put(authority.onsCode(), authority);
            }
            return authorities;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        } catch (UnreadableFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The authority named by a 3-digit DfE code ("891") or a 9-character ONS code ("E10000024"). */
    public Optional<Authority> find(String code) {
        return Optional.ofNullable(byCode.get(code.strip().toUpperCase(java.util.Locale.ROOT)));
    }
}
