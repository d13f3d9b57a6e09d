package org.paramprediction.linalg;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The elementwise passes of training: the momentum update, ReLU and pixel conversion. With the JDK's incubating
 * Vector API in the JVM ({@code --add-modules jdk.incubator.vector}, which every script and the
 * test configuration of this project pass) and at least AVX2 on x86, they are single loops of the
 * JVM's vector width ({@link VectorKernels}); otherwise OpenBLAS and ND4J ops ({@link
 * PortableKernels}). The two agree to within rounding (the update: one FMA against OpenBLAS's {@code
 * axpy}, which fuses on its AVX2 and AVX-512 kernels only). {@code bench --sections kernels} times
 * both at several vector widths (docs/PERFORMANCE.md).
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
        if (!vectorApiPresent()) {
            LOG.info("jdk.incubator.vector is not in this JVM (add --add-modules jdk.incubator.vector); "
                    + "using the portable elementwise kernels");
            return new PortableKernels();
        }
        int avx = useAvx();
        if (isX86() && avx < 2) {
            // Below AVX2 HotSpot compiles few Vector API operations (no vector FMA, blend or widening), and
            // the rest run the API's scalar fallback: measured 17-10,000x slower than the portable kernels.
            LOG.info("the JVM runs with UseAVX={} (below AVX2): using the portable elementwise kernels", avx);
            return new PortableKernels();
        }
        return vectorKernels().orElseGet(PortableKernels::new);
    }

    /**
     * The Vector API kernels, whether or not this JVM trains with them; empty without the module, and
     * (with a warning) if the module is there but they cannot load.
     */
    static Optional<ElementwiseKernels> vectorKernels() {
        if (!vectorApiPresent()) {
            return Optional.empty();
        }
        try {
            // by name, so that a JVM without the module never links the class
            return Optional.of((ElementwiseKernels) Class.forName("org.paramprediction.linalg.VectorKernels")
                    .getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("Vector API present but unusable ({}); using the portable kernels", e.toString());
            return Optional.empty();
        }
    }

    private static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static boolean isX86() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    /** HotSpot's {@code UseAVX} level (3 AVX-512, 2 AVX2, 1 AVX, 0 SSE); 0 if it cannot be read. */
    static int useAvx() {
        try {
            return Integer.parseInt(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseAVX").getValue());
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
