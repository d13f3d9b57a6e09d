package org.paramprediction.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paramprediction.data.Shape;
import org.paramprediction.layer.Activation;

/** The memory bound of {@link MemoryEstimate}, term by term for an MLP and a convnet. */
class MemoryEstimateTest {

    @Test
    void anMlpNeedsItsWeightsThriceAndEachLayersInputAndOutputPerMinibatchTwice() {
        ModelSpec mlp = new ModelSpec(Shape.image(28, 28), List.of(
                new LayerSpec(500, Activation.RELU, DictionarySpec.full()),
                new LayerSpec(500, Activation.RELU, DictionarySpec.full())), 10);
        long weights = 3L * (784 * 500 + 500 * 500 + 500 * 10);
        long activations = 2L * 100 * ((784 + 500) + (500 + 500) + 10);
        assertEquals(4 * (weights + activations), MemoryEstimate.trainingBytesLowerBound(mlp, 100));
    }

    @Test
    void aConvLayerCountsItsFilterBankAndItsIm2colPatches() {
        ModelSpec convnet = ConvNetworkTest.convnet(DictionarySpec.full(), DictionarySpec.full(), true);
        // conv 8 (5x5, pad 2) on 1x28x28: 784 positions of 25 values; pooled to 8x14x14
        long conv1 = 3L * 25 * 8 + 2L * 50 * (784 * 25 + 784 * 8);
        // conv 16 (5x5, pad 2) on 8x14x14: 196 positions of 200 values; pooled to 16x7x7 = 784
        long conv2 = 3L * 200 * 16 + 2L * 50 * (196 * 200 + 196 * 16);
        long dense = 3L * 784 * 32 + 2L * 50 * (784 + 32);
        long head = 3L * 32 * 10 + 2L * 50 * 10;
        assertEquals(4 * (conv1 + conv2 + dense + head), MemoryEstimate.trainingBytesLowerBound(convnet, 50));
    }

    @Test
    void theLimitIsJavaCppsMaxBytes() {
        assertTrue(MemoryEstimate.offHeapLimitBytes() > 0);
        assertEquals(org.bytedeco.javacpp.Pointer.maxBytes(), MemoryEstimate.offHeapLimitBytes());
    }
}
