package org.paramprediction.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.data.Shape;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.Network;
import org.paramprediction.train.ConvSpec;
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
    SE_EMP,
    /** The convnet of {@code conf/sweeps/convnet-full.yaml}: conv 32 -> pool -> conv 64 -> pool -> 512 -> 10, Full. */
    CONV_FULL,
    /** The same convnet with tied SE filter banks in both conv layers (dense layers Full). */
    CONV_SE;

    /** Trained once, at fraction 1 with 1 column (no factored layer). */
    public boolean isFull() {
        return this == FULL || this == CONV_FULL;
    }

    /** Its name in tables, e.g. {@code Convnet SE f=0.25 c=1}. */
    public String label(double fraction, int columns, boolean orthonormal) {
        return switch (this) {
            case FULL -> "Full";
            case SE_EMP -> String.format(java.util.Locale.ROOT, "SE+Emp f=%.2f c=%d%s", fraction, columns,
                    orthonormal ? " orth" : "");
            case CONV_FULL -> "Convnet Full";
            case CONV_SE -> String.format(java.util.Locale.ROOT, "Convnet SE f=%.2f c=%d%s", fraction, columns,
                    orthonormal ? " orth" : "");
        };
    }

    public ModelSpec model(double fraction, int columns, double ridge, double lengthScale, boolean orthonormal) {
        if (this == CONV_FULL || this == CONV_SE) {
            DictionarySpec conv = this == CONV_FULL ? DictionarySpec.full()
                    : DictionarySpec.se(fraction, columns, ridge, lengthScale).withOrthonormal(orthonormal);
            return new ModelSpec(Shape.image(28, 28), List.of(
                    new LayerSpec(32, Activation.RELU, conv, new ConvSpec(5, 1, 2, 2, true)),
                    new LayerSpec(64, Activation.RELU, conv, new ConvSpec(5, 1, 2, 2, true)),
                    new LayerSpec(512, Activation.RELU, DictionarySpec.full())), 10);
        }
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
