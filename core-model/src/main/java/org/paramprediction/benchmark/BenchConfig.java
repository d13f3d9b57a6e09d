package org.paramprediction.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.Network;
import org.paramprediction.train.DictionarySpec;
import org.paramprediction.train.LayerSpec;
import org.paramprediction.train.ModelSpec;
import org.paramprediction.train.NetworkBuilder;
import org.paramprediction.train.NetworkRecipe;

/**
 * The networks the benchmark trains: 784-500-500-10 ReLU, Full or SE (layer 1) + empirical (layer 2).
 * Public so that the Spark {@code bench} command and the training benchmark's command line train
 * exactly the same networks ({@link TrainingBenchmark}).
 */
public enum BenchConfig {
    FULL,
    SE_EMP;

    public ModelSpec model(double fraction, int columns, double ridge, double lengthScale, boolean orthonormal) {
        DictionarySpec first = this == FULL ? DictionarySpec.full()
                : DictionarySpec.se(fraction, columns, ridge, lengthScale).withOrthonormal(orthonormal);
        DictionarySpec second = this == FULL ? DictionarySpec.full()
                : DictionarySpec.empirical(fraction, columns, ridge, false).withOrthonormal(orthonormal);
        return new ModelSpec(784, 28, 28, List.of(
                new LayerSpec(500, Activation.RELU, first),
                new LayerSpec(500, Activation.RELU, second)), 10);
    }

    /**
     * The Full network, untrained (all dynamic parameters zero): enough to record the shapes of its
     * training step, which do not depend on the values, without loading data or training.
     */
    public static Network untrainedFullNetwork() {
        ModelSpec spec = FULL.model(1.0, 1, 0, 1, false);
        List<NetworkRecipe.Layer> layers = new ArrayList<>();
        for (int l = 0; l < spec.hidden().size(); l++) {
            LayerSpec ls = spec.hidden().get(l);
            layers.add(new NetworkRecipe.Layer(ls.units(), ls.activation(),
                    List.of(DictionaryRecipe.full(spec.layerInputs(l)))));
        }
        NetworkRecipe recipe = new NetworkRecipe(spec.inputShape(), layers, spec.classes(), List.of());
        return NetworkBuilder.network(recipe, recipe.dictionaries(), DataType.FLOAT);
    }
}
