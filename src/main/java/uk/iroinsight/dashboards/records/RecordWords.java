package uk.iroinsight.dashboards.records;

import java.util.Locale;

import uk.iroinsight.dashboards.breakdown.Dimensions;
import uk.iroinsight.dashboards.data.DashboardData.BreakdownRow;
import uk.iroinsight.dashboards.records.RecordDrill.Kind;
import uk.iroinsight.dashboards.records.RecordDrill.Records;
import uk.iroinsight.dashboards.records.RecordDrill.Row;
import uk.iroinsight.indicators.Indicator;

/** The record-level drill's words: headings, link texts and what a row counts in. */
public final class RecordWords {

    private RecordWords() {
    }

    /** What the indicator's units are (children, reviews or disputes). */
    public static Kind kind(Indicator indicator) {
        return RecordDrill.kindOf(indicator);
    }

    /** How many units the cell counts: a percentage's denominator, a count's numerator, a median's values. */
    static long cellCount(Records records) {
        RecordDrill.Cell cell = records.cell();
        if (records.indicator().unit() == Indicator.Unit.MEDIAN) {
            return records.rows().stream().filter(r -> !r.excluded()).count();
        }
        Double count = cell.denominator() != null ? cell.denominator() : cell.numerator();
        return count == null ? 0 : Math.round(count);
    }

    /**
     * A breakdown row's link to its records: "Show the 14 reviews" (the units its figure counts:
     * a percentage's denominator, a count's numerator), or "Show the disputes" for a median.
     */
    public static String linkText(Indicator indicator, BreakdownRow row) {
        Kind kind = kind(indicator);
        Double count = indicator.unit() == Indicator.Unit.MEDIAN ? null : row.denominator() != null ? row.denominator() : row.numerator();
        if (count == null) {
            return "Show the " + kind.words(2);
        }
        long n = Math.round(count);
        return "Show the " + n + " " + kind.words(n);
    }

    /** "The 14 children aged 10 to 15 behind Nottinghamshire's participation in reviews, year ending 31 March 2024". */
    static String heading(Records records, long count, String authority) {
        RecordDrill.Cell cell = records.cell();
        Kind kind = records.kind();
        return "The " + count + " " + kind.words(count) + " " + group(kind, cell.dimension(), cell.category()) + " behind " + authority
                + "'s " + lowerFirst(records.indicator().title()) + ", year ending 31 March " + cell.year();
    }

    /** What the rows add up to, in a sentence. */
    static String summary(Records records, long count) {
        Indicator indicator = records.indicator();
        Kind kind = records.kind();
        StringBuilder text = new StringBuilder();
        if (indicator.unit() == Indicator.Unit.MEDIAN) {
            text.append("The figure is the median of their values: ").append(format(records.cell().value())).append('.');
        } else if (records.cell().denominator() == null) {
            text.append("Each counts once in the figure, ").append(format(records.cell().numerator())).append('.');
        } else {
            long numerator = records.inNumerator();
            text.append(numerator).append(" of the ").append(count).append(' ').append(kind.words(count))
                    .append(" count in the numerator and all ").append(count).append(" in the denominator (the breakdown shows ")
                    .append(format(records.cell().numerator())).append(" of ").append(format(records.cell().denominator())).append(").");
        }
        long excluded = records.excluded();
        if (excluded > 0) {
            text.append(" The table also lists ").append(excluded).append(' ').append(kind.words(excluded))
                    .append(" left out of the figure because their history is not loaded (the data-quality note counts them).");
        }
        return text.toString();
    }

    /** What a row adds to the figure. */
    static String countsIn(Indicator indicator, Row row) {
        if (row.excluded()) {
            return "Left out (history not loaded)";
        }
        if (indicator.unit() == Indicator.Unit.MEDIAN) {
            return "Value: " + format(row.numerator());
        }
        if (indicator.unit() == Indicator.Unit.COUNT) {
            return "Counted";
        }
        return row.numerator() != 0 ? "Numerator and denominator" : "Denominator only";
    }

    /** "aged 10 to 15", "who are female", "with legal status Care order". */
    static String group(Kind kind, String dimension, String category) {
        if (category.equals("Not known")) {
            return "whose " + dimension(dimension) + " is not known";
        }
        return switch (dimension) {
            case "age_band" -> "aged " + lowerFirst(category);
            case "sex" -> kind == Kind.CHILD ? "who are " + category.toLowerCase(Locale.ROOT)
                    : "of " + category.toLowerCase(Locale.ROOT) + " children";
            default -> "with " + dimension(dimension) + " " + category;
        };
    }

    /** The dimension as a label: "Age band", "Ethnicity group", "Dispute theme". */
    static String dimensionLabel(String dimension) {
        return Dimensions.label(dimension);
    }

    /** The dimension within a sentence: "age band". */
    static String dimension(String dimension) {
        return Dimensions.words(dimension);
    }

    /** "Participation in reviews" → "participation in reviews"; "UASC ..." stays. */
    static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }

    private static String format(Double value) {
        if (value == null) {
            return "not available";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(Locale.UK, "%.1f", value);
    }
}
