package org.paramprediction.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.apache.spark.sql.SparkSession;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.covariance.DatasetShape;
import org.paramprediction.covariance.DatasetSupplier;
import org.paramprediction.covariance.DistributedCovariance;
import org.paramprediction.covariance.RowBlocks;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.platform.BlasKernel;
import org.paramprediction.stats.Covariance;
import org.paramprediction.train.LocalCovarianceSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The covariance of the 60,000 x 784 Fashion-MNIST training matrix three ways, in one run on the
 * same data: core-model's accumulator on one thread, our Spark job (accumulator per partition +
 * {@code treeAggregate}), and MLlib's {@code RowMatrix.computeCovariance} on the same partitions
 * (rows cached as vectors first, so conversion is not timed). Prints the median of the timed repeats
 * and the ratios, checks the three results agree, and writes the table as CSV. {@link #measure} is the
 * same measurement on a caller's Spark context (the {@code bench} command's covariance section).
 */
@Command(name = "covariance-benchmark", mixinStandardHelpOptions = true,
        description = "Time the input covariance: local accumulator vs our Spark job vs MLlib RowMatrix.")
public final class CovarianceBenchmark implements Callable<Integer> {

    @Option(names = "--master", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master = "local[2]";

    @Option(names = "--partitions", description = "Partitions of the row RDDs (default: ${DEFAULT-VALUE}).")
    int partitions = 4;

    @Option(names = "--repeats", description = "Timed repeats per method after one warm-up (default: ${DEFAULT-VALUE}).")
    int repeats = 3;

    @Option(names = "--data-root", description = "Fashion-MNIST directory (default: ${DEFAULT-VALUE}).")
    String dataRoot = FashionMnist.DEFAULT_ROOT.toString();

    @Option(names = "--csv", description = "Where to write the table (default: ${DEFAULT-VALUE}).")
    Path csv = Path.of("out/bench/covariance.csv");

    public static void main(String[] args) {
        BlasKernel.configure(); // before OpenBLAS loads: the kernel for this CPU
        System.exit(new CommandLine(new CovarianceBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        SparkSession spark = SparkSession.builder().master(master).appName("covariance-benchmark")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            Result r = measure(JavaSparkContext.fromSparkContext(spark.sparkContext()), dataRoot, 60_000, partitions,
                    repeats);
            List<String> lines = new ArrayList<>();
            lines.add("method,seconds,ratio_to_mllib,max_abs_diff_to_local");
            lines.add(row("core-model accumulator, 1 thread", r.localSeconds(), r.mllibSeconds(), 0));
            lines.add(row("Spark covariance job, " + master + ", " + partitions + " partitions", r.oursSeconds(),
                    r.mllibSeconds(), r.oursMaxAbsDiff()));
            lines.add(row("MLlib RowMatrix.computeCovariance, same partitions", r.mllibSeconds(), r.mllibSeconds(),
                    r.mllibMaxAbsDiff()));
            System.out.printf(Locale.ROOT, "covariance of %d x %d (rows cached for MLlib), median of %d%n",
                    r.rows(), r.features(), repeats);
            lines.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "our Spark job is %.1fx faster than MLlib%n",
                    r.mllibSeconds() / r.oursSeconds());
            Files.createDirectories(csv.toAbsolutePath().getParent());
            Files.write(csv, lines);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            spark.stop();
        }
    }

    /**
     * The three timings (median of {@code repeats} after one warm-up each) and how far the Spark and
     * MLlib results lie from the local one (max abs difference over all entries).
     */
    public record Result(int rows, int features, int partitions, int repeats, double localSeconds, double oursSeconds,
            double mllibSeconds, double oursMaxAbsDiff, double mllibMaxAbsDiff) {}

    /**
     * Times the covariance of the first {@code rows} training images three ways on {@code sc} (the
     * caller owns the context and its master). Sets one BLAS thread for the local accumulator; the
     * MLlib row cache is dropped again before returning.
     */
    public static Result measure(JavaSparkContext sc, String dataRoot, int rows, int partitions, int repeats) {
        Nd4j.factory().blas().setMaxThreads(1);
        HadoopConf hadoop = HadoopConf.of(sc.hadoopConfiguration());
        DataRef ref = new DataRef(dataRoot, rows, 0, null, null);
        DatasetSupplier supplier = () -> DatasetCache.get(ref, hadoop).train();
        Dataset train = supplier.get();
        DatasetShape shape = DatasetShape.of(train);
        JavaRDD<Vector> vectors = RowBlocks.blocks(sc, supplier, shape, RowBlocks.DEFAULT_ROWS_PER_BLOCK, partitions)
                .flatMap(block -> toVectors(block, shape.features()).iterator()).cache();
        try {
            vectors.count();
            Timed local = time(() -> new LocalCovarianceSource(train).covariance(null, 0, false), repeats);
            Timed ours = time(() -> DistributedCovariance.ofRows(
                    RowBlocks.blocks(sc, supplier, shape, RowBlocks.DEFAULT_ROWS_PER_BLOCK, partitions),
                    shape.features(), false), repeats);
            Timed mllib = time(() -> new RowMatrix(vectors.rdd()).computeCovariance(), repeats);
            double[] reference = ((Covariance) local.result()).matrix();
            return new Result(shape.rows(), shape.features(), partitions, repeats, local.seconds(), ours.seconds(),
                    mllib.seconds(), maxAbsDiff(((Covariance) ours.result()).matrix(), reference),
                    maxAbsDiff(((Matrix) mllib.result()).toArray(), reference));
        } finally {
            vectors.unpersist(false);
        }
    }

    private record Timed(double seconds, Object result) {}

    private static Timed time(Supplier<Object> work, int repeats) {
        Object result = work.get(); // warm-up
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            // every repeat starts from a collected heap, so no method pays for the garbage of the one
            // before (the bench JVM has trained networks and cached MLlib's vectors by then)
            System.gc();
            long start = System.nanoTime();
            result = work.get();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return new Timed(t[repeats / 2], result);
    }

    private static List<Vector> toVectors(float[] block, int d) {
        List<Vector> out = new ArrayList<>(block.length / d);
        for (int r = 0; r < block.length / d; r++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = block[r * d + j];
            }
            out.add(Vectors.dense(v));
        }
        return out;
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static String row(String name, double seconds, double mllibSeconds, double diff) {
        return String.format(Locale.ROOT, "\"%s\",%.3f,%.2f,%.2e", name, seconds, mllibSeconds / seconds, diff);
    }
}
