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
 */
class KernelsTest {

    private final VectorKernels vector = new VectorKernels();
    private final PortableKernels portable = new PortableKernels();

    private static INDArray rand(DataType dt, long r, long c, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(dt, r, c).subi(0.5).dup('f');
    }

    @Test
    void testsRunWithTheVectorApi() {
        // the surefire argLine passes --add-modules jdk.incubator.vector, as the run scripts do
        assertTrue(Kernels.implementation().startsWith("vector"), Kernels.implementation());
    }

    @Test
    void momentumUpdateMatchesTheTwoAxpyPassesBitForBit() {
        for (long cols : new long[] {500, 7, 1}) {
            for (double decay : new double[] {2e-7, 0.0, 0.3}) {
                INDArray w1 = rand(DataType.FLOAT, 37, cols, 1);
                INDArray v1 = rand(DataType.FLOAT, 37, cols, 2).muli(1e-2);
                INDArray w2 = w1.dup('f');
                INDArray v2 = v1.dup('f');
                vector.momentumUpdate(w1, v1, decay);
                portable.momentumUpdate(w2, v2, decay);
                assertArrayEquals(v2.data().asFloat(), v1.data().asFloat(), "v, cols=" + cols + " decay=" + decay);
                assertArrayEquals(w2.data().asFloat(), w1.data().asFloat(), "w, cols=" + cols + " decay=" + decay);
            }
        }
    }

    @Test
    void momentumUpdateIsTheDocumentedArithmetic() {
        INDArray w = rand(DataType.FLOAT, 3, 5, 3);
        INDArray v = rand(DataType.FLOAT, 3, 5, 4);
        float[] w0 = w.data().asFloat();
        float[] v0 = v.data().asFloat();
        vector.momentumUpdate(w, v, 0.25);
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
