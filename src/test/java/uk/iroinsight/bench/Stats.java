package uk.iroinsight.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Medians, ranges and percentiles of measured values, and how a table cell writes them. */
final class Stats {

    private final List<Double> values;

    Stats(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        this.values = List.copyOf(sorted);
    }

    static Stats of(List<Double> values) {
        return new Stats(values);
    }

    int count() {
        return values.size();
    }

    double median() {
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    double min() {
        return values.get(0);
    }

    double max() {
        return values.get(values.size() - 1);
    }

    /** The nearest-rank percentile (p in 0-100). */
    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100 * values.size());
        return values.get(Math.max(0, Math.min(values.size() - 1, rank - 1)));
    }

    /** "12.34 s (11.90-13.02)". */
    String seconds() {
        return fmt("%.2f s (%.2f-%.2f)", median(), min(), max());
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
