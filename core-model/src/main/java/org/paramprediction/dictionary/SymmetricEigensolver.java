package org.paramprediction.dictionary;

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix, {@code A = Z diag(d) Z^T}, in plain
 * Java with a fixed operation order (only {@code +, -, *, /}, {@code sqrt} and
 * {@link StrictMath#hypot}), so the result is bit-identical on every JVM and CPU. (EJML's
 * symmetric QR algorithm falls back to {@code Math.sin/cos}, which may be CPU intrinsics, in its
 * exceptional shifts.)
 *
 * <p>Two classic steps (Golub and Van Loan, sections 8.3.1 and 8.3.5):
 * <ol>
 *   <li>Householder tridiagonalisation {@code A = Q T Q^T}: for {@code k = 0..n-3} the reflector
 *       {@code H_k = I - beta v v^T} zeroes column {@code k} below the subdiagonal, applied to
 *       the trailing block as {@code S := S - v w^T - w v^T} with {@code p = beta S v},
 *       {@code w = p - (beta p^T v / 2) v}; then {@code Q^T = H_{n-3} ... H_0} accumulated
 *       backwards.
 *   <li>Implicit QL iterations with Wilkinson-type shifts on {@code T} (the tql/tqli scheme),
 *       each Givens rotation also applied to the rows of {@code Z^T}. An off-diagonal
 *       {@code e_m} is deflated when {@code |e_m| <= 2^-52 * max_i(|d_i| + |e_i|)}.
 * </ol>
 *
 * <p>The eigenvectors are returned as the rows of {@code Z^T} (row {@code i} belongs to
 * {@code d_i}), unsorted. Cost about {@code 9 n^3} flops: about a second for {@code n = 784}.
 *
 * <p>Public for the ZCA whitening of RICA patches ({@code rica.Zca}), which needs the whole
 * decomposition; everything else about it is unchanged.
 */
public final class SymmetricEigensolver {

    /** Iterations allowed per eigenvalue before giving up (a few are typical). */
    static final int MAX_ITERATIONS_PER_EIGENVALUE = 60;

    private static final double EPS = 0x1.0p-52;

    /** Eigenvalues {@code d} (unsorted) and eigenvectors as rows of {@code zt} (n x n). */
    public record Result(double[] values, double[] vectorRows) {
    }

    private SymmetricEigensolver() {
    }

    /** @param a symmetric n x n matrix, row-major (not modified) */
    public static Result decompose(double[] a, int n) {
        if (n < 1 || a == null || a.length != (long) n * n) {
            throw new IllegalArgumentException("a must be a symmetric n x n matrix with n >= 1 but n was " + n
                    + " and a had " + (a == null ? "null" : a.length + " values"));
        }
        double[] s = a.clone();
        double[] d = new double[n];
        double[] e = new double[n];
        double[][] reflectors = new double[Math.max(0, n - 2)][];
        double[] betas = new double[Math.max(0, n - 2)];
        tridiagonalise(s, n, d, e, reflectors, betas);
        double[] zt = accumulate(n, reflectors, betas);
        diagonalise(d, e, zt, n);
        return new Result(d, zt);
    }

    /** Fills {@code d}, {@code e} (e[k] couples k and k+1, e[n-1] = 0) and the reflectors. */
    private static void tridiagonalise(double[] s, int n, double[] d, double[] e,
            double[][] reflectors, double[] betas) {
        for (int k = 0; k < n - 2; k++) {
            double[] v = new double[n - k - 1];
            System.arraycopy(s, k * n + k + 1, v, 0, v.length);
            d[k] = s[k * n + k];
            double beta = makeReflector(v, e, k);
            reflectors[k] = v;
            betas[k] = beta;
            if (beta != 0) {
                reflectTrailingBlock(s, n, k + 1, v, beta);
            }
        }
        if (n >= 2) {
            d[n - 2] = s[(n - 2) * n + n - 2];
            e[n - 2] = s[(n - 1) * n + n - 2];
        }
        d[n - 1] = s[(n - 1) * n + n - 1];
        e[n - 1] = 0;
    }

    /**
     * Turns {@code x} (in {@code v}) into the Householder vector of {@code H = I - beta v v^T}
     * with {@code H x = e[k] e_1}, {@code e[k] = -sign(x_0) |x|}; {@code v} is scaled by
     * {@code 1 / max|x_i|} against overflow. Returns {@code beta}, or 0 (no reflection,
     * {@code e[k] = x_0}) when {@code x} is already a multiple of {@code e_1}.
     */
    private static double makeReflector(double[] v, double[] e, int k) {
        double tail = 0;
        double scale = Math.abs(v[0]);
        for (int i = 1; i < v.length; i++) {
            tail += v[i] * v[i];
            scale = Math.max(scale, Math.abs(v[i]));
        }
        if (tail == 0) {
            e[k] = v[0];
            return 0;
        }
        double sumSq = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] /= scale;
            sumSq += v[i] * v[i];
        }
        double sigma = StrictMath.sqrt(sumSq);
        double v0 = v[0];
        double alpha = v0 >= 0 ? -sigma : sigma;
        v[0] = v0 - alpha;
        e[k] = alpha * scale;
        return 1.0 / (sigma * (sigma + Math.abs(v0)));
    }

    /** {@code S := H S H} on the block {@code s[off.., off..]}, {@code H = I - beta v v^T}. */
    private static void reflectTrailingBlock(double[] s, int n, int off, double[] v, double beta) {
        int m = v.length;
        double[] w = new double[m];
        double pv = 0;
        for (int i = 0; i < m; i++) {
            int row = (off + i) * n + off;
            double dot = 0;
            for (int j = 0; j < m; j++) {
                dot += s[row + j] * v[j];
            }
            w[i] = beta * dot;
            pv += w[i] * v[i];
        }
        double half = 0.5 * beta * pv;
        for (int i = 0; i < m; i++) {
            w[i] -= half * v[i];
        }
        for (int i = 0; i < m; i++) {
            int row = (off + i) * n + off;
            double vi = v[i];
            double wi = w[i];
            for (int j = 0; j < m; j++) {
                s[row + j] -= vi * w[j] + wi * v[j];
            }
        }
    }

    /** {@code Q^T = H_{n-3} ... H_0}, built as {@code M := M H_k} for k from n-3 down to 0. */
    private static double[] accumulate(int n, double[][] reflectors, double[] betas) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = 1.0;
        }
        double[] u = new double[n];
        for (int k = n - 3; k >= 0; k--) {
            double beta = betas[k];
            if (beta == 0) {
                continue;
            }
            double[] v = reflectors[k];
            int off = k + 1;
            int len = v.length;
            for (int i = 0; i < len; i++) {
                int row = (off + i) * n + off;
                double dot = 0;
                for (int j = 0; j < len; j++) {
                    dot += m[row + j] * v[j];
                }
                u[i] = beta * dot;
            }
            for (int i = 0; i < len; i++) {
                int row = (off + i) * n + off;
                double ui = u[i];
                for (int j = 0; j < len; j++) {
                    m[row + j] -= ui * v[j];
                }
            }
        }
        return m;
    }

    /** Implicit QL on (d, e); rotations applied to rows of {@code zt}; eigenvalues left in d. */
    private static void diagonalise(double[] d, double[] e, double[] zt, int n) {
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm = Math.max(norm, Math.abs(d[i]) + Math.abs(e[i]));
        }
        double tol = EPS * norm;
        for (int l = 0; l < n; l++) {
            int iterations = 0;
            while (true) {
                int m = l;
                while (m < n - 1 && Math.abs(e[m]) > tol) {
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (++iterations > MAX_ITERATIONS_PER_EIGENVALUE) {
                    throw new IllegalStateException("symmetric eigensolver did not converge for "
                            + "eigenvalue " + l + " of " + n + " in "
                            + MAX_ITERATIONS_PER_EIGENVALUE + " iterations");
                }
                qlSweep(d, e, zt, n, l, m);
            }
        }
    }

    /** One implicit shifted QL sweep on the unreduced block {@code [l, m]}. */
    private static void qlSweep(double[] d, double[] e, double[] zt, int n, int l, int m) {
        double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
        double r = StrictMath.hypot(g, 1.0);
        g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
        double s = 1;
        double c = 1;
        double p = 0;
        for (int i = m - 1; i >= l; i--) {
            double f = s * e[i];
            double b = c * e[i];
            r = StrictMath.hypot(f, g);
            e[i + 1] = r;
            if (r == 0) { // underflow: the block splits at i + 1; restart on it
                d[i + 1] -= p;
                e[m] = 0;
                return;
            }
            s = f / r;
            c = g / r;
            g = d[i + 1] - p;
            r = (d[i] - g) * s + 2.0 * c * b;
            p = s * r;
            d[i + 1] = g + p;
            g = c * r - b;
            rotateRows(zt, n, i, c, s);
        }
        d[l] -= p;
        e[l] = g;
        e[m] = 0;
    }

    /** Rows i, i+1 of zt: {@code z_i := c z_i - s z_{i+1}}, {@code z_{i+1} := s z_i + c z_{i+1}}. */
    private static void rotateRows(double[] zt, int n, int i, double c, double s) {
        int a = i * n;
        int b = a + n;
        for (int k = 0; k < n; k++) {
            double zi = zt[a + k];
            double zj = zt[b + k];
            zt[b + k] = s * zi + c * zj;
            zt[a + k] = c * zi - s * zj;
        }
    }
}
