package org.paramprediction.layer;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.random.Gaussians;

/** An ordinary (Full) weight matrix {@code W} (inputs x outputs): {@code Z = X W}, all weights learned. */
public final class DenseMap implements LinearMap {

    private final Param w;

    public DenseMap(int inputs, int outputs, DataType dtype) {
        this.w = new Param("W", Nd4j.create(dtype, new long[] {inputs, outputs}, 'f'), true);
    }

    @Override
    public int inputs() {
        return (int) w.value().rows();
    }

    @Override
    public int outputs() {
        return (int) w.value().columns();
    }

    @Override
    public void forward(INDArray x, INDArray z, double beta, boolean training) {
        Gemm.mul(x, w.value(), z, false, false, 1.0, beta);
    }

    @Override
    public void backward(INDArray x, INDArray dz, INDArray dx) {
        Gemm.mul(x, dz, w.grad(), true, false, w.gradAlpha(), w.gradBeta());
        if (dx != null) {
            Gemm.mul(dz, w.value(), dx, false, true);
        }
    }

    @Override
    public List<Param> params() {
        return List.of(w);
    }

    @Override
    public long dynamicWeights() {
        return w.length();
    }

    @Override
    public void initialize(SplittableRandom rng, double targetVariance) {
        double[] values = Gaussians.draw(rng, Math.sqrt(targetVariance), (int) w.length());
        HostBuffers.write(values, values.length, w.value());
    }

    @Override
    public INDArray weights() {
        return w.value().dup('f');
    }
}
