package uk.iroinsight.dashboards.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import uk.iroinsight.indicators.Catalogue;

class DimensionsTest {

    private final Catalogue catalogue = Catalogue.load();

    @Test
    void everyDimensionTheCatalogueUsesHasAHumanLabel() {
        catalogue.all().stream().flatMap(i -> i.breakdowns().stream()).distinct()
                .forEach(dimension -> assertThat(Dimensions.label(dimension)).doesNotContain("_"));
        assertThat(Dimensions.label("age_band")).isEqualTo("Age band");
        assertThat(Dimensions.label("ethnicity")).isEqualTo("Ethnicity group");
        assertThat(Dimensions.label("placement_type")).isEqualTo("Placement type");
        assertThat(Dimensions.label("legal_status")).isEqualTo("Legal status");
        assertThat(Dimensions.label("theme")).isEqualTo("Dispute theme");
        assertThat(Dimensions.label("stage")).isEqualTo("Stage reached");
        assertThat(Dimensions.label("outcome")).isEqualTo("Outcome");
        assertThat(Dimensions.words("ethnicity")).isEqualTo("ethnicity group");
        assertThatThrownBy(() -> Dimensions.label("month")).hasMessageContaining("month");
    }

    @Test
    void theAskedDimensionIsKeptOnlyWhereTheIndicatorHasIt() {
        assertThat(Dimensions.choose(catalogue.get("cla_31mar"), "sex")).contains("sex");
        assertThat(Dimensions.choose(catalogue.get("cla_31mar"), "theme")).contains("age_band");
        assertThat(Dimensions.choose(catalogue.get("cla_31mar"), null)).contains("age_band");
        assertThat(Dimensions.choose(catalogue.get("pn0_share"), "age_band")).contains("sex");
        assertThat(Dimensions.choose(catalogue.get("disputes_raised"), null)).contains("theme");
        assertThat(Dimensions.choose(catalogue.get("cla_rate_10k"), "age_band")).isEmpty();
    }

    @Test
    void theNumeratorCountsChildrenReviewsOrDisputes() {
        assertThat(Dimensions.counted(catalogue.get("cla_31mar"))).isEqualTo("Children");
        assertThat(Dimensions.counted(catalogue.get("stability_3plus_pct"))).isEqualTo("Children");
        assertThat(Dimensions.counted(catalogue.get("reviews_on_time_pct"))).isEqualTo("Reviews");
        assertThat(Dimensions.counted(catalogue.get("children_reviews_on_time_pct"))).isEqualTo("Children");
        assertThat(Dimensions.counted(catalogue.get("reviews_overdue_31mar"))).isEqualTo("Children");
        assertThat(Dimensions.counted(catalogue.get("participation_pct"))).isEqualTo("Reviews");
        assertThat(Dimensions.counted(catalogue.get("children_participated_all_pct"))).isEqualTo("Children");
        assertThat(Dimensions.counted(catalogue.get("disputes_raised"))).isEqualTo("Disputes");
        assertThat(Dimensions.counted(catalogue.get("good_practice_alerts"))).isEqualTo("Alerts");
    }
}
