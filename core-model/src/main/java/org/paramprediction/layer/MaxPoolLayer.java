package org.paramprediction.layer;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.Shape;

/**
 * Max pooling, channel by channel: {@code Y[c, y, x] = max_{i, j < size} X[c, y*stride + i, x*stride
 * + j]}, with {@code H_out = (H - size) / stride + 1} (floor; rows and columns past the last whole
 * window are dropped) and likewise {@code W_out}. Non-overlapping {@code 2 x 2} windows by default.
 *
 * <p>On a column-major minibatch the {@code B} values of one input slot {@code (c, y, x)} are
 * contiguous, so a window is an elementwise max over {@code size^2} such vectors. A training forward
 * pass also remembers, for every output value, where its maximum came from (the first in window
 * order, row by row, on ties; a window holding a NaN gives NaN); backward routes {@code dY} there and
 * leaves every other {@code dX} zero (adding, where windows overlap). The loops run over heap copies
 * of the buffers. No parameters.
 */
public final class MaxPoolLayer implements Layer {

    private final Shape input;
    private final Shape output;
    private final int size;
    private final int stride;
    private final DataType dtype;

    private int batch = -1;
    /** Whether the last forward pass recorded the argmax (training), which backward needs. */
    private boolean routed;
    private INDArray inputCopy;
    private INDArray y;
    private INDArray dyCopy;
    private INDArray dx;
    /** For output entry {@code o*B + b}: the storage index in X of its maximum. */
    private int[] argmax;
    private float[] inF;
    private float[] outF;
    private double[] inD;
    private double[] outD;

    /** Non-overlapping {@code 2 x 2} windows. */
    public MaxPoolLayer(Shape input, DataType dtype) {
        this(input, 2, 2, dtype);
    }

    public MaxPoolLayer(Shape input, int size, int stride, DataType dtype) {
        if (size < 1 || stride < 1) {
            throw new IllegalArgumentException("pool size and stride must be >= 1 but were size " + size + ", stride "
                    + stride + " (input " + input + ")");
        }
        if (size > input.height() || size > input.width()) {
            throw new IllegalArgumentException("pool size " + size + " is larger than the input " + input.height()
                    + "x" + input.width() + " (input " + input + ")");
        }
        if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
            throw new IllegalArgumentException("dtype must be FLOAT or DOUBLE but was " + dtype);
        }
        this.input = input;
        this.size = size;
        this.stride = stride;
        this.dtype = dtype;
        this.output = new Shape(input.channels(), (input.height() - size) / stride + 1,
                (input.width() - size) / stride + 1);
    }

    public int size() {
        return size;
    }

    public int stride() {
        return stride;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return output;
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    @Override
    public long dynamicWeights() {
        return 0;
    }

    @Override
    public INDArray lastOutput() {
        return y;
    }

    /** The window maxima, B x (C*H_out*W_out) column-major; a buffer owned by the layer. */
    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.columns() != inputs()) {
            throw new IllegalArgumentException("input has " + x.columns() + " features per example but the " + input
                    + " input of this layer has " + inputs());
        }
        ensureBuffers((int) x.rows());
        INDArray src = x;
        if (x.dataType() != dtype || !StorageViews.denseColumnMajor(x)) {
            if (inputCopy == null) {
                inputCopy = Nd4j.create(dtype, new long[] {batch, inputs()}, 'f');
            }
            src = inputCopy.assign(x);
        }
        int n = inputs() * batch;
        int m = outputs() * batch;
        if (dtype == DataType.FLOAT) {
            src.data().asNioFloat().get(0, inF, 0, n);
            poolFloats(training);
            y.data().asNioFloat().put(0, outF, 0, m);
        } else {
            src.data().asNioDouble().get(0, inD, 0, n);
            poolDoubles(training);
            y.data().asNioDouble().put(0, outD, 0, m);
        }
        routed = training;
        return y;
    }

    /** {@code dX}: each {@code dY} value added at its window's maximum, zero elsewhere. */
    @Override
    public INDArray backward(INDArray dy, ParamUpdate update) {
        if (dy.rows() != batch || dy.columns() != outputs()) {
            throw new IllegalArgumentException("dy must be " + batch + "x" + outputs() + " (the last forward pass) but is "
                    + dy.rows() + "x" + dy.columns());
        }
        if (!routed) {
            throw new IllegalStateException("backward needs a forward pass with training = true (which records where"
                    + " each maximum came from)");
        }
        INDArray g = dy;
        if (dy.dataType() != dtype || !StorageViews.denseColumnMajor(dy)) {
            if (dyCopy == null) {
                dyCopy = Nd4j.create(dtype, new long[] {batch, outputs()}, 'f');
            }
            g = dyCopy.assign(dy);
        }
        int n = inputs() * batch;
        int m = outputs() * batch;
        if (dtype == DataType.FLOAT) { // the forward heap arrays are free again: dY in outF, dX in inF
            g.data().asNioFloat().get(0, outF, 0, m);
            Arrays.fill(inF, 0f);
            for (int e = 0; e < m; e++) {
                inF[argmax[e]] += outF[e];
            }
            dx.data().asNioFloat().put(0, inF, 0, n);
        } else {
            g.data().asNioDouble().get(0, outD, 0, m);
            Arrays.fill(inD, 0.0);
            for (int e = 0; e < m; e++) {
                inD[argmax[e]] += outD[e];
            }
            dx.data().asNioDouble().put(0, inD, 0, n);
        }
        return dx;
    }

    /*
     * Two passes per window, both without data-dependent branches (a compare-and-branch scan
     * mispredicts on random data and measured 1.6-2.5x slower): the elementwise max over the window's
     * vectors, then the argmax as the first window element equal to it, found by scanning the window
     * backwards and keeping the last hit. Starting from the first element covers windows without a
     * hit (a NaN, which the max propagates).
     */

    private void poolFloats(boolean training) {
        int b = batch;
        for (int c = 0; c < output.channels(); c++) {
            for (int yo = 0; yo < output.height(); yo++) {
                for (int xo = 0; xo < output.width(); xo++) {
                    int o = ((c * output.height() + yo) * output.width() + xo) * b;
                    int first = ((c * input.height() + yo * stride) * input.width() + xo * stride) * b;
                    for (int t = 0; t < b; t++) {
                        outF[o + t] = inF[first + t];
                        argmax[o + t] = first + t;
                    }
                    for (int k = 1; k < size * size; k++) {
                        int s = first + windowOffset(k);
                        for (int t = 0; t < b; t++) {
                            outF[o + t] = Math.max(outF[o + t], inF[s + t]);
                        }
                    }
                    for (int k = size * size - 1; training && k >= 0; k--) {
                        int s = first + windowOffset(k);
                        for (int t = 0; t < b; t++) {
                            argmax[o + t] = inF[s + t] == outF[o + t] ? s + t : argmax[o + t];
                        }
                    }
                }
            }
        }
    }

    private void poolDoubles(boolean training) {
        int b = batch;
        for (int c = 0; c < output.channels(); c++) {
            for (int yo = 0; yo < output.height(); yo++) {
                for (int xo = 0; xo < output.width(); xo++) {
                    int o = ((c * output.height() + yo) * output.width() + xo) * b;
                    int first = ((c * input.height() + yo * stride) * input.width() + xo * stride) * b;
                    for (int t = 0; t < b; t++) {
                        outD[o + t] = inD[first + t];
                        argmax[o + t] = first + t;
                    }
                    for (int k = 1; k < size * size; k++) {
                        int s = first + windowOffset(k);
                        for (int t = 0; t < b; t++) {
                            outD[o + t] = Math.max(outD[o + t], inD[s + t]);
                        }
                    }
                    for (int k = size * size - 1; training && k >= 0; k--) {
                        int s = first + windowOffset(k);
                        for (int t = 0; t < b; t++) {
                            argmax[o + t] = inD[s + t] == outD[o + t] ? s + t : argmax[o + t];
                        }
                    }
                }
            }
        }
    }

    /** Storage distance from a window's first element to its element {@code k} (row-major in the window). */
    private int windowOffset(int k) {
        return ((k / size) * input.width() + k % size) * batch;
    }

    private void ensureBuffers(int b) {
        if (b == batch) {
            return;
        }
        if ((long) inputs() * b > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a batch of " + b + " " + input + " examples has more entries than a buffer"
                    + " index can reach");
        }
        batch = b;
        y = Nd4j.create(dtype, new long[] {b, outputs()}, 'f');
        dx = Nd4j.create(dtype, new long[] {b, inputs()}, 'f');
        argmax = new int[outputs() * b];
        inputCopy = null;
        dyCopy = null;
        if (dtype == DataType.FLOAT) {
            inF = new float[inputs() * b];
            outF = new float[outputs() * b];
        } else {
            inD = new double[inputs() * b];
            outD = new double[outputs() * b];
        }
    }
}
