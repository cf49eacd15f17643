package uk.iroinsight.dashboards.charts;

import java.util.List;

/**
 * Things drawn over the plot ({@code annotations} in ApexCharts): horizontal bands (quartiles),
 * horizontal lines (England's value, control limits) and labelled points (the viewer's own bar).
 * Every one carries a text label, so none is told apart by colour alone.
 *
 * @param yaxis  bands and lines across the plot at y values
 * @param points labelled points
 */
public record Annotations(List<YAxisAnnotation> yaxis, List<PointAnnotation> points) {

    public Annotations {
        yaxis = yaxis == null || yaxis.isEmpty() ? null : List.copyOf(yaxis);
        points = points == null || points.isEmpty() ? null : List.copyOf(points);
    }

    public static Annotations of(List<YAxisAnnotation> yaxis, List<PointAnnotation> points) {
        return new Annotations(yaxis, points);
    }

    /** A shaded band from {@code from} to {@code to}, labelled at its right-hand end. */
    public static YAxisAnnotation band(double from, double to, String label) {
        return new YAxisAnnotation(from, to, null, Palette.BAND, 1.0, null,
                new Label(label, "right", null, new LabelStyle(Palette.TEXT, "transparent")));
    }

    /**
     * A dashed line at {@code y} (a control limit, England's value), labelled just above its
     * right-hand end; the label has no box, so it hides no data point under it.
     */
    public static YAxisAnnotation line(double y, String label) {
        return new YAxisAnnotation(y, null, Palette.TEXT, null, null, 6,
                new Label(label, "right", "transparent", new LabelStyle(Palette.TEXT, "transparent")));
    }

    /** A labelled marker at a point: {@code x} is a category or a number. */
    public static PointAnnotation point(Object x, double y, String label) {
        return new PointAnnotation(x, y, new Marker(0),
                new Label(label, null, Palette.TEXT, new LabelStyle(Palette.TEXT, "var(--lumo-base-color)")));
    }

    /**
     * @param y               where it starts
     * @param y2              where a band ends, or null for a line
     * @param borderColor     the line's colour
     * @param fillColor       the band's colour
     * @param opacity         the band's opacity
     * @param strokeDashArray dash length of the line, or null for solid
     */
    public record YAxisAnnotation(double y, Double y2, String borderColor, String fillColor, Double opacity,
                                  Integer strokeDashArray, Label label) {
    }

    public record PointAnnotation(Object x, double y, Marker marker, Label label) {
    }

    public record Marker(int size) {
    }

    /** @param position left, center or right (y-axis annotations) */
    public record Label(String text, String position, String borderColor, LabelStyle style) {
    }

    public record LabelStyle(String color, String background) {
    }
}
