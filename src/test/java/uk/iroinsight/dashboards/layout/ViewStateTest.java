package uk.iroinsight.dashboards.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.router.QueryParameters;

import uk.iroinsight.dashboards.layout.ViewState.Comparison;

class ViewStateTest {

    @Test
    void aFullStateRoundTripsThroughTheQueryString() {
        ViewState state = new ViewState("891", 2024, "reviews_on_time_pct", Comparison.REGION, "age_band");
        assertThat(state.queryString()).isEqualTo("la=891&year=2024&indicator=reviews_on_time_pct&compare=region&by=age_band");
        assertThat(ViewState.from(QueryParameters.fromString(state.queryString()))).isEqualTo(state);
    }

    @Test
    void absentValuesAreLeftOutAndReadBackAsAbsent() {
        ViewState state = ViewState.EMPTY.withLa("857");
        assertThat(state.queryString()).isEqualTo("la=857");
        assertThat(ViewState.from(QueryParameters.fromString("la=857"))).isEqualTo(state);
        assertThat(ViewState.from(QueryParameters.empty())).isEqualTo(ViewState.EMPTY);
    }

    @Test
    void malformedOrHostileValuesAreIgnoredNotEchoed() {
        ViewState state = ViewState.from(QueryParameters.full(Map.of(
                "la", new String[] {"<script>"},
                "year", new String[] {"20245"},
                "indicator", new String[] {"x' OR 1=1 --"},
                "compare", new String[] {"everyone"},
                "by", new String[] {"../../etc"})));
        assertThat(state).isEqualTo(ViewState.EMPTY);
    }

    @Test
    void comparisonIsReadInAnyCase() {
        assertThat(ViewState.from(QueryParameters.simple(Map.of("compare", "SN"))).compare()).isEqualTo(Comparison.SN);
        assertThat(ViewState.from(QueryParameters.simple(Map.of("compare", "All"))).compare()).isEqualTo(Comparison.ALL);
        assertThat(List.of(Comparison.values())).extracting(Comparison::id).containsExactly("sn", "region", "all");
    }
}
