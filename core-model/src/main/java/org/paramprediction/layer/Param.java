package org.paramprediction.layer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A learned parameter array and the gradient buffer of the same shape that backward passes fill.
 *
 * <p>{@code decay} says whether weight decay applies (weights and coefficients yes, biases no).
 *
 * <p>Every gradient is written by one gemm, as {@code grad = gradAlpha * dL/dw + gradBeta * grad}.
 * With the defaults (1, 0) {@code grad} is the gradient; an optimizer may set ({@code -lr},
 * {@code momentum}) so that {@code grad} accumulates the momentum velocity in the same pass.
 *
 * <p>A {@link #frozen()} parameter is held fixed: backward passes may skip its gradient and
 * optimizers leave its value alone (the phases of alternating optimisation of {@code U} and {@code V}).
 */
public final class Param {

    private final String name;
    private final INDArray value;
    private final INDArray grad;
    private final boolean decay;
    private double gradAlpha = 1.0;
    private double gradBeta = 0.0;
    private boolean frozen;

    public Param(String name, INDArray value, boolean decay) {
        this.name = name;
        this.value = value;
        this.grad = value.ulike();
        this.decay = decay;
    }

    public String name() {
        return name;
    }

    public INDArray value() {
        return value;
    }

    public INDArray grad() {
        return grad;
    }

    public boolean decay() {
        return decay;
    }

    public double gradAlpha() {
        return gradAlpha;
    }

    public double gradBeta() {
        return gradBeta;
    }

    /** Backward passes will write {@code grad = alpha * dL/dw + beta * grad}. */
    public void accumulateGradient(double alpha, double beta) {
        this.gradAlpha = alpha;
        this.gradBeta = beta;
    }

    /** Whether this parameter is held fixed for now (not updated; its gradient may not be computed). */
    public boolean frozen() {
        return frozen;
    }

    public void setFrozen(boolean value) {
        this.frozen = value;
    }

    public long length() {
        return value.length();
    }

    @Override
    public String toString() {
        return name + java.util.Arrays.toString(value.shape());
    }
}
