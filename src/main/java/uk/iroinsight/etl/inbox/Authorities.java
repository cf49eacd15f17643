package uk.iroinsight.etl.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import uk.iroinsight.etl.csv.ClasspathCsv;

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
        Authorities authorities = new Authorities();
        for (Map<String, String> row : ClasspathCsv.readFile(RESOURCE)) {
            Authority authority = new Authority(row.get("OLD_LA_CODE"), row.get("NEW_LA_CODE"), row.get("LA_NAME"));
            authorities.byCode.put(authority.laCode(), authority);
            authorities.byCode.put(authority.onsCode(), authority);
        }
        return authorities;
    }

    /** The authority named by a 3-digit DfE code ("891") or a 9-character ONS code ("E10000024"). */
    public Optional<Authority> find(String code) {
        return Optional.ofNullable(byCode.get(code.strip().toUpperCase(java.util.Locale.ROOT)));
    }
}
