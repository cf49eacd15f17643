package uk.iroinsight;

import java.util.Arrays;

import picocli.CommandLine;
import uk.iroinsight.cli.IroInsightCommand;

/**
 * The command line (PRODUCT.md §5): {@code serve} (the default), {@code load}, {@code validate}.
 * Exit code 0 on success; otherwise non-zero with a one-line reason.
 */
public final class IroInsight {

    private IroInsight() {
    }

    public static void main(String[] args) {
        String[] effective = withDefaultCommand(args);
        CommandLine commandLine = IroInsightCommand.commandLine();
        int code = commandLine.execute(effective);
        boolean serving = effective.length > 0 && effective[0].equals("serve") && code == 0
                && commandLine.getParseResult().subcommand() != null
                && !commandLine.getParseResult().subcommand().isUsageHelpRequested();
        if (!serving) {
            System.exit(code);
        }
    }

    /** No command, or options only, means {@code serve}. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0) {
            return new String[] {"serve"};
        }
        boolean topLevelHelp = args[0].equals("--help") || args[0].equals("-h") || args[0].equals("--version") || args[0].equals("-V");
        if (args[0].startsWith("-") && !topLevelHelp) {
            String[] withServe = new String[args.length + 1];
            withServe[0] = "serve";
            System.arraycopy(args, 0, withServe, 1, args.length);
            return withServe;
        }
        return Arrays.copyOf(args, args.length);
    }
}
