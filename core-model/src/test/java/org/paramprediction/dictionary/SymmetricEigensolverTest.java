package org.paramprediction.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class SymmetricEigensolverTest {

    /** |A z - d z| and |Z^T Z - I|, relative to the largest |eigenvalue|. */
    private static final double RESIDUAL_TOL = 1e-12;

    /** Eigenvalues against EJML's, relative to the largest |eigenvalue|. */
    private static final double EIGENVALUE_TOL = 1e-12;

    private static double[] randomSymmetric(int n, long seed, int zeroRows) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[n * n];
        for (int i = zeroRows; i < n; i++) {
            for (int j = zeroRows; j <= i; j++) {
                double v = random.nextDouble(-1, 1);
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        return a;
    }

    private static void assertDecomposes(double[] a, int n) {
        SymmetricEigensolver.Result r = SymmetricEigensolver.decompose(a, n);
        double[] d = r.values();
        double[] z = r.vectorRows();
        double scale = Math.max(1e-300, Arrays.stream(d).map(Math::abs).max().orElse(0));
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double az = 0;
                for (int j = 0; j < n; j++) {
                    az += a[i * n + j] * z[k * n + j];
                }
                assertEquals(d[k] * z[k * n + i], az, RESIDUAL_TOL * scale, "A z_" + k);
            }
            for (int l = k; l < n; l++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += z[k * n + i] * z[l * n + i];
                }
                assertEquals(k == l ? 1.0 : 0.0, dot, RESIDUAL_TOL, "z_" + k + " . z_" + l);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> ejml = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(ejml.decompose(new DMatrixRMaj(n, n, true, a)));
        double[] expected = new double[n];
        for (int k = 0; k < n; k++) {
            expected[k] = ejml.getEigenvalue(k).getReal();
        }
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        Arrays.sort(expected);
        for (int k = 0; k < n; k++) {
            assertEquals(expected[k], sorted[k], EIGENVALUE_TOL * scale, "eigenvalue " + k);
        }
    }

    @Test
    void decomposesRandomSymmetricMatricesOfSeveralSizes() {
        for (int n : new int[] {1, 2, 3, 5, 17, 60}) {
            assertDecomposes(randomSymmetric(n, n, 0), n);
        }
    }

    @Test
    void decomposesMatricesWithZeroRowsAndRepeatedEigenvalues() {
        assertDecomposes(randomSymmetric(30, 7, 10), 30); // ten zero eigenvalues
        double[] identity = new double[25];
        for (int i = 0; i < 5; i++) {
            identity[i * 5 + i] = 2.0;
        }
        assertDecomposes(identity, 5);
        assertDecomposes(new double[16], 4);
    }

    @Test
    void diagonalMatrixGivesItsDiagonalAndUnitVectors() {
        double[] a = {3, 0, 0, 0, -1, 0, 0, 0, 2};
        SymmetricEigensolver.Result r = SymmetricEigensolver.decompose(a, 3);
        double[] sorted = r.values().clone();
        Arrays.sort(sorted);
        assertEquals(-1.0, sorted[0], 0.0);
        assertEquals(2.0, sorted[1], 0.0);
        assertEquals(3.0, sorted[2], 0.0);
    }
}
