package uk.iroinsight.dashboards.breakdown;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Words the breakdown tables share. */
final class Tables {

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.UK);

    private Tables() {
    }

    /** "Year ending 31 March 2024". */
    static String year(int year) {
        return "Year ending 31 March " + year;
    }

    /** When the marts were built, for a table's "As of". */
    static String asOf(LocalDateTime builtAt) {
        return builtAt == null ? "not yet built" : AS_OF.format(builtAt);
    }
}
