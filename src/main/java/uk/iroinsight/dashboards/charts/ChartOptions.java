package uk.iroinsight.dashboards.charts;

import java.util.List;
import java.util.Objects;

/**
 * What an {@link ApexChart} draws: the subset of the ApexCharts options our dashboards use, as
 * records whose JSON (nulls left out) is exactly what ApexCharts expects. Build one with
 * {@link #builder(ChartType)} or take one from {@link Charts}; change the data with the
 * {@code with...} methods.
 *
 * <p>Theme colours and fonts, the toolbar's other tools, and the event and formatter functions
 * are added in the browser ({@code iro-apex-chart.js}).
 */
public record ChartOptions(
        Chart chart,
        Title title,
        List<Series> series,
        XAxis xaxis,
        YAxis yaxis,
        Annotations annotations,
        List<String> colors,
        DataLabels dataLabels,
        Tooltip tooltip,
        Stroke stroke,
        Markers markers,
        Legend legend,
        PlotOptions plotOptions,
        Fill fill,
        NoData noData) {

    public ChartOptions {
        Objects.requireNonNull(chart, "chart");
        series = List.copyOf(series);
        colors = colors == null ? null : List.copyOf(colors);
    }

    public static Builder builder(ChartType type) {
        return new Builder(type);
    }

    /** The same chart with new series (the browser updates the drawn chart in place). */
    public ChartOptions withSeries(List<Series> newSeries) {
        return new ChartOptions(chart, title, newSeries, xaxis, yaxis, annotations, colors, dataLabels, tooltip, stroke,
                markers, legend, plotOptions, fill, noData);
    }

    /** The same chart with new x-axis categories (years, authorities). */
    public ChartOptions withCategories(List<String> categories) {
        XAxis axis = xaxis == null ? new XAxis(null, categories, null, null) : new XAxis(xaxis.type(), categories, xaxis.title(), xaxis.labels());
        return new ChartOptions(chart, title, series, axis, yaxis, annotations, colors, dataLabels, tooltip, stroke,
                markers, legend, plotOptions, fill, noData);
    }

    /** The same chart with new annotations, or none. */
    public ChartOptions withAnnotations(Annotations newAnnotations) {
        return new ChartOptions(chart, title, series, xaxis, yaxis, newAnnotations, colors, dataLabels, tooltip, stroke,
                markers, legend, plotOptions, fill, noData);
    }

    /** The same chart whose toolbar downloads PNG, SVG and CSV files named {@code fileName} (letters, digits, . _ - kept). */
    public ChartOptions withDownload(String fileName) {
        return withChart(new Chart(chart.type(), chart.height(), chart.stacked(), Toolbar.download(fileName), chart.accessibility()));
    }

    /** The same chart with the summary screen readers announce for it. */
    public ChartOptions withDescription(String description) {
        return withChart(new Chart(chart.type(), chart.height(), chart.stacked(), chart.toolbar(), new Accessibility(description)));
    }

    /** The same chart with its value axis from {@code min} to {@code max} (either null for ApexCharts' choice). */
    public ChartOptions withYRange(Double min, Double max) {
        YAxis axis = yaxis == null ? new YAxis(null, min, max, null, null)
                : new YAxis(yaxis.title(), min, max, yaxis.reversed(), yaxis.labels());
        return new ChartOptions(chart, title, series, xaxis, axis, annotations, colors, dataLabels, tooltip, stroke,
                markers, legend, plotOptions, fill, noData);
    }

    /** The same chart drawn {@code pixels} high (a heatmap with many rows). */
    public ChartOptions withHeight(int pixels) {
        return withChart(new Chart(chart.type(), pixels, chart.stacked(), chart.toolbar(), chart.accessibility()));
    }

    private ChartOptions withChart(Chart newChart) {
        return new ChartOptions(newChart, title, series, xaxis, yaxis, annotations, colors, dataLabels, tooltip, stroke,
                markers, legend, plotOptions, fill, noData);
    }

    /** @param height in CSS pixels */
    public record Chart(ChartType type, Integer height, Boolean stacked, Toolbar toolbar, Accessibility accessibility) {
        public Chart {
            Objects.requireNonNull(type, "type");
        }
    }

    /** The toolbar: only the download menu (the browser side turns zoom and pan off). */
    public record Toolbar(Boolean show, Tools tools, Export export) {

        static Toolbar download(String fileName) {
            if (fileName.isBlank()) {
                throw new IllegalArgumentException("a download needs a file name");
            }
            String safe = fileName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
            FileName name = new FileName(safe);
            return new Toolbar(true, new Tools(true), new Export(name, name, name));
        }
    }

    public record Tools(Boolean download) {
    }

    public record Export(FileName csv, FileName svg, FileName png) {
    }

    /** @param filename without extension; ApexCharts adds .png, .svg or .csv */
    public record FileName(String filename) {
    }

    /** @param description what the chart shows, in a sentence or two: its accessible name */
    public record Accessibility(String description) {
    }

    /** @param align left, center or right */
    public record Title(String text, String align) {
    }

    /** @param type category (the default) or numeric */
    public record XAxis(String type, List<String> categories, AxisTitle title, Labels labels) {
        public XAxis {
            categories = categories == null ? null : List.copyOf(categories);
        }
    }

    public record YAxis(AxisTitle title, Double min, Double max, Boolean reversed, Labels labels) {
    }

    public record AxisTitle(String text) {
    }

    public record Labels(ValueFormat formatter) {
    }

    /** @param enabledOnSeries indexes of the series that show labels, or null for all */
    public record DataLabels(Boolean enabled, ValueFormat formatter, List<Integer> enabledOnSeries, DataLabelStyle style) {
    }

    /** @param colors text colour per series */
    public record DataLabelStyle(List<String> colors) {
    }

    /**
     * @param shared    one tooltip for every series at an x value
     * @param intersect only when the pointer is on a point
     */
    public record Tooltip(Boolean shared, Boolean intersect, TooltipY y) {
    }

    public record TooltipY(ValueFormat formatter) {
    }

    /**
     * @param curve     straight, smooth or stepline
     * @param width     line width per series (0 hides a scatter series' line)
     * @param dashArray dash length per series (0 solid)
     */
    public record Stroke(String curve, List<Integer> width, List<Integer> dashArray) {
    }

    /** @param size marker size per series (0 hides them) */
    public record Markers(List<Integer> size, List<MarkerShape> shape, Integer strokeWidth) {
    }

    /** @param position top, right, bottom or left */
    public record Legend(Boolean show, String position, Boolean showForSingleSeries) {
    }

    public record PlotOptions(Bar bar, Heatmap heatmap) {
    }

    /** @param columnWidth e.g. "70%" */
    public record Bar(Boolean horizontal, String columnWidth) {
    }

    public record Heatmap(ColorScale colorScale) {
    }

    public record ColorScale(List<ColourRange> ranges) {
    }

    /** A heatmap's colour for values from {@code from} to {@code to}, named in the legend. */
    public record ColourRange(double from, double to, String color, String name) {
    }

    /**
     * @param type    solid or pattern, per series
     * @param pattern the pattern per series: verticalLines, horizontalLines, slantedLines, squares, circles
     */
    public record Fill(List<String> type, Pattern pattern) {
    }

    public record Pattern(List<String> style) {
    }

    /** @param text shown when there are no series or all are empty */
    public record NoData(String text) {
    }

    /** Assembles options field by field; every setter may be left out. */
    public static final class Builder {
        private final ChartType type;
        private Integer height = 320;
        private Boolean stacked;
        private String fileName;
        private String description;
        private String title;
        private List<Series> series = List.of();
        private String xType;
        private List<String> categories;
        private String xTitle;
        private ValueFormat xFormat;
        private String yTitle;
        private Double yMin;
        private Double yMax;
        private Boolean yReversed;
        private ValueFormat format;
        private Annotations annotations;
        private List<String> colors = Palette.OKABE_ITO;
        private DataLabels dataLabels = new DataLabels(false, null, null, null);
        private Tooltip tooltip;
        private Stroke stroke;
        private Markers markers;
        private Legend legend;
        private PlotOptions plotOptions;
        private Fill fill;
        private String noData = "No data";

        private Builder(ChartType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder height(int pixels) { this.height = pixels; return this; }
        public Builder stacked() { this.stacked = true; return this; }
        /** Offers PNG, SVG and CSV downloads with this file name. */
        public Builder download(String name) { this.fileName = name; return this; }
        /** The chart's accessible name: what it shows, in a sentence or two. */
        public Builder description(String text) { this.description = text; return this; }
        /** A title drawn in the chart, so downloads carry it. */
        public Builder title(String text) { this.title = text; return this; }
        public Builder series(List<Series> list) { this.series = list; return this; }
        public Builder series(Series... list) { this.series = List.of(list); return this; }
        public Builder categories(List<String> list) { this.categories = list; return this; }
        /** A numeric x axis (points carry numbers as x), its values read with {@code xFormat}. */
        public Builder numericX(ValueFormat numberFormat) { this.xType = "numeric"; this.xFormat = numberFormat; return this; }
        public Builder xTitle(String text) { this.xTitle = text; return this; }
        public Builder yTitle(String text) { this.yTitle = text; return this; }
        public Builder yRange(Double min, Double max) { this.yMin = min; this.yMax = max; return this; }
        /** Lower values at the top (ranks). */
        public Builder yReversed() { this.yReversed = true; return this; }
        /** How values read on the y axis, in tooltips and in data labels. */
        public Builder format(ValueFormat valueFormat) { this.format = valueFormat; return this; }
        public Builder annotations(Annotations value) { this.annotations = value; return this; }
        public Builder colors(List<String> list) { this.colors = list; return this; }
        /** Values written on the bars, points or cells; {@code colours} per series, or null for ApexCharts' own. */
        public Builder dataLabels(List<String> colours) {
            this.dataLabels = new DataLabels(true, null, null, colours == null ? null : new DataLabelStyle(colours));
            return this;
        }
        public Builder tooltip(boolean shared, boolean intersect) { this.tooltip = new Tooltip(shared, intersect, null); return this; }
        public Builder stroke(Stroke value) { this.stroke = value; return this; }
        public Builder markers(Markers value) { this.markers = value; return this; }
        public Builder legend(Legend value) { this.legend = value; return this; }
        public Builder plotOptions(PlotOptions value) { this.plotOptions = value; return this; }
        public Builder fill(Fill value) { this.fill = value; return this; }
        public Builder noData(String text) { this.noData = text; return this; }

        public ChartOptions build() {
            Toolbar toolbar = fileName == null ? new Toolbar(false, null, null) : Toolbar.download(fileName);
            Chart chart = new Chart(type, height, stacked, toolbar, description == null ? null : new Accessibility(description));
            XAxis xaxis = xType == null && categories == null && xTitle == null ? null
                    : new XAxis(xType, categories, xTitle == null ? null : new AxisTitle(xTitle), xFormat == null ? null : new Labels(xFormat));
            YAxis yaxis = yTitle == null && yMin == null && yMax == null && yReversed == null && format == null ? null
                    : new YAxis(yTitle == null ? null : new AxisTitle(yTitle), yMin, yMax, yReversed, format == null ? null : new Labels(format));
            DataLabels labels = format == null || !Boolean.TRUE.equals(dataLabels.enabled()) ? dataLabels
                    : new DataLabels(true, format, dataLabels.enabledOnSeries(), dataLabels.style());
            Tooltip tips = format == null ? tooltip
                    : new Tooltip(tooltip == null ? null : tooltip.shared(), tooltip == null ? null : tooltip.intersect(), new TooltipY(format));
            return new ChartOptions(chart, title == null ? null : new Title(title, "left"), series, xaxis, yaxis, annotations,
                    colors, labels, tips, stroke, markers, legend, plotOptions, fill, noData == null ? null : new NoData(noData));
        }
    }
}
