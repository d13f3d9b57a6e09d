package org.paramprediction.linalg;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasLower;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * BLAS calls straight into the OpenBLAS that ND4J itself loads (bytedeco's {@code
 * openblas_nolapack}), on the off-heap memory of ND4J arrays. {@code Nd4j.gemm} goes through
 * libnd4j's {@code matmul} op, which costs about 8 µs per call and allocates buffers that ND4J's
 * deallocator threads later free; a training step makes 11 or more products, so that overhead was
 * 5-8% of a step (docs/PERFORMANCE.md). Here a call costs well under a microsecond and allocates
 * only a pointer object.
 *
 * <p>Operands may be Fortran- or C-order arrays or views with one unit stride (column blocks of a
 * Fortran-order array are the common case); anything else falls back to {@code Nd4j.gemm}. The
 * thread count is OpenBLAS's own ({@code OMP_NUM_THREADS=1}, see STACK.md).
 */
public final class Blas {

    private Blas() {}

    /** {@code c = alpha op(a) op(b) + beta c}, with {@code c} preallocated. */
    public static void gemm(
            INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        long m = c.rows();
        long n = c.columns();
        long k = transA ? a.rows() : a.columns();
        if ((transA ? a.columns() : a.rows()) != m || (transB ? b.columns() : b.rows()) != k
                || (transB ? b.rows() : b.columns()) != n) {
            throw new IllegalArgumentException("gemm shapes do not match: op(a) " + shape(a, transA) + ", op(b) "
                    + shape(b, transB) + ", c " + m + "x" + n);
        }
        DataType dt = c.dataType();
        Layout la = Layout.of(a);
        Layout lb = Layout.of(b);
        Layout lc = Layout.of(c);
        if (la == null || lb == null || lc == null || a.dataType() != dt || b.dataType() != dt
                || (dt != DataType.FLOAT && dt != DataType.DOUBLE)) {
            Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
            return;
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (lc.rowMajor) {
            // c^T (column-major) = op(b)^T op(a)^T + beta c^T
            call(dt, b, lb, !transB, a, la, !transA, c, lc, (int) n, (int) m, (int) k, alpha, beta);
        } else {
            call(dt, a, la, transA, b, lb, transB, c, lc, (int) m, (int) n, (int) k, alpha, beta);
        }
    }

    /**
     * The Gram matrix {@code X^T X} of a dense C-order DOUBLE array {@code x} ({@code n x d}) by
     * {@code dsyrk}, half the flops of a gemm: fills the entries {@code (i, j), j >= i} of the dense
     * C-order {@code d x d} array {@code c} and leaves the other triangle as it was.
     */
    public static void gramUpper(INDArray x, INDArray c) {
        long d = x.columns();
        if (x.dataType() != DataType.DOUBLE || c.dataType() != DataType.DOUBLE || x.ordering() != 'c'
                || c.ordering() != 'c' || !dense(x) || !dense(c) || c.rows() != d || c.columns() != d) {
            throw new IllegalArgumentException("gramUpper needs dense C-order DOUBLE arrays, x n x d and c d x d, but got x "
                    + x.dataType() + " " + x.ordering() + " " + x.rows() + "x" + d + ", c " + c.dataType() + " "
                    + c.ordering() + " " + c.rows() + "x" + c.columns());
        }
        // Row-major x is the column-major d x n matrix x^T, so x^T x = M M^T (NoTrans); the row-major
        // upper triangle of c is the column-major lower one.
        openblas_nolapack.cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, (int) d, (int) x.rows(), 1.0,
                doubles(x), (int) d, 0.0, doubles(c), (int) d);
    }

    /** {@code y = alpha x + y} over all elements; both dense and of the same length, type and order. */
    public static void axpy(double alpha, INDArray x, INDArray y) {
        if (x.length() != y.length()) {
            throw new IllegalArgumentException("axpy lengths differ: " + x.length() + " vs " + y.length());
        }
        if (!dense(x) || !dense(y) || x.ordering() != y.ordering() || x.dataType() != y.dataType()) {
            y.addi(x.mul(alpha));
            return;
        }
        int len = (int) x.length();
        if (x.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_saxpy(len, (float) alpha, floats(x), 1, floats(y), 1);
        } else if (x.dataType() == DataType.DOUBLE) {
            openblas_nolapack.cblas_daxpy(len, alpha, doubles(x), 1, doubles(y), 1);
        } else {
            y.addi(x.mul(alpha));
        }
    }

    private static void call(DataType dt, INDArray a, Layout la, boolean transA, INDArray b, Layout lb,
            boolean transB, INDArray c, Layout lc, int m, int n, int k, double alpha, double beta) {
        // A row-major operand is its transpose stored column-major.
        int ta = (transA ^ la.rowMajor) ? CblasTrans : CblasNoTrans;
        int tb = (transB ^ lb.rowMajor) ? CblasTrans : CblasNoTrans;
        if (dt == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(CblasColMajor, ta, tb, m, n, k, (float) alpha, floats(a), la.ld,
                    floats(b), lb.ld, (float) beta, floats(c), lc.ld);
        } else {
            openblas_nolapack.cblas_dgemm(CblasColMajor, ta, tb, m, n, k, alpha, doubles(a), la.ld,
                    doubles(b), lb.ld, beta, doubles(c), lc.ld);
        }
    }

    /** How a 2-D array sits in memory: row- or column-major with a leading dimension. */
    private record Layout(boolean rowMajor, int ld) {

        /** Null when neither stride is 1 (or the array is not 2-D). */
        static Layout of(INDArray x) {
            if (x.rank() != 2) {
                return null;
            }
            long rows = x.rows();
            long cols = x.columns();
            long s0 = x.stride(0);
            long s1 = x.stride(1);
            if ((rows == 1 || s0 == 1) && (cols == 1 || s1 >= rows)) {
                return new Layout(false, (int) Math.max(1, cols == 1 ? rows : s1));
            }
            if ((cols == 1 || s1 == 1) && (rows == 1 || s0 >= cols)) {
                return new Layout(true, (int) Math.max(1, rows == 1 ? cols : s0));
            }
            return null;
        }
    }

    private static boolean dense(INDArray x) {
        return !x.isView() && x.elementWiseStride() == 1;
    }

    private static FloatPointer floats(INDArray x) {
        return new FloatPointer(x.data().addressPointer());
    }

    private static DoublePointer doubles(INDArray x) {
        return new DoublePointer(x.data().addressPointer());
    }

    private static String shape(INDArray x, boolean trans) {
        return (trans ? x.columns() : x.rows()) + "x" + (trans ? x.rows() : x.columns());
    }
}
