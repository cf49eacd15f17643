package uk.iroinsight.dashboards.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.iroinsight.dashboards.charts.Series.Point;

/** The JSON the chart options become: what ApexCharts reads, field by field. */
class ChartOptionsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_trend_is_a_line_per_area_with_its_own_marker_and_dash_and_a_gap_for_a_missing_year() throws Exception {
        ChartOptions trend = Charts.trend("Reviews on time", ValueFormat.percent(1), List.of("2023", "2024", "2025"), List.of(
                Series.of("Nottinghamshire", 84.0, null, 97.0),
                Series.of("England", 88.5, 89.0, 90.1))).withDownload("reviews on time/2025");

        assertThat(json(trend)).isEqualTo(JSON.readTree("""
                {
                  "chart": {
                    "type": "line",
                    "height": 320,
                    "toolbar": {
                      "show": true,
                      "tools": {"download": true},
                      "export": {
                        "csv": {"filename": "reviews-on-time-2025"},
                        "svg": {"filename": "reviews-on-time-2025"},
                        "png": {"filename": "reviews-on-time-2025"}
                      }
                    },
                    "accessibility": {"description": "Reviews on time: line chart, 2023 to 2025, 2 series: Nottinghamshire, England."}
                  },
                  "title": {"text": "Reviews on time", "align": "left"},
                  "series": [
                    {"name": "Nottinghamshire", "data": [84.0, null, 97.0]},
                    {"name": "England", "data": [88.5, 89.0, 90.1]}
                  ],
                  "xaxis": {"categories": ["2023", "2024", "2025"]},
                  "yaxis": {"labels": {"formatter": {"decimals": 1, "suffix": "%"}}},
                  "colors": ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"],
                  "dataLabels": {"enabled": false},
                  "tooltip": {"shared": true, "intersect": false, "y": {"formatter": {"decimals": 1, "suffix": "%"}}},
                  "stroke": {"curve": "straight", "width": [3, 2], "dashArray": [0, 6]},
                  "markers": {"size": [5, 5], "shape": ["circle", "square"], "strokeWidth": 1},
                  "legend": {"show": true, "position": "top", "showForSingleSeries": true},
                  "noData": {"text": "No data"}
                }"""));
    }

    @Test
    void a_ranking_is_grey_bars_with_the_authority_coloured_outlined_and_labelled_over_quartile_bands() throws Exception {
        ChartOptions ranking = Charts.ranking("Reviews on time, 2025", ValueFormat.percent(1), "Reviews on time",
                List.of(Point.at("Derby", 72.5), Point.at("Leeds", 80.0), Point.at("Nottinghamshire", 88.4)), 2,
                List.of(Annotations.band(85, 100, "A")));

        assertThat(json(ranking)).isEqualTo(JSON.readTree("""
                {
                  "chart": {
                    "type": "bar",
                    "height": 320,
                    "toolbar": {"show": false},
                    "accessibility": {
                      "description": "Reviews on time, 2025: bar chart of 3 authorities in rank order; Nottinghamshire highlighted, 88.4%, 3rd of 3."
                    }
                  },
                  "title": {"text": "Reviews on time, 2025", "align": "left"},
                  "series": [{
                    "name": "Reviews on time",
                    "data": [
                      {"x": "Derby", "y": 72.5, "fillColor": "#7F8C99"},
                      {"x": "Leeds", "y": 80.0, "fillColor": "#7F8C99"},
                      {"x": "Nottinghamshire", "y": 88.4, "fillColor": "#D55E00", "strokeColor": "var(--lumo-body-text-color)"}
                    ]
                  }],
                  "yaxis": {"labels": {"formatter": {"decimals": 1, "suffix": "%"}}},
                  "annotations": {
                    "yaxis": [{
                      "y": 85.0, "y2": 100.0, "fillColor": "var(--lumo-contrast-5pct)", "opacity": 1.0,
                      "label": {"text": "A", "position": "right",
                                "style": {"color": "var(--lumo-body-text-color)", "background": "transparent"}}
                    }],
                    "points": [{
                      "x": "Nottinghamshire", "y": 88.4, "marker": {"size": 0},
                      "label": {"text": "Nottinghamshire", "borderColor": "var(--lumo-body-text-color)",
                                "style": {"color": "var(--lumo-body-text-color)", "background": "var(--lumo-base-color)"}}
                    }]
                  },
                  "colors": ["#7F8C99"],
                  "dataLabels": {"enabled": false},
                  "tooltip": {"shared": false, "intersect": true, "y": {"formatter": {"decimals": 1, "suffix": "%"}}},
                  "stroke": {"width": [2]},
                  "legend": {"show": false},
                  "plotOptions": {"bar": {"horizontal": false, "columnWidth": "80%"}},
                  "noData": {"text": "No data"}
                }"""));
    }

    @Test
    void options_left_unset_are_left_out_but_gaps_in_the_data_stay_as_nulls() throws Exception {
        ChartOptions bare = ChartOptions.builder(ChartType.BAR)
                .series(Series.of("Starts", 12.0, null), Series.points("Ceased", List.of(Point.at("2024", null))))
                .noData(null)
                .build();

        assertThat(json(bare)).isEqualTo(JSON.readTree("""
                {
                  "chart": {"type": "bar", "height": 320, "toolbar": {"show": false}},
                  "series": [
                    {"name": "Starts", "data": [12.0, null]},
                    {"name": "Ceased", "data": [{"x": "2024", "y": null}]}
                  ],
                  "colors": ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"],
                  "dataLabels": {"enabled": false}
                }"""));
    }

    @Test
    void a_hostile_series_name_is_still_just_a_string() throws Exception {
        String hostile = "\"}]},{\"chart\":{\"type\":\"pie\"}}</script><img src=x onerror=alert(1)> \u2028 \\";
        ChartOptions options = ChartOptions.builder(ChartType.LINE).series(Series.of(hostile, 1.0)).build();

        JsonNode written = json(options);

        assertThat(written.get("series")).hasSize(1);
        assertThat(written.get("series").get(0).get("name").asText()).isEqualTo(hostile);
        assertThat(written.get("chart").get("type").asText()).isEqualTo("line");
    }

    @Test
    void new_series_categories_and_annotations_replace_only_themselves() {
        ChartOptions trend = Charts.trend("Starts", ValueFormat.count(), List.of("2024"), List.of(Series.of("Derby", 10.0)));

        ChartOptions changed = trend.withSeries(List.of(Series.of("Leeds", 12.0)))
                .withCategories(List.of("2025"))
                .withAnnotations(Annotations.of(List.of(Annotations.line(11, "England")), List.of()));

        assertThat(changed.series()).extracting(Series::name).containsExactly("Leeds");
        assertThat(changed.xaxis().categories()).containsExactly("2025");
        assertThat(changed.annotations().yaxis()).hasSize(1);
        assertThat(changed.annotations().points()).isNull();
        assertThat(changed).usingRecursiveComparison().ignoringFields("series", "xaxis.categories", "annotations").isEqualTo(trend);
    }

    @Test
    void download_names_keep_only_letters_digits_dots_dashes_and_underscores() {
        ChartOptions options = ChartOptions.builder(ChartType.BAR).build().withDownload("Reviews: Brent & Ealing/2025 \"final\"");

        assertThat(options.chart().toolbar().export().png().filename()).isEqualTo("Reviews-Brent-Ealing-2025-final");
    }

    @Test
    void values_that_are_not_finite_are_refused_so_the_json_stays_valid() {
        assertThatThrownBy(() -> Series.of("Rate", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Point.at("Derby", Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labels_on_bars_are_black_on_light_okabe_ito_colours_and_white_on_dark_ones() {
        assertThat(Palette.textOn("#0072B2")).isEqualTo("#FFFFFF");
        assertThat(Palette.textOn("#000000")).isEqualTo("#FFFFFF");
        assertThat(Palette.textOn("#E69F00")).isEqualTo("#000000");
        assertThat(Palette.textOn("#F0E442")).isEqualTo("#000000");
    }

    @Test
    void values_read_the_same_on_the_server_as_in_the_chart() {
        assertThat(ValueFormat.percent(1).format(1234.56)).isEqualTo("1,234.6%");
        assertThat(ValueFormat.count().format(1234.4)).isEqualTo("1,234");
    }

    private static JsonNode json(ChartOptions options) throws Exception {
        return JSON.readTree(ChartJson.write(options));
    }
}
