package uk.iroinsight.dashboards.overview;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.Judgement.Direction;
import uk.iroinsight.dashboards.data.MartSnapshot.Ranking;
import uk.iroinsight.indicators.Disclosure.Shown;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.indicators.Indicator.Polarity;

/**
 * The plain-English phrases the overview's tiles and the members' scorecard share: ranks, why a
 * figure is not shown, how much of a comparator is behind it, and the "as of" date.
 */
public final class FigureWords {

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private FigureWords() {
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 102nd. */
    public static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /**
     * "12th of 152 in England, quartile A (best)": the authority's place among every authority
     * whose figure can be shown (the ranking must be of all England, with disclosure applied).
     * Empty for an indicator without a polarity, or when the authority's figure is not shown; "3rd
     * of the 10 councils in England with a figure" when not every authority has one.
     * Quartiles follow the marts' rule: A when (rank - 1) / ranked is under a quarter, and so on.
     */
    public static Optional<String> rank(Ranking ranking) {
        if (ranking.indicator().polarity() == Polarity.NONE || ranking.indexOfOwn() < 0) {
            return Optional.empty();
        }
        Integer rank = ranking.entries().get(ranking.indexOfOwn()).rank();
        if (rank == null) {
            return Optional.empty();
        }
        int of = ranking.ranked();
        String text = ordinal(rank) + (of < ranking.entries().size() ? " of the " + of + " councils in England with a figure"
                : " of " + of + " in England");
        if (of >= 4) {
            double position = (rank - 1) / (double) of;
            String band = position < 0.25 ? "A (best)" : position < 0.5 ? "B" : position < 0.75 ? "C" : "D (worst)";
            text += ", quartile " + band;
        }
        return Optional.of(text);
    }

    /**
     * Why a figure is not shown, in words: "fewer than 6 children" (our disclosure control),
     * "withheld in DfE's publication" (DfE suppressed it) or "not available". Empty when it is shown.
     */
    public static Optional<String> notShown(Figure figure, Shown shown, Indicator indicator) {
        if (shown.value() != null) {
            return Optional.empty();
        }
        if (!shown.suppressed()) {
            return Optional.of("not available");
        }
        if (figure.withheldByDfe()) {
            return Optional.of("not shown: withheld in DfE's publication");
        }
        if (Figure.HIDDEN_SECONDARY.equals(figure.symbol())) {
            return Optional.of("not shown: it would let a group of fewer than 6 " + counted(indicator) + " be worked out");
        }
        return Optional.of("not shown: fewer than 6 " + counted(indicator));
    }

    /**
     * What an indicator's small numbers count: children, reviews or disputes (the reviews and
     * participation families count reviews, except their figures of children, such as
     * {@code children_reviews_on_time_pct} and {@code reviews_overdue_31mar}).
     */
    static String counted(Indicator indicator) {
        if (indicator.id().startsWith("children_") || indicator.id().equals("reviews_overdue_31mar")) {
            return "children";
        }
        return switch (indicator.family()) {
            case "reviews", "participation" -> "reviews";
            case "disputes" -> "disputes";
            default -> "children";
        };
    }

    /**
     * ", based on 3 of 10" when a comparator computed from the loaded returns covers fewer
     * authorities than it stands for ({@code full}); empty for a whole or published comparator.
     */
    public static String coverage(Figure comparator, int full) {
        if (comparator.isRecords() && comparator.coverage() != null && comparator.coverage() < full) {
            return ", based on " + comparator.coverage() + " of " + full;
        }
        return "";
    }

    /** "↑ improving since 2023", "→ no change since 2023", "– no earlier figure to compare". */
    public static String direction(Direction direction, int previousYear) {
        if (direction == Direction.UNKNOWN) {
            return direction.arrow() + " " + direction.words();
        }
        return direction.arrow() + " " + direction.words() + " since " + previousYear;
    }

    /**
     * Whether a region's or England's figure of the indicator is a total over its authorities (a
     * count or FTE), which one authority's figure cannot be compared with; a statistical
     * neighbours' figure is their mean, and rates, percentages, ratios and medians compare.
     */
    public static boolean isTotal(Indicator indicator, Figure comparator) {
        return (indicator.unit() == Indicator.Unit.COUNT || indicator.unit() == Indicator.Unit.FTE)
                && ("region".equals(comparator.areaType()) || "england".equals(comparator.areaType()));
    }

    /** "1 June 2026 at 12:00"; "not yet built" before the marts' first build. */
    public static String asOf(LocalDateTime builtAt) {
        return builtAt == null ? "not yet built" : AS_OF.format(builtAt);
    }

    /** The figure's source with a capital: "From the loaded returns", "Published by DfE (2024 release)". */
    public static String source(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
