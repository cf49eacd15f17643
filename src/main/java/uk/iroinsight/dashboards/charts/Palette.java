package uk.iroinsight.dashboards.charts;

import java.util.List;

/**
 * Colours. The default series colours are the Okabe–Ito palette, which stays distinguishable with
 * the common colour-vision deficiencies, ordered so that the first series (usually the authority
 * itself) contrast most with a light page; black comes last. Colours are never the only
 * signal: the chart helpers also vary marker shapes, dash patterns and fill patterns per series.
 *
 * <p>A colour may also be a Lumo custom property, e.g. {@code var(--lumo-contrast-10pct)}: the
 * browser side resolves it to a concrete colour before ApexCharts sees it.
 */
public final class Palette {

    /** Okabe & Ito (2008): blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow, black. */
    public static final List<String> OKABE_ITO = List.of(
            "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000");

    /** The colour that picks out one bar or point (the viewer's own authority) among grey ones. */
    public static final String HIGHLIGHT = "#D55E00";

    /** Bars and points that are not highlighted. */
    public static final String MUTED = "#7F8C99";

    /** Quartile bands and other background areas. */
    public static final String BAND = "var(--lumo-contrast-5pct)";

    /** Text, lines and borders in the page's text colour. */
    public static final String TEXT = "var(--lumo-body-text-color)";

    private Palette() {
    }

    /** Black or white, whichever contrasts more with the given {@code #RRGGBB} colour (for data labels on bars). */
    public static String textOn(String hexColour) {
        if (!hexColour.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("not a #RRGGBB colour: " + hexColour);
        }
        double luminance = 0.2126 * linear(hexColour, 1) + 0.7152 * linear(hexColour, 3) + 0.0722 * linear(hexColour, 5);
        double againstWhite = 1.05 / (luminance + 0.05);
        double againstBlack = (luminance + 0.05) / 0.05;
        return againstBlack >= againstWhite ? "#000000" : "#FFFFFF";
    }

    private static double linear(String hex, int offset) {
        double channel = Integer.parseInt(hex.substring(offset, offset + 2), 16) / 255.0;
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
