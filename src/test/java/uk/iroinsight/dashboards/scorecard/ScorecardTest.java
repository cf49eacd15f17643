package uk.iroinsight.dashboards.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import uk.iroinsight.dashboards.scorecard.Scorecard.Item;
import uk.iroinsight.indicators.Catalogue;

/** The scorecard's key indicators file, as shipped and with the mistakes an analyst could make. */
class ScorecardTest {

    private static final Catalogue CATALOGUE = Catalogue.load();

    @Test
    void theShippedFileListsTheTwelveKeyIndicatorsInOrderEachWithALabel() {
        Scorecard scorecard = new Scorecard(CATALOGUE);

        assertThat(scorecard.items()).extracting(Item::id).containsExactly("cla_rate_10k", "starts_rate_10k",
                "stability_3plus_pct", "stability_long_term_pct", "reviews_on_time_pct", "children_reviews_on_time_pct",
                "participation_pct", "children_participated_all_pct", "disputes_per_100_cla", "disputes_resolved_20wd_pct",
                "iro_caseload", "iro_fte");
        assertThat(scorecard.items()).allSatisfy(item -> assertThat(item.label()).isNotBlank());
        assertThat(scorecard.items().get(4)).isEqualTo(new Item("reviews_on_time_pct", "Reviews held on time",
                "Every child in care must have their care plan reviewed by an independent reviewing officer on a set timetable."));
        assertThat(scorecard.items().get(11).why()).isNull();
    }

    @Test
    void anIdNotInTheCatalogueNamesTheFileAndTheEntry() {
        assertThatThrownBy(() -> Scorecard.parse("""
                scorecard:
                  - id: reviews_on_time_pct
                    label: Reviews on time
                  - id: reviews_on_tme_pct
                    label: Reviews on time again
                """, CATALOGUE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("dashboards/scorecard.yaml: entry 2 (reviews_on_tme_pct): no indicator 'reviews_on_tme_pct' in "
                        + "dashboards/indicators.yaml");
    }

    @Test
    void aMissingLabelAnUnknownFieldOrARepeatIsRefused() {
        assertThatThrownBy(() -> Scorecard.parse("scorecard:\n  - id: iro_fte\n", CATALOGUE))
                .hasMessage("dashboards/scorecard.yaml: entry 1 (iro_fte): 'label' must be some text");
        assertThatThrownBy(() -> Scorecard.parse("scorecard:\n  - id: iro_fte\n    label: IROs\n    wy: typo\n", CATALOGUE))
                .hasMessage("dashboards/scorecard.yaml: entry 1: unknown field 'wy' (fields are id, label, why)");
        assertThatThrownBy(() -> Scorecard.parse("scorecard:\n  - id: iro_fte\n    label: IROs\n  - id: iro_fte\n    label: Again\n",
                CATALOGUE))
                .hasMessage("dashboards/scorecard.yaml: entry 2 (iro_fte): indicator 'iro_fte' is listed twice");
        assertThatThrownBy(() -> Scorecard.parse("scorecard:\n  - iro_fte\n", CATALOGUE))
                .hasMessageStartingWith("dashboards/scorecard.yaml: entry 1 is not a map");
        assertThatThrownBy(() -> Scorecard.parse("indicators: []\n", CATALOGUE))
                .hasMessage("dashboards/scorecard.yaml: no 'scorecard' list of indicators");
    }
}
