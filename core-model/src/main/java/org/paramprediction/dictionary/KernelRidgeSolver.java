package org.paramprediction.dictionary;

import org.paramprediction.kernel.Kernel;

/**
 * The kernel-ridge dictionary
 *
 * <pre>  U = K_xa (K_aa + lambda I)^-1,    lambda = ridge * mean(diag(K_aa))</pre>
 *
 * with {@code K_aa = k(alpha, alpha)} (na x na) and {@code K_xa = k(all, alpha)} (nv x na). The
 * ridge is relative to the mean alpha variance so that one value means the same for an SE kernel
 * (unit diagonal) and an empirical kernel (diagonal = input variances, any scale). With
 * {@code lambda = 0}, {@code U[alpha] = I}: the weights at alpha are exactly {@code V}.
 *
 * <p>Solved without an inverse: {@code K_aa + lambda I = L L^T} (Cholesky), then
 * {@code L L^T X = K_ax} by forward and back substitution, and {@code U = X^T} (the system is
 * symmetric). Plain Java loops in a fixed order: bit-identical on every JVM.
 */
final class KernelRidgeSolver {

    private KernelRidgeSolver() {
    }

    /**
     * @param kernel the kernel on all {@code nv} inputs
     * @param alpha  the alpha indices (na)
     * @param ridge  relative ridge, {@code >= 0}
     * @param recipe for error messages
     * @return {@code U}, nv x na row-major
     * @throws IllegalStateException if {@code K_aa + lambda I} is not numerically positive definite
     */
    static double[] solve(Kernel kernel, int[] alpha, double ridge, DictionaryRecipe recipe) {
        int na = alpha.length;
        int nv = kernel.size();
        double[] a = kernel.gram(alpha, alpha);
        double meanDiag = 0;
        for (int k = 0; k < na; k++) {
            meanDiag += a[k * na + k];
        }
        meanDiag /= na;
        double lambda = ridge * meanDiag;
        for (int k = 0; k < na; k++) {
            a[k * na + k] += lambda;
        }
        double[] l = cholesky(a, na, lambda, recipe);
        int[] all = new int[nv];
        for (int i = 0; i < nv; i++) {
            all[i] = i;
        }
        double[] x = kernel.gram(alpha, all); // K_ax, na x nv; overwritten by the solution
        forwardSubstitute(l, na, x, nv);
        backSubstitute(l, na, x, nv);
        return RowMajor.transpose(x, na, nv);
    }

    /**
     * Lower-triangular {@code L} with {@code A = L L^T} (row-major, upper part zero). A pivot
     * {@code <= n * 2^-52 * max(diag(A))} means {@code A} is singular to working precision and is
     * rejected like a negative one: {@code U} would be dominated by rounding.
     */
    static double[] cholesky(double[] a, int n, double lambda, DictionaryRecipe recipe) {
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, a[i * n + i]);
        }
        double minPivot = n * 0x1.0p-52 * maxDiag;
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(sum > minPivot) || !Double.isFinite(sum)) {
                        throw new IllegalStateException("K_aa + lambda I is not positive definite"
                                + " (Cholesky pivot " + i + " of " + n + " was " + sum
                                + " <= " + minPivot + ", lambda=" + lambda + ") for "
                                + recipe.describe()
                                + ": use a larger ridge (relative, e.g. 1e-3..1e-1)");
                    }
                    l[i * n + i] = StrictMath.sqrt(sum);
                } else {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        return l;
    }

    /** {@code B := L^-1 B} for {@code B} n x m row-major, row by row. */
    static void forwardSubstitute(double[] l, int n, double[] b, int m) {
        for (int i = 0; i < n; i++) {
            int rowI = i * m;
            for (int k = 0; k < i; k++) {
                double lik = l[i * n + k];
                int rowK = k * m;
                for (int c = 0; c < m; c++) {
                    b[rowI + c] -= lik * b[rowK + c];
                }
            }
            double lii = l[i * n + i];
            for (int c = 0; c < m; c++) {
                b[rowI + c] /= lii;
            }
        }
    }

    /** {@code B := L^-T B} for {@code B} n x m row-major, row by row from the last. */
    static void backSubstitute(double[] l, int n, double[] b, int m) {
        for (int i = n - 1; i >= 0; i--) {
            int rowI = i * m;
            for (int k = i + 1; k < n; k++) {
                double lki = l[k * n + i];
                int rowK = k * m;
                for (int c = 0; c < m; c++) {
                    b[rowI + c] -= lki * b[rowK + c];
                }
            }
            double lii = l[i * n + i];
            for (int c = 0; c < m; c++) {
                b[rowI + c] /= lii;
            }
        }
    }
}
