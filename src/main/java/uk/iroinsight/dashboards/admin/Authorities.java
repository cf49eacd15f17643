package uk.iroinsight.dashboards.admin;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import uk.iroinsight.warehouse.Warehouse;

/**
 * The current English authorities as the choosers show them (an LA analyst's on the Users page, an
 * upload's on Data loads): code and name, by name.
 */
public final class Authorities {

    public record Authority(String laCode, String name) {
        /** "Nottinghamshire (891)". */
        public String label() {
            return name + " (" + laCode + ")";
        }
    }

    private Authorities() {
    }

    public static List<Authority> current(Warehouse warehouse) {
        return warehouse.query("the authorities", "SELECT la_code, la_name FROM dim_authority WHERE is_current ORDER BY la_name",
                row -> new Authority(row.getString(1), row.getString(2)));
    }

    public static Map<String, Authority> byCode(List<Authority> authorities) {
        return authorities.stream().collect(Collectors.toMap(Authority::laCode, Function.identity(), (a, b) -> a));
    }
}
