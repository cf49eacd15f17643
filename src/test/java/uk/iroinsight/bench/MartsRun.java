package uk.iroinsight.bench;

import java.nio.file.Path;

import uk.iroinsight.indicators.IndicatorMarts;

/**
 * The {@code marts} suite, in one JVM: {@code MartsRun DB SECRETS N} calls
 * {@link IndicatorMarts#rebuild()} once to warm up, then N times, and prints
 * {@code BENCH rebuild_s=} for each. A rebuild is what it is in the product: the SQL of the marts
 * in one write transaction, then its {@code MartsRebuilt} event, whose listeners (the dashboards'
 * snapshot) run before it returns.
 */
public final class MartsRun {

    private MartsRun() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path secrets = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        try (var context = Boot.start(db, secrets)) {
            IndicatorMarts marts = context.getBean(IndicatorMarts.class);
            marts.rebuild();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                marts.rebuild();
                Child.report("rebuild_s", Stats.fmt("%.3f", (System.nanoTime() - start) / 1e9));
            }
        }
        System.exit(0);
    }
}
