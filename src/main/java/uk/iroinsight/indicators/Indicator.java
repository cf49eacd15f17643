package uk.iroinsight.indicators;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One entry of the indicator catalogue ({@code dashboards/indicators.yaml}); the fields are
 * described at the top of that file.
 */
public record Indicator(
        String id,
        String family,
        String title,
        String definition,
        Unit unit,
        Polarity polarity,
        boolean published,
        List<String> flags,
        String requires,
        List<String> breakdowns,
        String excluded,
        Band band) {

    public Indicator {
        flags = flags == null ? List.of() : List.copyOf(flags);
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
    }

    /** How a value is made from its numerator and denominator. */
    public enum Unit {
        COUNT(null), RATE_10K(10_000.0), PERCENT(100.0), PER_100(100.0), RATIO(1.0), MEDIAN(null), FTE(null);

        private final Double scale;

        Unit(Double scale) {
            this.scale = scale;
        }

        /** value = numerator / denominator x scale; null for units that are not a ratio. */
        public Double scale() {
            return scale;
        }

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Unit of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    /** Which direction is better; {@code NONE} for volumes, rates and mixes. */
    public enum Polarity {
        HIGHER_BETTER, LOWER_BETTER, NONE;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Polarity of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    /** A reference band to draw on a chart, e.g. the IRO Handbook's 50-70 children per IRO. */
    public record Band(double low, double high, String label) {
    }
}
