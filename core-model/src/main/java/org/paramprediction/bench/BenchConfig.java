package org.paramprediction.bench;

import java.util.List;
import org.paramprediction.layer.Activation;
import org.paramprediction.train.DictionarySpec;
import org.paramprediction.train.LayerSpec;
import org.paramprediction.train.ModelSpec;

/** The networks the benchmark trains: 784-500-500-10 ReLU, Full or SE (layer 1) + empirical (layer 2). */
enum BenchConfig {
    FULL,
    SE_EMP;

    ModelSpec model(double fraction, int columns, double ridge, double lengthScale, boolean orthonormal) {
        DictionarySpec first = this == FULL ? DictionarySpec.full()
                : DictionarySpec.se(fraction, columns, ridge, lengthScale).withOrthonormal(orthonormal);
        DictionarySpec second = this == FULL ? DictionarySpec.full()
                : DictionarySpec.empirical(fraction, columns, ridge, false).withOrthonormal(orthonormal);
        return new ModelSpec(784, 28, 28, List.of(
                new LayerSpec(500, Activation.RELU, first),
                new LayerSpec(500, Activation.RELU, second)), 10);
    }
}
