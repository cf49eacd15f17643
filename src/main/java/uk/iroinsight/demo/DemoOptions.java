package uk.iroinsight.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * What to generate: the inbox folder, the seed (default 1), the collection years (default
 * 2016-2025), the authorities (3-digit codes; empty means all current authorities) and the
 * error rate (0-1, default 0: a clean inbox; see {@link ErrorInjector}).
 */
public record DemoOptions(Path out, long seed, int from, int to, List<String> las, double errorRate) {

    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_FROM = 2016;
    public static final int DEFAULT_TO = 2025;
    /** The first collection year the demo can write. */
    public static final int FIRST_YEAR = 2016;

    public DemoOptions {
        if (from > to) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        if (from < FIRST_YEAR || to > 2040) {
            // Before 2015-16 returns the 903 had no REASON_PLACE_CHANGE and other code lists (etl/codes).
            throw new IllegalArgumentException("years must be within " + FIRST_YEAR + "-2040 (the code lists in etl/codes begin with 2015-16 returns)");
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("--error-rate must be between 0 and 1 (a fraction of children and rows), not " + errorRate);
        }
        las = List.copyOf(las);
    }

    /** A clean inbox (error rate 0). */
    public DemoOptions(Path out, long seed, int from, int to, List<String> las) {
        this(out, seed, from, to, las, 0);
    }
}
