package uk.iroinsight.dashboards.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.MartSnapshot.Funnel;
import uk.iroinsight.dashboards.data.MartSnapshot.FunnelPoint;
import uk.iroinsight.dashboards.data.MartSnapshot.Ranked;
import uk.iroinsight.dashboards.data.MartSnapshot.Ranking;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.indicators.Disclosure;
import uk.iroinsight.indicators.Disclosure.Shown;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.indicators.Indicator.Polarity;
import uk.iroinsight.indicators.Indicator.Unit;

/** The explorer's sentences and labels, on rankings built by hand whose right answer is plain. */
class ExplorerTextTest {

    private static final Authority NOTTS = authority("891", "Nottinghamshire");
    private static final Indicator ON_TIME = indicator("reviews_on_time_pct", "Reviews held on time", Unit.PERCENT, Polarity.HIGHER_BETTER);
    private static final Indicator OVERDUE = indicator("reviews_overdue_31mar", "Children with a review overdue", Unit.COUNT, Polarity.LOWER_BETTER);
    private static final Indicator RATE = indicator("cla_rate_10k", "Children looked after per 10,000", Unit.RATE_10K, Polarity.NONE);

    @Test
    void theSentenceGivesThePlaceAmongTheNeighboursAndTheBestOfThem() {
        Ranking ranking = ranking(ON_TIME, Comparison.SN, entry("855", "Leicestershire", 95.1, 1), entry("860", "Staffordshire", 93.0, 2),
                entry("873", "Cambridgeshire", 91.4, 3), entry("891", "Nottinghamshire", 90.2, 4), entry("935", "Suffolk", 88.0, 5));

        assertThat(ExplorerText.rankingSentence(ranking, NOTTS))
                .isEqualTo("Nottinghamshire is 4th of 5 among its statistical neighbours; the best is Leicestershire (95.1%).");
    }

    @Test
    void theBestAuthorityIsToldTheNextBestAndATieIsJoint() {
        Ranking first = ranking(ON_TIME, Comparison.REGION, entry("891", "Nottinghamshire", 97.0, 1), entry("855", "Leicestershire", 95.1, 2));
        assertThat(ExplorerText.rankingSentence(first, NOTTS))
                .isEqualTo("Nottinghamshire is 1st of 2 in the East Midlands; the next best is Leicestershire (95.1%).");

        Ranking tied = ranking(ON_TIME, Comparison.REGION, entry("855", "Leicestershire", 95.1, 1), entry("891", "Nottinghamshire", 95.1, 1),
                entry("830", "Derbyshire", 90.0, 3));
        assertThat(ExplorerText.rankingSentence(tied, NOTTS))
                .isEqualTo("Nottinghamshire is joint 1st of 3 in the East Midlands; Leicestershire (95.1%) is joint best with it.");
    }

    @Test
    void lowerIsBetterNamesTheLowestAsBestBecauseTheRankingIsAlreadyInThatOrder() {
        Ranking ranking = ranking(OVERDUE, Comparison.ALL, entry("830", "Derbyshire", 2.0, 1, "2"), entry("891", "Nottinghamshire", 9.0, 2, "9"));

        assertThat(ExplorerText.rankingSentence(ranking, NOTTS))
                .isEqualTo("Nottinghamshire is 2nd of 2 in England; the best is Derbyshire (2).");
    }

    @Test
    void anIndicatorWithoutPolaritySaysHighestAndLowestNotBest() {
        Ranking ranking = ranking(RATE, Comparison.SN, entry("860", "Staffordshire", 80.0, 1), entry("891", "Nottinghamshire", 65.3, 2),
                entry("855", "Leicestershire", 50.1, 3), entry("935", "Suffolk", 40.0, 4));

        assertThat(ExplorerText.rankingSentence(ranking, NOTTS)).isEqualTo("Nottinghamshire has the 2nd highest figure of 4 among its "
                + "statistical neighbours; of the others, the highest is Staffordshire (80.0 per 10,000) and the lowest Suffolk (40.0 per 10,000).");
        assertThat(ExplorerText.rankingSentence(ranking, NOTTS)).doesNotContain("best");
    }

    @Test
    void hiddenAuthoritiesAreCountedApartAndNamedInWords() {
        Ranking ranking = ranking(ON_TIME, Comparison.REGION, entry("855", "Leicestershire", 95.1, 1), entry("891", "Nottinghamshire", 90.2, 2),
                hidden("857", "Rutland", Disclosure.SUPPRESSED), hidden("831", "Derby", Disclosure.NOT_AVAILABLE));

        assertThat(ExplorerText.rankingSentence(ranking, NOTTS)).isEqualTo("Nottinghamshire is 2nd of 2 in the East Midlands "
                + "(2 more have no figure that can be shown); the best is Leicestershire (95.1%).");
        assertThat(ExplorerText.notShown(ranking))
                .isEqualTo("Not shown: Rutland [c], Derby [x]. [c] suppressed (1 to 5 children or events); [x] not available.");
        assertThat(ExplorerText.notShown(ranking(ON_TIME, Comparison.REGION, entry("891", "Nottinghamshire", 90.2, 1)))).isEmpty();
    }

    @Test
    void aChosenAuthorityThatCannotBeShownHasNoPlaceAndTheSentenceSaysWhy() {
        Ranking ranking = ranking(ON_TIME, Comparison.SN, entry("855", "Leicestershire", 95.1, 1), entry("860", "Staffordshire", 93.0, 2),
                hidden("891", "Nottinghamshire", Disclosure.SUPPRESSED));

        String sentence = ExplorerText.rankingSentence(ranking, NOTTS);
        assertThat(sentence).startsWith("Nottinghamshire's figure cannot be shown ([c], suppressed because it involves 1 to 5 children or events), "
                + "so it has no place in the ranking.");
        assertThat(sentence).endsWith("the best is Leicestershire (95.1%).");
        assertThat(ExplorerText.rankingSentence(ranking(ON_TIME, Comparison.SN, hidden("891", "Nottinghamshire", Disclosure.SUPPRESSED)), NOTTS))
                .isEqualTo("No authority among its statistical neighbours has a figure that can be shown for this year.");
    }

    @Test
    void quartileBandsAreLabelledFromTheLowestValuesUpByPolarity() {
        assertThat(ExplorerText.bandLabels(Polarity.HIGHER_BETTER)).containsExactly("Quartile D (worst)", "Quartile C", "Quartile B", "Quartile A (best)");
        assertThat(ExplorerText.bandLabels(Polarity.LOWER_BETTER)).containsExactly("Quartile A (best)", "Quartile B", "Quartile C", "Quartile D (worst)");
        assertThat(ExplorerText.bandLabels(Polarity.NONE)).containsExactly("Lowest quarter", "Second-lowest quarter", "Second-highest quarter", "Highest quarter");
    }

    @Test
    void theFunnelSentenceSaysWhereTheAuthorityLiesAndWhetherThatIsBetter() {
        FunnelPoint mine = new FunnelPoint(NOTTS, 1000, 97.0, new Shown("97.0", false, 97.0));
        // p = 0.9 over 1,000 reviews: sd 0.95 points, so 97.0 is over seven sd above.
        Funnel funnel = new Funnel(ON_TIME, 2024, Comparison.SN, "891", 90.0, List.of(mine), List.of(new double[] {1000, 87, 88, 92, 93}));

        assertThat(ExplorerText.funnelSentence(funnel, NOTTS)).isEqualTo("Nottinghamshire (97.0% of 1,000) lies above the 99.8% limit: "
                + "the difference from the overall figure of the statistical neighbours (90.0%) is very unlikely to be chance alone "
                + "(about 1 in 500). It is better than expected.");
        assertThat(ExplorerText.target(funnel, NOTTS)).isEqualTo("Statistical neighbours overall: 90.0%");

        FunnelPoint near = new FunnelPoint(NOTTS, 1000, 90.5, new Shown("90.5", false, 90.5));
        Funnel within = new Funnel(ON_TIME, 2024, Comparison.REGION, "891", 90.0, List.of(near), List.of());
        assertThat(ExplorerText.funnelSentence(within, NOTTS)).startsWith("Nottinghamshire (90.5% of 1,000) lies within the 95% limits: ")
                .doesNotContain("better").doesNotContain("worse");
        assertThat(ExplorerText.target(within, NOTTS)).isEqualTo("East Midlands overall: 90.0%");
    }

    @Test
    void theSourceContextSaysWhetherTheFiguresAreOfOneSourceOrMixed() {
        Figure records = figure("records", 90.0);
        Figure published = figure("published", 80.0);
        assertThat(ExplorerText.sources(List.of(records, records))).isEqualTo("All from the loaded returns");
        assertThat(ExplorerText.sources(List.of(published))).isEqualTo("All published by DfE");
        assertThat(ExplorerText.sources(List.of(records, published, published)))
                .isEqualTo("Mixed: 1 from the loaded returns, 2 published by DfE (each row says which)");
    }

    @Test
    void ordinalsReadAsWords() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 102, 153).stream().map(ExplorerText::ordinal))
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd", "153rd");
    }

    // ------------------------------------------------------------------ fixtures

    private static Ranking ranking(Indicator indicator, Comparison comparison, Ranked... entries) {
        List<Ranked> list = List.of(entries);
        int ranked = (int) list.stream().filter(r -> r.rank() != null).count();
        return new Ranking(indicator, 2024, comparison, "891", list, ranked, List.of());
    }

    private static Ranked entry(String la, String name, double value, int rank) {
        return entry(la, name, value, rank, String.format(java.util.Locale.UK, "%.1f", value));
    }

    private static Ranked entry(String la, String name, double value, int rank, String text) {
        return new Ranked(authority(la, name), figure("records", value), new Shown(text, false, value), rank);
    }

    private static Ranked hidden(String la, String name, String symbol) {
        return new Ranked(authority(la, name), figure("records", null), new Shown(symbol, Disclosure.SUPPRESSED.equals(symbol), null), null);
    }

    private static Authority authority(String la, String name) {
        return new Authority(la, "E1000" + la, name, "E12000004", "East Midlands", "E12000004", new ArrayList<>());
    }

    private static Figure figure(String source, Double value) {
        return new Figure("la", "E10000024", "Nottinghamshire", "891", 2024, "reviews_on_time_pct", source, null, null, value,
                value == null ? "not_available" : "ok", null, null, null, null, null, null, null);
    }

    private static Indicator indicator(String id, String title, Unit unit, Polarity polarity) {
        return new Indicator(id, "reviews", title, "A definition.", unit, polarity, true, List.of(), null, List.of(), null, null);
    }
}
