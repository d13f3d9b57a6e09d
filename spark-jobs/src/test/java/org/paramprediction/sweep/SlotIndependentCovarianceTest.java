package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.SharedSpark;
import org.paramprediction.SlotCount;
import org.paramprediction.covariance.CovarianceStore;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.DenseMap;
import org.paramprediction.layer.HiddenLayer;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.SoftmaxOutputLayer;
import org.paramprediction.stats.Covariance;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.TrialSpec;

/**
 * A trial's covariances, and so the covariance ids its recipes name, do not depend on the number of
 * task slots of the cluster that computes them. The slot count is changed on the shared context
 * ({@link SlotCount}); both runs are the same computation on the same machine, so the matrices must
 * agree bit for bit (compared through their SHA-256 ids). 5,000 rows are 5 blocks of 1,024; with
 * the former rule (2 partitions per slot) 1 and 2 slots cut them as 2+3 and 1+1+1+2 blocks, and
 * both ids differed.
 */
class SlotIndependentCovarianceTest {

    private static final int FEW_SLOTS = 1;
    private static final int MANY_SLOTS = 2;

    private static JavaSparkContext sc;
    private static HadoopConf hadoop;
    private static TrialSpec trial;

    @TempDir
    Path tmp;

    @BeforeAll
    static void sweep() {
        sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
        hadoop = HadoopConf.of(sc.hadoopConfiguration());
        trial = SweepConfigLoader.parse("""
                name: slots
                dataset: {train_size: 5000, valid_size: 100, test_size: 100}
                model: {hidden: [16, 16]}
                method: Emp-Emp
                fraction: 0.1
                columns: 1
                repeats: 1
                """, "slots.yaml").trials().get(0);
    }

    @Test
    void storedInputCovarianceIsTheSameWhateverTheSlotCount() {
        Covariance few = SlotCount.with(sc, FEW_SLOTS, () -> prepareAndLoad(tmp.resolve("few")));
        Covariance many = SlotCount.with(sc, MANY_SLOTS, () -> prepareAndLoad(tmp.resolve("many")));
        assertEquals(5000, few.count());
        assertEquals(few.id(), many.id(), "input covariance computed with " + FEW_SLOTS + " and " + MANY_SLOTS
                + " slots");
    }

    @Test
    void distributedTrialLayerTwoCovarianceIsTheSameWhateverTheSlotCount() {
        DataRef ref = TrialExecutor.dataRef(trial);
        SweepContext ctx = new SweepContext(hadoop, tmp.toString(), "unused-for-layer-1");
        Network lower = network();
        Covariance few = SlotCount.with(sc, FEW_SLOTS,
                () -> DistributedTrial.covariances(trial, sc, ctx, ref).covariance(lower, 1, false));
        Covariance many = SlotCount.with(sc, MANY_SLOTS,
                () -> DistributedTrial.covariances(trial, sc, ctx, ref).covariance(lower, 1, false));
        assertEquals(16, few.dimension());
        assertEquals(few.id(), many.id(), "activation covariance computed with " + FEW_SLOTS + " and "
                + MANY_SLOTS + " slots");
    }

    private Covariance prepareAndLoad(Path out) {
        InputCovariances inputs = new InputCovariances(sc, hadoop, out.toString());
        inputs.prepare(List.of(trial));
        String key = InputCovariances.key(inputs.datasetSha256(trial.dataFormatEnum(), trial.dataRoot()),
                TrialExecutor.dataRef(trial), false);
        return new CovarianceStore(out.toString(), hadoop).load(key).orElseThrow();
    }

    /** 784 -> 16 dense ReLU -> 10 softmax, drawn from a fixed seed. */
    private static Network network() {
        SplittableRandom rng = new SplittableRandom(11);
        DenseMap dense = new DenseMap(784, 16, DataType.FLOAT);
        dense.initialize(rng.split(), Activation.RELU.initVariance(784));
        SoftmaxOutputLayer output = new SoftmaxOutputLayer(16, 10, DataType.FLOAT);
        output.initialize(rng.split());
        return new Network(List.of(new HiddenLayer(dense, Activation.RELU, false, DataType.FLOAT)), output,
                DataType.FLOAT);
    }
}
