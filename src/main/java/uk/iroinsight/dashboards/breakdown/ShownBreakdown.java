package uk.iroinsight.dashboards.breakdown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import uk.iroinsight.dashboards.data.DashboardData.BreakdownRow;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.indicators.Disclosure;
import uk.iroinsight.indicators.Disclosure.Shown;
import uk.iroinsight.indicators.Indicator;

/**
 * An indicator's categories for an LA-year as a viewer may see them: each value through
 * {@link Disclosure#breakdown} against the authority's own figure as the total (so one hidden
 * category cannot be worked out from the others), and a hidden category's numerator and
 * denominator hidden with it.
 */
record ShownBreakdown(Indicator indicator, String dimension, List<Category> categories) {

    /** "[c]" for a hidden count, "[z]" where the unit has no such count (a median's, a count's denominator). */
    static final String NOT_APPLICABLE = "[z]";

    /**
     * One category as shown.
     *
     * @param numerator   the count as shown ("12", "[c]", "[z]")
     * @param denominator likewise
     * @param shown       the value as shown; its value is null when it may not be plotted
     */
    record Category(String name, String numerator, Double numeratorValue, String denominator, Double denominatorValue,
                    Shown shown) {
    }

    /**
     * @param rows     the categories, in their order ({@code DashboardData.breakdown})
     * @param total    the authority's own figure for the LA-year (the categories add up to it)
     * @param suppress whether small numbers are hidden (viewers)
     */
    static ShownBreakdown of(Indicator indicator, String dimension, List<BreakdownRow> rows, Figure total, boolean suppress) {
        List<Disclosure.Figure> cells = rows.stream().map(row -> row.forDisclosure(indicator)).toList();
        List<Shown> shown = Disclosure.breakdown(cells, total == null ? null : total.forDisclosure(indicator), suppress);
        List<Category> categories = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            BreakdownRow row = rows.get(i);
            categories.add(category(indicator, row.category(), row.numerator(), row.denominator(), shown.get(i)));
        }
        return new ShownBreakdown(indicator, dimension, List.copyOf(categories));
    }

    /** The whole (the authority's own figure) as a row named {@code name}, shown on its own. */
    static Category whole(Indicator indicator, String name, Figure total, boolean suppress) {
        return category(indicator, name, total.numerator(), total.denominator(),
                Disclosure.show(total.forDisclosure(indicator), suppress));
    }

    private static Category category(Indicator indicator, String name, Double numerator, Double denominator, Shown value) {
        boolean hidden = value.suppressed();
        boolean noNumerator = indicator.unit() == Indicator.Unit.MEDIAN;
        boolean noDenominator = !hasDenominator(indicator);
        return new Category(name,
                count(numerator, value, noNumerator), hidden || noNumerator ? null : numerator,
                count(denominator, value, noDenominator), hidden || noDenominator ? null : denominator,
                value);
    }

    /** The category names, in order (the chart's x axis). */
    List<String> names() {
        return categories.stream().map(Category::name).toList();
    }

    /** The values to plot: null where hidden or not available. */
    List<Double> values() {
        return categories.stream().map(c -> c.shown().value()).toList();
    }

    /** How many categories are hidden. */
    long suppressedCount() {
        return categories.stream().filter(c -> c.shown().suppressed()).count();
    }

    private static boolean hasDenominator(Indicator indicator) {
        return switch (indicator.unit()) {
            case COUNT, MEDIAN, FTE -> false;
            default -> true;
        };
    }

    private static String count(Double number, Shown value, boolean notApplicable) {
        if (notApplicable) {
            return NOT_APPLICABLE;
        }
        if (value.suppressed()) {
            return Disclosure.SUPPRESSED;
        }
        if (number == null) {
            return Disclosure.NOT_AVAILABLE;
        }
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
