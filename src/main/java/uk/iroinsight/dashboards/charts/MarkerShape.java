package uk.iroinsight.dashboards.charts;

import com.fasterxml.jackson.annotation.JsonValue;

/** Marker shapes, so that series differ by more than colour. */
public enum MarkerShape {
    CIRCLE, SQUARE, TRIANGLE, DIAMOND, STAR, CROSS, PLUS,
    /** A short line: the legend's marker for a series drawn without markers. */
    LINE;

    @JsonValue
    String apexName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
