package org.paramprediction.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The direct OpenBLAS calls against ND4J's own products on every layout the layers use. */
class BlasTest {

    private static INDArray rand(DataType dt, long r, long c, char order, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(dt, r, c).dup(order);
    }

    /** op(a) op(b) in double precision by ND4J's mmul, as a reference. */
    private static INDArray reference(INDArray a, INDArray b, boolean ta, boolean tb) {
        INDArray x = ta ? a.transpose() : a;
        INDArray y = tb ? b.transpose() : b;
        return x.castTo(DataType.DOUBLE).mmul(y.castTo(DataType.DOUBLE));
    }

    @Test
    void gemmMatchesReferenceForEveryOrderTransposeAndBeta() {
        long m = 7;
        long n = 5;
        long k = 9;
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            double tol = dt == DataType.FLOAT ? 1e-5 : 1e-12;
            for (char oa : new char[] {'f', 'c'}) {
                for (char ob : new char[] {'f', 'c'}) {
                    for (char oc : new char[] {'f', 'c'}) {
                        for (int t = 0; t < 4; t++) {
                            boolean ta = (t & 1) != 0;
                            boolean tb = (t & 2) != 0;
                            INDArray a = rand(dt, ta ? k : m, ta ? m : k, oa, 1);
                            INDArray b = rand(dt, tb ? n : k, tb ? k : n, ob, 2);
                            INDArray c0 = rand(dt, m, n, oc, 3);
                            INDArray c = c0.dup(oc);
                            Blas.gemm(a, b, c, ta, tb, 0.5, 0.25);
                            INDArray expected = reference(a, b, ta, tb).muli(0.5).addi(c0.castTo(DataType.DOUBLE).muli(0.25));
                            double diff = expected.sub(c.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
                            assertEquals(0, diff, tol, dt + " " + oa + ob + oc + " ta=" + ta + " tb=" + tb);
                        }
                    }
                }
            }
        }
    }

    @Test
    void gemmWritesIntoColumnBlockViewsAndLeavesTheRestAlone() {
        INDArray a = rand(DataType.FLOAT, 6, 12, 'f', 4);
        INDArray b = rand(DataType.FLOAT, 6, 4, 'f', 5);
        INDArray c = rand(DataType.FLOAT, 6, 10, 'f', 6);
        INDArray before = c.dup('f');
        INDArray aBlock = a.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 9)); // 6x6 view, offset 18
        INDArray cBlock = c.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 6)); // 6x4 view, offset 12
        Blas.gemm(aBlock, b, cBlock, true, false, 1.0, 1.0);
        INDArray expected = before.dup('f');
        expected.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 6))
                .addi(aBlock.transpose().mmul(b));
        assertEquals(0, expected.sub(c).amaxNumber().doubleValue(), 1e-5);
    }

    @Test
    void rankOneAndVectorShapes() {
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1, 8); // c-order row
        INDArray bias = rand(DataType.FLOAT, 1, 3, 'f', 7);
        INDArray h = Nd4j.create(DataType.FLOAT, new long[] {8, 3}, 'f');
        Blas.gemm(ones, bias, h, true, false, 1.0, 0.0); // H = 1 b
        assertEquals(0, h.sub(Nd4j.ones(DataType.FLOAT, 8, 1).mmul(bias)).amaxNumber().doubleValue(), 0);
        INDArray col = Nd4j.create(DataType.FLOAT, new long[] {1, 3}, 'f');
        Blas.gemm(ones, h, col, false, false, 1.0, 0.0); // column sums
        assertEquals(0, col.sub(bias.mul(8)).amaxNumber().doubleValue(), 1e-5);
    }

    @Test
    void gramUpperFillsTheRowMajorUpperTriangleOfXtX() {
        INDArray x = rand(DataType.DOUBLE, 40, 6, 'c', 10);
        INDArray c = Nd4j.create(DataType.DOUBLE, 6, 6).assign(-7); // 'c' order
        Blas.gramUpper(x, c);
        INDArray expected = x.transpose().mmul(x);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double want = j >= i ? expected.getDouble(i, j) : -7;
                assertEquals(want, c.getDouble(i, j), 1e-12, "(" + i + ", " + j + ")");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Blas.gramUpper(x.dup('f'), c));
    }

    @Test
    void mismatchedShapesAreRejected() {
        INDArray a = Nd4j.create(DataType.FLOAT, new long[] {3, 4}, 'f');
        INDArray b = Nd4j.create(DataType.FLOAT, new long[] {5, 2}, 'f');
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {3, 2}, 'f');
        assertThrows(IllegalArgumentException.class, () -> Blas.gemm(a, b, c, false, false, 1, 0));
    }

    @Test
    void axpyMatchesElementwiseArithmetic() {
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray x = rand(dt, 30, 20, 'f', 8);
            INDArray y = rand(dt, 30, 20, 'f', 9);
            INDArray expected = y.castTo(DataType.DOUBLE).addi(x.castTo(DataType.DOUBLE).muli(-0.3));
            Blas.axpy(-0.3, x, y);
            assertEquals(0, expected.sub(y.castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-6, dt.toString());
        }
    }
}
