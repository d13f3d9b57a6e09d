package org.paramprediction.linalg;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The elementwise passes of a training step, in one implementation or another (see {@link Kernels}). */
interface ElementwiseKernels {

    /** {@code v = v - decay w} (skipped when {@code decay == 0}), then {@code w = w + v}. */
    void momentumUpdate(INDArray w, INDArray v, double decay);

    /** The update in one pass where the implementation has one (at any vector width); else {@link #momentumUpdate}. */
    default void fusedMomentumUpdate(INDArray w, INDArray v, double decay) {
        momentumUpdate(w, v, decay);
    }

    /** The name of the implementation with {@link #fusedMomentumUpdate} as its update. */
    default String fusedName() {
        return name();
    }

    /** {@code z = z > 0 ? z : 0}, in place. */
    void relu(INDArray z);

    /** {@code dh = h > 0 ? dh : 0}, in place; {@code scratch} has the shape of {@code h}. */
    void reluBackward(INDArray h, INDArray dh, INDArray scratch);

    /** {@code dst[dstOff + j] = (src[srcOff + j] & 0xFF) / 255f} for {@code j < n}: pixels to [0, 1]. */
    void unitFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n);

    /** A short name for logs and benchmark tables. */
    String name();
}
