package uk.iroinsight.dashboards.charts;

import com.fasterxml.jackson.annotation.JsonValue;

/** The ApexCharts chart types our dashboards draw. */
public enum ChartType {
    LINE("line"), AREA("area"), BAR("bar"), SCATTER("scatter"), HEATMAP("heatmap");

    private final String apexName;

    ChartType(String apexName) {
        this.apexName = apexName;
    }

    @JsonValue
    String apexName() {
        return apexName;
    }
}
