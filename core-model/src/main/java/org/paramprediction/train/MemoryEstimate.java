package org.paramprediction.train;

import org.bytedeco.javacpp.Pointer;
import org.paramprediction.data.Shape;
import org.paramprediction.layer.ConvGeometry;

/**
 * A lower bound on the off-heap memory (ND4J arrays, through JavaCPP) that training a model takes,
 * computed from its spec before anything is allocated: every weight matrix {@code W} three times
 * (the weights, their gradient, the momentum; a factored layer materialises {@code W} as well) and,
 * per minibatch, each layer's input and output twice (forward and backward; a conv layer's im2col
 * patches as its input). Dictionaries, biases and buffers come on top, so a model whose bound
 * exceeds a JVM's limit cannot train there; one within it may still not.
 */
public final class MemoryEstimate {

    private MemoryEstimate() {}

    /** Bytes (float32) of the bound for {@code spec} trained with minibatches of {@code batchSize}. */
    public static long trainingBytesLowerBound(ModelSpec spec, int batchSize) {
        long floats = 0;
        for (int l = 0; l < spec.hidden().size(); l++) {
            LayerSpec ls = spec.hidden().get(l);
            Shape in = spec.layerInputShape(l);
            Shape out = spec.layerInputShape(l + 1);
            if (ls.isConv()) {
                ConvGeometry g = ls.conv().geometry(in);
                floats += 3L * g.patchSize() * ls.units();
                floats += 2L * batchSize * ((long) g.positions() * g.patchSize() + (long) g.positions() * ls.units());
            } else {
                floats += 3L * in.features() * ls.units();
                floats += 2L * batchSize * ((long) in.features() + out.features());
            }
        }
        long last = spec.layerInputShape(spec.hidden().size()).features();
        floats += 3L * last * spec.classes() + 2L * batchSize * spec.classes();
        return 4 * floats;
    }

    /** The off-heap limit of this JVM (JavaCPP's {@code maxbytes}: by default the heap's maximum). */
    public static long offHeapLimitBytes() {
        return Pointer.maxBytes();
    }
}
