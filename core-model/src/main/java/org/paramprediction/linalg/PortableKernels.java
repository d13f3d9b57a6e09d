package org.paramprediction.linalg;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The elementwise passes with what every JVM has: OpenBLAS {@code axpy} for the update (two passes
 * over the weights), ND4J ops for ReLU (one op forward, two backward, about 7 µs of overhead each)
 * and a lookup table for pixels.
 */
final class PortableKernels implements ElementwiseKernels {

    /** {@code v / 255f} for every byte value {@code v}. */
    static final float[] UNIT = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            UNIT[v] = v / 255f;
        }
    }

    @Override
    public void momentumUpdate(INDArray w, INDArray v, double decay) {
        if (decay != 0) {
            Blas.axpy(-decay, w, v);
        }
        Blas.axpy(1.0, v, w);
    }

    @Override
    public void relu(INDArray z) {
        Transforms.relu(z, false);
    }

    @Override
    public void reluBackward(INDArray h, INDArray dh, INDArray scratch) {
        Nd4j.getExecutioner().exec(new Step(h, scratch));
        dh.muli(scratch);
    }

    @Override
    public void unitFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n) {
        for (int j = 0; j < n; j++) {
            dst[dstOff + j] = UNIT[src[srcOff + j] & 0xFF];
        }
    }

    @Override
    public String name() {
        return "portable (OpenBLAS axpy + ND4J ops)";
    }
}
