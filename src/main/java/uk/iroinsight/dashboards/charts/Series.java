package uk.iroinsight.dashboards.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One named series: plain values (one per x-axis category; null leaves a gap) or points with
 * their own x (a category name or a number).
 *
 * @param name  shown in the legend and tooltip; any text, escaped in the browser
 * @param type  for a mixed chart (a funnel plot's scatter with limit lines), this series' type; else null
 * @param color this series' colour, or null for the chart's colour list
 * @param data  the values or points
 */
public record Series(String name, ChartType type, String color, List<Datum> data) {

    public Series {
        Objects.requireNonNull(name, "name");
        data = List.copyOf(data);
    }

    /** Values in x-axis order; null for a gap (no data that year). */
    public static Series of(String name, Double... values) {
        return of(name, Arrays.asList(values));
    }

    /** Values in x-axis order; null for a gap. */
    public static Series of(String name, List<Double> values) {
        List<Datum> data = new ArrayList<>(values.size());
        values.forEach(value -> data.add(new Value(value)));
        return new Series(name, null, null, data);
    }

    /** Points carrying their own x. */
    public static Series points(String name, List<Point> points) {
        return new Series(name, null, null, List.copyOf(points));
    }

    /** The same series drawn as the given type (in a mixed chart). */
    public Series drawnAs(ChartType seriesType) {
        return new Series(name, seriesType, color, data);
    }

    /** The same series in the given colour. */
    public Series coloured(String seriesColour) {
        return new Series(name, type, seriesColour, data);
    }

    /** One value of a series. */
    public sealed interface Datum permits Value, Point {
        /** The value, or null for a gap. */
        Double y();
    }

    /** A plain value, written as a bare number (or null). */
    public record Value(Double y) implements Datum {

        public Value {
            requireFinite(y);
        }

        @Override
        @JsonValue
        public Double y() {
            return y;
        }
    }

    /**
     * A point with its own x: a category (a bar's authority, a heatmap column) or a number (a
     * funnel plot's denominator).
     *
     * @param x           a String or a Number
     * @param y           the value, or null for a gap
     * @param fillColor   this point's own fill (a highlighted bar), or null
     * @param strokeColor this point's own outline, or null
     * @param label       the text written on the point and in its tooltip in place of its formatted
     *                    value (a heatmap cell's "94.2 (2nd)"), or null for the value
     */
    public record Point(Object x, @JsonInclude(JsonInclude.Include.ALWAYS) Double y, String fillColor, String strokeColor,
                        String label) implements Datum {

        public Point {
            if (!(x instanceof String) && !(x instanceof Number)) {
                throw new IllegalArgumentException("x must be a String or a Number: " + x);
            }
            requireFinite(y);
        }

        public Point(Object x, Double y, String fillColor, String strokeColor) {
            this(x, y, fillColor, strokeColor, null);
        }

        public static Point at(String category, Double y) {
            return new Point(category, y, null, null);
        }

        public static Point at(double x, Double y) {
            return new Point(x, y, null, null);
        }

        /** The same point filled and outlined in its own colours. */
        public Point highlighted(String fill, String stroke) {
            return new Point(x, y, fill, stroke, label);
        }

        /** The same point with its own text in place of its formatted value. */
        public Point labelled(String text) {
            return new Point(x, y, fillColor, strokeColor, text);
        }
    }

    private static void requireFinite(Double y) {
        if (y != null && !Double.isFinite(y)) {
            throw new IllegalArgumentException("not a finite number (use null for a gap): " + y);
        }
    }
}
