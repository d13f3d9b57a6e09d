package org.paramprediction.layer;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weight part of a hidden layer, {@code Z = X W} for a minibatch {@code X} (B x inputs): either
 * a full {@code W} or a factored {@code W = U V}. Backward fills the gradients of {@link #params()}
 * from {@code dZ} and, when asked, writes {@code dX = dZ W^T}.
 */
public interface LinearMap {

    int inputs();

    int outputs();

    /** {@code z = x W}; {@code z} is B x outputs, preallocated by the caller. */
    default void forward(INDArray x, INDArray z, boolean training) {
        forward(x, z, 0.0, training);
    }

    /**
     * {@code z = x W + beta z}: with {@code beta = 1} the product lands on what {@code z} already holds
     * (the layer's bias), in the same gemm.
     */
    void forward(INDArray x, INDArray z, double beta, boolean training);

    /** Gradients of the parameters for {@code dz}; writes {@code dx = dz W^T} unless null. */
    void backward(INDArray x, INDArray dz, INDArray dx);

    /** Learned arrays, in a fixed order. */
    List<Param> params();

    /** Number of learned weights (excluding biases). */
    long dynamicWeights();

    /** Draws initial learned values so that the entries of {@code W} have variance {@code targetVariance}. */
    void initialize(SplittableRandom rng, double targetVariance);

    /** Tells the map whether backward will ask for {@code dX} (the first layer never does). */
    default void setInputGradientNeeded(boolean needed) {}

    /** {@code W} as a new inputs x outputs array. */
    INDArray weights();
}
