package org.paramprediction.rica;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Standard RICA: every entry of {@code W} ({@code inputs x features}) is a parameter, {@code P = W}. */
public final class FullWeightMap implements WeightMap {

    private final int inputs;
    private final int features;

    public FullWeightMap(int inputs, int features) {
        if (inputs < 1 || features < 1) {
            throw new IllegalArgumentException("inputs and features must be >= 1 but were " + inputs + ", " + features);
        }
        this.inputs = inputs;
        this.features = features;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public long[] parameterShape() {
        return new long[] {inputs, features};
    }

    @Override
    public void weights(INDArray p, INDArray w) {
        w.assign(p);
    }

    @Override
    public void backward(INDArray dw, INDArray dp) {
        dp.assign(dw);
    }

    @Override
    public String describe() {
        return "Full " + inputs + "x" + features;
    }
}
