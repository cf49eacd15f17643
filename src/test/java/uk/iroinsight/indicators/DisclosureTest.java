package uk.iroinsight.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.iroinsight.indicators.Disclosure.Figure;
import uk.iroinsight.indicators.Disclosure.Shown;

/** Disclosure control, indicators.md §9. {@code true} below is the VIEWER, {@code false} an analyst or admin. */
class DisclosureTest {

    private static final Shown C = new Shown("[c]", true, null);
    private static final Shown X = new Shown("[x]", false, null);

    // --- primary suppression --------------------------------------------------------------

    @Test
    void aCountOfZeroIsShownAsZero() {
        assertThat(Disclosure.show(count(0), true)).isEqualTo(new Shown("0", false, 0.0));
    }

    @Test
    void aCountOfOneToFiveIsShownAsC() {
        assertThat(Disclosure.show(count(1), true)).isEqualTo(C);
        assertThat(Disclosure.show(count(5), true)).isEqualTo(C);
    }

    @Test
    void aCountOfSixIsShown() {
        assertThat(Disclosure.show(count(6), true)).isEqualTo(new Shown("6", false, 6.0));
    }

    @Test
    void countsAreWholeNumbersWithoutThousandsSeparators() {
        assertThat(Disclosure.show(count(1234), true).text()).isEqualTo("1234");
        assertThat(Disclosure.show(count(83530), true).text()).isEqualTo("83530");
    }

    @Test
    void aNeighbourMeanOfACountHasNoNumeratorAndIsCheckedOnItsValue() {
        // sn_mean rows: numerator and denominator null, value = mean of the neighbours' counts
        assertThat(Disclosure.show(new Figure(null, null, 3.4, "ok", "count"), true)).isEqualTo(C);
        assertThat(Disclosure.show(new Figure(null, null, 12.7, "ok", "count"), true))
                .isEqualTo(new Shown("12.7", false, 12.7));
    }

    @Test
    void aPercentageWithANumeratorOfOneToFiveIsC() {
        // 3 of 40 = 7.5%: the 3 children are few enough to identify
        assertThat(Disclosure.show(ratio(3, 40, 100, "percent"), true)).isEqualTo(C);
    }

    @Test
    void aPercentageWithADenominatorOfOneToFiveIsC() {
        // 2 of 4 = 50%: the group itself is only 4 children
        assertThat(Disclosure.show(ratio(2, 4, 100, "percent"), true)).isEqualTo(C);
    }

    @Test
    void noneOfOneToFiveChildrenIsCNotZero() {
        // 0 of 4 = 0% says something about each of the 4 children: the denominator rule wins
        assertThat(Disclosure.show(ratio(0, 4, 100, "percent"), true)).isEqualTo(C);
        // 0 of 40 is not disclosive: zero is shown as 0
        assertThat(Disclosure.show(ratio(0, 40, 100, "percent"), true)).isEqualTo(new Shown("0", false, 0.0));
    }

    @Test
    void aRateIsRoundedToOneDecimalPlaceAndCarriesItsUnroundedValue() {
        // Barnsley 2025: 366 children looked after of 51,799 aged 0-17:
        // 366 / 51799 x 10,000 = 70.6577... -> 70.7
        Shown shown = Disclosure.show(ratio(366, 51799, 10_000, "rate_10k"), true);
        assertThat(shown.text()).isEqualTo("70.7");
        assertThat(shown.value()).isEqualTo(366 / 51799.0 * 10_000);
        assertThat(shown.suppressed()).isFalse();
    }

    @Test
    void roundingIsHalfUpOnTheDecimalNotOnTheBinaryValue() {
        assertThat(Disclosure.show(percent(12.25), true).text()).isEqualTo("12.3");
        assertThat(Disclosure.show(percent(12.24999), true).text()).isEqualTo("12.2");
        // 0.15 and 1.45 are stored as 0.1499999... and 1.4499999...; rounding those would give 0.1 and 1.4
        assertThat(Disclosure.show(percent(0.15), true).text()).isEqualTo("0.2");
        assertThat(Disclosure.show(percent(1.45), true).text()).isEqualTo("1.5");
        // a whole percentage keeps its decimal place; a tiny one rounds to 0.0, unlike an exact 0
        assertThat(Disclosure.show(percent(50), true).text()).isEqualTo("50.0");
        assertThat(Disclosure.show(percent(0.04), true).text()).isEqualTo("0.0");
    }

    @Test
    void aCaseloadIsCForOneToFiveChildrenButNotForOneToFiveIros() {
        // iro_caseload = children / IRO FTE; the FTE is staff and is shown as iro_fte anyway
        assertThat(Disclosure.show(ratio(4, 1.5, 1, "ratio"), true)).isEqualTo(C);
        // 300 children / 4.5 FTE = 66.666... -> 66.7
        assertThat(Disclosure.show(ratio(300, 4.5, 1, "ratio"), true).text()).isEqualTo("66.7");
    }

    @Test
    void mediansAndFteAreNeverSuppressedBySize() {
        // a median of 3 working days is not 3 people; 4.5 FTE IROs are staff, not children
        assertThat(Disclosure.show(new Figure(null, null, 3.0, "ok", "median"), true)).isEqualTo(new Shown("3", false, 3.0));
        assertThat(Disclosure.show(new Figure(null, null, 4.5, "ok", "median"), true).text()).isEqualTo("4.5");
        assertThat(Disclosure.show(new Figure(4.5, null, 4.5, "ok", "fte"), true)).isEqualTo(new Shown("4.5", false, 4.5));
        assertThat(Disclosure.show(new Figure(3.0, null, 3.0, "ok", "fte"), true).text()).isEqualTo("3.0");
    }

    @Test
    void aFigureDfeSuppressedIsCEvenForAnAdmin() {
        Figure published = new Figure(null, null, null, "suppressed", "count");
        assertThat(Disclosure.show(published, false)).isEqualTo(C);
        assertThat(Disclosure.show(published, true)).isEqualTo(C);
    }

    @Test
    void aFigureNotAvailableIsShownAsXForEveryone() {
        // e.g. a percentage of nobody: 0 of 0
        Figure none = new Figure(0.0, 0.0, null, "not_available", "percent");
        assertThat(Disclosure.show(none, true)).isEqualTo(X);
        assertThat(Disclosure.show(none, false)).isEqualTo(X);
    }

    @Test
    void withoutSuppressionSmallNumbersAreShownAndFormatted() {
        assertThat(Disclosure.show(count(3), false)).isEqualTo(new Shown("3", false, 3.0));
        assertThat(Disclosure.show(ratio(2, 4, 100, "percent"), false)).isEqualTo(new Shown("50.0", false, 50.0));
    }

    @Test
    void anUnknownUnitOrStatusIsAnError() {
        assertThatThrownBy(() -> new Figure(1.0, null, 1.0, "ok", "per_1000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Figure(1.0, null, 1.0, "c", "count")).isInstanceOf(IllegalArgumentException.class);
    }

    // --- secondary suppression in breakdowns -------------------------------------------------

    @Test
    void whenOneCellIsSuppressedTheNextSmallestIsToo() {
        // 3 + 10 + 12 + 40 = 65: with 3 hidden alone it would be 65 - 10 - 12 - 40 = 3; hide 10 as well
        assertThat(Disclosure.breakdown(counts(3, 10, 12, 40), count(65), true))
                .containsExactly(C, C, shown(12), shown(40));
        // the same cells in another order: the smallest, not the first, is picked
        assertThat(Disclosure.breakdown(counts(40, 12, 3, 10), count(65), true))
                .containsExactly(shown(40), shown(12), C, C);
    }

    @Test
    void aZeroCellIsNeverTheSecondaryOne() {
        // 0 + 3 + 20 + 30 = 53: the zero stays 0, the next smallest non-zero cell (20) is hidden
        assertThat(Disclosure.breakdown(counts(0, 3, 20, 30), count(53), true))
                .containsExactly(shown(0), C, C, shown(30));
    }

    @Test
    void twoSuppressedCellsNeedNoSecondary() {
        // 2 + 4 + 20 + 30 = 56: the total gives only 2 + 4 = 6, which has several answers
        assertThat(Disclosure.breakdown(counts(2, 4, 20, 30), count(56), true))
                .containsExactly(C, C, shown(20), shown(30));
    }

    @Test
    void theSecondaryCellIsTheFirstOfEquallySmallCells() {
        // 40 + 10 + 4 + 10 = 64: both 10s are next smallest; the first in the list is hidden
        assertThat(Disclosure.breakdown(counts(40, 10, 4, 10), count(64), true))
                .containsExactly(shown(40), C, C, shown(10));
    }

    @Test
    void withNoOtherNonZeroCellNothingMoreIsSuppressed() {
        // a cell DfE suppressed, beside two zeros, total 9 shown: there is no non-zero cell to pick
        Figure hidden = new Figure(null, null, null, "suppressed", "count");
        assertThat(Disclosure.breakdown(List.of(count(0), hidden, count(0)), count(9), true))
                .containsExactly(shown(0), C, shown(0));
    }

    @Test
    void aSuppressedOrMissingTotalNeedsNoSecondary() {
        // 0 + 3 + 0 = 3: the total is [c] itself, so the 3 cannot be worked out from it
        assertThat(Disclosure.breakdown(counts(0, 3, 0), count(3), true)).containsExactly(shown(0), C, shown(0));
        // 3 + 10 + 12 with no total shown anywhere
        assertThat(Disclosure.breakdown(counts(3, 10, 12), null, true)).containsExactly(C, shown(10), shown(12));
    }

    @Test
    void inAPercentageBreakdownTheSecondaryIsTheSmallestGroupWithChildrenInIt() {
        // % UASC by age band, total 28 of 115: 0 of 15 (0%), 3 of 20 ([c]), 25 of 80 (31.25%).
        // Without a second hidden cell 3 of 20 is 28 - 0 - 25 of 115 - 15 - 80. The smallest by
        // numerator, then denominator, is 0 of 15: a group of 15 children, not an empty cell.
        List<Figure> cells = List.of(ratio(0, 15, 100, "percent"), ratio(3, 20, 100, "percent"), ratio(25, 80, 100, "percent"));
        assertThat(Disclosure.breakdown(cells, ratio(28, 115, 100, "percent"), true))
                .containsExactly(C, C, new Shown("31.3", false, 31.25));
    }

    @Test
    void withoutSuppressionABreakdownIsOnlyFormatted() {
        assertThat(Disclosure.breakdown(counts(3, 10, 12, 40), count(65), false))
                .containsExactly(shown(3), shown(10), shown(12), shown(40));
    }

    @Test
    void noSuppressedCellCarriesAValue() {
        List<Shown> shown = Disclosure.breakdown(counts(1, 2, 9, 0, 5, 30), count(47), true);
        assertThat(shown).filteredOn(Shown::suppressed).hasSize(3).allSatisfy(s -> assertThat(s.value()).isNull());
        assertThat(shown).filteredOn(s -> !s.suppressed()).extracting(Shown::value).containsExactly(9.0, 0.0, 30.0);
    }

    // --- helpers ---------------------------------------------------------------------------

    private static Figure count(double n) {
        return new Figure(n, null, n, "ok", "count");
    }

    private static List<Figure> counts(double... ns) {
        return java.util.Arrays.stream(ns).mapToObj(DisclosureTest::count).toList();
    }

    private static Figure ratio(double numerator, double denominator, double scale, String unit) {
        return new Figure(numerator, denominator, numerator / denominator * scale, "ok", unit);
    }

    /** A percentage of a large group, to test formatting alone. */
    private static Figure percent(double value) {
        return new Figure(value * 1000, 100_000.0, value, "ok", "percent");
    }

    private static Shown shown(double count) {
        return new Shown(count == 0 ? "0" : String.valueOf((long) count), false, count);
    }
}
