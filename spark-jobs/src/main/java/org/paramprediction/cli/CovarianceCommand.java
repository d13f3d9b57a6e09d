package org.paramprediction.cli;

import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.covariance.CovarianceStore;
import org.paramprediction.covariance.DatasetSupplier;
import org.paramprediction.covariance.SparkCovarianceSource;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.io.BadInputException;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.stats.Covariance;
import org.paramprediction.sweep.InputCovariances;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code covariance --out DIR}: the input-pixel covariance of a dataset's training split, computed
 * by partitions and {@code treeAggregate}, stored where sweeps look for it.
 */
@Command(name = "covariance", mixinStandardHelpOptions = true,
        description = "Compute the covariance of the training inputs on Spark and store it under OUT/covariance/.")
final class CovarianceCommand implements Callable<Integer>, WritesOutput {

    @Option(names = "--data-root", description = "Fashion-MNIST directory, any Hadoop path (default: ${DEFAULT-VALUE}).")
    String dataRoot = FashionMnist.DEFAULT_ROOT.toString();

    @Option(names = "--train-size", description = "Training rows (default: ${DEFAULT-VALUE}).")
    int trainSize = 50_000;

    @Option(names = "--valid-size", description = "Validation rows (default: ${DEFAULT-VALUE}).")
    int validSize = 10_000;

    @Option(names = "--permutation-seed", description = "Permute the pixels with this seed (default: none).")
    Long permutationSeed;

    @Option(names = "--squared", description = "Covariance of the squared inputs.")
    boolean squared;

    @Option(names = "--partitions", description = "Partitions (default: one per 16,384 rows, as sweeps use;"
            + " another count changes the rounding, so the covariance id, of what is stored).")
    Integer partitions;

    @Option(names = "--out", required = true, description = "Output root (any Hadoop path).")
    String out;

    @Option(names = "--master", description = "Spark master when not run by spark-submit (default: local[*]).")
    String master;

    @Override
    public String outputRoot() {
        return out;
    }

    @Override
    public Integer call() {
        DataRef ref = new DataRef(dataRoot, trainSize, validSize, null, permutationSeed);
        try { // read on the driver before Spark starts: a wrong path is bad input, not a failed job
            DatasetCache.get(ref, HadoopConf.of(new org.apache.hadoop.conf.Configuration()));
        } catch (RuntimeException e) {
            throw new BadInputException("--data-root must name readable Fashion-MNIST (IDX) data but was "
                    + dataRoot + ": " + e.getMessage(), e);
        }
        SparkSession spark = Sessions.create("covariance", master);
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            HadoopConf hadoop = HadoopConf.of(sc.hadoopConfiguration());
            String key = InputCovariances.key(new InputCovariances(sc, hadoop, out)
                    .datasetSha256(ref.format(), dataRoot), ref, squared);
            DatasetSupplier supplier = () -> DatasetCache.get(ref, hadoop).train();
            long start = System.nanoTime();
            SparkCovarianceSource source = partitions == null ? new SparkCovarianceSource(sc, supplier)
                    : new SparkCovarianceSource(sc, supplier, partitions);
            Covariance cov = source.covariance(null, 0, squared);
            double seconds = (System.nanoTime() - start) / 1e9;
            new CovarianceStore(out, hadoop).save(key, cov);
            System.out.printf("covariance %dx%d of %d rows in %.2f s; id %s; stored as %s/covariance/%s%n",
                    cov.dimension(), cov.dimension(), cov.count(), seconds, cov.id(), out, key);
            return ExitCodes.OK;
        } finally {
            spark.stop();
        }
    }
}
