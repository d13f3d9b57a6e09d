package org.paramprediction.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.SharedSpark;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.ParamVectors;
import org.paramprediction.layer.UHashes;
import org.paramprediction.train.DictionarySpec;
import org.paramprediction.train.EpochListener;
import org.paramprediction.train.EpochMetrics;
import org.paramprediction.train.EpochPass;
import org.paramprediction.train.LayerSpec;
import org.paramprediction.train.LocalCovarianceSource;
import org.paramprediction.train.ModelSpec;
import org.paramprediction.train.StagedTraining;
import org.paramprediction.train.TrainingConfig;
import org.paramprediction.train.TrainingResult;
import org.paramprediction.wire.Encoding;
import org.paramprediction.wire.ParamMessage;

/** Data-parallel training against single-machine training on the same rows. */
class DataParallelPassTest {

    private static final DataRef REF = new DataRef(FashionMnist.DEFAULT_ROOT.toString(), 1_000, 200, 200, null);
    private static final HadoopConf HADOOP = HadoopConf.of(new Configuration());
    private static final TrainingConfig CFG = new TrainingConfig(0.05, 0.95, 0.5, 0.9, 5, 1e-5, 4.0, 100, 2, 5, 1);

    private static ModelSpec seEmp(int hidden) {
        return new ModelSpec(784, 28, 28, List.of(
                new LayerSpec(hidden, Activation.RELU, DictionarySpec.se(0.1, 2, 1e-3, 2.0)),
                new LayerSpec(hidden, Activation.RELU, DictionarySpec.empirical(0.2, 2, 1e-3, false))), 10);
    }

    private static JavaSparkContext sc() {
        return JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
    }

    private static TrainingResult train(ModelSpec spec, EpochPass.Factory passes, List<EpochMetrics> epochs) {
        return train(spec, CFG, passes, epochs);
    }

    private static TrainingResult train(ModelSpec spec, TrainingConfig cfg, EpochPass.Factory passes,
            List<EpochMetrics> epochs) {
        DataSplits data = DatasetCache.get(REF, HADOOP);
        EpochListener l = epochs == null ? EpochListener.NONE : epochs::add;
        return StagedTraining.run(spec, cfg, data, new LocalCovarianceSource(data.train()), 11, DataType.FLOAT, l,
                passes);
    }

    /** One of the 200 validation or test rows. */
    private static final double ONE_EXAMPLE = 1.0 / 200 + 1e-12;

    /**
     * Local and one-partition training run the same steps through two code paths (the local pass and
     * the data-parallel round with its float32 messages); they agree to float rounding, far below what
     * a wrong step, row or average moves (whole minibatch updates).
     */
    private static void assertClose(float[] local, float[] distributed) {
        assertEquals(local.length, distributed.length);
        float max = 0;
        for (float x : local) {
            max = Math.max(max, Math.abs(x));
        }
        for (int i = 0; i < local.length; i++) {
            assertEquals(local[i], distributed[i], 1e-5f * max, "parameter " + i);
        }
    }

    private static float[] values(Network net) {
        float[] v = new float[ParamVectors.length(net.params())];
        ParamVectors.readValues(net.params(), v, 0);
        return v;
    }

    @Test
    void onePartitionOneStepPerRoundReproducesSingleMachineTraining() {
        List<EpochMetrics> localEpochs = new ArrayList<>();
        TrainingResult local = train(seEmp(40), EpochPass.LOCAL, localEpochs);
        List<RoundMetrics> rounds = new ArrayList<>();
        List<EpochMetrics> distEpochs = new ArrayList<>();
        DataParallelSettings one = new DataParallelSettings(1, 1, Encoding.FLOAT32, true, 2);
        TrainingResult dist = train(seEmp(40),
                DataParallelPass.factory(sc(), REF, HADOOP, one, new AtomicLong(), rounds::add), distEpochs);
        assertClose(values(local.network()), values(dist.network()));
        assertEquals(local.testError(), dist.testError(), ONE_EXAMPLE);
        assertEquals(localEpochs.size(), distEpochs.size());
        for (int i = 0; i < localEpochs.size(); i++) {
            assertEquals(localEpochs.get(i).trainLoss(), distEpochs.get(i).trainLoss(),
                    1e-5 * Math.abs(localEpochs.get(i).trainLoss()), "epoch row " + i);
            assertEquals(localEpochs.get(i).validError(), distEpochs.get(i).validError(), ONE_EXAMPLE, "epoch row " + i);
        }
        // stage 1 (1 epoch) and stage 0 (2 epochs), 10 minibatches each epoch, one per round
        assertEquals(30, rounds.size());
        assertEquals(30, rounds.get(29).round());
    }

    @Test
    void twoRunsOverSeveralPartitionsAgreeBitForBitWhicheverTaskFinishesFirst() {
        DataParallelSettings four = new DataParallelSettings(4, 2, Encoding.FLOAT32, true, 2);
        TrainingResult a = train(seEmp(30), DataParallelPass.factory(sc(), REF, HADOOP, four, new AtomicLong(), r -> {}),
                null);
        TrainingResult b = train(seEmp(30), DataParallelPass.factory(sc(), REF, HADOOP, four, new AtomicLong(), r -> {}),
                null);
        assertArrayEquals(values(a.network()), values(b.network()));
    }

    @Test
    void onePartitionReproducesSingleMachineTrainingForAnyStepsPerRound() {
        TrainingResult local = train(fullSpec(), EpochPass.LOCAL, null);
        TrainingResult dist = train(fullSpec(), DataParallelPass.factory(sc(), REF, HADOOP,
                new DataParallelSettings(1, 3, Encoding.FLOAT32, true, 2), new AtomicLong(), r -> {}), null);
        assertClose(values(local.network()), values(dist.network()));
    }

    private static ModelSpec fullSpec() {
        return new ModelSpec(784, 28, 28, List.of(
                new LayerSpec(30, Activation.RELU, DictionarySpec.full()),
                new LayerSpec(30, Activation.RELU, DictionarySpec.full())), 10);
    }

    @Test
    void everyWorkerRebuildsTheDriversDictionariesBitForBit() {
        List<DataParallelPass> opened = new ArrayList<>();
        List<Network> nets = new ArrayList<>();
        EpochPass.Factory inner = DataParallelPass.factory(sc(), REF, HADOOP,
                new DataParallelSettings(3, 5, Encoding.FLOAT32, true, 2), new AtomicLong(), r -> {});
        EpochPass.Factory capture = (net, recipe, data, cfg, shuffle, stage) -> {
            DataParallelPass p = (DataParallelPass) inner.open(net, recipe, data, cfg, shuffle, stage);
            opened.add(p);
            nets.add(net);
            return p;
        };
        train(seEmp(30), capture, null);
        assertEquals(2, opened.size());
        for (int i = 0; i < opened.size(); i++) {
            String driver = String.join(",", UHashes.of(nets.get(i)));
            assertFalse(driver.contains("dense"));
            assertEquals(List.of(driver, driver, driver), opened.get(i).workerHashes());
        }
    }

    @Test
    void countedBytesAreTheEncodedSizesAndFullAveragingIsTheBaseline() {
        for (Encoding enc : Encoding.values()) {
            for (boolean velocities : new boolean[] {true, false}) {
                List<RoundMetrics> rounds = new ArrayList<>();
                ModelSpec spec = seEmp(30);
                TrainingResult r = train(spec, DataParallelPass.factory(sc(), REF, HADOOP,
                        new DataParallelSettings(4, 2, enc, velocities, 2), new AtomicLong(), rounds::add), null);
                int params = ParamVectors.length(r.network().params());
                int full = 784 * 30 + 30 + 30 * 30 + 30 + 30 * 10 + 10;
                RoundMetrics last = rounds.get(rounds.size() - 1);
                assertEquals(4L * ParamMessage.size(enc, params, velocities, false), last.bytesDown());
                assertEquals((long) last.workers() * ParamMessage.size(enc, params, velocities, true), last.bytesUp());
                assertEquals(4L * ParamMessage.size(enc, full, velocities, false), last.fullBytesDown());
                assertEquals((long) last.workers() * ParamMessage.size(enc, full, velocities, true),
                        last.fullBytesUp());
                // 250 rows per partition: 3 minibatches; rounds of 2 steps, the last with 1
                assertEquals(4, last.workers());
                assertEquals(800, rounds.get(0).examples());
                assertTrue(last.ratioToFull() < 0.2, "SE-Emp at fraction 0.1/0.2 ships " + last.ratioToFull());
                assertTrue(last.trainLoss() < rounds.get(0).trainLoss() - 0.3,
                        enc + " velocities " + velocities + ": loss " + rounds.get(0).trainLoss() + " -> " + last.trainLoss());
            }
        }
    }

    @Test
    void nineWorkersAtDepthTwoSendOneCombinedMessagePerGroupAndEveryMessageIsCounted() {
        List<RoundMetrics> rounds = new ArrayList<>();
        DataParallelSettings nine = new DataParallelSettings(9, 2, Encoding.FLOAT32, true, 2);
        TrainingResult r = train(fullSpec(), CFG.withMaxEpochs(1), DataParallelPass.factory(sc(), REF, HADOOP, nine,
                new AtomicLong(), rounds::add), null);
        int params = ParamVectors.length(r.network().params());
        // 9 uploads to 3 groups of 3 (Spark's rule at depth 2: scale 3), then 3 combined messages to the driver
        for (RoundMetrics m : rounds) {
            assertEquals(9, m.workers());
            assertEquals(12L * ParamMessage.size(Encoding.FLOAT32, params, true, true), m.bytesUp());
            assertEquals(m.fullBytesUp(), m.bytesUp(), "Full: ordinary parameter averaging");
        }
        TrainingResult again = train(fullSpec(), CFG.withMaxEpochs(1), DataParallelPass.factory(sc(), REF, HADOOP,
                nine, new AtomicLong(), m -> {}), null);
        assertArrayEquals(values(r.network()), values(again.network()), "the same tree, the same bits");
    }

    @Test
    void fullDictionariesMakeItOrdinaryParameterAveraging() {
        ModelSpec full = fullSpec();
        List<RoundMetrics> rounds = new ArrayList<>();
        TrainingConfig eight = CFG.withMaxEpochs(8);
        TrainingResult r = train(full, eight, DataParallelPass.factory(sc(), REF, HADOOP,
                new DataParallelSettings(2, 3, Encoding.FLOAT32, true, 2), new AtomicLong(), rounds::add), null);
        for (RoundMetrics m : rounds) {
            assertEquals(m.fullBytesDown(), m.bytesDown());
            assertEquals(m.fullBytesUp(), m.bytesUp());
        }
        // two workers averaging every 3 steps make half the updates of one machine per epoch: slower, but learning
        assertTrue(r.testError() < 0.45, "test error " + r.testError());
    }
}
