package org.paramprediction.layer;

/**
 * The shape of one matrix product {@code C (m x n) = op(A) (m x k) * op(B) (k x n)}; it costs
 * {@code 2 m n k} floating-point operations.
 */
public record GemmShape(long m, long n, long k, boolean transA, boolean transB) {

    public double flops() {
        return 2.0 * m * n * k;
    }
}
