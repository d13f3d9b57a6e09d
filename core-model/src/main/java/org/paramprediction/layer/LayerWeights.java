package org.paramprediction.layer;

import java.io.Serializable;

/**
 * One trained dense or factored layer {@code H = g(X W + b)} as plain arrays, the form that crosses the wire
 * (Kryo cannot carry an {@code INDArray}). {@code W} is the dense effective weight matrix (for a
 * factored layer {@code W = U V}), inputs x outputs, column-major. The arrays are not copied: treat
 * them as read-only.
 *
 * <p>A final class, not a record: Spark 3.5's Kryo 4 cannot serialise records on Java 17 ("can't get
 * field offset on a record class"), and a broadcast uses {@code spark.serializer}.
 */
public final class LayerWeights implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int inputs;
    private final int outputs;
    private final Activation activation;
    private final float[] weights;
    private final float[] bias;

    /**
     * @param inputs     rows of {@code W}, {@code >= 1}
     * @param outputs    columns of {@code W}, {@code >= 1}
     * @param activation {@code g}
     * @param weights    {@code inputs * outputs} values, column-major
     * @param bias       {@code outputs} values
     */
    public LayerWeights(int inputs, int outputs, Activation activation, float[] weights, float[] bias) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException(
                    "inputs and outputs must be >= 1 but were " + inputs + " x " + outputs);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        if (weights == null || weights.length != (long) inputs * outputs) {
            throw new IllegalArgumentException("weights must have inputs*outputs = " + inputs + "*"
                    + outputs + " values but had " + (weights == null ? "null" : weights.length));
        }
        if (bias == null || bias.length != outputs) {
            throw new IllegalArgumentException("bias must have outputs = " + outputs
                    + " values but had " + (bias == null ? "null" : bias.length));
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.weights = weights;
        this.bias = bias;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    public Activation activation() {
        return activation;
    }

    /** {@code W}, inputs x outputs, column-major (not a copy). */
    public float[] weights() {
        return weights;
    }

    /** {@code b}, outputs values (not a copy). */
    public float[] bias() {
        return bias;
    }

    /** This layer's values, from a trained {@code layer} ({@code W = U V} for a factored one), as floats. */
    public static LayerWeights of(HiddenLayer layer) {
        return new LayerWeights(layer.inputs(), layer.outputs(), layer.activation(),
                layer.map().weights().dup('f').data().asFloat(), layer.bias().value().dup('c').data().asFloat());
    }

    @Override
    public String toString() {
        return "LayerWeights[" + inputs + " x " + outputs + ", " + activation + "]";
    }
}
