package org.paramprediction.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.console.Console;
import org.paramprediction.io.BadInputException;
import org.paramprediction.results.OutputLock;
import org.paramprediction.sweep.DatasetPreflight;
import org.paramprediction.sweep.RoundsSummary;
import org.paramprediction.sweep.SummaryTable;
import org.paramprediction.sweep.SweepRunner;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepScheduler;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.select.SelectionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sweep CONFIG --out DIR}: run (or resume) a sweep and write its Parquet output. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run the trials of a sweep config as Spark tasks; write trials and epochs as Parquet.")
final class SweepCommand implements Callable<Integer>, WritesOutput {

    @Mixin
    SweepRunOptions run;

    @ParentCommand
    Main main;

    @Option(names = "--scheduler", paramLabel = "TYPE", description = "Run the file's grid with another scheduler "
            + "type: asha, sync_halving (the file's scheduler section gives the rungs), or none (every trial to its "
            + "end). The trial ids are the same, so the three runs of one grid compare trial by trial.")
    String scheduler;

    @Override
    public String outputRoot() {
        return run == null ? null : run.out;
    }

    @Override
    public Integer call() {
        return execute(withScheduler(SweepConfigLoader.load(run.config), scheduler), run, main.console());
    }

    /** {@code sweep} with its scheduler type replaced by {@code type} ({@code --scheduler}; null: unchanged). */
    static SweepSpec withScheduler(SweepSpec sweep, String type) {
        if (type == null) {
            return sweep;
        }
        if (type.equals("none")) {
            return sweep.withScheduler(null);
        }
        SweepScheduler.Type t = Arrays.stream(SweepScheduler.Type.values()).filter(x -> x.key().equals(type))
                .findFirst().orElseThrow(() -> new BadInputException("--scheduler must be one of asha, sync_halving, "
                        + "none but was " + type));
        if (sweep.scheduler() == null) {
            throw new BadInputException("--scheduler " + type + " needs a scheduler section in " + sweep.file()
                    + " (its min_epochs, reduction and max_epochs), but the file has none");
        }
        return sweep.withScheduler(new SweepScheduler(t, sweep.scheduler().metric(), sweep.scheduler().rungs()));
    }

    /** Runs a loaded sweep and prints its summary; the exit code. */
    static int execute(SweepSpec sweep, SweepRunOptions run, Console console) {
        String out = run.out;
        boolean resume = run.resume || run.retryFailed;
        boolean retryFailed = run.retryFailed;
        String master = run.master;
        Configuration hadoop = Sessions.hadoopConf();
        DatasetPreflight.check(sweep, hadoop);
        try (OutputLock lock = OutputLock.acquire(out, hadoop, "sweep " + sweep.name(), console.stream())) {
            return execute(sweep, out, resume, retryFailed, master, console);
        }
    }

    private static int execute(SweepSpec sweep, String out, boolean resume, boolean retryFailed, String master,
            Console console) {
        SparkSession existing = Sessions.running();
        SparkSession spark = existing != null ? existing : Sessions.create("sweep " + sweep.name(), master);
        try {
            SweepRunner.Result r = new SweepRunner(spark, console).run(sweep, out, resume, retryFailed);
            SummaryTable.print(spark.sparkContext().hadoopConfiguration(), out + "/trials/sweep_id=" + sweep.name(),
                    console.stream(), sweep.select() != null);
            if (sweep.select() != null) {
                SelectionSummary.print(sweep.select(), r.choices(), console.stream());
            }
            RoundsSummary.print(spark, out, sweep.name(), console.stream());
            console.line("%nsweep %s: %d trials, %d skipped (already committed), %d run, %d failed; output in %s",
                    sweep.name(), r.total(), r.skipped(), r.ran(), r.failed(), out);
            return r.failed() > 0 ? ExitCodes.SOME_TRIALS_FAILED : ExitCodes.OK;
        } finally {
            if (existing == null) {
                spark.stop();
            }
        }
    }
}
