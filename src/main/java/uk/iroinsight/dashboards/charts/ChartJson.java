package uk.iroinsight.dashboards.charts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Chart options as the JSON the browser side hands to ApexCharts: nulls left out, gaps in data kept. */
final class ChartJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ChartJson() {
    }

    static String write(ChartOptions options) {
        try {
            return MAPPER.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart options could not be written as JSON", e);
        }
    }
}
