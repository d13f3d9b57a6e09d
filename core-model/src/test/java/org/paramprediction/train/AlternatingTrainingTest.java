package org.paramprediction.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Shape;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.WeightedLayer;

/**
 * Alternating optimisation of U and V on 2,000 real Fashion-MNIST images: a U phase (only the U's
 * learn, starting from SE kernel-ridge dictionaries) lowers the training loss, each phase moves only
 * its own block, and U counts as dynamic parameters and travels with the learned weights.
 */
class AlternatingTrainingTest {

    private static final TrainingConfig CFG = TrainingConfig.defaults().withMaxEpochs(4).withLearningRate(0.05);
    private static final int HIDDEN = 64;

    @Test
    void aUPhaseLowersTheTrainingLossAndEachPhaseMovesOnlyItsBlock() {
        DataSplits data = FashionMnistSubset.smaller(2_000, 500, 500);
        NetworkRecipe recipe = recipe();
        Network net = NetworkBuilder.network(recipe, recipe.dictionaries(), DataType.FLOAT);
        SplittableRandom rng = new SplittableRandom(5);
        for (WeightedLayer w : net.weighted()) {
            NetworkBuilder.initialize(w, rng);
        }
        net.output().initialize(rng);
        FactoredMap first = (FactoredMap) net.weighted().get(0).map();
        List<Double> loss = new ArrayList<>();
        List<INDArray> u = new ArrayList<>(List.of(first.dictionary().dup()));
        List<INDArray> v = new ArrayList<>(List.of(first.coefficients().dup()));
        int n = data.train().size();
        Trainer.fit(net, recipe, data, CFG, EpochPass.LOCAL, new SplittableRandom(6), 0, false, m -> {
            loss.add(Evaluator.evaluate(net, data.train()).lossSum() / n);
            u.add(first.dictionary().dup());
            v.add(first.coefficients().dup());
        }, new Alternation(1, 1), null);
        // epochs 1 and 3 are V phases, 2 and 4 U phases; index 0 of u and v is the start
        assertTrue(loss.get(1) < loss.get(0), "the U phase (epoch 2) lowers the training loss: " + loss);
        assertTrue(loss.get(3) < loss.get(2), "the U phase (epoch 4) lowers the training loss: " + loss);
        assertArrayEquals(floats(u.get(0)), floats(u.get(1)), "a V phase leaves U alone");
        assertFalse(Arrays.equals(floats(v.get(0)), floats(v.get(1))), "a V phase moves V");
        assertArrayEquals(floats(v.get(1)), floats(v.get(2)), "a U phase leaves V alone");
        assertFalse(Arrays.equals(floats(u.get(1)), floats(u.get(2))), "a U phase moves U");
        assertTrue(net.params().stream().noneMatch(p -> p.frozen()), "every parameter learns again after the fit");
        long expected = 0;
        for (WeightedLayer w : net.weighted()) {
            FactoredMap f = (FactoredMap) w.map();
            expected += f.dictionary().length() + f.coefficients().length() + w.bias().length();
        }
        expected += (long) HIDDEN * 10 + 10;
        assertEquals(expected, ParameterCounts.of(net).dynamic(), "U counts as dynamic parameters");
    }

    @Test
    void stagedTrainingWithAlternationCountsAndKeepsTheLearnedU() {
        DataSplits data = FashionMnistSubset.smaller(1_000, 300, 300);
        ModelSpec spec = FashionMnistSubset.mlp(HIDDEN, DictionarySpec.se(0.05, 2, 1e-3, 2.0).withOrthonormal(true),
                DictionarySpec.se(0.1, 2, 1e-3, 2.0));
        TrainingResult r = StagedTraining.run(spec, CFG.withMaxEpochs(2), data, new LocalCovarianceSource(data.train()),
                7, DataType.FLOAT, EpochListener.NONE, new Alternation(1, 1), null);
        int na1 = 39;
        int na2 = 6;
        long u = 2L * 784 * na1 + 2L * HIDDEN * na2;
        long v = (long) na1 * HIDDEN + (long) na2 * HIDDEN;
        assertEquals(u + v + 2L * HIDDEN + HIDDEN * 10L + 10, r.counts().dynamic());
        List<LearnedWeights> weights = LearnedWeights.of(r);
        assertEquals(4, weights.size());
        for (LearnedWeights w : weights) {
            assertNotNull(w.u(), "layer " + w.layer() + " column " + w.column() + " ships its learned U");
        }
        FactoredMap first = (FactoredMap) r.network().weighted().get(0).map();
        float[] shipped = weights.get(0).u();
        assertEquals(first.dictionary().getFloat(406, 3), shipped[406 * na1 + 3]);
        DictionaryRecipe start = r.recipes().get(0).get(0);
        double rebuilt = org.paramprediction.dictionary.DictionaryBuilder.build(start, null).get(406, 3);
        assertNotEquals((float) rebuilt, shipped[406 * na1 + 3], "U moved away from its recipe");
    }

    private static float[] floats(INDArray a) {
        return a.dup('f').data().asFloat();
    }

    private static NetworkRecipe recipe() {
        List<DictionaryRecipe> l1 = List.of(
                DictionaryRecipe.seKernel(784, 78, 11, 1e-3, 2.0, 28, 28).withOrthonormal(true),
                DictionaryRecipe.seKernel(784, 78, 12, 1e-3, 2.0, 28, 28).withOrthonormal(true));
        List<DictionaryRecipe> l2 = List.of(DictionaryRecipe.seKernel(HIDDEN, 8, 13, 1e-3, 2.0, 0, 0),
                DictionaryRecipe.seKernel(HIDDEN, 8, 14, 1e-3, 2.0, 0, 0));
        return new NetworkRecipe(Shape.image(28, 28), List.of(
                new NetworkRecipe.Layer(HIDDEN, Activation.RELU, l1, null, true),
                new NetworkRecipe.Layer(HIDDEN, Activation.RELU, l2, null, true)), 10, List.of());
    }
}
