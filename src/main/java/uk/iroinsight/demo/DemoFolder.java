package uk.iroinsight.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The embedded demo's inbox folder and its manifest ({@value #MANIFEST}: the options it was
 * generated with, and when its load completed). The folder is generated beside itself as
 * {@code <folder>.partial} and renamed into place when complete, so a folder with a manifest is
 * always a whole demo. Only folders holding a manifest are ever deleted. (The inbox scan ignores
 * files beside the authority folders, so the manifest does not disturb the load.)
 */
final class DemoFolder {

    static final String MANIFEST = "demo.properties";

    /** What a manifest says; {@code loadedAt} is null until a load of the folder completed. */
    record Manifest(long seed, int from, int to, String las, Instant generatedAt, Instant loadedAt) {

        boolean generatedWith(DemoProperties properties) {
            return seed == properties.seed() && from == properties.from() && to == properties.to()
                    && las.equals(properties.authorities());
        }
    }

    private final Path folder;

    DemoFolder(Path folder) {
        this.folder = folder;
    }

    Path path() {
        return folder;
    }

    /** The manifest, if the folder is a generated demo (an unreadable manifest counts as none). */
    Optional<Manifest> manifest() {
        return read(folder.resolve(MANIFEST));
    }

    /** The folder exists, holds something, and was not written by the demo: it is never touched. */
    boolean isSomethingElse() {
        return isSomethingElse(folder);
    }

    /**
     * Generates the demo afresh and puts it in place of the folder (replacing an earlier demo).
     *
     * @throws IllegalStateException when the folder, or its {@code .partial} sibling, holds
     *                               something the demo did not write
     */
    DemoGenerator.Summary generate(DemoGenerator generator, DemoProperties properties, Instant now) {
        Path partial = folder.resolveSibling(folder.getFileName() + ".partial");
        try {
            deleteIfDemo(partial);
            Files.createDirectories(partial);
            // Written first, so a generation killed half-way leaves a folder marked as the demo's.
            write(partial.resolve(MANIFEST), new Manifest(properties.seed(), properties.from(), properties.to(),
                    properties.authorities(), null, null));
            DemoGenerator.Summary summary = generator.generate(properties.options(partial));
            write(partial.resolve(MANIFEST), new Manifest(properties.seed(), properties.from(), properties.to(),
                    properties.authorities(), now, null));
            deleteIfDemo(folder);
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Records in the manifest that a load of the folder completed. */
    void markLoaded(Manifest manifest, Instant now) {
        try {
            write(folder.resolve(MANIFEST), new Manifest(manifest.seed(), manifest.from(), manifest.to(), manifest.las(),
                    manifest.generatedAt(), now));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(MANIFEST) + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Manifest> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            String generatedAt = properties.getProperty("generated-at");
            if (generatedAt == null) {
                return Optional.empty();
            }
            String loadedAt = properties.getProperty("loaded-at");
            return Optional.of(new Manifest(Long.parseLong(properties.getProperty("seed")), Integer.parseInt(properties.getProperty("from")),
                    Integer.parseInt(properties.getProperty("to")), properties.getProperty("las"), Instant.parse(generatedAt),
                    loadedAt == null ? null : Instant.parse(loadedAt)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void write(Path file, Manifest manifest) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("seed", String.valueOf(manifest.seed()));
        properties.setProperty("from", String.valueOf(manifest.from()));
        properties.setProperty("to", String.valueOf(manifest.to()));
        properties.setProperty("las", manifest.las());
        if (manifest.generatedAt() != null) {
            properties.setProperty("generated-at", manifest.generatedAt().toString());
        }
        if (manifest.loadedAt() != null) {
            properties.setProperty("loaded-at", manifest.loadedAt().toString());
        }
        Path temporary = file.resolveSibling(MANIFEST + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "IRO Insight embedded demo (iro.demo.*): synthetic data, nothing in it is real");
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean isSomethingElse(Path path) {
        if (!Files.exists(path) || Files.isRegularFile(path.resolve(MANIFEST))) {
            return false;
        }
        if (!Files.isDirectory(path)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    /** Deletes the folder if it is a demo folder (or empty); refuses to touch anything else. */
    private static void deleteIfDemo(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        if (isSomethingElse(path)) {
            throw new IllegalStateException(path + " exists and was not written by the demo; leaving it alone "
                    + "(move it away, or set iro.demo.dir to another folder)");
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path entry : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }
}
