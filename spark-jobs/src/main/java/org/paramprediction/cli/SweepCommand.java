package org.paramprediction.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.sweep.DatasetPreflight;
import org.paramprediction.sweep.RoundsSummary;
import org.paramprediction.sweep.SummaryTable;
import org.paramprediction.sweep.SweepRunner;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep CONFIG --out DIR}: run (or resume) a sweep and write its Parquet output. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run the trials of a sweep config as Spark tasks; write trials and epochs as Parquet.")
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Sweep config (YAML), e.g. conf/sweeps/quickstart.yaml.")
    Path config;

    @Option(names = "--out", required = true, description = "Output root (any Hadoop path): trials/, epochs/, covariance/.")
    String out;

    @Option(names = "--master", description = "Spark master when not run by spark-submit (default: local[*]).")
    String master;

    @Option(names = "--resume", description = "Skip trials already committed; run the rest.")
    boolean resume;

    @Option(names = "--retry-failed", description = "Also rerun trials committed as FAILED (implies --resume).")
    boolean retryFailed;

    @Override
    public Integer call() {
        return execute(SweepConfigLoader.load(config), out, master, resume, retryFailed);
    }

    /** Runs a loaded sweep and prints its summary; the exit code. */
    static int execute(SweepSpec sweep, String out, String master, boolean resume, boolean retryFailed) {
        DatasetPreflight.check(sweep, new Configuration());
        SparkSession spark = Sessions.create("sweep " + sweep.name(), master);
        try {
            SweepRunner.Result r = new SweepRunner(spark, System.out).run(sweep, out, resume || retryFailed, retryFailed);
            SummaryTable.print(spark, out + "/trials/sweep_id=" + sweep.name(), System.out);
            RoundsSummary.print(spark, out, sweep.name(), System.out);
            System.out.printf("%nsweep %s: %d trials, %d skipped (already committed), %d run, %d failed; output in %s%n",
                    sweep.name(), r.total(), r.skipped(), r.ran(), r.failed(), out);
            return r.failed() > 0 ? ExitCodes.SOME_TRIALS_FAILED : ExitCodes.OK;
        } finally {
            spark.stop();
        }
    }
}
