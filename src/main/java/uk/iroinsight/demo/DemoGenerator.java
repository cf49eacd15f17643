package uk.iroinsight.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a synthetic national inbox: for each authority and collection year, the 903 tables
 * (header, episodes, reviews, uasc) and the IRO service's disputes and workforce files, as
 * {@code OUT/<3-digit la>/<YYYY>/}. An authority's files depend only on the seed and the
 * authority (each has its own random generator, seeded from both), so a subset of authorities
 * gives byte-identical files to the full run. Authorities are generated in parallel on a small
 * bounded pool.
 */
public final class DemoGenerator {

    private final ReferenceFigures reference;

    public DemoGenerator(ReferenceFigures reference) {
        this.reference = reference;
    }

    /** The result: how many LA-years and children were written, and the mistakes injected (none at error rate 0). */
    public record Summary(int authorities, int laYears, long children, List<ErrorInjector.Mistake> mistakes) {
    }

    /** Generates the inbox; fails on an unknown authority code or a write error. */
    public Summary generate(DemoOptions options) {
        List<String> las = options.las().isEmpty() ? reference.currentAuthorities() : options.las();
        for (String la : las) {
            if (!reference.currentAuthorities().contains(la)) {
                throw new IllegalArgumentException("unknown or former authority code " + la + " (use a current 3-digit DfE code)");
            }
        }
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ErrorInjector injector = new ErrorInjector(options.seed(), options.errorRate());
        Queue<ErrorInjector.Mistake> injected = new ConcurrentLinkedQueue<>();
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (String la : las) {
                futures.add(pool.submit(() -> {
                    long written = generate(options, la);
                    injectMistakes(injector, options, la, injected);
                    return written;
                }));
            }
            long children = 0;
            for (Future<Long> future : futures) {
                children += future.get();
            }
            return new Summary(las.size(), las.size() * (options.to() - options.from() + 1), children,
                    injected.stream().sorted(ErrorInjector.Mistake.ORDER).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private long generate(DemoOptions options, String la) {
        SplittableRandom root = new SplittableRandom(seedFor(options.seed(), la));
        List<YearTargets> targets = reference.targets(la, options.from(), options.to());
        LaSimulation simulation = new LaSimulation(la, reference.region(la), targets, reference.bankHolidays(), root.nextLong());
        List<Journey> journeys = simulation.run();
        ReturnWriter writer = new ReturnWriter(la, journeys, simulation.profile, root.split());
        try {
            for (int year = options.from(); year <= options.to(); year++) {
                writer.write(options.out().resolve(la).resolve(String.valueOf(year)), year);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + options.out().resolve(la) + ": " + e.getMessage(), e);
        }
        return journeys.stream().map(j -> j.child).distinct().count();
    }

    /** After an authority's files are written: its mistakes, if any, year by year. */
    private static void injectMistakes(ErrorInjector injector, DemoOptions options, String la, Queue<ErrorInjector.Mistake> injected) {
        for (int year = options.from(); year <= options.to(); year++) {
            injected.addAll(injector.inject(options.out().resolve(la).resolve(String.valueOf(year)), la, year));
        }
    }

    /** A 64-bit seed from the run's seed and the authority code (stable across JVMs). */
    static long seedFor(long seed, String la) {
        long h = 0xcbf29ce484222325L;
        for (byte b : la.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001b3L;
        }
        return mix(seed * 0x9E3779B97F4A7C15L ^ mix(h));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
