package uk.iroinsight.etl.load;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for the crash-safety tests: with the system property
 * {@code iro.etl.halt-after-swaps=N} the JVM halts (as if killed) straight after its N-th swap
 * commits; with {@code iro.etl.halt-after-staging=N}, after staging its N-th authority, before
 * the swap. Never set in normal use.
 */
final class LoadFaults {

    private static final AtomicInteger swaps = new AtomicInteger();
    private static final AtomicInteger staged = new AtomicInteger();

    private LoadFaults() {
    }

    static void afterSwap() {
        haltAt("iro.etl.halt-after-swaps", swaps.incrementAndGet());
    }

    static void afterStaging() {
        haltAt("iro.etl.halt-after-staging", staged.incrementAndGet());
    }

    private static void haltAt(String property, int count) {
        String limit = System.getProperty(property);
        if (limit != null && count >= Integer.parseInt(limit)) {
            System.err.println("fault injection: halting after " + count + " (" + property + ")");
            Runtime.getRuntime().halt(99);
        }
    }
}
