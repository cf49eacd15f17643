package uk.iroinsight.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the command line in this JVM, as {@code java -jar iro-insight.jar ARGS} would, capturing
 * its output. The secrets folder is given through the system property {@code iro.secrets-dir}
 * (tests must never write the pseudonymisation key into ~/.iro-insight).
 */
final class Cli {

    /** What a command did. */
    record Result(int code, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private Cli() {
    }

    static Result run(Path secrets, String... args) {
        return run(secrets, true, args);
    }

    /**
     * @param pinDb also set {@code iro.db} to the {@code --db} argument. Needed while {@code --db}
     *              alone is overridden by application.properties (see
     *              LoadAndValidateCommandsTest#theDbOptionChoosesTheWarehouseFileTheLoadWritesTo).
     */
    static Result run(Path secrets, boolean pinDb, String... args) {
        List<String> arguments = Arrays.asList(args);
        int db = arguments.indexOf("--db");
        String previousSecrets = System.getProperty("iro.secrets-dir");
        String previousDb = System.getProperty("iro.db");
        System.setProperty("iro.secrets-dir", secrets.toAbsolutePath().toString());
        if (pinDb && db >= 0) {
            System.setProperty("iro.db", Path.of(args[db + 1]).toAbsolutePath().normalize().toString());
        }
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            var commandLine = IroInsightCommand.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int code = commandLine.execute(args);
            return new Result(code, out.toString(), err.toString());
        } finally {
            restore("iro.secrets-dir", previousSecrets);
            restore("iro.db", previousDb);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
