package org.paramprediction.dictionary;

/**
 * The DCT dictionary: orthonormal 2-D DCT-II atoms on an {@code R x C} image grid,
 *
 * <pre>  U[i*C + j][(p,q)] = c_p(R) c_q(C) cos(pi (2i+1) p / (2R)) cos(pi (2j+1) q / (2C)),
 *  c_0(N) = sqrt(1/N),  c_k(N) = sqrt(2/N) for k &gt; 0,</pre>
 *
 * taking the {@code na} lowest frequencies ordered by {@code p + q}, then {@code p}, then
 * {@code q} (so atom 0 is the constant image). The columns are orthonormal (the 1-D DCT-II
 * matrices are orthogonal and the 2-D atoms are their tensor products). Cosines by
 * {@link StrictMath#cos}: bit-identical on every JVM.
 */
final class DctBasis {

    private DctBasis() {
    }

    /** {@code U} (R*C x na row-major), {@code 1 <= na <= R*C}. */
    static double[] lowestFrequencies(int rows, int cols, int atoms) {
        double[] byRow = oneDimensional(rows);
        double[] byCol = oneDimensional(cols);
        int nv = rows * cols;
        double[] u = new double[nv * atoms];
        int a = 0;
        for (int sum = 0; a < atoms; sum++) {
            for (int p = Math.max(0, sum - (cols - 1)); p <= Math.min(sum, rows - 1) && a < atoms;
                    p++) {
                int q = sum - p;
                for (int i = 0; i < rows; i++) {
                    double ri = byRow[p * rows + i];
                    for (int j = 0; j < cols; j++) {
                        u[(i * cols + j) * atoms + a] = ri * byCol[q * cols + j];
                    }
                }
                a++;
            }
        }
        return u;
    }

    /** {@code D[k][i] = c_k cos(pi (2i+1) k / (2N))}, the orthogonal 1-D DCT-II, row-major. */
    static double[] oneDimensional(int n) {
        double[] d = new double[n * n];
        double c0 = StrictMath.sqrt(1.0 / n);
        double ck = StrictMath.sqrt(2.0 / n);
        for (int k = 0; k < n; k++) {
            double c = k == 0 ? c0 : ck;
            for (int i = 0; i < n; i++) {
                d[k * n + i] = c * StrictMath.cos(StrictMath.PI * (2 * i + 1) * k / (2.0 * n));
            }
        }
        return d;
    }
}
