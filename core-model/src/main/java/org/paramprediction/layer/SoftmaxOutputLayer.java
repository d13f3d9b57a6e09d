package org.paramprediction.layer;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.Shape;
import org.paramprediction.random.Gaussians;

/**
 * The classifier, never factored: {@code P = softmax(X W + b)} with the mean cross-entropy loss
 * {@code L = -(1/B) sum_r log P[r, y_r]}, whose logit gradient is {@code dZ = (P - Y) / B}.
 *
 * <p>The softmax, loss, argmax and {@code dZ} are one Java pass over the B x classes logits (small),
 * with {@link StrictMath#exp} so results do not depend on JIT intrinsics. As a {@link Layer} its
 * output is the logits and its backward takes {@code dZ} (what {@link #loss} writes over them).
 */
public final class SoftmaxOutputLayer implements Layer {

    private final Param w;
    private final Param bias;
    private final DataType dtype;

    private int batch = -1;
    private INDArray x;
    private INDArray z;
    private INDArray dx;
    private INDArray ones;
    private double[] host;
    private double[] normValues;
    private float[] normFloats;

    public SoftmaxOutputLayer(int inputs, int classes, DataType dtype) {
        this.dtype = dtype;
        this.w = new Param("W", Nd4j.create(dtype, new long[] {inputs, classes}, 'f'), true);
        this.bias = new Param("b", Nd4j.create(dtype, new long[] {1, classes}, 'f'), false);
    }

    @Override
    public int inputs() {
        return (int) w.value().rows();
    }

    public int classes() {
        return (int) w.value().columns();
    }

    @Override
    public Shape inputShape() {
        return Shape.flat(inputs());
    }

    @Override
    public Shape outputShape() {
        return Shape.flat(classes());
    }

    @Override
    public long dynamicWeights() {
        return w.length();
    }

    @Override
    public INDArray lastOutput() {
        return z;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        return forward(input);
    }

    @Override
    public List<Param> params() {
        return List.of(w, bias);
    }

    /** LeCun initialisation {@code N(0, 1/inputs)} of {@code W}; zero bias. */
    public void initialize(SplittableRandom rng) {
        double[] values = Gaussians.draw(rng, Math.sqrt(1.0 / inputs()), (int) w.length());
        HostBuffers.write(values, values.length, w.value());
        bias.value().assign(0);
    }

    /** Logits {@code Z = x W + b}; the returned buffer is owned by the layer. */
    public INDArray forward(INDArray input) {
        int b = (int) input.rows();
        ensureBuffers(b);
        this.x = input;
        Gemm.mul(ones, bias.value(), z, true, false); // Z = 1 b
        Gemm.mul(input, w.value(), z, false, false, 1.0, 1.0); // Z += X W
        return z;
    }

    /**
     * After {@link #forward}: the summed loss and error count for {@code labels[0..B)}, and, when
     * {@code gradient}, {@code dZ = (P - Y) / B} written over the logits buffer.
     */
    public BatchLoss loss(int[] labels, boolean gradient) {
        int b = batch;
        int k = classes();
        HostBuffers.read(z, host, b * k);
        double lossSum = 0;
        int errors = 0;
        for (int r = 0; r < b; r++) {
            int y = labels[r];
            int best = 0;
            double max = host[r];
            for (int c = 1; c < k; c++) {
                double v = host[r + c * b];
                if (v > max) {
                    max = v;
                    best = c;
                }
            }
            double logitY = host[r + y * b] - max;
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double e = StrictMath.exp(host[r + c * b] - max);
                host[r + c * b] = e;
                sum += e;
            }
            lossSum += StrictMath.log(sum) - logitY;
            if (best != y) {
                errors++;
            }
            if (gradient) {
                for (int c = 0; c < k; c++) {
                    double p = host[r + c * b] / sum;
                    host[r + c * b] = (p - (c == y ? 1.0 : 0.0)) / b;
                }
            }
        }
        if (gradient) {
            HostBuffers.write(host, b * k, z);
        }
        return new BatchLoss(lossSum, errors, b);
    }

    /** After {@link #loss} with gradient: fills the parameter gradients and returns {@code dX}. */
    public INDArray backward() {
        return backward(ParamUpdate.NONE);
    }

    /** {@link #backward()}, then hands {@code W} and {@code b} to {@code update}. */
    public INDArray backward(ParamUpdate update) {
        return backward(z, update);
    }

    /** Gradients for the logit gradient {@code dz} (B x classes), then {@code update}; returns {@code dX}. */
    @Override
    public INDArray backward(INDArray dz, ParamUpdate update) {
        Gemm.mul(x, dz, w.grad(), true, false, w.gradAlpha(), w.gradBeta());
        Gemm.mul(ones, dz, bias.grad(), false, false, bias.gradAlpha(), bias.gradBeta());
        Gemm.mul(dz, w.value(), dx, false, true);
        update.apply(w);
        update.apply(bias);
        return dx;
    }

    /** Rescales every column of {@code W} (one class's weights) whose L2 norm exceeds {@code maxNorm}. */
    public void applyMaxColumnNorm(double maxNorm) {
        int n = inputs();
        int k = classes();
        boolean floats = w.value().dataType() == DataType.FLOAT;
        if (normValues == null) {
            normValues = new double[n * k];
            normFloats = floats ? new float[n * k] : null;
        }
        double[] values = normValues;
        if (floats) { // bulk copy and widen: this runs after every training step
            HostBuffers.read(w.value(), normFloats, 0, n * k);
            for (int i = 0; i < n * k; i++) {
                values[i] = normFloats[i];
            }
        } else {
            HostBuffers.read(w.value(), values, n * k);
        }
        boolean changed = false;
        for (int c = 0; c < k; c++) {
            double sq = 0;
            for (int i = c * n; i < (c + 1) * n; i++) {
                sq += values[i] * values[i];
            }
            double norm = Math.sqrt(sq);
            if (norm > maxNorm) {
                double scale = maxNorm / norm;
                for (int i = c * n; i < (c + 1) * n; i++) {
                    values[i] *= scale;
                }
                changed = true;
            }
        }
        if (changed && floats) {
            for (int i = 0; i < n * k; i++) {
                normFloats[i] = (float) values[i];
            }
            HostBuffers.write(normFloats, 0, n * k, w.value());
        } else if (changed) {
            HostBuffers.write(values, n * k, w.value());
        }
    }

    private void ensureBuffers(int b) {
        if (b == batch) {
            return;
        }
        batch = b;
        z = Nd4j.create(dtype, new long[] {b, classes()}, 'f');
        dx = Nd4j.create(dtype, new long[] {b, inputs()}, 'f');
        ones = Nd4j.ones(dtype, 1, b);
        host = new double[b * classes()];
    }
}
