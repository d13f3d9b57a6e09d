package org.paramprediction.cli;

import org.paramprediction.console.Console;
import org.paramprediction.platform.BlasKernel;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code paramprediction <subcommand>}: the jobs of this project. Exit 0 ok, 1 some trials (or bench
 * sections) failed, 2 bad input, 3 a runtime failure ({@link ExitCodes}).
 */
@Command(name = "paramprediction", mixinStandardHelpOptions = true, version = "paramprediction 0.1.0",
        description = "Parameter-prediction sweeps on Spark.",
        subcommands = {SweepCommand.class, TrainDistributedCommand.class, ValidateCommand.class,
            CovarianceCommand.class, ReportCommand.class, CompareCommand.class, BenchCommand.class})
public final class Main {

    private boolean verbose;

    /**
     * {@code --verbose} on any subcommand: Spark's and the libraries' INFO log back on the console, and
     * the commands' own detail (e.g. a line per round of a data-parallel trial).
     */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Also print detail (a line per round, per column, per bench step) and INFO logging "
                    + "(Spark's own log); by default only a start line, progress, a summary, WARN and ERROR.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) {
            Configurator.setRootLevel(Level.INFO);
        }
    }

    /** The console of a subcommand: {@code System.out}, with detail when {@code --verbose} was given. */
    Console console() {
        return Console.system(verbose);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        BlasKernel.configure(); // first: OpenBLAS reads its kernel choice when it loads
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> failed(e, cmd));
        // submit-scripts/bench.sh passes a default --out before the user's arguments; the user's wins.
        cl.getSubcommands().get("bench").setOverwrittenOptionsAllowed(true);
        return cl.execute(args);
    }

    /**
     * Exit 2 and the message for bad input; exit 3 for anything else, with one line on the console
     * and the stack trace in {@code <out>/logs/} (or a temporary file, or the console if neither can
     * be written).
     */
    private static int failed(Exception e, CommandLine cmd) {
        int code = ExitCodes.of(e);
        if (code == ExitCodes.BAD_INPUT) {
            cmd.getErr().println("error: " + ExitCodes.badInputMessage(e));
            return code;
        }
        String root = cmd.getCommand() instanceof WritesOutput w ? w.outputRoot() : null;
        String log = FailureLog.write(root, cmd.getCommandName(), e);
        String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        cmd.getErr().println("error: " + cmd.getCommandName() + " failed: " + e.getClass().getName()
                + (first.isEmpty() ? "" : ": " + first));
        if (log != null) {
            cmd.getErr().println("the stack trace is in " + log);
        } else {
            cmd.getErr().print(FailureLog.trace(cmd.getCommandName(), e));
        }
        return code;
    }
}
