package uk.iroinsight.etl.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import uk.iroinsight.etl.csv.ClasspathCsv;

/**
 * The code lists of {@code etl/codes/}: which codes a field may hold, and in which collection
 * years (a code valid from 2025-26 is refused in a 2023-24 return).
 */
public final class CodeLists {

    /** One code with its inclusive collection-year range (null = open) and extra columns. */
    public record Code(String code, String description, Integer validFrom, Integer validTo, Map<String, String> attributes) {

        public boolean validIn(int year) {
            return (validFrom == null || year >= validFrom) && (validTo == null || year <= validTo);
        }

        /** True when a Y/N attribute of the list (e.g. {@code temporary}) is Y. */
        public boolean flag(String attribute) {
            return "Y".equalsIgnoreCase(attributes.getOrDefault(attribute, ""));
        }
    }

    private final Map<String, Map<String, Code>> lists;

    private CodeLists(Map<String, Map<String, Code>> lists) {
        this.lists = lists;
    }

    /** The lists shipped in {@code etl/codes/}. */
    public static CodeLists load() {
        Map<String, Map<String, Code>> lists = new HashMap<>();
        ClasspathCsv.readFolder("etl/codes").forEach((name, rows) -> {
            Map<String, Code> codes = new HashMap<>();
            for (Map<String, String> row : rows) {
                String code = row.get("CODE");
                codes.put(code, new Code(code, row.getOrDefault("DESCRIPTION", ""), year(row.get("VALID_FROM")),
                        year(row.get("VALID_TO")), Map.copyOf(lowerCaseKeys(row))));
            }
            lists.put(name, Map.copyOf(codes));
        });
        return new CodeLists(Map.copyOf(lists));
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> row) {
        return row.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT), Map.Entry::getValue));
    }

    private static Integer year(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }

    public Optional<Code> find(String list, String code) {
        return Optional.ofNullable(list(list).get(code));
    }

    /** Null when the code is valid in that year, otherwise the reason it is not. */
    public String problem(String list, String code, int year) {
        Code found = list(list).get(code);
        if (found == null) {
            return "is not a code of the " + list.replace('_', ' ') + " list (etl/codes/" + list + ".csv)";
        }
        if (!found.validIn(year)) {
            String range = found.validFrom() != null && year < found.validFrom()
                    ? "valid only from " + season(found.validFrom()) + " returns"
                    : "not valid after " + season(found.validTo()) + " returns";
            return "is not valid in a " + season(year) + " return (" + range + ")";
        }
        return null;
    }

    /** All codes of a list with a Y/N attribute set to Y (e.g. temporary placements). */
    public List<String> codesWith(String list, String attribute) {
        return list(list).values().stream().filter(c -> c.flag(attribute)).map(Code::code).sorted().toList();
    }

    private Map<String, Code> list(String list) {
        Map<String, Code> codes = lists.get(list);
        if (codes == null) {
            throw new IllegalArgumentException("no code list etl/codes/" + list + ".csv");
        }
        return codes;
    }

    /** 2025 → "2024-25". */
    public static String season(int year) {
        return (year - 1) + "-" + String.format("%02d", year % 100);
    }
}
