package org.paramprediction.kernel;

/**
 * A positive semi-definite similarity between the input indices of a layer.
 *
 * <p>Input index {@code i} of a layer (a pixel, a hidden unit) has some location or statistics; a
 * kernel gives {@code k(i, j)}. Kernel-ridge dictionaries use {@code K_aa = k(alpha, alpha)} and
 * {@code K_xa = k(all, alpha)}. Implementations are pure Java double precision with
 * {@link StrictMath}, so the same kernel gives bit-identical values on every JVM.
 */
public interface Kernel {

    /** Number of input indices the kernel is defined on. */
    int size();

    /** {@code k(i, j)}. */
    double value(int i, int j);

    /**
     * The Gram block {@code G[r][c] = k(rows[r], cols[c])}, returned row-major
     * ({@code rows.length * cols.length} values).
     */
    default double[] gram(int[] rows, int[] cols) {
        double[] g = new double[rows.length * cols.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols.length; c++) {
                g[r * cols.length + c] = value(rows[r], cols[c]);
            }
        }
        return g;
    }
}
