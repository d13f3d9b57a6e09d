package org.paramprediction.dictionary;

/**
 * The coefficients that express given weights in a dictionary, by regularised least squares:
 *
 * <pre>  V = argmin_V |U V - W|_F^2 + lambda |V|_F^2 = (U^T U + lambda I)^-1 U^T W,
 *  lambda = RELATIVE_RIDGE * mean(diag(U^T U))</pre>
 *
 * with {@code U} (nv x na), {@code W} (nv x nh). Solved like a kernel-ridge dictionary ({@link
 * KernelRidgeSolver}): a Cholesky factorisation of {@code U^T U + lambda I}, then forward and back
 * substitution on {@code U^T W}; no inverse. When every column of {@code W} lies in the column space
 * of {@code U} (a grown dictionary whose alpha points extend the old ones, with the same kernel),
 * {@code U V = W} up to rounding and the tiny ridge: the layer computes the same function with more
 * learned coefficients. Plain Java in double precision, fixed loop order: deterministic everywhere.
 */
public final class CoefficientRefit {

    /**
     * Relative ridge: far below the spread of a kernel dictionary's Gram spectrum (about 1e-6 of its
     * mean for a raw SE {@code U} whose singular values span three decades), so the fit stays exact
     * to about {@code 1e-12 / 1e-6} relative in the weakest direction, yet it keeps the Cholesky
     * defined when {@code U} has an all-zero column (an empirical dictionary's excluded inputs).
     */
    public static final double RELATIVE_RIDGE = 1e-12;

    private CoefficientRefit() {
    }

    /**
     * @param u      {@code U}, nv x na, column-major (atom {@code a} at {@code [a * nv, (a + 1) * nv)})
     * @param w      {@code W}, nv x nh, column-major
     * @param recipe the dictionary's recipe, for error messages
     * @return {@code V}, na x nh, column-major
     * @throws IllegalStateException if {@code U^T U + lambda I} is not numerically positive definite
     */
    public static double[] solve(double[] u, int nv, int na, double[] w, int nh, DictionaryRecipe recipe) {
        if (u.length != (long) nv * na || w.length != (long) nv * nh) {
            throw new IllegalArgumentException("U must have nv*na=" + nv + "*" + na + " and W nv*nh=" + nv + "*" + nh
                    + " values but had " + u.length + " and " + w.length);
        }
        double[] gram = new double[na * na];
        double meanDiag = 0;
        for (int a = 0; a < na; a++) {
            for (int b = 0; b <= a; b++) {
                double g = dot(u, a * nv, u, b * nv, nv);
                gram[a * na + b] = g;
                gram[b * na + a] = g;
            }
            meanDiag += gram[a * na + a];
        }
        double lambda = RELATIVE_RIDGE * meanDiag / na;
        for (int a = 0; a < na; a++) {
            gram[a * na + a] += lambda;
        }
        double[] l = KernelRidgeSolver.cholesky(gram, na, lambda, recipe);
        double[] x = new double[na * nh]; // U^T W, na x nh row-major; overwritten by the solution
        for (int a = 0; a < na; a++) {
            for (int h = 0; h < nh; h++) {
                x[a * nh + h] = dot(u, a * nv, w, h * nv, nv);
            }
        }
        KernelRidgeSolver.forwardSubstitute(l, na, x, nh);
        KernelRidgeSolver.backSubstitute(l, na, x, nh);
        double[] v = new double[na * nh];
        for (int a = 0; a < na; a++) {
            for (int h = 0; h < nh; h++) {
                v[h * na + a] = x[a * nh + h];
            }
        }
        return v;
    }

    private static double dot(double[] p, int pFrom, double[] q, int qFrom, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += p[pFrom + i] * q[qFrom + i];
        }
        return s;
    }
}
