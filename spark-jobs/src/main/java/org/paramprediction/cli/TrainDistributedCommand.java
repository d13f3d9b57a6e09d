package org.paramprediction.cli;

import java.util.concurrent.Callable;
import org.paramprediction.sweep.config.ConfigError;
import org.paramprediction.sweep.config.ConfigException;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code train-distributed CONFIG --out DIR}: train networks over the whole cluster, one at a time —
 * data-parallel with alpha-only averaging, or columns as independent tasks — as set in the config's
 * {@code distributed:} section. The config is a sweep file; every trial in it must be distributed.
 */
@Command(name = "train-distributed", mixinStandardHelpOptions = true,
        description = "Train the trials of a config with a distributed: section across the cluster; "
                + "write trials, epochs and rounds as Parquet.")
final class TrainDistributedCommand implements Callable<Integer>, WritesOutput {

    @Mixin
    SweepRunOptions run;

    @ParentCommand
    Main main;

    @Override
    public String outputRoot() {
        return run == null ? null : run.out;
    }

    @Override
    public Integer call() {
        SweepSpec sweep = SweepConfigLoader.load(run.config);
        for (TrialSpec t : sweep.trials()) {
            if (t.distributed() == null) {
                throw new ConfigException(new ConfigError(sweep.file(), 0, "distributed.mode",
                        "must be data_parallel or columns for train-distributed (trial " + t.label() + ")", "null"));
            }
        }
        return SweepCommand.execute(sweep, run, main.console());
    }
}
