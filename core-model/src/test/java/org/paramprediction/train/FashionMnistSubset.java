package org.paramprediction.train;

import org.paramprediction.data.DataSplits;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.data.SplitSpec;
import org.paramprediction.layer.Activation;
import java.util.List;

/** Small real-data fixtures for training tests: the first rows of Fashion-MNIST, loaded once per JVM. */
final class FashionMnistSubset {

    private static DataSplits cached;

    private FashionMnistSubset() {}

    /** 5,000 train, 1,000 validation and the first 2,000 test images. */
    static synchronized DataSplits get() {
        if (cached == null) {
            DataSplits all = FashionMnist.load(FashionMnist.DEFAULT_ROOT, new SplitSpec(5_000, 1_000), null);
            cached = new DataSplits(all.train(), all.valid(), all.test().slice(0, 2_000));
        }
        return cached;
    }

    /** The first {@code train} / {@code valid} / {@code test} rows of {@link #get()}. */
    static DataSplits smaller(int train, int valid, int test) {
        DataSplits s = get();
        return new DataSplits(s.train().slice(0, train), s.valid().slice(0, valid), s.test().slice(0, test));
    }

    /** 784 - hidden x 2 - 10 ReLU with the given dictionaries in layers 1 and 2. */
    static ModelSpec mlp(int hidden, DictionarySpec layer1, DictionarySpec layer2) {
        return new ModelSpec(784, 28, 28, List.of(
                new LayerSpec(hidden, Activation.RELU, layer1),
                new LayerSpec(hidden, Activation.RELU, layer2)), 10);
    }
}
