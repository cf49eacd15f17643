package uk.iroinsight.warehouse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for the crash-safety tests, never set in normal use: with the system property
 * {@code iro.fault.<point>=N} the JVM halts (exit code 99, as if killed: no shutdown hooks, no
 * rollback, no close) the N-th time it passes that point. The points:
 * <ul>
 * <li>{@code after-staging}: an authority's staging transaction has committed, nothing swapped;</li>
 * <li>{@code in-swap}: inside a swap's transaction, returns replaced and facts derived, not committed;</li>
 * <li>{@code after-swap}: a swap has committed;</li>
 * <li>{@code in-marts-build}: inside the marts' rebuild transaction, units computed, not committed.</li>
 * </ul>
 */
public final class FaultInjection {

    private static final Map<String, AtomicInteger> PASSES = new ConcurrentHashMap<>();

    private FaultInjection() {
    }

    public static void at(String point) {
        String property = "iro.fault." + point;
        String limit = System.getProperty(property);
        if (limit == null) {
            return;
        }
        int passes = PASSES.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet();
        if (passes >= Integer.parseInt(limit)) {
            System.err.println("fault injection: halting at " + point + " (pass " + passes + ", " + property + ")");
            System.err.flush();
            Runtime.getRuntime().halt(99);
        }
    }
}
