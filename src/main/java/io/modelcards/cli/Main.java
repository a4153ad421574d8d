package io.modelcards.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** modelcards' command line: {@code build}, {@code check}, {@code serve}, {@code init}. Exit codes are in {@link ExitCodes}. */
@Command(name = "modelcards", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Static site generator for catalogues of AI model cards.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, InitCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok; 1 content errors; 2 usage error; 3 internal error (report it; --debug shows the trace);"
                + " 4 out of memory (set MODELCARDS_HEAP)."})
public final class Main implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code, never throwing. */
    public static int run(String... args) {
        return run(new Main(), args);
    }

    /** Runs {@code command} (a picocli command object) with this CLI's error handling and exit codes. */
    static int run(Object command, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(System.err, true));
        cli.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("modelcards: error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> internalError(ex, debug));
        // picocli's handler sees Exceptions only; an Error (ExceptionInInitializerError, OutOfMemoryError)
        // thrown by a command must still end in one line and exit code 3, not a stack trace
        try {
            return cli.execute(args);
        } catch (Throwable t) {
            return internalError(t, debug);
        }
    }

    private static int internalError(Throwable t, boolean debug) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) return outOfMemory(c, debug);
        }
        System.err.println("modelcards: internal error: " + t + " — please report it"
                + (debug ? "" : " (run again with --debug for the trace)"));
        if (debug) t.printStackTrace(System.err);
        return ExitCodes.INTERNAL;
    }

    /** Not a bug: the catalogue needs more heap than the JVM was given. One line, how to give it more, exit code 4. */
    private static int outOfMemory(Throwable t, boolean debug) {
        long mib = Runtime.getRuntime().maxMemory() >> 20;
        System.err.println("modelcards: error: out of memory (the heap is " + mib + " MiB; " + t.getMessage()
                + "): run again with a larger heap, e.g. MODELCARDS_HEAP=" + Math.max(4, (mib * 2 + 1023) / 1024)
                + "g (mvn site: -Dmodelcards.heap=…; java: -Xmx…)");
        if (debug) t.printStackTrace(System.err);
        return ExitCodes.OUT_OF_MEMORY;
    }
}
