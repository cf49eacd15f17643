package uk.iroinsight.dashboards.admin;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import uk.iroinsight.warehouse.Warehouse;

/** The current authorities, for choosing an LA analyst's: code and name, by name. */
final class Authorities {

    record Authority(String laCode, String name) {
        String label() {
            return name + " (" + laCode + ")";
        }
    }

    private Authorities() {
    }

    static List<Authority> current(Warehouse warehouse) {
        return warehouse.query("the authorities", "SELECT la_code, la_name FROM dim_authority WHERE is_current ORDER BY la_name",
                row -> new Authority(row.getString(1), row.getString(2)));
    }

    static Map<String, Authority> byCode(List<Authority> authorities) {
        return authorities.stream().collect(Collectors.toMap(Authority::laCode, Function.identity(), (a, b) -> a));
    }
}
