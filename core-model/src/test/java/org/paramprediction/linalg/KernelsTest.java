package org.paramprediction.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused Vector API kernels against the portable ones (OpenBLAS axpy, ND4J ops) on the same data:
 * lengths that are and are not multiples of the vector width, views and doubles (which fall back).
 * The pom runs this class at the JVM's own vector width and again with {@code -XX:UseAVX=2} (256
 * bits) and {@code -XX:UseAVX=0} (128 bits).
 */
class KernelsTest {

    private final VectorKernels vector = new VectorKernels();
    private final PortableKernels portable = new PortableKernels();

    private static INDArray rand(DataType dt, long r, long c, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(dt, r, c).subi(0.5).dup('f');
    }

    @Test
    void testsRunWithTheVectorApiWhereItIsFast() {
        // the surefire argLine passes --add-modules jdk.incubator.vector, as the run scripts do
        boolean x86 = System.getProperty("os.arch").equals("amd64");
        boolean expectVector = !x86 || Kernels.useAvx() >= 2; // below AVX2 the portable kernels are faster
        assertEquals(expectVector, Kernels.implementation().startsWith("vector"), Kernels.implementation());
    }

    /**
     * The fused update {@code v = fma(-decay, w, v)} and the portable one (two OpenBLAS {@code saxpy}
     * passes) agree to within rounding: OpenBLAS's generic kernels ({@code Prescott}) multiply and add
     * in two roundings, its AVX2 and AVX-512 kernels in one, so the results may differ by the rounding
     * of {@code decay w}, half an ulp of it, plus one ulp of the result. {@link #UPDATE_ULPS} ulps of
     * the largest operand bound both, on every kernel.
     */
    @Test
    void momentumUpdateMatchesTheTwoAxpyPassesToWithinRounding() {
        for (long cols : new long[] {500, 7, 1}) {
            for (double decay : new double[] {2e-7, 0.0, 0.3}) {
                INDArray w1 = rand(DataType.FLOAT, 37, cols, 1);
                INDArray v1 = rand(DataType.FLOAT, 37, cols, 2).muli(1e-2);
                float[] w0 = w1.data().asFloat();
                float[] v0 = v1.data().asFloat();
                INDArray w2 = w1.dup('f');
                INDArray v2 = v1.dup('f');
                vector.fusedMomentumUpdate(w1, v1, decay);
                portable.momentumUpdate(w2, v2, decay);
                float[] va = v1.data().asFloat();
                float[] vb = v2.data().asFloat();
                float[] wa = w1.data().asFloat();
                float[] wb = w2.data().asFloat();
                for (int i = 0; i < w0.length; i++) {
                    String at = "cols=" + cols + " decay=" + decay + " at " + i;
                    float vScale = Math.max(Math.abs(v0[i]), Math.max(Math.abs((float) decay * w0[i]), Math.abs(va[i])));
                    float vTol = UPDATE_ULPS * Math.ulp(vScale);
                    assertEquals(vb[i], va[i], vTol, "v, " + at);
                    assertEquals(wb[i], wa[i], vTol + UPDATE_ULPS * Math.ulp(Math.max(Math.abs(wa[i]), Math.abs(w0[i]))),
                            "w, " + at);
                }
            }
        }
    }

    /** Ulps of the largest operand by which the fused and the portable update may differ. */
    private static final float UPDATE_ULPS = 2f;

    @Test
    void theFusedUpdateIsOneRoundingOfDecayTimesWPlusV() {
        // the project's own specification of the fused kernel: exactly Math.fma per element, then one add
        INDArray w = rand(DataType.FLOAT, 41, 13, 9);
        INDArray v = rand(DataType.FLOAT, 41, 13, 10).muli(1e-2);
        float[] w0 = w.data().asFloat();
        float[] v0 = v.data().asFloat();
        vector.fusedMomentumUpdate(w, v, 0.3);
        float[] w1 = w.data().asFloat();
        float[] v1 = v.data().asFloat();
        for (int i = 0; i < w0.length; i++) {
            float expectedV = Math.fma(-0.3f, w0[i], v0[i]);
            assertEquals(Float.floatToIntBits(expectedV), Float.floatToIntBits(v1[i]), "v at " + i);
            assertEquals(Float.floatToIntBits(w0[i] + expectedV), Float.floatToIntBits(w1[i]), "w at " + i);
        }
    }

    @Test
    void theVectorWidthIsTheJvmsPreferredShape() {
        // -XX:UseAVX=N changes the preferred shape; the pom runs this class again at UseAVX=2 and UseAVX=0
        int bits = jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize();
        assertTrue(vector.name().startsWith("vector (jdk.incubator.vector, " + bits + "-bit"), vector.name());
    }

    @Test
    void momentumUpdateIsTheDocumentedArithmetic() {
        INDArray w = rand(DataType.FLOAT, 3, 5, 3);
        INDArray v = rand(DataType.FLOAT, 3, 5, 4);
        float[] w0 = w.data().asFloat();
        float[] v0 = v.data().asFloat();
        vector.fusedMomentumUpdate(w, v, 0.25);
        float[] w1 = w.data().asFloat();
        float[] v1 = v.data().asFloat();
        for (int i = 0; i < w0.length; i++) {
            assertEquals(v0[i] - 0.25f * w0[i], v1[i], 1e-6f);
            assertEquals(w0[i] + v1[i], w1[i], 1e-6f);
        }
    }

    @Test
    void reluForwardAndBackwardMatchNd4j() {
        for (long cols : new long[] {500, 3}) {
            INDArray z1 = rand(DataType.FLOAT, 100, cols, 5);
            INDArray z2 = z1.dup('f');
            vector.relu(z1);
            portable.relu(z2);
            assertArrayEquals(z2.data().asFloat(), z1.data().asFloat());
            INDArray d1 = rand(DataType.FLOAT, 100, cols, 6);
            INDArray d2 = d1.dup('f');
            vector.reluBackward(z1, d1, z1.ulike());
            portable.reluBackward(z2, d2, z2.ulike());
            float[] a = d1.data().asFloat();
            float[] b = d2.data().asFloat();
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 0f, "at " + i); // +0 and -0 count as equal
            }
        }
    }

    @Test
    void pixelConversionMatchesTheTableForEveryByteAndOffset() {
        byte[] src = new byte[600];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i * 37);
        }
        for (int off : new int[] {0, 3, 17}) {
            for (int n : new int[] {0, 5, 16, 256, 583}) {
                float[] a = new float[n + 2];
                float[] b = new float[n + 2];
                vector.unitFloats(src, off, a, 1, n);
                portable.unitFloats(src, off, b, 1, n);
                assertArrayEquals(b, a, "off=" + off + " n=" + n);
                for (int j = 0; j < n; j++) {
                    assertEquals((src[off + j] & 0xFF) / 255f, a[1 + j], 0f);
                }
            }
        }
    }

    @Test
    void viewsAndDoublesFallBackToPortable() {
        INDArray d = rand(DataType.DOUBLE, 4, 6, 7);
        INDArray expected = d.dup('f');
        vector.relu(d);
        portable.relu(expected);
        assertArrayEquals(expected.data().asDouble(), d.data().asDouble());
        INDArray parent = rand(DataType.FLOAT, 4, 6, 8);
        INDArray view = parent.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 4));
        INDArray copy = view.dup('f');
        vector.relu(view);
        portable.relu(copy);
        assertArrayEquals(copy.dup('f').data().asFloat(), view.dup('f').data().asFloat());
    }
}
