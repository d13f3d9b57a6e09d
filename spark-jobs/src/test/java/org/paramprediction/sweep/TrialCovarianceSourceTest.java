package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.covariance.CovarianceStore;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.results.TrialOutcome;
import org.paramprediction.stats.Covariance;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.TrialSpec;

/**
 * Inside a trial task the input covariance comes from the sweep's store, never from a silent
 * recomputation: a missing file fails the trial, naming the file and the way out.
 */
class TrialCovarianceSourceTest {

    private static final HadoopConf HADOOP = HadoopConf.of(new Configuration());
    private static final String SHA = "0123456789abcdef";

    @TempDir
    Path tmp;

    private static TrialSpec empEmp() {
        return SweepConfigLoader.parse("""
                name: missing-cov
                dataset: {train_size: 300, valid_size: 100, test_size: 100}
                model: {hidden: [16]}
                training: {epochs: 1}
                method: Emp-Emp
                fraction: 0.1
                columns: 1
                repeats: 1
                """, "missing-cov.yaml").trials().get(0);
    }

    @Test
    void aTrialWhoseStoredInputCovarianceIsMissingFailsNamingTheFileInsteadOfRecomputingIt() {
        TrialSpec t = empEmp();
        String key = InputCovariances.key(SHA, TrialExecutor.dataRef(t), false);
        TrialOutcome o = TrialExecutor.run(t, new SweepContext(HADOOP, tmp.toString(), SHA));
        assertEquals(TrialOutcome.FAILED, o.status(), "a recomputed covariance would have let it run");
        assertTrue(o.error().contains("covariance/" + key + "/covariance.bin does not exist"), o.error());
        assertTrue(o.error().contains("--resume --retry-failed"), o.error());
        assertFalse(Files.exists(tmp.resolve("covariance")), "nothing is stored by a task");
    }

    @Test
    void theStoredInputCovarianceIsTheOneTheTrialUses() {
        TrialSpec t = empEmp();
        DataRef ref = TrialExecutor.dataRef(t);
        double[] m = new double[784 * 784];
        for (int i = 0; i < 784; i++) {
            m[i * 784 + i] = 1 + i % 7;
        }
        Covariance stored = new Covariance(784, m, 300, false);
        new CovarianceStore(tmp.toString(), HADOOP).save(InputCovariances.key(SHA, ref, false), stored);
        TrialCovarianceSource source = new TrialCovarianceSource(new SweepContext(HADOOP, tmp.toString(), SHA), ref,
                DatasetCache.get(ref, HADOOP).train());
        assertEquals(stored.id(), source.covariance(null, 0, false).id());
    }
}
