package uk.iroinsight.dashboards.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import uk.iroinsight.indicators.Catalogue;

class ForumColumnsTest {

    private final Catalogue catalogue = Catalogue.load();

    @Test
    void theShippedFileNamesKnownIndicatorsWithShortLabels() {
        ForumColumns columns = new ForumColumns(catalogue);

        assertThat(columns.ids()).containsExactly("cla_rate_10k", "stability_3plus_pct", "stability_long_term_pct",
                "reviews_on_time_pct", "children_reviews_on_time_pct", "participation_pct", "disputes_per_100_cla",
                "disputes_resolved_20wd_pct", "iro_caseload");
        assertThat(columns.columns()).allSatisfy(c -> assertThat(c.label()).isNotBlank().hasSizeLessThanOrEqualTo(32));
    }

    @Test
    void anUnknownIndicatorStopsWithTheFileAndEntryNamed() {
        assertThatThrownBy(() -> new ForumColumns("""
                indicators:
                  - id: cla_rate_10k
                    label: CLA per 10,000
                  - id: reviews_in_time
                    label: Reviews
                """, catalogue))
                .hasMessage("dashboards/regional-forum.yaml: entry 2 (reviews_in_time): no such indicator in dashboards/indicators.yaml");
    }

    @Test
    void aMissingLabelARepeatedIdAndAnUnknownFieldAreMistakesToo() {
        assertThatThrownBy(() -> new ForumColumns("indicators:\n  - id: cla_rate_10k\n", catalogue))
                .hasMessage("dashboards/regional-forum.yaml: entry 1 (cla_rate_10k): has no label");
        assertThatThrownBy(() -> new ForumColumns("indicators:\n  - {id: cla_rate_10k, label: A}\n  - {id: cla_rate_10k, label: B}\n",
                catalogue)).hasMessage("dashboards/regional-forum.yaml: entry 2 (cla_rate_10k): is listed twice");
        assertThatThrownBy(() -> new ForumColumns("indicators:\n  - {id: cla_rate_10k, label: A, colour: red}\n", catalogue))
                .hasMessageContaining("entry 1 (cla_rate_10k): unknown fields [colour]");
        assertThatThrownBy(() -> new ForumColumns("indicators:\n  - label: A\n", catalogue))
                .hasMessage("dashboards/regional-forum.yaml: entry 1: has no id");
        assertThatThrownBy(() -> new ForumColumns("columns: []\n", catalogue))
                .hasMessageContaining("needs an 'indicators' list");
    }
}
