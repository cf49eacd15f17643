package uk.iroinsight.dashboards.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.iroinsight.dashboards.data.DashboardData.BreakdownRow;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.indicators.Indicator;

class ShownBreakdownTest {

    private final Catalogue catalogue = Catalogue.load();

    @Test
    void aSmallGroupIsHiddenWithItsCountsAndTheNextSmallestWithItSoTheTotalGivesNothingAway() {
        Indicator cla = catalogue.get("cla_31mar");
        List<BreakdownRow> rows = List.of(count("Under 1", 40), count("1 to 4", 3), count("5 to 9", 22), count("10 to 15", 9),
                count("16 and over", 0));

        ShownBreakdown shown = ShownBreakdown.of(cla, "age_band", rows, total(cla, 74, null), true);

        assertThat(shown.categories()).extracting(ShownBreakdown.Category::name, ShownBreakdown.Category::numerator,
                        ShownBreakdown.Category::denominator, c -> c.shown().text())
                .containsExactly(
                        tuple("Under 1", "40", "[z]", "40"),
                        tuple("1 to 4", "[c]", "[z]", "[c]"),
                        tuple("5 to 9", "22", "[z]", "22"),
                        tuple("10 to 15", "[c]", "[z]", "[c]"),   // secondary: the next smallest with someone in it
                        tuple("16 and over", "0", "[z]", "0"));
        assertThat(shown.values()).containsExactly(40.0, null, 22.0, null, 0.0);
        assertThat(shown.categories().get(1).numeratorValue()).isNull();
        assertThat(shown.suppressedCount()).isEqualTo(2);
        assertThat(shown.names()).containsExactly("Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over");
    }

    @Test
    void aPercentageShowsItsNumeratorAndDenominatorUnlessHidden() {
        Indicator onTime = catalogue.get("reviews_on_time_pct");
        List<BreakdownRow> rows = List.of(rate("Male", 90, 100), rate("Female", 70, 80), rate("Not known", 2, 4));

        ShownBreakdown shown = ShownBreakdown.of(onTime, "sex", rows, total(onTime, 162, 184.0), true);

        assertThat(shown.categories()).extracting(ShownBreakdown.Category::numerator, ShownBreakdown.Category::denominator,
                        c -> c.shown().text())
                .containsExactly(tuple("90", "100", "90.0"), tuple("[c]", "[c]", "[c]"), tuple("[c]", "[c]", "[c]"));
        ShownBreakdown unsuppressed = ShownBreakdown.of(onTime, "sex", rows, total(onTime, 162, 184.0), false);
        assertThat(unsuppressed.categories().get(2).numerator()).isEqualTo("2");
        assertThat(unsuppressed.categories().get(2).denominatorValue()).isEqualTo(4.0);
    }

    @Test
    void theWholeIsShownOnItsOwn() {
        Indicator onTime = catalogue.get("reviews_on_time_pct");
        ShownBreakdown.Category all = ShownBreakdown.whole(onTime, "All reviews", total(onTime, 162, 184.0), true);
        assertThat(all.numerator()).isEqualTo("162");
        assertThat(all.denominator()).isEqualTo("184");
        assertThat(all.shown().text()).isEqualTo("88.0");
    }

    @Test
    void aMedianHasNoCountsToShow() {
        Indicator median = catalogue.get("disputes_median_wd");
        ShownBreakdown shown = ShownBreakdown.of(median, "theme",
                List.of(new BreakdownRow(median.id(), "theme", "Care plan", 1, null, null, 14.0, "ok")), null, true);
        assertThat(shown.categories().get(0).numerator()).isEqualTo("[z]");
        assertThat(shown.categories().get(0).shown().text()).isEqualTo("14");
    }

    private static BreakdownRow count(String category, double n) {
        return new BreakdownRow("cla_31mar", "age_band", category, 0, n, null, n, "ok");
    }

    private static BreakdownRow rate(String category, double n, double d) {
        return new BreakdownRow("reviews_on_time_pct", "sex", category, 0, n, d, n / d * 100, "ok");
    }

    private static Figure total(Indicator indicator, double n, Double d) {
        double value = d == null ? n : n / d * 100;
        return new Figure("la", "E10000024", "Nottinghamshire", "891", 2024, indicator.id(), "records", n, d, value, "ok", null,
                null, null, null, null, null, null);
    }
}
