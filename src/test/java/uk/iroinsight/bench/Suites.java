package uk.iroinsight.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@code bench/run} calls after building and generating the national inbox:
 * {@code Suites --jar JAR --inbox DIR --work DIR --runs N --rows FILE --extra FILE suite...}
 * with suites among load, marts, interactions, render, memory, scale (in that order). Each
 * suite runs its measurements (child JVMs and processes, see each class) and appends its rows
 * to the table in {@code --rows} ({@code | what | IRO Insight | reference | ratio | target | met |});
 * the scale curve's own table goes to {@code --extra}. Progress goes to stderr.
 */
public final class Suites {

    static final long SEED = 1;
    static final int INTERACTION_CALLS = 1_000;
    static final int SCALE_RUNS = 3;

    final Path jar;
    final Path inbox;
    final Path work;
    final int runs;
    final Path secrets;
    final Path log;
    private final Path rows;
    private final Path extra;
    /** The warehouse of the last load run (for marts, interactions, render and memory). */
    private Path warehouse;
    private LoadFigures national;
    private final int authorities;
    /** "the national inbox", or what a smaller trial run loads. */
    private final String where;

    record LoadFigures(Stats load, Stats marts, long rows, long rejected, Stats raw, long rawRows, Stats ratio) {
    }

    private Suites(Map<String, String> options) {
        this.jar = Path.of(options.get("jar")).toAbsolutePath();
        this.inbox = Path.of(options.get("inbox")).toAbsolutePath();
        this.work = Path.of(options.get("work")).toAbsolutePath();
        this.runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        this.rows = Path.of(options.get("rows"));
        this.extra = Path.of(options.get("extra"));
        this.secrets = work.resolve("secrets");
        this.log = work.resolve("bench.log");
        this.warehouse = options.containsKey("warehouse") ? Path.of(options.get("warehouse")).toAbsolutePath() : null;
        try (Stream<Path> folders = Files.list(inbox)) {
            this.authorities = (int) folders.filter(Files::isDirectory).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.where = authorities == 153 ? "the national inbox" : "an inbox of " + authorities + " authorities (not national)";
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> suites = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                suites.add(args[i]);
            }
        }
        Suites bench = new Suites(options);
        Files.createDirectories(bench.secrets);
        for (String suite : List.of("load", "marts", "interactions", "render", "memory", "scale")) {
            if (!suites.contains(suite)) {
                continue;
            }
            progress("== " + suite);
            switch (suite) {
                case "load" -> bench.load();
                case "marts" -> bench.marts();
                case "interactions" -> bench.interactions();
                case "render" -> bench.serve(suites.contains("render"), suites.contains("memory"));
                case "memory" -> {
                    if (!suites.contains("render")) {
                        bench.serve(false, true);
                    }
                }
                case "scale" -> bench.scale();
                default -> throw new IllegalArgumentException(suite);
            }
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------ load

    private void load() {
        national = loadRuns(inbox, runs, true);
        row("load: " + where + " through the load job, job start to publishChanges (" + national.rows() + " rows loaded, "
                        + national.rejected() + " rejected)", national.load().seconds(),
                "DuckDB `read_csv` to `CREATE TABLE`, 6 file kinds (" + national.rawRows() + " rows): " + national.raw().seconds(),
                Stats.fmt("%.1f (%.1f-%.1f)", national.ratio().median(), national.ratio().min(), national.ratio().max()),
                "ratio <= 2.0", national.ratio().median() <= 2.0);
        row("marts after load: the job's publishChanges step", national.marts().seconds(), "", "", "<= 5 s",
                national.marts().median() <= 5.0);
    }

    /** N runs of the load job, each on a fresh warehouse in a fresh JVM, with (when asked) the DuckDB reference in the same loop. */
    LoadFigures loadRuns(Path folder, int times, boolean withReference) {
        List<Double> load = new ArrayList<>();
        List<Double> marts = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        long loadedRows = 0;
        long rejected = 0;
        long rawRows = 0;
        Path db = work.resolve("warehouse.duckdb");
        Path rawDb = work.resolve("raw.duckdb");
        for (int i = 1; i <= times; i++) {
            delete(db);
            Map<String, String> run = Child.run(log, LoadRun.class, folder.toString(), db.toString(), secrets.toString()).get(0);
            load.add(Double.parseDouble(run.get("load_s")));
            marts.add(Double.parseDouble(run.get("marts_s")));
            loadedRows = Long.parseLong(run.get("rows"));
            rejected = Long.parseLong(run.get("rejected"));
            String line = "run " + i + ": load " + run.get("load_s") + " s, marts " + run.get("marts_s") + " s, " + loadedRows + " rows";
            if (withReference) {
                delete(rawDb);
                Map<String, String> reference = Child.run(log, RawLoad.class, folder.toString(), rawDb.toString()).get(0);
                delete(rawDb);
                raw.add(Double.parseDouble(reference.get("raw_s")));
                rawRows = Long.parseLong(reference.get("rows"));
                ratio.add(load.get(load.size() - 1) / raw.get(raw.size() - 1));
                line += "; read_csv " + reference.get("raw_s") + " s, " + rawRows + " rows (" + reference.get("kinds") + ")";
            }
            progress(line);
        }
        warehouse = db;
        return new LoadFigures(Stats.of(load), Stats.of(marts), loadedRows, rejected, withReference ? Stats.of(raw) : null, rawRows,
                withReference ? Stats.of(ratio) : null);
    }

    /** The warehouse of the last load; loads the national inbox once (not timed) when no load ran. */
    Path warehouse() {
        if (warehouse == null) {
            progress("loading " + where + " once for the suites that need a warehouse");
            loadRuns(inbox, 1, false);
        }
        return warehouse;
    }

    // ------------------------------------------------------------------ marts

    private void marts() {
        Path db = warehouse();
        List<Double> seconds = Child.run(log, MartsRun.class, db.toString(), secrets.toString(), String.valueOf(runs)).stream()
                .map(run -> Double.parseDouble(run.get("rebuild_s"))).toList();
        progress("rebuilds: " + seconds);
        Stats stats = Stats.of(seconds);
        row("marts: `IndicatorMarts.rebuild()` on the warehouse of " + where + ", one JVM, after a warm-up", stats.seconds(), "", "",
                "<= 5 s", stats.median() <= 5.0);
    }

    // ------------------------------------------------------------------ interactions

    private void interactions() {
        Path db = warehouse();
        for (Map<String, String> result : Child.run(log, Interactions.class, db.toString(), secrets.toString(), String.valueOf(SEED),
                String.valueOf(INTERACTION_CALLS))) {
            double p95 = Double.parseDouble(result.get("p95_ms"));
            String name = result.get("name").replace('_', ' ');
            progress(name + " " + result.get("role") + ": p50 " + result.get("p50_ms") + " ms, p95 " + result.get("p95_ms") + " ms");
            boolean once = name.startsWith("snapshot");
            row("interaction: " + name + ", " + result.get("role"),
                    Stats.fmt("p50 %.2f ms, p95 %.2f ms, max %.2f ms (%s calls)", Double.parseDouble(result.get("p50_ms")), p95,
                            Double.parseDouble(result.get("max_ms")), result.get("calls")),
                    "", "", once ? "(once per marts build)" : "p95 <= 50 ms", once ? null : p95 <= 50);
        }
    }

    // ------------------------------------------------------------------ render and memory

    private void serve(boolean render, boolean memory) throws Exception {
        try (Serve serve = Serve.start(this, warehouse())) {
            PageTimes times = new PageTimes(serve, runs, SEED, work);
            if (render) {
                for (var page : times.timePages().entrySet()) {
                    Stats ms = Stats.of(page.getValue());
                    Stats loaded = Stats.of(times.documentLoaded(page.getKey()));
                    progress("render " + page.getKey() + ": " + page.getValue() + " ms; document loaded at "
                            + times.documentLoaded(page.getKey()) + " ms");
                    row("render: " + page.getKey() + ", warm, navigation start to every chart drawn (headless Chromium)",
                            Stats.fmt("%.0f ms (%.0f-%.0f); its document loaded at %.0f ms", ms.median(), ms.min(), ms.max(),
                                    loaded.median()), "", "", "<= 1.5 s", ms.median() <= 1500);
                }
            }
            if (memory) {
                if (!render) {
                    times.timePages();
                }
                int before = times.pageLoads();
                int pages = times.burst();
                long peak = serve.status("VmHWM");
                long now = serve.status("VmRSS");
                progress("serve: VmHWM " + peak + " kB, VmRSS " + now + " kB after " + pages + " page loads");
                row("memory: `serve` peak RSS (VmHWM) on the warehouse of " + where + ", after " + before + " page loads of the render runs and "
                        + pages + " more of every view (8 authorities; admin pages once)", Stats.fmt("%.2f GiB", peak / 1048576.0), "", "", "<= 1.5 GiB",
                        peak / 1048576.0 <= 1.5);
                row("memory: `serve` RSS (VmRSS) at the end", Stats.fmt("%.2f GiB", now / 1048576.0), "", "", "", null);
            }
            times.close();
        }
    }

    // ------------------------------------------------------------------ scale

    private void scale() throws IOException {
        List<String> codes;
        try (Stream<Path> folders = Files.list(inbox)) {
            codes = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{3}")).sorted().toList();
        }
        String whole = "1 (the load suite)";
        if (national == null) {
            whole = "1 (this suite's own runs)";
            progress("scale: the 1 x point (the load suite did not run)");
            national = loadRuns(inbox, Math.min(SCALE_RUNS, runs), false);
        }
        List<String> lines = new ArrayList<>();
        lines.add("| share of national | authorities | rows loaded | load | load s per million rows | marts after load "
                + "| marts s per million rows |");
        lines.add("|---|---|---|---|---|---|---|");
        int all = codes.size();
        for (int divisor : new int[] {8, 4, 2}) {
            int count = Math.max(1, all / divisor); // 153: 19, 38, 76
            Path folder = work.resolve("scale-" + count);
            delete(folder);
            List<String> demo = List.of(Child.java(), "-jar", jar.toString(), "demo", "--out", folder.toString(), "--seed",
                    String.valueOf(SEED), "--las", String.join(",", codes.subList(0, count)));
            Child.run(log, demo);
            LoadFigures figures = loadRuns(folder, Math.min(SCALE_RUNS, runs), false);
            lines.add(scaleLine("1/" + divisor, count, figures));
            delete(folder);
        }
        lines.add(scaleLine(whole, all, national));
        append(extra, List.of("", "Scale curve: the load job (median, min-max of " + Math.min(SCALE_RUNS, runs) + " runs each; 1 x: the load suite's "
                + "runs when it ran too) on the first N authorities of the national inbox by code, same seed.", ""));
        append(extra, lines);
    }

    private static String scaleLine(String share, int authorities, LoadFigures figures) {
        double millions = figures.rows() / 1e6;
        return Stats.fmt("| %s | %d | %d | %s | %.2f | %s | %.2f |", share, authorities, figures.rows(), figures.load().seconds(),
                figures.load().median() / millions, figures.marts().seconds(), figures.marts().median() / millions);
    }

    // ------------------------------------------------------------------ helpers

    private void row(String what, String iro, String reference, String ratio, String target, Boolean met) {
        append(rows, List.of("| " + what + " | " + iro + " | " + reference + " | " + ratio + " | " + target + " | "
                + (met == null ? "" : met ? "yes" : "**no**") + " |"));
    }

    private static void append(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void progress(String line) {
        System.err.println("bench: " + line);
    }

    /** Deletes a file (a DuckDB file with its .wal) or a folder tree, if there. */
    static void delete(Path path) {
        for (Path each : List.of(path, path.resolveSibling(path.getFileName() + ".wal"))) {
            if (!Files.exists(each)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(each)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
