package org.paramprediction.cli;

import org.paramprediction.platform.BlasKernel;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code paramprediction <subcommand>}: the jobs of this project. Exit 0 ok, 1 some trials (or bench
 * sections) failed, 2 bad input.
 */
@Command(name = "paramprediction", mixinStandardHelpOptions = true, version = "paramprediction 0.1.0",
        description = "Parameter-prediction sweeps on Spark.",
        subcommands = {SweepCommand.class, TrainDistributedCommand.class, ValidateCommand.class,
            CovarianceCommand.class, ReportCommand.class, BenchCommand.class})
public final class Main {

    /** {@code --verbose} on any subcommand: Spark's and the libraries' INFO log back on the console. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Also print INFO logging (Spark's own log); by default only progress, WARN and ERROR.")
    void setVerbose(boolean verbose) {
        if (verbose) {
            Configurator.setRootLevel(Level.INFO);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        BlasKernel.configure(); // first: OpenBLAS reads its kernel choice when it loads
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        });
        cl.setExitCodeExceptionMapper(e -> ExitCodes.BAD_INPUT);
        // submit-scripts/bench.sh passes a default --out before the user's arguments; the user's wins.
        cl.getSubcommands().get("bench").setOverwrittenOptionsAllowed(true);
        return cl.execute(args);
    }
}
