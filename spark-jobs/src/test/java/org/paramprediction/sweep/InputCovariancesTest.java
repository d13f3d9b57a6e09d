package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.covariance.CovarianceStore;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;

/** Layer-1 input covariances (Emp-Emp, PCA) are computed by a Spark job whose closure must serialise. */
class InputCovariancesTest {

    @TempDir
    Path tmp;

    @Test
    void empiricalFirstLayerCovarianceIsComputedOnSparkAndStored() {
        SweepSpec sweep = SweepConfigLoader.parse("""
                name: cov
                dataset: {train_size: 300, valid_size: 100, test_size: 100}
                model: {hidden: [16]}
                method: Emp-Emp
                fraction: 0.1
                columns: 1
                repeats: 1
                """, "cov.yaml");
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
        HadoopConf hadoop = HadoopConf.of(sc.hadoopConfiguration());
        InputCovariances inputs = new InputCovariances(sc, hadoop, tmp.toString());
        inputs.prepare(sweep.trials());
        TrialSpec t = sweep.trials().get(0);
        String key = InputCovariances.key(inputs.datasetSha256(t.dataFormatEnum(), t.dataRoot()), TrialExecutor.dataRef(t), false);
        assertTrue(new CovarianceStore(tmp.toString(), hadoop).load(key).isPresent(), "stored under " + key);
    }
}
