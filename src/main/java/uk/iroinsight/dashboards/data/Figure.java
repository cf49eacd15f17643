package uk.iroinsight.dashboards.data;

import uk.iroinsight.indicators.Disclosure;
import uk.iroinsight.indicators.Indicator;

/**
 * One row of {@code mart_indicator} (see {@code warehouse/schema/50_marts.sql}): an area's
 * figure for an indicator and year from one source, unrounded.
 *
 * @param areaType     la | sn_mean | region | england
 * @param areaCode     the ONS code (an sn_mean row carries its authority's)
 * @param laCode       the authority's 3-digit code (la and sn_mean rows)
 * @param source       records | published
 * @param status       ok | suppressed | not_available
 * @param symbol       DfE's symbol for a suppressed published figure; {@link #HIDDEN_SMALL} or
 *                     {@link #HIDDEN_SECONDARY} for one disclosure control hid from a viewer
 * @param release      the DfE release a published figure came from
 * @param coverage     authorities behind a records region or England, or neighbours behind an SN mean
 * @param excluded     units left out of an authority's denominator
 * @param rank         1 = best in England by polarity, ties share
 * @param ranked       how many authorities were ranked
 * @param quartileBand A (best quarter) to D
 */
public record Figure(String areaType, String areaCode, String areaName, String laCode, int year, String indicator,
                     String source, Double numerator, Double denominator, Double value, String status, String symbol,
                     String release, Integer coverage, Integer excluded, Integer rank, Integer ranked, String quartileBand) {

    /** {@link #symbol()} of a figure our disclosure control hid: its own numbers are 1 to 5. */
    public static final String HIDDEN_SMALL = "small";
    /** {@link #symbol()} of a figure hidden so that another, smaller one cannot be worked out from it. */
    public static final String HIDDEN_SECONDARY = "secondary";

    /** Suppressed by DfE in its publication (not by our disclosure control). */
    public boolean withheldByDfe() {
        return "suppressed".equals(status) && !HIDDEN_SMALL.equals(symbol) && !HIDDEN_SECONDARY.equals(symbol);
    }

    public boolean hasValue() {
        return value != null;
    }

    public boolean isRecords() {
        return "records".equals(source);
    }

    /** The figure as disclosure control reads it. */
    public Disclosure.Figure forDisclosure(Indicator indicator) {
        return new Disclosure.Figure(numerator, denominator, value, status, indicator.unit().id());
    }

    /** A figure that is not there at all (no row in the mart). */
    static Figure missing(String areaType, String areaCode, String areaName, String laCode, int year, String indicator) {
        return new Figure(areaType, areaCode, areaName, laCode, year, indicator, "records", null, null, null,
                "not_available", null, null, null, null, null, null, null);
    }
}
