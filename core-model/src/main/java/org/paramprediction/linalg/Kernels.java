package org.paramprediction.linalg;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The elementwise passes of training: the momentum update, ReLU and pixel conversion. With the JDK's incubating
 * Vector API in the JVM ({@code --add-modules jdk.incubator.vector}, which every script and the
 * test configuration of this project pass) they are single fused loops ({@link VectorKernels});
 * without it they fall back to OpenBLAS and ND4J ops ({@link PortableKernels}), slower by 4-6% of a
 * Full training step (docs/PERFORMANCE.md) and equal to the last bit for the update.
 */
public final class Kernels {

    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);
    private static final ElementwiseKernels IMPL = choose();

    private Kernels() {}

    /** {@code v = v - decay w} (skipped when {@code decay == 0}), then {@code w = w + v}. */
    public static void momentumUpdate(INDArray w, INDArray v, double decay) {
        IMPL.momentumUpdate(w, v, decay);
    }

    /** {@code z = max(z, 0)} in place ({@code z > 0 ? z : 0}). */
    public static void relu(INDArray z) {
        IMPL.relu(z);
    }

    /** {@code dh = h > 0 ? dh : 0} in place; {@code scratch} (shape of {@code h}) may be overwritten. */
    public static void reluBackward(INDArray h, INDArray dh, INDArray scratch) {
        IMPL.reluBackward(h, dh, scratch);
    }

    /** {@code dst[dstOff + j] = (src[srcOff + j] & 0xFF) / 255f} for {@code j < n}: pixels to [0, 1]. */
    public static void unitFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n) {
        IMPL.unitFloats(src, srcOff, dst, dstOff, n);
    }

    /** Which implementation this JVM uses. */
    public static String implementation() {
        return IMPL.name();
    }

    private static ElementwiseKernels choose() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                // by name, so that a JVM without the module never links the class
                return (ElementwiseKernels) Class.forName("org.paramprediction.linalg.VectorKernels")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                LOG.warn("Vector API present but unusable ({}); using the portable kernels", e.toString());
            }
        } else {
            LOG.info("jdk.incubator.vector is not in this JVM (add --add-modules jdk.incubator.vector); "
                    + "using the portable elementwise kernels");
        }
        return new PortableKernels();
    }
}
