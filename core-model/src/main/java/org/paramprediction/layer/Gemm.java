package org.paramprediction.layer;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.linalg.Blas;

/**
 * Every matrix product of the layers goes through here: {@code c = alpha op(a) op(b) + beta c} by
 * {@link Blas#gemm} (OpenBLAS called directly) into a preallocated {@code c}. A thread can record the shapes it multiplies
 * (for the benchmark, which compares training speed with the raw gemm rate on the same shapes).
 */
public final class Gemm {

    private static final ThreadLocal<List<GemmShape>> RECORDER = new ThreadLocal<>();

    private Gemm() {}

    /** {@code c = alpha op(a) op(b) + beta c}. */
    public static void mul(
            INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        List<GemmShape> recorder = RECORDER.get();
        if (recorder != null) {
            long m = transA ? a.columns() : a.rows();
            long k = transA ? a.rows() : a.columns();
            long n = transB ? b.rows() : b.columns();
            recorder.add(new GemmShape(m, n, k, transA, transB));
        }
        Blas.gemm(a, b, c, transA, transB, alpha, beta);
    }

    /** {@code c = op(a) op(b)}. */
    public static void mul(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB) {
        mul(a, b, c, transA, transB, 1.0, 0.0);
    }

    /** Runs {@code work} on this thread and returns the shapes of the products it computed. */
    public static List<GemmShape> record(Runnable work) {
        List<GemmShape> shapes = new ArrayList<>();
        RECORDER.set(shapes);
        try {
            work.run();
        } finally {
            RECORDER.remove();
        }
        return shapes;
    }
}
