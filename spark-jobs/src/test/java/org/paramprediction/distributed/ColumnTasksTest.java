package org.paramprediction.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.columns.ColumnAssembler;
import org.paramprediction.columns.ColumnFineTune;
import org.paramprediction.columns.ColumnHeadStart;
import org.paramprediction.columns.ColumnOutcome;
import org.paramprediction.data.Dataset;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.HiddenLayer;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.Param;
import org.paramprediction.sweep.config.Method;
import org.paramprediction.train.ModelSpec;

/**
 * Columns trained as independent Spark tasks on real Fashion-MNIST rows (2,000 train / 500 valid),
 * assembled on the driver. The network is 784 -> 32 -> 21 -> 10 ReLU, SE-Emp at fraction 0.25 with
 * 5 columns (so the columns get 7,7,6,6,6 and 5,4,4,4,4 units, as the factored layer splits them).
 */
class ColumnTasksTest {

    /**
     * The assembled layer computes {@code X [U_1 ... U_c]} in one gemm and may pick the other
     * product order than a one-column layer, so blocks agree to float rounding (relative to the
     * largest activation), not bit for bit: 3.4e-7 observed on this machine.
     */
    private static final double FLOAT_ROUNDING = 1e-5;
    private static final int BATCH = 100;
    private static final long SEED = 11;

    private static ColumnFixtures.Recording covariances;
    private static ColumnTrainingResult run;

    @BeforeAll
    static void trainSmallNetwork() {
        ModelSpec model = ColumnFixtures.model(Method.SE_EMP, 0.25, 5, 32, 21);
        ColumnTrainingSpec spec = new ColumnTrainingSpec(model, ColumnFixtures.training(1), SEED,
                ColumnFineTune.outputLayer(1).withHead(ColumnHeadStart.COLUMN_AVERAGE));
        covariances = ColumnFixtures.recordingCovariances();
        run = ColumnTraining.run(ColumnFixtures.sc(), spec, ColumnFixtures.splits(), ColumnFixtures.taskSplits(),
                covariances, ColumnListener.NONE);
    }

    @Test
    void columnsAsTasksAssembleANetworkWhosePredictionsEqualTheConcatenationOfItsColumns() {
        Network net = run.network();
        float[] rows = firstRows(ColumnFixtures.splits().test(), BATCH);
        INDArray a = Nd4j.create(rows, new long[] {BATCH, 784}, 'c');
        for (int l = 0; l < net.weighted().size(); l++) {
            INDArray assembled = net.forward(rows, BATCH, l + 1).dup('f');
            List<INDArray> blocks = new ArrayList<>();
            int from = 0;
            for (ColumnOutcome o : run.columns().get(l)) {
                INDArray own = oneColumn(o).forward(a, false).dup('f');
                INDArray block = assembled.get(all(), interval(from, from + o.units()));
                assertClose(block, own, "layer " + (l + 1) + " column " + o.column());
                blocks.add(own);
                from += o.units();
            }
            assertEquals(net.weighted().get(l).outputs(), from, "columns cover the layer");
            a = Nd4j.hstack(blocks.toArray(new INDArray[0]));
        }
        INDArray fromColumns = net.output().forward(a).dup('f');
        INDArray fromNetwork = net.output().forward(net.forward(rows, BATCH, 2)).dup('f');
        assertClose(fromNetwork, fromColumns, "logits");
        assertArrayEquals(fromColumns.argMax(1).toIntVector(), fromNetwork.argMax(1).toIntVector());
    }

    @Test
    void uRebuiltInEveryTaskHashesEqualToTheDriversRebuild() {
        for (List<ColumnOutcome> layer : run.columns()) {
            for (ColumnOutcome o : layer) {
                Dictionary d = DictionaryBuilder.build(o.recipe(), covariances.byId(o.recipe().covarianceId()));
                assertEquals(d.sha256(), o.uSha256(), o.toString());
            }
        }
        assertEquals(List.of(false, true),
                run.recipes().stream().map(r -> r.get(0).covarianceId() != null).toList(), "SE then empirical");
    }

    @Test
    void aTaskResultWhoseUHashDiffersFromTheDriversFailsTheAssembly() {
        ColumnOutcome good = run.columns().get(0).get(2);
        ColumnOutcome forged = new ColumnOutcome(good.layer(), good.column(), good.recipe(), "0".repeat(64),
                good.rows(), good.units(), good.v(), good.bias(), null, null, good.validError(), good.bestEpoch(),
                good.epochsTrained(), good.seconds());
        List<ColumnOutcome> outcomes = new ArrayList<>(run.columns().get(0));
        outcomes.set(2, forged);
        List<Dictionary> dictionaries = outcomes.stream().map(o -> DictionaryBuilder.build(o.recipe(), null)).toList();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ColumnAssembler.layer(0,
                dictionaries, outcomes, ColumnFixtures.model(Method.SE_EMP, 0.25, 5, 32, 21).hidden().get(0), false));
        assertTrue(e.getMessage().contains("layer 1 column 2") && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void bytesCollectedAreTheFloat32SizesOfWhatTheTasksReturned() {
        int atoms1 = 196;
        int atoms2 = 8;
        long floats = (atoms1 * 32L + 32) + (atoms2 * 21L + 21) + (21L * 10 + 5 * 10);
        assertEquals(floats * Float.BYTES, run.bytesCollected());
        assertEquals(List.of(5, 5), run.columns().stream().map(List::size).toList());
        assertEquals(List.of(7, 7, 6, 6, 6), run.columns().get(0).stream().map(ColumnOutcome::units).toList());
        assertEquals(List.of(5, 4, 4, 4, 4), run.columns().get(1).stream().map(ColumnOutcome::units).toList());
        assertEquals(4L * (784 * 32 + 32) + 8L * 32 * 32, run.bytesBroadcast(),
                "layer 1 gets nothing; layer 2 gets W_1, b_1 (float32) and its 32x32 covariance (float64)");
    }

    /** Column {@code o} as its own one-column layer: {@code U_j} rebuilt from the recipe, the task's {@code V_j} and bias. */
    private static HiddenLayer oneColumn(ColumnOutcome o) {
        Dictionary d = DictionaryBuilder.build(o.recipe(), covariances.byId(o.recipe().covarianceId()));
        HiddenLayer layer = ColumnAssembler.columnLayer(d, o.units(), Activation.RELU, false);
        ColumnAssembler.write(layer, 0, o);
        return layer;
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        double scale = Math.max(1e-12, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual).amaxNumber().doubleValue() / scale;
        assertTrue(diff <= FLOAT_ROUNDING, what + ": relative max difference " + diff);
    }

    private static float[] firstRows(Dataset data, int n) {
        float[] rows = new float[n * data.features()];
        data.copyRows(Dataset.identityOrder(n), 0, n, rows);
        return rows;
    }

    static void assertSameParameters(Network a, Network b) {
        List<Param> pa = a.params();
        List<Param> pb = b.params();
        assertEquals(pa.size(), pb.size());
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).value().dup('f').data().asFloat(), pb.get(i).value().dup('f').data().asFloat(),
                    "parameter " + i + " " + pa.get(i));
        }
    }
}
