package org.paramprediction.layer;

import java.io.Serializable;
import org.paramprediction.data.Shape;

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
    /** For a conv layer: input channels, height, width, then kernel, stride, pad, pool; null for a dense layer. */
    private final int[] conv;

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
        this.conv = null;
    }

    /**
     * A conv layer: its dense filter bank {@code W} ({@code k*k*C_in x filters}, column-major, the
     * effective {@code U V} of a factored one) and bias on inputs of shape {@code input}, then {@code
     * pool x pool} max pooling (1 = none).
     */
    public LayerWeights(ConvGeometry geometry, int pool, Activation activation, float[] weights, float[] bias) {
        this(geometry.patchSize(), bias.length, activation, weights, bias, new int[] {geometry.input().channels(),
            geometry.input().height(), geometry.input().width(), geometry.kernel(), geometry.stride(), geometry.pad(),
            pool});
    }

    private LayerWeights(int rows, int cols, Activation activation, float[] weights, float[] bias, int[] conv) {
        LayerWeights checked = new LayerWeights(rows, cols, activation, weights, bias);
        this.inputs = checked.inputs;
        this.outputs = checked.outputs;
        this.activation = activation;
        this.weights = weights;
        this.bias = bias;
        this.conv = conv;
    }

    /** Features per example in. */
    public int inputs() {
        return conv == null ? inputs : geometry().input().features();
    }

    /** Features per example out (after the pooling of a conv layer). */
    public int outputs() {
        return conv == null ? outputs : outputShape().features();
    }

    /** Rows of {@code W}: inputs of a dense layer, {@code k*k*C_in} of a conv layer. */
    public int weightRows() {
        return inputs;
    }

    /** Columns of {@code W}: units of a dense layer, filters of a conv layer. */
    public int weightColumns() {
        return outputs;
    }

    public boolean isConv() {
        return conv != null;
    }

    /** The convolution of a conv layer. */
    public ConvGeometry geometry() {
        return new ConvGeometry(new Shape(conv[0], conv[1], conv[2]), conv[3], conv[4], conv[5]);
    }

    /** Pool size of a conv layer (1 = none). */
    public int pool() {
        return conv[6];
    }

    /** The shape of the output (after pooling). */
    public Shape outputShape() {
        if (conv == null) {
            return Shape.flat(outputs);
        }
        Shape c = geometry().outputShape(outputs);
        int p = pool();
        return p == 1 ? c : new Shape(outputs, (c.height() - p) / p + 1, (c.width() - p) / p + 1);
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

    /** A trained conv layer's values (its effective filter bank), with the pooling that follows it. */
    public static LayerWeights of(ConvLayer layer, int pool) {
        return new LayerWeights(layer.geometry(), pool, layer.activation(),
                layer.map().weights().dup('f').data().asFloat(), layer.bias().value().dup('c').data().asFloat());
    }

    @Override
    public String toString() {
        return "LayerWeights[" + (conv == null ? "" : "conv " + geometry() + " pool " + pool() + ", ")
                + inputs + " x " + outputs + ", " + activation + "]";
    }
}
