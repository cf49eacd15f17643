package uk.iroinsight.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * What to generate: the inbox folder, the seed (default 1), the collection years (default
 * 2016-2025) and the authorities (3-digit codes; empty means all current authorities).
 */
public record DemoOptions(Path out, long seed, int from, int to, List<String> las) {

    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_FROM = 2016;
    public static final int DEFAULT_TO = 2025;

    public DemoOptions {
        if (from > to) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        if (from < 2006 || to > 2040) {
            throw new IllegalArgumentException("years must be within 2006-2040");
        }
        las = List.copyOf(las);
    }
}
