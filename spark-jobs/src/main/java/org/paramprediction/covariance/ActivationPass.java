package org.paramprediction.covariance;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.linalg.Blas;

/**
 * Executor side of {@link LowerLayers}: rebuilds each {@code W} as an ND4J array once and maps
 * row blocks through {@code H_l = g_l(H_{l-1} W_l + b_l)} with OpenBLAS gemm ({@link Blas}: the bias
 * as a rank-one product, then {@code += H_{l-1} W_l}) into preallocated arrays (reallocated only when
 * the block size changes, i.e. for the last block). The last layer's output is row-major, so the
 * result is copied out without a transpose. Not thread-safe; one per partition.
 */
final class ActivationPass {

    private final List<LayerWeights> layers;
    private final INDArray[] weights;
    private final INDArray[] biases;

    private int batch = -1;
    private INDArray input;
    private INDArray[] outputs;
    private INDArray ones;

    ActivationPass(LowerLayers lower) {
        this.layers = lower.layers();
        int n = layers.size();
        this.weights = new INDArray[n];
        this.biases = new INDArray[n];
        for (int l = 0; l < n; l++) {
            LayerWeights w = layers.get(l);
            weights[l] = Nd4j.create(w.weights(), new long[] {w.inputs(), w.outputs()}, 'f');
            biases[l] = Nd4j.create(w.bias(), new long[] {1, w.outputs()}, 'c');
        }
    }

    /**
     * The last layer's activations of a block of rows (row-major, {@code inputs} values per row), as
     * a new row-major array of {@code outputs} values per row.
     */
    float[] apply(float[] block) {
        int in = layers.get(0).inputs();
        if (block.length % in != 0) {
            throw new IllegalArgumentException("block length " + block.length
                    + " is not a multiple of the first layer's inputs " + in);
        }
        int b = block.length / in;
        int out = layers.get(layers.size() - 1).outputs();
        if (b == 0) {
            return new float[0];
        }
        ensureBuffers(b);
        input.data().asNioFloat().put(0, block, 0, block.length);
        INDArray a = input;
        for (int l = 0; l < weights.length; l++) {
            Blas.gemm(ones, biases[l], outputs[l], true, false, 1.0, 0.0); // H = 1 b
            Blas.gemm(a, weights[l], outputs[l], false, false, 1.0, 1.0); // H += A W
            layers.get(l).activation().apply(outputs[l]);
            a = outputs[l];
        }
        float[] result = new float[b * out];
        a.data().asNioFloat().get(0, result, 0, result.length);
        return result;
    }

    private void ensureBuffers(int b) {
        if (b == batch) {
            return;
        }
        batch = b;
        input = Nd4j.create(DataType.FLOAT, new long[] {b, layers.get(0).inputs()}, 'c');
        outputs = new INDArray[layers.size()];
        for (int l = 0; l < outputs.length; l++) {
            char order = l == outputs.length - 1 ? 'c' : 'f';
            outputs[l] = Nd4j.create(DataType.FLOAT, new long[] {b, layers.get(l).outputs()}, order);
        }
        ones = Nd4j.ones(DataType.FLOAT, 1, b);
    }
}
