package uk.iroinsight.dashboards.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.iroinsight.indicators.Disclosure.Shown;

class DurhamReferenceTest {

    @Test
    void durhamsSharesComeFromTheCountsInItsReport() {
        assertThat(DurhamReference.total()).isEqualTo(2911);
        assertThat(DurhamReference.share(1)).isCloseTo(33.25, within(0.01));
        assertThat(DurhamReference.share(6)).isCloseTo(26.90, within(0.01));
        // (968 + 40 + 9 + 493 + 783) of the 2,350 reviews of children aged 4 or over
        assertThat(DurhamReference.conveyed()).isCloseTo(97.57, within(0.01));
        assertThat(DurhamReference.largestFirst()).startsWith(1, 6, 0, 5);
    }

    @Test
    void theSentenceSetsTheAuthoritysLatestMixBesideDurhams() {
        Map<Integer, Shown> mix = Map.of(0, shown(18.0), 1, shown(41.2), 5, new Shown("[c]", true, null), 6, shown(20.5));

        String sentence = DurhamReference.sentence("Rutland", 2024, mix, shown(95.3));

        assertThat(sentence).isEqualTo("In Durham's published IRO annual report for 2021/22, 33.3% of its 2,911 reviews were PN1, "
                + "26.9% PN6, 19.3% PN0 and 16.9% PN5, and children's views were conveyed at 97.6% of the reviews of children "
                + "aged 4 or over. In Rutland in the year ending 31 March 2024: 41.2% PN1, 20.5% PN6, 18.0% PN0 and [c] PN5; "
                + "views conveyed at 95.3%. Durham's figures are a reference point from one authority's own report, "
                + "not a comparator worked out the same way.");
    }

    private static Shown shown(double value) {
        return new Shown(String.format(java.util.Locale.UK, "%.1f", value), false, value);
    }
}
