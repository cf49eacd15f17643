package uk.iroinsight.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top of the command line; each subcommand is a class of this package. */
@Command(name = "iro-insight", mixinStandardHelpOptions = true, version = "IRO Insight 0.1",
        description = "Analytics for Independent Reviewing Officer services over the SSDA903 return.",
        subcommands = {ServeCommand.class, LoadCommand.class, ValidateCommand.class, IndicatorsCommand.class, DemoCommand.class})
public final class IroInsightCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with its error handling: a failure prints one line and exits 1. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new IroInsightCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            Throwable cause = e;
            while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof org.springframework.beans.BeansException
                    || cause instanceof java.lang.reflect.UndeclaredThrowableException)) {
                cause = cause.getCause();
            }
            cmd.getErr().println("iro-insight " + cmd.getCommandName() + ": " + oneLine(cause));
            return 1;
        });
        return commandLine;
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
