package org.paramprediction.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Shape;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.WeightedLayer;

/**
 * A growing fraction on real Fashion-MNIST images: a growth step adds atoms whose alpha points extend
 * the old ones and refits V so that every layer computes the same function; a growing trial records
 * its fraction per epoch and keeps the best epoch's network, counted at its size.
 */
class GrowthTest {

    /**
     * Largest change of a layer's output allowed by a growth step, relative to the largest output:
     * the refit is exact in exact arithmetic (the old W lies in the new U's column space); what is
     * left is float32 rounding of U' and V' (about 6e-8 each) summed over a few hundred terms per
     * output. Measured: about 2.5e-7 (orthonormal and raw U); new alpha points that do not extend
     * the old ones (another seed) change the first layer's output by about 0.2.
     */
    static final double OUTPUT_TOLERANCE = 1e-5;

    private static final int HIDDEN = 64;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GrowthTest.class);

    @ParameterizedTest(name = "orthonormal U: {0}")
    @ValueSource(booleans = {true, false})
    void aGrowthStepExtendsAlphaAndKeepsEveryLayersOutputOnRealImages(boolean orthonormal) {
        DataSplits data = FashionMnistSubset.smaller(1_000, 200, 200);
        NetworkRecipe recipe = recipe(orthonormal);
        Network net = NetworkBuilder.network(recipe, recipe.dictionaries(), DataType.FLOAT);
        SplittableRandom rng = new SplittableRandom(21);
        for (WeightedLayer w : net.weighted()) {
            NetworkBuilder.initialize(w, rng);
        }
        net.output().initialize(rng);
        Trainer.fit(net, data, TrainingConfig.defaults().withMaxEpochs(1), new SplittableRandom(22), 0, false,
                EpochListener.NONE); // trained weights, not just the initial draw
        NetworkGrowth growth = new NetworkGrowth(new Growth(0.5, 1, 0.05), 0.05, recipe, DataType.FLOAT);
        Network grown = growth.grow(net);
        assertEquals(0.1, growth.fraction(), 1e-12);
        float[] rows = new float[500 * 784];
        int[] order = java.util.stream.IntStream.range(0, 500).toArray();
        data.train().copyRows(order, 0, 500, rows);
        for (int count = 1; count <= 2; count++) {
            INDArray a = net.forward(rows, 500, count).dup();
            INDArray b = grown.forward(rows, 500, count).dup();
            double scale = a.amaxNumber().doubleValue();
            double diff = a.sub(b).amaxNumber().doubleValue();
            LOG.info("orthonormal={} layer {}: largest output change {} of largest output {} (relative {})", orthonormal,
                    count, diff, scale, diff / scale);
            assertTrue(scale > 0 && diff <= OUTPUT_TOLERANCE * scale, "layer " + count + ": output changed by "
                    + diff + " of " + scale);
        }
        for (int l = 0; l < 2; l++) {
            for (int j = 0; j < 2; j++) {
                DictionaryRecipe before = recipe.layers().get(l).columns().get(j);
                DictionaryRecipe after = growth.recipe().layers().get(l).columns().get(j);
                assertEquals(NetworkGrowth.atoms(0.1, before.inputs()), after.atoms());
                assertEquals(before.seed(), after.seed(), "the new alpha points come from the recorded seed");
                int[] oldAlpha = DictionaryBuilder.build(before, null).alpha();
                int[] newAlpha = DictionaryBuilder.build(after, null).alpha();
                assertTrue(Arrays.stream(oldAlpha).allMatch(a -> Arrays.binarySearch(newAlpha, a) >= 0),
                        "layer " + l + " column " + j + ": the old alpha points stay");
            }
        }
        FactoredMap grownFirst = (FactoredMap) grown.weighted().get(0).map();
        assertEquals(78, grownFirst.atoms());
        assertEquals(39, ((FactoredMap) net.weighted().get(0).map()).atoms(), "the old network is left as it was");
    }

    @Test
    void aGrowingTrialRecordsItsFractionPerEpochAndKeepsTheBestNetworkAtItsSize() {
        DataSplits data = FashionMnistSubset.smaller(1_000, 300, 300);
        ModelSpec spec = FashionMnistSubset.mlp(HIDDEN, DictionarySpec.se(0.05, 2, 1e-3, 2.0).withOrthonormal(true),
                DictionarySpec.se(0.05, 2, 1e-3, 2.0).withOrthonormal(true));
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(5).withLearningRate(0.05);
        TrainingResult r = StagedTraining.run(spec, cfg, data, new LocalCovarianceSource(data.train()), 3,
                DataType.FLOAT, EpochListener.NONE, null, new Growth(0.2, 1, 0.05));
        List<EpochMetrics> epochs = r.finalEpochs();
        assertEquals(0.05, epochs.get(0).fraction(), 0.0);
        for (int e = 1; e < epochs.size(); e++) {
            double step = epochs.get(e).fraction() - epochs.get(e - 1).fraction();
            assertTrue(Math.abs(step) < 1e-12 || Math.abs(step - 0.05) < 1e-12, "epoch " + (e + 1) + ": " + epochs);
            assertTrue(epochs.get(e).fraction() <= 0.2 + 1e-12);
        }
        assertTrue(epochs.get(epochs.size() - 1).fraction() > 0.05, "the fraction grew: " + epochs);
        double kept = epochs.get(r.bestEpoch() - 1).fraction();
        assertEquals(kept, r.finalFraction(), 0.0);
        int na1 = NetworkGrowth.atoms(kept, 784);
        int na2 = NetworkGrowth.atoms(kept, HIDDEN);
        assertEquals(na1, r.recipes().get(0).get(0).atoms());
        assertEquals(na1, ((FactoredMap) r.network().weighted().get(0).map()).atoms());
        long dynamic = (long) na1 * HIDDEN + HIDDEN + (long) na2 * HIDDEN + HIDDEN + HIDDEN * 10L + 10;
        assertEquals(dynamic, r.counts().dynamic(), "dynamic parameters counted at the kept size");
        assertNotNull(epochs.get(0).fraction());
    }

    @Test
    void fractionsThatDoNotGrowAreNullAndUnfitRecipesAreRefused() {
        EpochMetrics plain = new EpochMetrics(0, 1, 0.1, 0.5, 1, 0.5, 0.5, 0.5, 1, 1);
        assertNull(plain.fraction());
        NetworkRecipe randFixU = new NetworkRecipe(Shape.flat(20), List.of(new NetworkRecipe.Layer(8,
                Activation.RELU, List.of(DictionaryRecipe.randFixU(20, 2, 1)))), 3, List.of());
        assertThrows(IllegalArgumentException.class,
                () -> new NetworkGrowth(new Growth(0.5, 1, 0.1), 0.1, randFixU, DataType.FLOAT));
        NetworkRecipe tied = new NetworkRecipe(Shape.flat(20), List.of(new NetworkRecipe.Layer(8, Activation.RELU,
                List.of(DictionaryRecipe.seKernelTied(20, 2, 1, 1e-3, 1.0, 0, 0)))), 3, List.of());
        assertThrows(IllegalArgumentException.class,
                () -> new NetworkGrowth(new Growth(0.5, 1, 0.1), 0.1, tied, DataType.FLOAT));
        assertThrows(IllegalArgumentException.class, () -> new Growth(0.5, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Growth(1.5, 1, 0.1));
    }

    private static NetworkRecipe recipe(boolean orthonormal) {
        List<DictionaryRecipe> l1 = List.of(
                DictionaryRecipe.seKernel(784, 39, 31, 1e-3, 2.0, 28, 28).withOrthonormal(orthonormal),
                DictionaryRecipe.seKernel(784, 39, 32, 1e-3, 2.0, 28, 28).withOrthonormal(orthonormal));
        List<DictionaryRecipe> l2 = List.of(
                DictionaryRecipe.seKernel(HIDDEN, 3, 33, 1e-3, 2.0, 0, 0).withOrthonormal(orthonormal),
                DictionaryRecipe.seKernel(HIDDEN, 3, 34, 1e-3, 2.0, 0, 0).withOrthonormal(orthonormal));
        return new NetworkRecipe(Shape.image(28, 28), List.of(new NetworkRecipe.Layer(HIDDEN, Activation.RELU, l1),
                new NetworkRecipe.Layer(HIDDEN, Activation.RELU, l2)), 10, List.of());
    }
}
