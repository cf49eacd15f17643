package uk.iroinsight.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import uk.iroinsight.indicators.Indicator.Polarity;
import uk.iroinsight.indicators.Indicator.Unit;
import uk.iroinsight.warehouse.SqlScripts;

/** The catalogue (dashboards/indicators.yaml) against indicators.md and the mart SQL. */
class CatalogueTest {

    /** Every indicator id of indicators.md §1-§6, in its order. */
    private static final List<String> SPEC_IDS = List.of(
            "cla_31mar", "cla_rate_10k", "starts", "starts_rate_10k", "ceased", "ceased_rate_10k", "uasc_pct", "s20_pct",
            "care_order_pct", "foster_pct", "residential_pct",
            "stability_3plus_pct", "stability_long_term_pct",
            "reviews_held", "reviews_on_time_pct", "children_reviews_on_time_pct", "reviews_overdue_31mar",
            "participation_pct", "attendance_pct", "children_participated_all_pct",
            "pn0_share", "pn1_share", "pn2_share", "pn3_share", "pn4_share", "pn5_share", "pn6_share", "pn7_share",
            "disputes_raised", "disputes_per_100_cla", "disputes_formal_pct", "disputes_stage3plus_pct",
            "disputes_resolved_20wd_pct", "disputes_median_wd", "disputes_open_31mar", "cafcass_referrals",
            "good_practice_alerts",
            "iro_fte", "iro_caseload");

    private final Catalogue catalogue = Catalogue.load();

    @Test
    void theCatalogueHoldsEveryIndicatorOfTheSpecInItsOrderAndNothingElse() {
        assertThat(catalogue.all()).extracting(Indicator::id).containsExactlyElementsOf(SPEC_IDS);
    }

    @Test
    void everyCatalogueEntryIsComputedByTheMartSql() {
        String sql = SqlScripts.list(IndicatorMarts.INDICATORS).stream().map(SqlScripts::read).collect(Collectors.joining("\n"));
        for (Indicator indicator : catalogue.all()) {
            boolean named = sql.contains("'" + indicator.id() + "'")
                    || indicator.id().matches("pn[0-7]_share") && sql.contains("lower(code) || '_share'");
            assertThat(named).as(indicator.id() + " in warehouse/marts/indicators").isTrue();
        }
    }

    @Test
    void exactlyTheSixIndicatorsDfePublishesHaveAPublishedSource() {
        assertThat(catalogue.all().stream().filter(Indicator::published).map(Indicator::id))
                .containsExactly("cla_31mar", "cla_rate_10k", "starts", "starts_rate_10k", "ceased", "ceased_rate_10k",
                        "stability_3plus_pct", "stability_long_term_pct");
    }

    @Test
    void volumesRatesAndMixesHaveNoPolarityAndTimelinessIsBetterHigher() {
        assertThat(catalogue.get("cla_rate_10k").polarity()).isEqualTo(Polarity.NONE);
        assertThat(catalogue.get("pn3_share").polarity()).isEqualTo(Polarity.NONE);
        assertThat(catalogue.get("reviews_on_time_pct").polarity()).isEqualTo(Polarity.HIGHER_BETTER);
        assertThat(catalogue.get("stability_3plus_pct").polarity()).isEqualTo(Polarity.LOWER_BETTER);
        assertThat(catalogue.get("cla_rate_10k").unit()).isEqualTo(Unit.RATE_10K);
        assertThat(catalogue.get("iro_caseload").band()).isEqualTo(new Indicator.Band(50, 70,
                "IRO Handbook (2010): 50 to 70 children per full-time IRO"));
    }

    @Test
    void theFlagsEachIndicatorDependsOnAreNamed() {
        assertThat(catalogue.get("stability_3plus_pct").flags()).containsExactly(IndicatorFlags.COUNT_SAME_CARER_MOVES);
        assertThat(catalogue.get("participation_pct").flags()).containsExactly(IndicatorFlags.PN4_COUNTS_AS_PARTICIPATION);
        assertThat(catalogue.get("attendance_pct").flags()).isEmpty();
    }

    @Test
    void aMistakeInTheCatalogueNamesTheIndicatorAndField() {
        assertThatThrownBy(() -> Catalogue.parse("""
                indicators:
                  - {id: x_pct, family: volumes, title: X, definition: X, unit: percent, polarity: none, breakdowns: [colour]}
                """)).hasMessageContaining("x_pct").hasMessageContaining("breakdowns");
        assertThatThrownBy(() -> Catalogue.parse("""
                indicators:
                  - {id: x_pct, family: volumes, title: X, definition: X, unit: percent, polarity: none, breakdown: []}
                """)).hasMessageContaining("breakdown");
        assertThatThrownBy(() -> Catalogue.parse("""
                indicators:
                  - {id: x_pct, family: volumes, title: X, definition: X, unit: percent, polarity: none}
                  - {id: x_pct, family: volumes, title: X, definition: X, unit: percent, polarity: none}
                """)).hasMessageContaining("x_pct is listed twice");
    }
}
