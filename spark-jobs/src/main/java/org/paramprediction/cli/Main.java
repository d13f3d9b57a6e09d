package org.paramprediction.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code paramprediction <subcommand>}: the jobs of this project. Exit 0 ok, 1 some trials (or bench
 * sections) failed, 2 bad input.
 */
@Command(name = "paramprediction", mixinStandardHelpOptions = true, version = "paramprediction 0.1.0",
        description = "Parameter-prediction sweeps on Spark.",
        subcommands = {SweepCommand.class, TrainDistributedCommand.class, ValidateCommand.class,
            CovarianceCommand.class, ReportCommand.class, BenchCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
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
