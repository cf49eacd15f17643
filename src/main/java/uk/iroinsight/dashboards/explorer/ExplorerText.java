package uk.iroinsight.dashboards.explorer;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.MartSnapshot.Funnel;
import uk.iroinsight.dashboards.data.MartSnapshot.FunnelPoint;
import uk.iroinsight.dashboards.data.MartSnapshot.Ranked;
import uk.iroinsight.dashboards.data.MartSnapshot.Ranking;
import uk.iroinsight.dashboards.export.DataTable.Context;
import uk.iroinsight.dashboards.layout.Units;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.indicators.Disclosure;
import uk.iroinsight.indicators.Indicator;
import uk.iroinsight.indicators.Indicator.Polarity;

/**
 * The explorer's words: the sentence that answers "where do we stand?" above the ranking, the
 * quartile bands' labels, where the authority lies on the funnel plot, which source the figures
 * are from, and the context every table and download carries.
 */
final class ExplorerText {

    /** More authorities not shown than this are counted, not named (the table names them). */
    static final int MAX_NAMED = 20;

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private ExplorerText() {
    }

    /** "Year ending 31 March 2024". */
    static String year(int year) {
        return "Year ending 31 March " + year;
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 102nd. */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** Where a place in the set is: "among its statistical neighbours", "in the East Midlands", "in England". */
    static String among(Comparison comparison, Authority own) {
        return switch (comparison) {
            case SN -> "among its statistical neighbours";
            case REGION -> "in the " + own.regionName();
            case ALL -> "in England";
        };
    }

    /** The comparison set's short name: "Statistical neighbours", "East Midlands", "All authorities". */
    static String setName(Comparison comparison, Authority own) {
        return comparison == Comparison.REGION ? own.regionName() : comparison.label();
    }

    /** The comparison set named in full, for a table's "Areas". */
    static String areas(Comparison comparison, List<Authority> members) {
        Authority own = members.get(0);
        String others = members.stream().skip(1).map(Authority::name).collect(Collectors.joining(", "));
        return switch (comparison) {
            case SN -> own.name() + " and its " + (members.size() - 1) + " statistical neighbours (similar councils): " + others;
            case REGION -> "The " + members.size() + " authorities of the " + own.regionName() + ": "
                    + members.stream().map(Authority::name).sorted().collect(Collectors.joining(", "));
            case ALL -> "All " + members.size() + " authorities in England";
        };
    }

    /**
     * The answer to the forum's question, e.g. "Nottinghamshire is 4th of 11 among its
     * statistical neighbours; the best is Leicestershire (95.1%)." Best by the indicator's
     * polarity; for an indicator without one, the highest and lowest of the others.
     */
    static String rankingSentence(Ranking ranking, Authority own) {
        Indicator indicator = ranking.indicator();
        String among = among(ranking.comparison(), own);
        int index = ranking.indexOfOwn();
        List<Ranked> others = ranking.entries().stream()
                .filter(r -> r.rank() != null && !r.authority().laCode().equals(own.laCode())).toList();
        if (ranking.ranked() == 0) {
            return "No authority " + among + " has a figure that can be shown for this year.";
        }
        Ranked mine = index < 0 ? null : ranking.entries().get(index);
        int hidden = ranking.entries().size() - ranking.ranked();
        String unranked = hidden == 0 ? "" : " (" + hidden + " more ha" + (hidden == 1 ? "s" : "ve") + " no figure that can be shown)";
        if (mine == null || mine.rank() == null) {
            String why = mine == null ? "There is no figure for " + own.name()
                    : own.name() + "'s figure cannot be shown (" + mine.shown().text() + ", " + symbolWords(mine.shown().text()) + ")";
            String word = indicator.polarity() == Polarity.NONE ? "highest" : "best";
            return why + ", so it has no place in the ranking. Of the " + ranking.ranked() + " authorities " + among
                    + " with a figure that can be shown, the " + word + " is " + named(others.get(0), indicator) + ".";
        }
        if (others.isEmpty()) {
            return own.name() + " is the only authority " + among + " with a figure that can be shown" + unranked + ".";
        }
        boolean joint = others.stream().anyMatch(r -> r.rank().equals(mine.rank()));
        String place = (joint ? "joint " : "") + ordinal(mine.rank());
        if (indicator.polarity() == Polarity.NONE) {
            return own.name() + " has the " + (mine.rank() == 1 ? (joint ? "joint " : "") + "highest" : place + " highest")
                    + " figure of " + ranking.ranked() + " " + among + unranked + "; of the others, the highest is "
                    + named(others.get(0), indicator) + " and the lowest " + named(others.get(others.size() - 1), indicator) + ".";
        }
        String best = mine.rank() == 1
                ? (joint ? named(others.get(0), indicator) + " is joint best with it" : "the next best is " + named(others.get(0), indicator))
                : "the best is " + named(others.get(0), indicator);
        return own.name() + " is " + place + " of " + ranking.ranked() + " " + among + unranked + "; " + best + ".";
    }

    /** "Leicestershire (95.1%)". */
    static String named(Ranked ranked, Indicator indicator) {
        return ranked.authority().name() + " (" + Units.withUnit(ranked.shown(), indicator) + ")";
    }

    /** What a symbol means, in words. */
    static String symbolWords(String text) {
        return switch (text) {
            case Disclosure.SUPPRESSED -> "suppressed because it involves 1 to 5 children or events";
            case Disclosure.NOT_AVAILABLE -> "not available";
            default -> text;
        };
    }

    /** "Not shown: Rutland [c], Derby [x]." or empty when every authority is drawn. */
    static String notShown(Ranking ranking) {
        List<String> names = ranking.entries().stream().filter(r -> r.rank() == null)
                .map(r -> r.authority().name() + " " + r.shown().text()).toList();
        if (names.isEmpty()) {
            return "";
        }
        List<String> texts = ranking.entries().stream().filter(r -> r.rank() == null).map(r -> r.shown().text()).toList();
        if (names.size() > MAX_NAMED) {
            long suppressed = texts.stream().filter(Disclosure.SUPPRESSED::equals).count();
            return "Not shown: " + names.size() + " authorities (" + suppressed + " " + Disclosure.SUPPRESSED + ", "
                    + (names.size() - suppressed) + " " + Disclosure.NOT_AVAILABLE + "); the table names them. " + legend(texts);
        }
        return "Not shown: " + String.join(", ", names) + ". " + legend(texts);
    }

    /** "[c] suppressed (1 to 5 children or events); [x] not available." for the symbols used. */
    static String legend(Collection<String> texts) {
        List<String> parts = new ArrayList<>();
        if (texts.contains(Disclosure.SUPPRESSED)) {
            parts.add(Disclosure.SUPPRESSED + " suppressed (1 to 5 children or events)");
        }
        if (texts.contains(Disclosure.NOT_AVAILABLE)) {
            parts.add(Disclosure.NOT_AVAILABLE + " not available");
        }
        return parts.isEmpty() ? "" : String.join("; ", parts) + ".";
    }

    /**
     * The quartile bands' labels from the lowest values' band to the highest's: A is the best
     * quarter by polarity; without polarity, the quarters are named by height.
     */
    static List<String> bandLabels(Polarity polarity) {
        return switch (polarity) {
            case HIGHER_BETTER -> List.of("Quartile D (worst)", "Quartile C", "Quartile B", "Quartile A (best)");
            case LOWER_BETTER -> List.of("Quartile A (best)", "Quartile B", "Quartile C", "Quartile D (worst)");
            case NONE -> List.of("Lowest quarter", "Second-lowest quarter", "Second-highest quarter", "Highest quarter");
        };
    }

    /** "Statistical neighbours overall: 91.2%", the funnel plot's target line. */
    static String target(Funnel funnel, Authority own) {
        return setName(funnel.comparison(), own) + " overall: " + Units.chartFormat(funnel.indicator()).format(funnel.target());
    }

    /** ", from the 3 of its 11 authorities with a figure" when the overall value stands for only part of the set, else empty. */
    static String behind(int withFigures, int members) {
        return withFigures >= members ? "" : ", from the " + withFigures + " of its " + members + " authorities with a figure";
    }

    /** Where the authority lies on the funnel plot, and what that means. */
    static String funnelSentence(Funnel funnel, Authority own) {
        return funnelSentence(funnel, own, "");
    }

    /** As {@link #funnelSentence(Funnel, Authority)}, saying after the overall figure how much of the set is behind it. */
    static String funnelSentence(Funnel funnel, Authority own, String behind) {
        FunnelPoint point = funnel.points().stream().filter(p -> p.authority().laCode().equals(own.laCode())).findFirst().orElse(null);
        String overall = "the overall figure of the " + setPhrase(funnel.comparison(), own) + " ("
                + Units.chartFormat(funnel.indicator()).format(funnel.target()) + behind + ")";
        if (point == null) {
            return own.name() + "'s figure cannot be shown for this year, so it is not in the plot. The line is " + overall + ".";
        }
        String position = funnel.position(point);
        String meaning = position.startsWith("within") ? "the difference from " + overall + " is no more than chance alone would give"
                + " for an authority of its size"
                : position.endsWith("95% limit") ? "the difference from " + overall + " may be more than chance (about 1 in 20 would lie"
                + " this far out by chance alone)"
                : "the difference from " + overall + " is very unlikely to be chance alone (about 1 in 500)";
        String better = "";
        if (!position.startsWith("within") && funnel.indicator().polarity() != Polarity.NONE) {
            boolean above = position.startsWith("above");
            boolean good = above == (funnel.indicator().polarity() == Polarity.HIGHER_BETTER);
            better = good ? " It is better than expected." : " It is worse than expected.";
        }
        return own.name() + " (" + Units.withUnit(point.shown(), funnel.indicator()) + " of " + count(point.denominator())
                + ") lies " + position + ": " + meaning + "." + better;
    }

    private static String setPhrase(Comparison comparison, Authority own) {
        return switch (comparison) {
            case SN -> "statistical neighbours";
            case REGION -> "authorities of the " + own.regionName();
            case ALL -> "authorities in England";
        };
    }

    /** A whole number with thousands separators: "1,234". */
    static String count(double n) {
        return String.format(Locale.UK, "%,d", Math.round(n));
    }

    /** Where a figure is from, or "No figure" when there is none. */
    static String source(Figure figure) {
        return figure.value() == null && figure.release() == null ? "No figure" : capitalise(Units.source(figure));
    }

    /** The Source context of a table of these figures: one source for all, or how many of each. */
    static String sources(Collection<Figure> figures) {
        long records = figures.stream().filter(f -> f.value() != null && f.isRecords()).count();
        long published = figures.stream().filter(f -> f.value() != null && !f.isRecords()).count();
        if (records > 0 && published == 0) {
            return "All from the loaded returns";
        }
        if (published > 0 && records == 0) {
            return "All published by DfE";
        }
        if (records == 0) {
            return "No figures";
        }
        return "Mixed: " + records + " from the loaded returns, " + published + " published by DfE (each row says which)";
    }

    /** The context rows every table of the explorer carries ("Year" for one year, "Years" for more). */
    static List<Context> context(Indicator indicator, String areas, String years, String source, LocalDateTime asOf) {
        return List.of(new Context("Indicator", indicator.title()),
                new Context("Definition", indicator.definition()),
                new Context("Unit", Units.unitWords(indicator)),
                new Context("Areas", areas),
                new Context(years.startsWith("Years") || years.equals("None") ? "Years" : "Year", years),
                new Context("Source", source),
                new Context("As of", asOf == null ? "not yet built" : asOf.format(AS_OF)));
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
