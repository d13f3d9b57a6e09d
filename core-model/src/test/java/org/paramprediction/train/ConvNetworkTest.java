package org.paramprediction.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Shape;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.ConvLayer;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.layer.MaxPoolLayer;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.ParamVectors;
import org.paramprediction.layer.TiedFactoredMap;

/** Convnets built from specs and recipes and trained by the same staged path as MLPs, on real Fashion-MNIST rows. */
class ConvNetworkTest {

    private static final TrainingConfig CFG = new TrainingConfig(0.02, 0.95, 0.5, 0.9, 2, 1e-5, 4.0, 50, 2, 5, 1);

    /** conv 8 (5x5, pad 2, pool 2) -> conv 16 (5x5, pad 2, pool 2) -> dense 32 -> softmax. */
    static ModelSpec convnet(DictionarySpec conv1, DictionarySpec conv2, boolean tied) {
        return new ModelSpec(Shape.image(28, 28), List.of(
                new LayerSpec(8, Activation.RELU, conv1, new ConvSpec(5, 1, 2, 2, tied)),
                new LayerSpec(16, Activation.RELU, conv2, new ConvSpec(5, 1, 2, 2, tied)),
                new LayerSpec(32, Activation.RELU, DictionarySpec.full())), 10);
    }

    private static TrainingResult train(ModelSpec spec, DataSplits data) {
        return StagedTraining.run(spec, CFG, data, new LocalCovarianceSource(data.train()), 11, DataType.FLOAT,
                EpochListener.NONE);
    }

    @Test
    void shapesFlowThroughConvPoolAndDenseLayers() {
        ModelSpec spec = convnet(DictionarySpec.full(), DictionarySpec.full(), true);
        assertEquals(new Shape(8, 14, 14), spec.layerInputShape(1));
        assertEquals(new Shape(16, 7, 7), spec.layerInputShape(2));
        assertEquals(25, spec.layerInputs(0), "Full conv 1: k*k*C_in rows");
        assertEquals(200, spec.layerInputs(1), "Full conv 2: 5*5*8 rows");
        assertEquals(784, spec.layerInputs(2));
        ModelSpec tied = convnet(DictionarySpec.se(0.4, 1, 1e-3, 1.0), DictionarySpec.se(0.4, 2, 1e-3, 1.0), true);
        assertEquals(25, tied.layerInputs(1), "tied: the k x k positions");
        assertEquals(5, tied.layerGridRows(1));
        ModelSpec channelWise = convnet(DictionarySpec.empirical(0.2, 1, 1e-3, false),
                DictionarySpec.empirical(0.2, 1, 1e-3, false), false);
        assertEquals(200, channelWise.layerInputs(1), "channel-wise: all k*k*C_in patch values");
        assertEquals(0, channelWise.layerGridRows(1));
    }

    @Test
    void channelWiseGridDictionariesAndConvAfterDenseAreRefused() {
        IllegalArgumentException se = assertThrows(IllegalArgumentException.class,
                () -> convnet(DictionarySpec.se(0.4, 1, 1e-3, 1.0), DictionarySpec.se(0.4, 1, 1e-3, 1.0), false));
        assertTrue(se.getMessage().contains("layer 2") && se.getMessage().contains("tie the channels"), se.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> new ModelSpec(
                Shape.image(28, 28), List.of(new LayerSpec(16, Activation.RELU, DictionarySpec.full()),
                        new LayerSpec(8, Activation.RELU, DictionarySpec.full(), new ConvSpec(5, 1, 2, 2, true))), 10));
        assertTrue(order.getMessage().contains("conv layers come before dense layers"), order.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LayerSpec(8, Activation.RELU,
                DictionarySpec.of(DictionaryKind.LOW_RANK, 0.4, 1), new ConvSpec(5, 1, 2, 2, true)));
    }

    @Test
    void aFullConvnetLearnsFashionMnist() {
        DataSplits data = FashionMnistSubset.smaller(2000, 500, 1000);
        TrainingResult r = train(convnet(DictionarySpec.full(), DictionarySpec.full(), true), data);
        Network net = r.network();
        assertInstanceOf(ConvLayer.class, net.layers().get(0));
        assertInstanceOf(MaxPoolLayer.class, net.layers().get(1));
        assertEquals(3, net.weighted().size());
        // 2 epochs on 2,000 images: a working convnet is near 25%; chance is 90%
        assertTrue(r.testError() < 0.4, "test error " + r.testError());
        long weights = 25L * 8 + 8 + 200L * 16 + 16 + 784L * 32 + 32 + 32L * 10 + 10;
        assertEquals(weights, r.counts().total());
        assertEquals(weights, r.counts().dynamic());
    }

    @Test
    void tiedAndChannelWiseFactoredConvnetsTrainAndPredictTheRestOfEachFilterBank() {
        DataSplits data = FashionMnistSubset.smaller(2000, 500, 1000);
        // SE (tied) in conv 1, the empirical kernel of per-channel 5x5 patches in conv 2 (a pre-training stage)
        TrainingResult tied = train(convnet(DictionarySpec.se(0.4, 1, 1e-3, 1.0),
                DictionarySpec.empirical(0.4, 2, 1e-3, false), true), data);
        assertInstanceOf(TiedFactoredMap.class, tied.network().weighted().get(1).map());
        assertEquals(10, ((TiedFactoredMap) tied.network().weighted().get(1).map()).atoms(), "0.4 of 25 positions");
        assertTrue(tied.testError() < 0.6, "tied test error " + tied.testError());
        assertEquals(10 * 8 * 16, tied.network().weighted().get(1).map().dynamicWeights(), "a * C_in * C_out");
        assertEquals(1 + 2, tied.epochs().size(), "1 stage epoch before conv 2's empirical kernel, then 2");
        // channel-wise: the empirical kernel over all 200 values of a conv-2 patch
        TrainingResult channelWise = train(convnet(DictionarySpec.full(),
                DictionarySpec.empirical(0.2, 1, 1e-3, false), false), data);
        FactoredMap f = (FactoredMap) channelWise.network().weighted().get(1).map();
        assertEquals(200, f.inputs());
        assertEquals(40, f.atoms());
        assertTrue(channelWise.testError() < 0.6, "channel-wise test error " + channelWise.testError());
    }

    @Test
    void theRecipeRebuildsAConvnetThatComputesTheSameFunction() {
        DataSplits data = FashionMnistSubset.smaller(600, 200, 300);
        TrainingConfig oneEpoch = CFG.withMaxEpochs(1);
        List<NetworkRecipe> recipes = new ArrayList<>();
        List<Network> nets = new ArrayList<>();
        EpochPass.Factory capture = (net, recipe, d, c, shuffle, stage) -> {
            recipes.add(recipe);
            nets.add(net);
            return EpochPass.LOCAL.open(net, recipe, d, c, shuffle, stage);
        };
        StagedTraining.run(convnet(DictionarySpec.se(0.4, 1, 1e-3, 1.0), DictionarySpec.empirical(0.4, 1, 1e-3, false),
                true), oneEpoch, data, new LocalCovarianceSource(data.train()), 5, DataType.FLOAT, EpochListener.NONE,
                capture);
        NetworkRecipe recipe = recipes.get(recipes.size() - 1);
        Network original = nets.get(nets.size() - 1);
        List<List<Dictionary>> dicts = recipe.dictionaries();
        Network copy = NetworkBuilder.network(recipe, dicts, DataType.FLOAT);
        // exact on purpose: dictionaries are built in StrictMath from the recipe, bit-identical on every CPU
        for (int l = 0; l < 2; l++) {
            TiedFactoredMap a = (TiedFactoredMap) original.weighted().get(l).map();
            TiedFactoredMap b = (TiedFactoredMap) copy.weighted().get(l).map();
            assertArrayEquals(a.spatialDictionary().data().asFloat(), b.spatialDictionary().data().asFloat(),
                    "U_s of conv " + (l + 1) + " rebuilt bit for bit");
        }
        float[] values = new float[ParamVectors.length(original.params())];
        ParamVectors.readValues(original.params(), values, 0);
        ParamVectors.writeValues(values, 0, copy.params());
        // the same values through the same forward code in this JVM: one computation done twice, so exact
        assertEquals(Evaluator.errorRate(original, data.test()), Evaluator.errorRate(copy, data.test()));
    }
}
