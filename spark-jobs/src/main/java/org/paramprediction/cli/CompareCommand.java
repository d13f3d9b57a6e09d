package org.paramprediction.cli;

import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.report.RunComparison;
import org.paramprediction.report.SweepTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare --sweep ID A B}: two outputs of one sweep, trial by trial; exit 0 when identical. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two outputs of one sweep trial by trial: missing or duplicated trials and epochs, "
                + "and any metric that differs (exactly). Exit 0 identical, 1 different.")
final class CompareCommand implements Callable<Integer> {

    @Option(names = "--sweep", required = true, description = "Sweep id (the config's name).")
    String sweep;

    @Parameters(index = "0", paramLabel = "A", description = "An output root (any Hadoop path).")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "Another output root of the same sweep.")
    String b;

    @Option(names = "--master", description = "Spark master when not run by spark-submit (default: local[*]).")
    String master;

    @Override
    public Integer call() {
        Configuration conf = Sessions.hadoopConf();
        SweepTables.requireTables(a, sweep, conf);
        SweepTables.requireTables(b, sweep, conf);
        SparkSession spark = Sessions.create("compare " + sweep, master);
        try {
            RunComparison.Result r = RunComparison.compare(spark, sweep, a, b);
            System.out.printf("compare %s: %d trials in A, %d in B; only in A %d, only in B %d, duplicated trials %d, "
                    + "duplicated epochs %d, trials whose metrics differ %d, trials with differing epochs %d%n", sweep,
                    r.trialsA(), r.trialsB(), r.onlyInA(), r.onlyInB(), r.duplicateTrials(), r.duplicateEpochs(),
                    r.trialMismatches(), r.epochMismatches());
            r.examples().forEach(e -> System.out.println("  " + e));
            System.out.println(r.identical() ? "identical" : "DIFFERENT");
            return r.identical() ? ExitCodes.OK : ExitCodes.DIFFERENT;
        } finally {
            spark.stop();
        }
    }
}
