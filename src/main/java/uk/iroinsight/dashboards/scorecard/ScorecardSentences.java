package uk.iroinsight.dashboards.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.Judgement;
import uk.iroinsight.dashboards.data.Judgement.Direction;
import uk.iroinsight.dashboards.data.Judgement.Relation;
import uk.iroinsight.dashboards.layout.Units;
import uk.iroinsight.dashboards.overview.FigureWords;
import uk.iroinsight.indicators.Disclosure;
import uk.iroinsight.indicators.Disclosure.Shown;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.indicators.Indicator.Polarity;

/**
 * The scorecard's sentences, from the figures as shown (disclosure applied first, so nothing
 * hidden is compared or quoted), e.g. "Reviews held on time: 94.2%, ▲ better than similar
 * councils (91.0%) and England (90.3%); ↑ improving since last year (92.8%)."
 *
 * <p>Better and worse are said in words and marked ▲ / ▼ (= for the same at one decimal
 * place), never by colour alone. Where neither higher nor lower is better, the sentence says
 * "higher than" or "lower than" with no symbol and no judgement. A figure that is not shown
 * says why in words.
 */
public final class ScorecardSentences {

    private ScorecardSentences() {
    }

    /**
     * The figures one sentence is made from.
     *
     * @param own         the authority's figure for the year
     * @param previous    its figure for the year before
     * @param snMean      the mean of its statistical neighbours
     * @param neighbours  how many neighbours it has (for "based on 3 of 10")
     * @param england     England's figure
     * @param authorities how many authorities England has
     */
    public record Figures(Figure own, Figure previous, Figure snMean, int neighbours, Figure england, int authorities) {
    }

    /** A piece of a sentence: words, or a symbol that repeats the words next to it (hidden from screen readers). */
    public record Part(String text, boolean symbol) {
    }

    /**
     * One scorecard row: the sentence, and the same figures for a table.
     *
     * @param own             the authority's figure as shown
     * @param similarCouncils the statistical neighbours' mean as the sentence gives it, or why it is not shown
     * @param england         England's figure as the sentence gives it, or why it is not shown
     * @param direction       the direction of travel in words
     * @param source          where the authority's figure comes from, in words (empty when there is none)
     */
    public record Row(Scorecard.Item item, Indicator indicator, List<Part> sentence, Shown own, Shown snMean, Shown englandShown,
                      String value, String similarCouncils, String england, String direction, String source) {

        /** The sentence as plain text, symbols included. */
        public String text() {
            StringBuilder text = new StringBuilder();
            sentence.forEach(part -> text.append(part.text()));
            return text.toString();
        }
    }

    /** The row for a key indicator; {@code suppress} is true for anything members see. */
    public static Row row(Scorecard.Item item, Indicator indicator, Figures figures, boolean suppress) {
        Shown own = show(figures.own(), indicator, suppress);
        Shown sn = show(figures.snMean(), indicator, suppress);
        Shown england = show(figures.england(), indicator, suppress);
        Shown previous = show(figures.previous(), indicator, suppress);
        String snText = comparatorText(figures.snMean(), sn, indicator, figures.neighbours());
        String englandText = comparatorText(figures.england(), england, indicator, figures.authorities());

        List<Part> parts = new ArrayList<>();
        parts.add(words(item.label() + ": "));
        Optional<String> hidden = FigureWords.notShown(figures.own(), own, indicator);
        String direction;
        if (hidden.isPresent()) {
            parts.add(words(hidden.get()));
            List<String> others = new ArrayList<>();
            if (sn.value() != null) {
                others.add("similar councils " + snText);
            }
            if (england.value() != null) {
                others.add("England " + englandText);
            }
            if (!others.isEmpty()) {
                parts.add(words("; " + String.join(", ", others)));
            }
            direction = "not shown";
        } else {
            parts.add(words(Units.withUnit(own, indicator)));
            Compared similar = new Compared("similar councils", figures.snMean(), sn, snText);
            if (FigureWords.isTotal(indicator, figures.england())) {
                comparisons(parts, indicator, own, similar, null);
                if (england.value() != null) {
                    parts.add(words("; England in total " + englandText));
                }
            } else {
                comparisons(parts, indicator, own, similar, new Compared("England", figures.england(), england, englandText));
            }
            String travelWords = direction(indicator, own, figures.previous(), previous);
            parts.add(words("; "));
            Direction travel = Judgement.direction(own.value(), previous.value(), indicator.polarity());
            if (travel != Direction.UNKNOWN) {
                parts.add(new Part(travel.arrow(), true));
                parts.add(words(" "));
            }
            parts.add(words(travelWords));
            direction = travel == Direction.UNKNOWN ? travelWords : travel.arrow() + " " + travelWords;
        }
        parts.add(words("."));
        String value = hidden.orElse(Units.withUnit(own, indicator));
        String similarCouncils = sn.value() == null ? FigureWords.notShown(figures.snMean(), sn, indicator).orElseThrow() : snText;
        String englandCell = england.value() == null ? FigureWords.notShown(figures.england(), england, indicator).orElseThrow()
                : englandText;
        String source = figures.own().hasValue() ? Units.source(figures.own()) : "";
        return new Row(item, indicator, List.copyOf(parts), own, sn, england, value, similarCouncils, englandCell, direction, source);
    }

    private record Compared(String name, Figure figure, Shown shown, String text) {
    }

    /** ", ▲ better than similar councils (91.0%) but ▼ worse than England (95.1%)", or says what is missing. */
    private static void comparisons(List<Part> parts, Indicator indicator, Shown own, Compared first, Compared second) {
        if (second == null) {
            if (first.shown().value() == null) {
                parts.add(words("; " + first.name() + ": " + FigureWords.notShown(first.figure(), first.shown(), indicator)
                        .orElseThrow()));
            } else {
                parts.add(words(", "));
                relation(parts, indicator, Judgement.compare(own.value(), first.shown().value(), indicator.polarity()), first);
            }
            return;
        }
        Relation a = Judgement.compare(own.value(), first.shown().value(), indicator.polarity());
        Relation b = Judgement.compare(own.value(), second.shown().value(), indicator.polarity());
        if (a == Relation.UNKNOWN && b == Relation.UNKNOWN) {
            parts.add(words("; no figures for " + first.name() + " or " + second.name() + " to compare with"));
            return;
        }
        if (a == Relation.UNKNOWN || b == Relation.UNKNOWN) {
            Compared known = a == Relation.UNKNOWN ? second : first;
            Compared missing = a == Relation.UNKNOWN ? first : second;
            parts.add(words(", "));
            relation(parts, indicator, a == Relation.UNKNOWN ? b : a, known);
            parts.add(words("; " + missing.name() + ": " + FigureWords.notShown(missing.figure(), missing.shown(), indicator)
                    .orElseThrow()));
            return;
        }
        parts.add(words(", "));
        relation(parts, indicator, a, first);
        if (a == b) {
            parts.add(words(" and " + second.name() + " (" + second.text() + ")"));
            return;
        }
        parts.add(words(a != Relation.SAME && b != Relation.SAME ? " but " : " and "));
        relation(parts, indicator, b, second);
    }

    /** "▲ better than England (90.3%)"; for an indicator without a polarity "higher than England (90.3%)". */
    private static void relation(List<Part> parts, Indicator indicator, Relation relation, Compared compared) {
        if (indicator.polarity() != Polarity.NONE) {
            parts.add(new Part(relation.symbol(), true));
            parts.add(words(" "));
        }
        parts.add(words(relation.words() + " " + compared.name() + " (" + compared.text() + ")"));
    }

    /** "improving since last year (92.8%)", "no change since last year (94.2%)", or why there is nothing to compare. */
    private static String direction(Indicator indicator, Shown own, Figure previousFigure, Shown previous) {
        Direction travel = Judgement.direction(own.value(), previous.value(), indicator.polarity());
        if (travel != Direction.UNKNOWN) {
            return travel.words() + " since last year (" + Units.withUnit(previous, indicator) + ")";
        }
        if (previous.suppressed()) {
            return "last year's figure is " + FigureWords.notShown(previousFigure, previous, indicator).orElseThrow();
        }
        return "no figure for last year to compare with";
    }

    /** "91.0%", with ", based on 3 of 10" when the comparator covers only part of what it stands for. */
    private static String comparatorText(Figure figure, Shown shown, Indicator indicator, int full) {
        return Units.withUnit(shown, indicator) + FigureWords.coverage(figure, full);
    }

    private static Shown show(Figure figure, Indicator indicator, boolean suppress) {
        return Disclosure.show(figure.forDisclosure(indicator), suppress);
    }

    private static Part words(String text) {
        return new Part(text, false);
    }
}
