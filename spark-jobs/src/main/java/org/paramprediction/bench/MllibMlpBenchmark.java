package org.paramprediction.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.platform.BlasKernel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What a Spark user would pick instead: MLlib's {@code MultilayerPerceptronClassifier} with the same
 * layer sizes (784-500-500-10; MLlib's hidden units are sigmoid) on the same split and machine.
 * Prints seconds per pass over the training data (one L-BFGS iteration is one full-batch pass) and
 * the test accuracy after the given number of iterations. {@link #measure} is one such fit on a
 * caller's session (the {@code bench} command's MLlib section).
 */
@Command(name = "mllib-mlp-benchmark", mixinStandardHelpOptions = true,
        description = "Train MLlib's MultilayerPerceptronClassifier 784-500-500-10 on Fashion-MNIST and time it.")
public final class MllibMlpBenchmark implements Callable<Integer> {

    @Option(names = "--master", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master = "local[2]";

    @Option(names = "--iterations", split = ",", description = "Iteration budgets to train for (default: ${DEFAULT-VALUE}).")
    List<Integer> iterations = List.of(10, 40);

    @Option(names = "--seed", description = "MLlib seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    public static void main(String[] args) {
        BlasKernel.configure(); // before OpenBLAS loads: the kernel for this CPU
        System.exit(new CommandLine(new MllibMlpBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        SparkSession spark = SparkSession.builder().master(master).appName("mllib-mlp-benchmark")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            DataSplits data = FashionMnist.load();
            Dataset<Row> train = frame(spark, data.train()).cache();
            Dataset<Row> test = frame(spark, data.test()).cache();
            System.out.printf(Locale.ROOT, "MLlib MLP 784-500-500-10 (sigmoid, l-bfgs), %d train / %d test rows, %s%n",
                    train.count(), test.count(), master);
            System.out.println("| iterations | seconds | s/pass | test accuracy |");
            System.out.println("|---|---|---|---|");
            for (int iters : iterations) {
                Result r = fit(train, test, iters, seed);
                System.out.printf(Locale.ROOT, "| %d | %.1f | %.2f | %.2f%% |%n", r.passes(), r.seconds(),
                        r.secondsPerPass(), 100 * r.testAccuracy());
            }
            return 0;
        } finally {
            spark.stop();
        }
    }

    /**
     * One fit: the iteration budget asked for, the L-BFGS iterations run (full-batch passes; fewer
     * when it converged early), the seconds of {@code fit} alone and the test accuracy.
     */
    public record Result(int iterations, int passes, double seconds, double testAccuracy) {
        public double secondsPerPass() {
            return seconds / passes;
        }
    }

    /**
     * Trains MLlib's MLP on {@code data.train()} for at most {@code iterations} and evaluates it on
     * {@code data.test()}, on the caller's session; the cached frames are dropped before returning.
     */
    public static Result measure(SparkSession spark, DataSplits data, int iterations, long seed) {
        Dataset<Row> train = frame(spark, data.train()).cache();
        Dataset<Row> test = frame(spark, data.test()).cache();
        try {
            train.count();
            test.count();
            return fit(train, test, iterations, seed);
        } finally {
            train.unpersist(false);
            test.unpersist(false);
        }
    }

    /** Fits on {@code train} (timed: {@code fit} alone) and measures accuracy on {@code test}. */
    public static Result fit(Dataset<Row> train, Dataset<Row> test, int iterations, long seed) {
        MultilayerPerceptronClassifier mlp = new MultilayerPerceptronClassifier()
                .setLayers(new int[] {784, 500, 500, 10}).setMaxIter(iterations).setSeed(seed).setBlockSize(128);
        long start = System.nanoTime();
        MultilayerPerceptronClassificationModel model = mlp.fit(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        double acc = new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(model.transform(test));
        return new Result(iterations, model.summary().totalIterations(), seconds, acc);
    }

    /** The rows of {@code d} as a (label, features) frame in 4 partitions. */
    public static Dataset<Row> frame(SparkSession spark, org.paramprediction.data.Dataset d) {
        int n = d.size();
        int f = d.features();
        int[] order = org.paramprediction.data.Dataset.identityOrder(n);
        float[] rows = new float[n * f];
        d.copyRows(order, 0, n, rows);
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] v = new double[f];
            for (int j = 0; j < f; j++) {
                v[j] = rows[i * f + j];
            }
            out.add(RowFactory.create((double) d.label(i), Vectors.dense(v)));
        }
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("features", SQLDataTypes.VectorType());
        return spark.createDataFrame(out, schema).repartition(4);
    }
}
