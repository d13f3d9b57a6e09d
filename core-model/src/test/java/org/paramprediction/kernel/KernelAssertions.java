package org.paramprediction.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Shared checks on full Gram matrices. */
final class KernelAssertions {

    private KernelAssertions() {
    }

    static double[] fullGram(Kernel kernel) {
        int[] all = new int[kernel.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return kernel.gram(all, all);
    }

    /** Exactly symmetric. */
    static void assertSymmetric(double[] g, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(g[i * n + j], g[j * n + i], 0.0, "g[" + i + "][" + j + "]");
            }
        }
    }

    /** Cholesky succeeds and all eigenvalues are > 0; returns the smallest eigenvalue. */
    static double assertPositiveDefinite(double[] g, int n) {
        DMatrixRMaj a = new DMatrixRMaj(n, n, true, g);
        assertTrue(DecompositionFactory_DDRM.chol(n, true).decompose(a.copy()), "Cholesky failed");
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(a.copy()), "eigen decomposition failed");
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, eig.getEigenvalue(i).getReal());
        }
        assertTrue(min > 0, "smallest eigenvalue " + min + " must be > 0");
        return min;
    }
}
