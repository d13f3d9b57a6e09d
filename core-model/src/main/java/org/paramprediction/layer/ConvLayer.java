package org.paramprediction.layer;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.Shape;

/**
 * A convolution {@code H = g(conv(X, W) + b)}: {@code C_out} filters of {@code k x k x C_in} weights,
 * the rows of a {@link LinearMap} {@code W} ({@code k*k*C_in x C_out}: full, factored or tied), and
 * one bias per output channel.
 *
 * <p>One gemm per minibatch: {@link Im2Col} copies the patches of a column-major {@code X} into
 * {@code cols} ({@code (P*B) x k*k*C_in}, row {@code p*B + b}), then {@code Z = 1 b} (rank one) and
 * {@code Z += cols W} give {@code (P*B) x C_out} column-major, whose storage is exactly the output
 * feature maps {@code B x (C_out*H_out*W_out)} column-major in {@link Shape} order; both are arrays
 * over one buffer. Backward: {@code dZ = dH * g'}, {@code db = 1^T dZ}, {@code dW = cols^T dZ},
 * {@code dcols = dZ W^T} and {@code dX = col2im(dcols)}.
 *
 * <p>Input in another order than dense column-major (the network's row-major first minibatch) is
 * first copied into a column-major buffer. Buffers are allocated when the batch size changes only.
 */
public final class ConvLayer implements WeightedLayer {

    private final LinearMap filters;
    private final ConvGeometry geometry;
    private final Activation activation;
    private final boolean inputGradient;
    private final DataType dtype;
    private final Param bias;
    private final List<Param> params;
    private final Im2Col im2col;
    private final Shape outputShape;

    private int batch = -1;
    private INDArray inputCopy;
    private INDArray cols;
    private INDArray dcols;
    private INDArray z;
    private INDArray h;
    private INDArray scratch;
    private INDArray dyCopy;
    private INDArray dx;
    private INDArray ones;
    private INDArray lastDy;
    private INDArray lastDyRows;

    /**
     * @param filters {@code W}, with {@code k*k*C_in} inputs (patch order {@code c*k*k + i*k + j})
     *     and one output per filter
     * @param inputGradient whether backward must produce {@code dX} (false for the first layer)
     */
    public ConvLayer(LinearMap filters, ConvGeometry geometry, Activation activation, boolean inputGradient,
            DataType dtype) {
        if (filters.inputs() != geometry.patchSize()) {
            throw new IllegalArgumentException("filters take " + filters.inputs() + " inputs but a " + geometry.kernel()
                    + "x" + geometry.kernel() + " patch of the " + geometry.input() + " input has k*k*C_in = "
                    + geometry.patchSize() + " values");
        }
        if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
            throw new IllegalArgumentException("dtype must be FLOAT or DOUBLE but was " + dtype);
        }
        this.filters = filters;
        this.geometry = geometry;
        this.activation = activation;
        this.inputGradient = inputGradient;
        this.dtype = dtype;
        this.im2col = new Im2Col(geometry);
        this.outputShape = geometry.outputShape(filters.outputs());
        this.bias = new Param("b", Nd4j.create(dtype, new long[] {1, filters.outputs()}, 'f'), false);
        filters.setInputGradientNeeded(inputGradient);
        List<Param> ps = new ArrayList<>(filters.params());
        ps.add(bias);
        this.params = List.copyOf(ps);
    }

    public LinearMap filters() {
        return filters;
    }

    /** The filter bank {@code W} ({@link #filters()}). */
    @Override
    public LinearMap map() {
        return filters;
    }

    public ConvGeometry geometry() {
        return geometry;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public Param bias() {
        return bias;
    }

    @Override
    public Shape inputShape() {
        return geometry.input();
    }

    @Override
    public Shape outputShape() {
        return outputShape;
    }

    @Override
    public long dynamicWeights() {
        return filters.dynamicWeights();
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public INDArray lastOutput() {
        return h;
    }

    /** {@code H = g(conv(x, W) + b)}, B x (C_out*H_out*W_out) column-major; a buffer owned by the layer. */
    @Override
    public INDArray forward(INDArray input, boolean training) {
        if (input.columns() != inputs()) {
            throw new IllegalArgumentException("input has " + input.columns() + " features per example but the "
                    + geometry.input() + " input of this layer has " + inputs());
        }
        ensureBuffers((int) input.rows());
        INDArray x = input;
        if (input.dataType() != dtype || !StorageViews.denseColumnMajor(input)) {
            if (inputCopy == null) {
                inputCopy = Nd4j.create(dtype, new long[] {batch, inputs()}, 'f');
            }
            x = inputCopy.assign(input);
        }
        im2col.gather(x, cols);
        Gemm.mul(ones, bias.value(), z, true, false); // Z = 1 b
        filters.forward(cols, z, 1.0, training); // Z += cols W
        activation.apply(h);
        return h;
    }

    /** Turns {@code dH} (B x outputs, overwritten) into parameter gradients and, unless the first layer, {@code dX}. */
    @Override
    public INDArray backward(INDArray dy, ParamUpdate update) {
        if (dy.rows() != batch || dy.columns() != outputs()) {
            throw new IllegalArgumentException("dy must be " + batch + "x" + outputs() + " (the last forward pass) but is "
                    + dy.rows() + "x" + dy.columns());
        }
        INDArray dh = dy;
        INDArray dz;
        if (dy.dataType() == dtype && StorageViews.denseColumnMajor(dy)) {
            dz = rowsOf(dy);
        } else {
            if (dyCopy == null) {
                dyCopy = Nd4j.create(dtype, new long[] {batch, outputs()}, 'f');
            }
            dh = dyCopy.assign(dy);
            dz = rowsOf(dyCopy);
        }
        activation.backprop(h, dh, scratch);
        Gemm.mul(ones, dz, bias.grad(), false, false, bias.gradAlpha(), bias.gradBeta());
        filters.backward(cols, dz, inputGradient ? dcols : null);
        if (inputGradient) {
            im2col.scatter(dcols, dx);
        }
        for (Param p : params) {
            update.apply(p);
        }
        return inputGradient ? dx : null;
    }

    /** {@code dy} (B x C_out*P) seen as (P*B) x C_out; the view is kept while the caller passes the same array. */
    private INDArray rowsOf(INDArray dy) {
        if (dy != lastDy) {
            lastDy = dy;
            lastDyRows = StorageViews.reshape(dy, (long) geometry.positions() * batch, filters.outputs());
        }
        return lastDyRows;
    }

    private void ensureBuffers(int b) {
        if (b == batch) {
            return;
        }
        batch = b;
        long rows = (long) geometry.positions() * b;
        int patch = geometry.patchSize();
        cols = Nd4j.create(dtype, new long[] {rows, patch}, 'f'); // zeros: padding slots are never written
        dcols = inputGradient ? Nd4j.create(dtype, new long[] {rows, patch}, 'f') : null;
        z = Nd4j.create(dtype, new long[] {rows, filters.outputs()}, 'f');
        h = StorageViews.reshape(z, b, outputs());
        scratch = Nd4j.create(dtype, new long[] {b, outputs()}, 'f');
        dyCopy = null; // these two only if the neighbours hand over another layout, once per batch size
        inputCopy = null;
        dx = inputGradient ? Nd4j.create(dtype, new long[] {b, inputs()}, 'f') : null;
        ones = Nd4j.ones(dtype, 1, rows);
        lastDy = null;
        lastDyRows = null;
    }
}
