package org.paramprediction.layer;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.Shape;

/**
 * A hidden layer {@code H = g(X W + b)} whose weights are a {@link LinearMap} (full or factored).
 * Output, gradient and scratch buffers are preallocated and reused while the batch size stays the
 * same. The bias is a gemm too: {@code H = 1 b} (rank one), then {@code H += X W} with {@code beta =
 * 1}, which costs a fraction of a separate broadcast add; its gradient {@code db = 1^T dZ} is a gemm
 * with the same ones vector.
 */
public final class HiddenLayer implements WeightedLayer {

    private final LinearMap map;
    private final Activation activation;
    private final Param bias;
    private final boolean inputGradient;
    private final DataType dtype;
    private final List<Param> params;
    private final Shape inputShape;

    private int batch = -1;
    private INDArray x;
    private INDArray h;
    private INDArray dx;
    private INDArray scratch;
    private INDArray ones;

    /** @param inputGradient whether backward must produce {@code dX} (false for the first layer) */
    public HiddenLayer(LinearMap map, Activation activation, boolean inputGradient, DataType dtype) {
        this(map, activation, inputGradient, dtype, Shape.flat(map.inputs()));
    }

    /** As above, on inputs of the given shape (e.g. the feature maps of a conv layer, flattened). */
    public HiddenLayer(LinearMap map, Activation activation, boolean inputGradient, DataType dtype,
            Shape inputShape) {
        if (inputShape.features() != map.inputs()) {
            throw new IllegalArgumentException("input shape " + inputShape + " has " + inputShape.features()
                    + " features but the weights take " + map.inputs());
        }
        this.inputShape = inputShape;
        this.map = map;
        this.activation = activation;
        this.inputGradient = inputGradient;
        this.dtype = dtype;
        this.bias = new Param("b", Nd4j.create(dtype, new long[] {1, map.outputs()}, 'f'), false);
        map.setInputGradientNeeded(inputGradient);
        List<Param> ps = new ArrayList<>(map.params());
        ps.add(bias);
        this.params = List.copyOf(ps);
    }

    @Override
    public LinearMap map() {
        return map;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return Shape.flat(map.outputs());
    }

    @Override
    public int inputs() {
        return map.inputs();
    }

    @Override
    public int outputs() {
        return map.outputs();
    }

    @Override
    public long dynamicWeights() {
        return map.dynamicWeights();
    }

    @Override
    public Param bias() {
        return bias;
    }

    /** {@code H = g(x W + b)}; the returned buffer is owned by the layer and reused. */
    @Override
    public INDArray forward(INDArray input, boolean training) {
        int b = (int) input.rows();
        ensureBuffers(b);
        this.x = input;
        Gemm.mul(ones, bias.value(), h, true, false); // H = 1 b
        map.forward(input, h, 1.0, training); // H += X W
        activation.apply(h);
        return h;
    }

    /**
     * Turns {@code dH} (overwritten) into {@code dZ}, fills parameter gradients and returns {@code
     * dX} (null for the first layer).
     */
    public INDArray backward(INDArray dh) {
        return backward(dh, ParamUpdate.NONE);
    }

    /** {@link #backward(INDArray)}, then hands every parameter of the layer to {@code update}. */
    @Override
    public INDArray backward(INDArray dh, ParamUpdate update) {
        activation.backprop(h, dh, scratch);
        Gemm.mul(ones, dh, bias.grad(), false, false, bias.gradAlpha(), bias.gradBeta());
        map.backward(x, dh, inputGradient ? dx : null);
        for (Param p : params) {
            update.apply(p);
        }
        return inputGradient ? dx : null;
    }

    @Override
    public INDArray lastOutput() {
        return h;
    }

    @Override
    public List<Param> params() {
        return params;
    }

    private void ensureBuffers(int b) {
        if (b == batch) {
            return;
        }
        batch = b;
        h = Nd4j.create(dtype, new long[] {b, map.outputs()}, 'f');
        scratch = Nd4j.create(dtype, new long[] {b, map.outputs()}, 'f');
        dx = inputGradient ? Nd4j.create(dtype, new long[] {b, map.inputs()}, 'f') : null;
        ones = Nd4j.ones(dtype, 1, b);
    }
}
