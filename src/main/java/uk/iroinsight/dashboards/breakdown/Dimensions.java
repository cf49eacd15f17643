package uk.iroinsight.dashboards.breakdown;

import java.util.List;
import java.util.Optional;

import uk.iroinsight.indicators.Indicator;

/**
 * The breakdown dimensions of the catalogue ({@code breakdowns:} in {@code indicators.yaml}) as
 * people read them: "Age band" in a chooser, "age band" in a heading.
 */
public final class Dimensions {

    private Dimensions() {
    }

    /** The chooser's label: "Age band", "Ethnicity group", "Dispute theme"... */
    public static String label(String dimension) {
        return switch (dimension) {
            case "age_band" -> "Age band";
            case "sex" -> "Sex";
            case "ethnicity" -> "Ethnicity group";
            case "placement_type" -> "Placement type";
            case "legal_status" -> "Legal status";
            case "theme" -> "Dispute theme";
            case "stage" -> "Stage reached";
            case "outcome" -> "Outcome";
            default -> throw new IllegalArgumentException("not a breakdown dimension: " + dimension);
        };
    }

    /** The dimension within a sentence: "age band", "ethnicity group". */
    public static String words(String dimension) {
        return label(dimension).toLowerCase(java.util.Locale.ROOT);
    }

    /** The dimension the state asks for if the indicator has it, else the indicator's first; empty if it has none. */
    static Optional<String> choose(Indicator indicator, String asked) {
        List<String> dimensions = indicator.breakdowns();
        if (asked != null && dimensions.contains(asked)) {
            return Optional.of(asked);
        }
        return dimensions.stream().findFirst();
    }

    /**
     * What the indicator's numerator counts, for a table header: children, reviews, disputes or
     * alerts. Read from the catalogue's definition where it opens with them, else from the family.
     */
    static String counted(Indicator indicator) {
        String definition = indicator.definition().toLowerCase(java.util.Locale.ROOT);
        if (indicator.id().startsWith("children_") || definition.startsWith("children")) {
            return "Children";
        }
        if (definition.startsWith("alerts")) {
            return "Alerts";
        }
        return switch (indicator.family()) {
            case "reviews", "participation" -> "Reviews";
            case "disputes" -> "Disputes";
            default -> "Children";
        };
    }
}
