package uk.iroinsight.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one of the bench's main classes in a fresh JVM (same java, same classpath), its log to a
 * file, and reads what it measured: the lines it prints as {@code BENCH key=value key=value}.
 */
final class Child {

    private Child() {
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The child's {@code BENCH} lines, each as its key=value pairs. */
    static List<Map<String, String>> run(Path log, Class<?> main, String... args) {
        // As the jar's manifest does (Add-Opens), for Arrow; no other JVM option, like `java -jar`.
        List<String> command = new ArrayList<>(List.of(java(), "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return run(log, command);
    }

    static List<Map<String, String>> run(Path log, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            List<Map<String, String>> results = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("BENCH ")) {
                        results.add(parse(line.substring(6)));
                    }
                }
            }
            int code = process.waitFor();
            if (code != 0) {
                throw new IllegalStateException(main(command) + " exited " + code + "; see " + log);
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String main(List<String> command) {
        return String.join(" ", command.subList(Math.min(4, command.size() - 1), command.size()));
    }

    static Map<String, String> parse(String pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : pairs.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }

    /** What a child prints for its parent. */
    static void report(Object... keyValues) {
        StringBuilder line = new StringBuilder("BENCH");
        for (int i = 0; i < keyValues.length; i += 2) {
            line.append(' ').append(keyValues[i]).append('=').append(String.valueOf(keyValues[i + 1]).replace(' ', '_'));
        }
        System.out.println(line);
        System.out.flush();
    }
}
