package org.paramprediction.layer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.paramprediction.linalg.Kernels;

/**
 * Hidden-unit nonlinearities {@code h = g(z)}, applied in place. The backward pass needs only
 * {@code h}: sigmoid {@code g' = h (1 - h)}, tanh {@code g' = 1 - h^2}, ReLU {@code g' = [h > 0]}.
 */
public enum Activation {
    SIGMOID,
    TANH,
    RELU;

    /** {@code z <- g(z)}. */
    public void apply(INDArray z) {
        switch (this) {
            case SIGMOID -> Transforms.sigmoid(z, false);
            case TANH -> Transforms.tanh(z, false);
            case RELU -> Kernels.relu(z);
        }
    }

    /** {@code dh <- dh * g'(z)} given {@code h = g(z)}; {@code scratch} has the shape of {@code h}. */
    public void backprop(INDArray h, INDArray dh, INDArray scratch) {
        switch (this) {
            case SIGMOID -> dh.muli(scratch.assign(h).rsubi(1.0).muli(h));
            case TANH -> dh.muli(scratch.assign(h).muli(h).rsubi(1.0));
            case RELU -> Kernels.reluBackward(h, dh, scratch);
        }
    }

    /**
     * Target variance of the initial weights for fan-in {@code n}: He ({@code 2/n}) for ReLU, LeCun
     * ({@code 1/n}) otherwise.
     */
    public double initVariance(int fanIn) {
        return (this == RELU ? 2.0 : 1.0) / fanIn;
    }
}
