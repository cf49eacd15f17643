package uk.iroinsight.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control (indicators.md §9): how a figure from the marts is shown on a dashboard or
 * in a printout. With {@code suppress} true (role VIEWER, anything printed for members) small
 * numbers are hidden; with it false (ADMIN, LA_ANALYST) figures are only formatted. Analysts'
 * exports do not come through here: they carry the unrounded values.
 *
 * <p>Symbols (GSS): {@value #SUPPRESSED} suppressed, {@value #NOT_AVAILABLE} not available. A DfE
 * {@code z} (not applicable) is stored as status {@code not_available} and so is also shown as
 * {@value #NOT_AVAILABLE}; a DfE {@code c}, {@code k}, {@code low} or {@code u} is stored as
 * {@code suppressed} and shown as {@value #SUPPRESSED} to everyone, since DfE withheld it.
 */
public final class Disclosure {

    public static final String SUPPRESSED = "[c]";
    public static final String NOT_AVAILABLE = "[x]";

    private static final Shown C = new Shown(SUPPRESSED, true, null);
    private static final Shown X = new Shown(NOT_AVAILABLE, false, null);

    private Disclosure() {
    }

    /**
     * What the size rule checks for each unit of the catalogue.
     * <ul>
     * <li>{@code COUNT} (count): the count of children, reviews or disputes itself - the
     *     numerator, or the value where there is none (a statistical-neighbour mean).</li>
     * <li>{@code RATE} (rate_10k, percent, per_100): the numerator and the denominator.</li>
     * <li>{@code RATIO} (ratio: children per FTE IRO): the numerator only. The denominator is
     *     staff FTE, not people, and is shown unsuppressed as {@code iro_fte} anyway.</li>
     * <li>{@code MEDIAN} (median working days to resolve a dispute): nothing. It is a number of
     *     days, not of people, and the mart carries no count of the disputes behind it.</li>
     * <li>{@code FTE} (fte): nothing. It counts staff, not children.</li>
     * </ul>
     */
    public enum Kind {
        COUNT, RATE, RATIO, MEDIAN, FTE;

        /** The kind of a catalogue unit id, e.g. {@code "rate_10k"}; anything else is an error. */
        public static Kind of(String unit) {
            return switch (unit) {
                case "count" -> COUNT;
                case "rate_10k", "percent", "per_100" -> RATE;
                case "ratio" -> RATIO;
                case "median" -> MEDIAN;
                case "fte" -> FTE;
                default -> throw new IllegalArgumentException("unknown unit: " + unit);
            };
        }
    }

    /**
     * A figure as the marts hold it: unrounded numerator, denominator and value (any may be null),
     * status {@code ok | suppressed | not_available}, and the indicator's unit id.
     */
    public record Figure(Double numerator, Double denominator, Double value, String status, String unit) {
        public Figure {
            Kind.of(unit);
            if (!List.of("ok", "suppressed", "not_available").contains(status)) {
                throw new IllegalArgumentException("unknown status: " + status);
            }
        }
    }

    /**
     * How to show a figure: {@code text} to print (no thousands separators), whether it is
     * suppressed, and the unrounded value to plot - null when suppressed or not available, so
     * a chart can never draw a suppressed figure.
     */
    public record Shown(String text, boolean suppressed, Double value) {
    }

    /**
     * Shows one figure. Not available (or no value): {@value #NOT_AVAILABLE}. Suppressed by DfE:
     * {@value #SUPPRESSED} whatever {@code suppress} says. Otherwise, with {@code suppress}, a
     * count of 1-5, or a rate or percentage whose numerator or denominator is 1-5, is
     * {@value #SUPPRESSED} (see {@link Kind}); the denominator rule wins over "zero is shown as
     * 0", so 0 of 4 children is hidden. Formatting: exactly zero is "0"; counts and medians are
     * whole numbers when they are whole, everything else one decimal place, rounded half up on
     * the value's shortest decimal form (so 0.15 is "0.2", not "0.1" from its binary form).
     */
    public static Shown show(Figure figure, boolean suppress) {
        if (figure.status().equals("suppressed")) {
            return C;
        }
        if (figure.status().equals("not_available") || figure.value() == null) {
            return X;
        }
        if (suppress && isSmall(figure)) {
            return C;
        }
        return new Shown(format(figure.value(), Kind.of(figure.unit())), false, figure.value());
    }

    /**
     * Shows the cells of a breakdown, in input order. Each cell gets {@link #show}; then, with
     * {@code suppress}, if exactly one cell is suppressed and the total can be seen, the next
     * smallest cell is suppressed too, so the hidden one cannot be worked out as the total minus
     * the others. "Smallest" is by numerator, then denominator, ties to the first in the list,
     * among shown cells with someone in them (a zero count, or 0 of 0, discloses nothing and is
     * never picked; 0 of 15 is a group of 15 children and can be). If there is no such cell,
     * nothing more is suppressed.
     *
     * @param total the breakdown's total, shown by the caller with {@link #show}. Pass it whenever
     *     a viewer can see it anywhere (the headline figure counts); null only if it is not shown
     *     at all, which needs no secondary suppression. A total that is itself suppressed needs
     *     none either: for a count, a total of 1-5 means every non-zero cell is 1-5 and hidden.
     */
    public static List<Shown> breakdown(List<Figure> cells, Figure total, boolean suppress) {
        List<Shown> shown = new ArrayList<>(cells.stream().map(cell -> show(cell, suppress)).toList());
        boolean totalVisible = total != null && !show(total, suppress).suppressed();
        if (suppress && totalVisible && shown.stream().filter(Shown::suppressed).count() == 1) {
            int next = -1;
            for (int i = 0; i < cells.size(); i++) {
                if (!shown.get(i).suppressed() && shown.get(i).value() != null && hasSomeone(cells.get(i))
                        && (next < 0 || isSmaller(cells.get(i), cells.get(next)))) {
                    next = i;
                }
            }
            if (next >= 0) {
                shown.set(next, C);
            }
        }
        return List.copyOf(shown);
    }

    private static boolean isSmall(Figure f) {
        return switch (Kind.of(f.unit())) {
            case COUNT, RATIO -> isOneToFive(people(f));
            case RATE -> isOneToFive(f.numerator()) || isOneToFive(f.denominator());
            case MEDIAN, FTE -> false;
        };
    }

    /** 1 to 5: counts are whole numbers, so any non-zero count up to 5. */
    private static boolean isOneToFive(Double n) {
        return n != null && n > 0 && n <= 5;
    }

    /** The people a figure counts (its numerator), or null for a median or FTE. */
    private static Double people(Figure f) {
        return switch (Kind.of(f.unit())) {
            case COUNT -> f.numerator() != null ? f.numerator() : f.value();
            case RATE, RATIO -> f.numerator();
            case MEDIAN, FTE -> null;
        };
    }

    private static boolean hasSomeone(Figure f) {
        Double people = people(f);
        return people != null && (people > 0 || (f.denominator() != null && f.denominator() > 0));
    }

    private static boolean isSmaller(Figure a, Figure b) {
        int byPeople = Double.compare(people(a), people(b));
        return byPeople != 0 ? byPeople < 0 : Double.compare(orZero(a.denominator()), orZero(b.denominator())) < 0;
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    private static String format(double value, Kind kind) {
        if (value == 0) {
            return "0";
        }
        BigDecimal decimal = BigDecimal.valueOf(value); // the shortest decimal that is this double
        boolean whole = (kind == Kind.COUNT || kind == Kind.MEDIAN) && decimal.stripTrailingZeros().scale() <= 0;
        return decimal.setScale(whole ? 0 : 1, RoundingMode.HALF_UP).toPlainString();
    }
}
