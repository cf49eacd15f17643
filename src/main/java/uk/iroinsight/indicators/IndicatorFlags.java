package uk.iroinsight.indicators;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The product choices of indicators.md that change figures ({@code iro.indicators.*}, or the
 * environment: {@code IRO_INDICATORS_COUNT_SAME_CARER_MOVES=true}). The marts record the values
 * they were built with (table mart_build), and are rebuilt when one changes.
 *
 * @param countSameCarerMoves       RNE T and U (same carer) start a new placement (default false)
 * @param pn4CountsAsParticipation  PN4 (attended without contributing) counts as views conveyed (default false)
 * @param snModel                   statistical-neighbour model: CSSNBT_2025 (default) or CSSNBT_2021
 */
@ConfigurationProperties("iro.indicators")
public record IndicatorFlags(
        @DefaultValue("false") boolean countSameCarerMoves,
        @DefaultValue("false") boolean pn4CountsAsParticipation,
        @DefaultValue("CSSNBT_2025") String snModel) {

    public static final String COUNT_SAME_CARER_MOVES = "count_same_carer_moves";
    public static final String PN4_COUNTS_AS_PARTICIPATION = "pn4_counts_as_participation";
    static final Set<String> SN_MODELS = Set.of("CSSNBT_2025", "CSSNBT_2021");

    public IndicatorFlags {
        if (!SN_MODELS.contains(snModel)) {
            throw new IllegalArgumentException("iro.indicators.sn-model must be one of " + SN_MODELS + ", not " + snModel);
        }
    }

    /** The defaults of indicators.md. */
    public static IndicatorFlags defaults() {
        return new IndicatorFlags(false, false, "CSSNBT_2025");
    }

    @Override
    public String toString() {
        return COUNT_SAME_CARER_MOVES + "=" + countSameCarerMoves + ", " + PN4_COUNTS_AS_PARTICIPATION + "="
                + pn4CountsAsParticipation + ", sn_model=" + snModel;
    }
}
