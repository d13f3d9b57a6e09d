package org.paramprediction.dictionary;

import java.util.Arrays;
import java.util.Comparator;
import org.paramprediction.stats.Covariance;

/**
 * The PCA dictionary: {@code U} = the top {@code na} eigenvectors of the input covariance
 * {@code C = Z diag(d) Z^T}, as columns, ordered by eigenvalue descending.
 *
 * <p>Determinism: eigenvalues that are exactly equal keep the solver's order
 * ({@link SymmetricEigensolver} is itself deterministic); each vector's sign is fixed so that its
 * largest-magnitude entry (the first one, on exact ties) is positive. Columns are orthonormal
 * to working precision. If {@code na} exceeds the rank of {@code C} the trailing columns span
 * part of its null space (still deterministic, but carrying no variance).
 */
final class PcaBasis {

    private PcaBasis() {
    }

    /** {@code U} (nv x na row-major) from the covariance's top {@code atoms} eigenvectors. */
    static double[] topEigenvectors(Covariance covariance, int atoms) {
        int n = covariance.dimension();
        SymmetricEigensolver.Result eig = SymmetricEigensolver.decompose(covariance.matrix(), n);
        double[] values = eig.values();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Stable sort: exact ties keep the solver's order.
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
        double[] zt = eig.vectorRows();
        double[] u = new double[n * atoms];
        for (int a = 0; a < atoms; a++) {
            int row = order[a] * n;
            double sign = signOfLargest(zt, row, n);
            for (int i = 0; i < n; i++) {
                u[i * atoms + a] = sign * zt[row + i];
            }
        }
        return u;
    }

    /** +1 or -1: the sign of the first entry of largest magnitude in {@code v[from, from+n)}. */
    static double signOfLargest(double[] v, int from, int n) {
        int best = from;
        for (int i = from + 1; i < from + n; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        return v[best] < 0 ? -1.0 : 1.0;
    }
}
