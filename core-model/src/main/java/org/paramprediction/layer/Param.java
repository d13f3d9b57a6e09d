package org.paramprediction.layer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A learned parameter array and the gradient buffer of the same shape that backward passes fill.
 *
 * <p>{@code decay} says whether weight decay applies (weights and coefficients yes, biases no).
 */
public final class Param {

    private final String name;
    private final INDArray value;
    private final INDArray grad;
    private final boolean decay;

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

    public long length() {
        return value.length();
    }

    @Override
    public String toString() {
        return name + java.util.Arrays.toString(value.shape());
    }
}
