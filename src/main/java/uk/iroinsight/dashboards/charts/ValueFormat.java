package uk.iroinsight.dashboards.charts;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * How numbers read on axes, data labels and tooltips: fixed decimals (en-GB grouping) between a
 * prefix and a suffix. ApexCharts wants formatter functions there; we send this in their place
 * ({@code "formatter": {"decimals": 1, "suffix": "%"}}) and the browser side turns it into one,
 * so no script travels from the server.
 *
 * @param decimals digits after the point, 0-6
 * @param prefix   text before the number, or null
 * @param suffix   text after the number, or null
 */
public record ValueFormat(int decimals, String prefix, String suffix) {

    public ValueFormat {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be 0-6: " + decimals);
        }
    }

    /** The value as the chart shows it (for descriptions written on the server). */
    public String format(double value) {
        NumberFormat number = NumberFormat.getNumberInstance(Locale.UK);
        number.setMinimumFractionDigits(decimals);
        number.setMaximumFractionDigits(decimals);
        return (prefix == null ? "" : prefix) + number.format(value) + (suffix == null ? "" : suffix);
    }

    /** Whole numbers: counts. */
    public static ValueFormat count() {
        return new ValueFormat(0, null, null);
    }

    /** A number with the given decimals: rates per 10,000, days, FTE. */
    public static ValueFormat number(int decimals) {
        return new ValueFormat(decimals, null, null);
    }

    /** A percentage with the given decimals. */
    public static ValueFormat percent(int decimals) {
        return new ValueFormat(decimals, null, "%");
    }
}
