package org.paramprediction.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.benchmark.BenchConfig;
import org.paramprediction.benchmark.TrainingBenchmark;
import org.paramprediction.data.DataSplits;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.HadoopConf;

/**
 * What the sections of one run share: the Spark session, the plan, the console, the main class of
 * the child JVMs, the training split
 * (loaded once, through the same per-JVM cache the sweeps use) and the training section's results,
 * which the MLlib section compares with instead of training the Full network a second time.
 */
final class BenchContext {

    private final SparkSession spark;
    private final BenchPlan plan;
    private final PrintStream log;
    private final String childMain;
    private List<TrainingBenchmark.Measured> trained = List.of();

    BenchContext(SparkSession spark, BenchPlan plan, String childMain, PrintStream log) {
        this.spark = spark;
        this.plan = plan;
        this.childMain = childMain;
        this.log = log;
    }

    SparkSession spark() {
        return spark;
    }

    JavaSparkContext sc() {
        return JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    BenchPlan plan() {
        return plan;
    }

    PrintStream log() {
        return log;
    }

    /** The main class the sections' child JVMs run: the command line that started this run. */
    String childMain() {
        return childMain;
    }

    /** The {@code --train-size}/{@code --valid-size} split of Fashion-MNIST, with the full test set. */
    DataSplits splits() {
        DataRef ref = new DataRef(plan.dataRoot().toString(), plan.trainSize(), plan.validSize(), null, null);
        return DatasetCache.get(ref, HadoopConf.of(sc().hadoopConfiguration()));
    }

    void trained(List<TrainingBenchmark.Measured> results) {
        trained = List.copyOf(results);
    }

    /** The Full network's figures if the training section ran in this run. */
    Optional<TrainingBenchmark.Measured> trainedFull() {
        return trained.stream().filter(m -> m.config() == BenchConfig.FULL).findFirst();
    }

    /** The training benchmark's settings for this plan's configurations and budget. */
    TrainingBenchmark.Settings trainingSettings() {
        return TrainingBenchmark.Settings.of(List.of(BenchConfig.FULL, BenchConfig.SE_EMP), plan.fractions(),
                plan.columns(), plan.epochs(), plan.seed(), plan.gemmSeconds());
    }
}
