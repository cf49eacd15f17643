package uk.iroinsight.dashboards.data;

import java.math.BigDecimal;
import java.math.RoundingMode;

import uk.iroinsight.indicators.Indicator.Polarity;

/**
 * Better, worse or neither, in words and a symbol as well as colour (WCAG 1.4.1): how an
 * authority's figure compares with a comparator's, and how it moved since the year before.
 * Two values that round to the same one decimal place are the same.
 */
public final class Judgement {

    /** How a value compares with another, judged by the indicator's polarity. */
    public enum Relation {
        BETTER("better than", "▲"), WORSE("worse than", "▼"), SAME("the same as", "="),
        HIGHER("higher than", "▲"), LOWER("lower than", "▼"), UNKNOWN("not comparable with", "–");

        private final String words;
        private final String symbol;

        Relation(String words, String symbol) {
            this.words = words;
            this.symbol = symbol;
        }

        /** "better than", to go before the comparator's name. */
        public String words() {
            return words;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Direction of travel since the previous year. */
    public enum Direction {
        IMPROVING("improving", "↑"), WORSENING("getting worse", "↓"), UP("up", "↑"), DOWN("down", "↓"),
        NO_CHANGE("no change", "→"), UNKNOWN("no earlier figure to compare", "–");

        private final String words;
        private final String arrow;

        Direction(String words, String arrow) {
            this.words = words;
            this.arrow = arrow;
        }

        public String words() {
            return words;
        }

        public String arrow() {
            return arrow;
        }
    }

    private Judgement() {
    }

    /** How {@code value} compares with {@code other} (either null: unknown). */
    public static Relation compare(Double value, Double other, Polarity polarity) {
        if (value == null || other == null) {
            return Relation.UNKNOWN;
        }
        int sign = sign(value, other);
        if (sign == 0) {
            return Relation.SAME;
        }
        return switch (polarity) {
            case HIGHER_BETTER -> sign > 0 ? Relation.BETTER : Relation.WORSE;
            case LOWER_BETTER -> sign < 0 ? Relation.BETTER : Relation.WORSE;
            case NONE -> sign > 0 ? Relation.HIGHER : Relation.LOWER;
        };
    }

    /** The direction from {@code previous} to {@code value} (either null: unknown). */
    public static Direction direction(Double value, Double previous, Polarity polarity) {
        Relation relation = compare(value, previous, polarity);
        return switch (relation) {
            case BETTER -> Direction.IMPROVING;
            case WORSE -> Direction.WORSENING;
            case HIGHER -> Direction.UP;
            case LOWER -> Direction.DOWN;
            case SAME -> Direction.NO_CHANGE;
            case UNKNOWN -> Direction.UNKNOWN;
        };
    }

    /** -1, 0 or 1: a compared with b at one decimal place, rounded as {@code Disclosure} shows them. */
    private static int sign(double a, double b) {
        return oneDecimal(a).compareTo(oneDecimal(b));
    }

    private static BigDecimal oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
