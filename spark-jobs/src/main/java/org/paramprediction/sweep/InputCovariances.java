package org.paramprediction.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.paramprediction.covariance.CovarianceStore;
import org.paramprediction.covariance.DatasetSupplier;
import org.paramprediction.covariance.SparkCovarianceSource;
import org.paramprediction.data.DatasetFormat;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.DatasetFiles;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.stats.Covariance;
import org.paramprediction.sweep.config.TrialSpec;
import org.paramprediction.train.DictionarySpec;

/**
 * The covariance of the input pixels, needed by trials whose first layer uses an empirical kernel or
 * PCA, is computed once per (dataset, split, permutation, plain/squared) by the distributed covariance
 * job, stored under {@code <out>/covariance/<key>/} and loaded by the trials. Keys start with the
 * SHA-256 of the dataset files, so a different dataset can never reuse a stale covariance. The job's
 * partition count follows the number of rows, not the cluster ({@link
 * org.paramprediction.covariance.CovariancePartitions}), so the stored matrix, and the covariance id
 * recipes name, are the same whichever cluster computed it.
 */
public final class InputCovariances {

    private final JavaSparkContext sc;
    private final HadoopConf hadoop;
    private final String out;
    private final Map<String, String> shaByRoot = new HashMap<>();

    public InputCovariances(JavaSparkContext sc, HadoopConf hadoop, String out) {
        this.sc = sc;
        this.hadoop = hadoop;
        this.out = out;
    }

    /** SHA-256 of the dataset files of {@code format} under {@code root}, computed once. */
    public String datasetSha256(DatasetFormat format, String root) {
        return shaByRoot.computeIfAbsent(format.configName() + "|" + root, k -> DatasetFiles.sha256(format, root, hadoop));
    }

    /** Makes sure every input covariance the trials need is in the store. */
    public void prepare(List<TrialSpec> trials) {
        CovarianceStore store = new CovarianceStore(out, hadoop);
        for (TrialSpec t : trials) {
            DictionarySpec first = t.methodEnum().layers(t.hidden().size(), t.fraction(), t.columns(), t.ridge(),
                    t.lengthScale(), t.lengthScaleFactor(), t.orthonormal()).get(0);
            if (!first.needsCovariance()) {
                continue;
            }
            DataRef ref = TrialExecutor.dataRef(t);
            String key = key(datasetSha256(t.dataFormatEnum(), t.dataRoot()), ref, first.squaredCovariance());
            if (store.load(key).isEmpty()) {
                HadoopConf conf = hadoop; // the task closure must not capture this (not serializable)
                DatasetSupplier supplier = () -> DatasetCache.get(ref, conf).train();
                Covariance cov = new SparkCovarianceSource(sc, supplier)
                        .covariance(null, 0, first.squaredCovariance());
                store.save(key, cov);
            }
        }
    }

    /** The store key of the input covariance of {@code ref}'s training split. */
    public static String key(String datasetSha256, DataRef ref, boolean squared) {
        String text = datasetSha256 + "|train=" + ref.trainSize() + "|valid=" + ref.validSize() + "|perm="
                + ref.permutationSeed();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16) + (squared ? "-squared" : "-plain");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
