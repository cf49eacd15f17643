package uk.iroinsight.dashboards.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.iroinsight.dashboards.charts.Series.Point;

/** A click's indexes are looked up in the options the server holds, never taken on the client's word. */
class ChartClickEventTest {

    private final ChartOptions trend = Charts.trend("Starts", ValueFormat.count(), List.of("2024", "2025"),
            List.of(Series.of("Derby", 10.0, null), Series.of("England", 11.0, 12.0)));
    private final ApexChart chart = new ApexChart(trend);

    @Test
    void a_plain_value_takes_its_category_from_the_x_axis() {
        ChartClickEvent click = ChartClickEvent.of(chart, trend, 1, 1).orElseThrow();

        assertThat(click.getSeries().name()).isEqualTo("England");
        assertThat(click.getCategory()).isEqualTo("2025");
        assertThat(click.getY()).isEqualTo(12.0);
    }

    @Test
    void a_gap_is_clicked_with_no_value() {
        ChartClickEvent click = ChartClickEvent.of(chart, trend, 0, 1).orElseThrow();

        assertThat(click.getCategory()).isEqualTo("2025");
        assertThat(click.getY()).isNull();
    }

    @Test
    void a_point_brings_its_own_x_whether_a_name_or_a_number() {
        ChartOptions funnel = ChartOptions.builder(ChartType.SCATTER)
                .series(Series.points("Authorities", List.of(Point.at(950, 97.0))), Series.points("Bars", List.of(Point.at("Leeds", 80.0))))
                .build();

        assertThat(ChartClickEvent.of(chart, funnel, 0, 0).orElseThrow().getX()).isEqualTo(950.0);
        assertThat(ChartClickEvent.of(chart, funnel, 0, 0).orElseThrow().getCategory()).isNull();
        assertThat(ChartClickEvent.of(chart, funnel, 1, 0).orElseThrow().getCategory()).isEqualTo("Leeds");
    }

    @Test
    void indexes_outside_the_data_fire_nothing() {
        assertThat(ChartClickEvent.of(chart, trend, 2, 0)).isEmpty();
        assertThat(ChartClickEvent.of(chart, trend, 0, 2)).isEmpty();
        assertThat(ChartClickEvent.of(chart, trend, -1, 0)).isEmpty();
    }
}
