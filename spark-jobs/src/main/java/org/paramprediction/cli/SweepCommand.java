package org.paramprediction.cli;

import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.console.Console;
import org.paramprediction.results.OutputLock;
import org.paramprediction.sweep.DatasetPreflight;
import org.paramprediction.sweep.RoundsSummary;
import org.paramprediction.sweep.SummaryTable;
import org.paramprediction.sweep.SweepRunner;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.select.SelectionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code sweep CONFIG --out DIR}: run (or resume) a sweep and write its Parquet output. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run the trials of a sweep config as Spark tasks; write trials and epochs as Parquet.")
final class SweepCommand implements Callable<Integer>, WritesOutput {

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
        return execute(SweepConfigLoader.load(run.config), run, main.console());
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
