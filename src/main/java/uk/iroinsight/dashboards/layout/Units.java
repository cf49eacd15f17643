package uk.iroinsight.dashboards.layout;

import uk.iroinsight.dashboards.charts.ValueFormat;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.indicators.Disclosure.Shown;
import uk.iroinsight.indicators.Indicator;

/** How an indicator's values read: the shown text with its unit, and the format for charts. */
public final class Units {

    private Units() {
    }

    /** "94.2%", "65.3 per 10,000", "12.1 per 100", "412", "[c]", "[x]". */
    public static String withUnit(Shown shown, Indicator indicator) {
        if (shown.value() == null) {
            return shown.text();
        }
        return shown.text() + switch (indicator.unit()) {
            case PERCENT -> "%";
            case RATE_10K -> " per 10,000";
            case PER_100 -> " per 100";
            case MEDIAN -> " working days";
            case FTE -> " FTE";
            case RATIO -> " per IRO";
            case COUNT -> "";
        };
    }

    /** The unit in words, for axis titles and table headers. */
    public static String unitWords(Indicator indicator) {
        return switch (indicator.unit()) {
            case PERCENT -> "Per cent";
            case RATE_10K -> "Per 10,000 children";
            case PER_100 -> "Per 100 children looked after";
            case MEDIAN -> "Working days (median)";
            case FTE -> "Full-time equivalent IROs";
            case RATIO -> "Children per full-time IRO";
            case COUNT -> "Number";
        };
    }

    /** How charts write the indicator's values. */
    public static ValueFormat chartFormat(Indicator indicator) {
        return switch (indicator.unit()) {
            case PERCENT -> ValueFormat.percent(1);
            case COUNT, MEDIAN -> ValueFormat.count();
            default -> ValueFormat.number(1);
        };
    }

    /** "records" or "published (DfE, 2024 release)", and for a partial comparator "over 3 of 10 authorities". */
    public static String source(Figure figure) {
        if (figure.isRecords()) {
            return "from the loaded returns" + (figure.coverage() != null && !"la".equals(figure.areaType())
                    ? " (" + figure.coverage() + " authorit" + (figure.coverage() == 1 ? "y" : "ies") + ")" : "");
        }
        return "published by DfE" + (figure.release() == null ? "" : " (" + figure.release() + ")");
    }
}
