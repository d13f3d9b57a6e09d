package org.paramprediction.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paramprediction.stats.Covariance;

class BasisDictionaryTest {

    /** Eigenvectors of a hand-made covariance, recovered by PCA. */
    private static final double EIGENVECTOR_TOL = 1e-12;

    /** Relative residual of the original columns projected on the orthonormalised ones. */
    private static final double SPAN_TOL = 1e-9;

    /** Hand-worked DCT values (cosines of simple angles). */
    private static final double DCT_VALUE_TOL = 1e-15;

    @Test
    void randConIsASelectionMatrixAtAlpha() {
        Dictionary d = DictionaryBuilder.build(DictionaryRecipe.randCon(50, 8, 3), null);
        int[] alpha = d.alpha();
        for (int i = 0; i < 50; i++) {
            for (int a = 0; a < 8; a++) {
                assertEquals(i == alpha[a] ? 1.0 : 0.0, d.get(i, a), 0.0);
            }
        }
    }

    @Test
    void dctAtomsAreOrthonormalAndMatchHandWorkedValues() {
        Dictionary d = DictionaryBuilder.build(DictionaryRecipe.dct(4, 6, 10), null);
        DictionaryAssertions.assertOrthonormalColumns(d);
        // atom 0 = (p,q) = (0,0): constant 1/sqrt(24)
        assertEquals(1 / Math.sqrt(24), d.get(13, 0), DCT_VALUE_TOL);
        // atom 1 = (0,1): sqrt(1/4) sqrt(2/6) cos(pi (2j+1) / 12); pixel (i=2, j=0) is index 12
        assertEquals(0.5 * Math.sqrt(2.0 / 6) * Math.cos(Math.PI / 12), d.get(12, 1),
                DCT_VALUE_TOL);
        // atom 2 = (1,0): sqrt(2/4) sqrt(1/6) cos(pi (2i+1) / 8); pixel (i=3, j=5) is index 23
        assertEquals(Math.sqrt(0.5) * Math.sqrt(1.0 / 6) * Math.cos(7 * Math.PI / 8),
                d.get(23, 2), DCT_VALUE_TOL);
        // atoms 3,4,5 = (0,2), (1,1), (2,0): (1,1) at pixel (0,0)
        assertEquals(Math.sqrt(0.5) * Math.sqrt(2.0 / 6) * Math.cos(Math.PI / 8)
                * Math.cos(Math.PI / 12), d.get(0, 4), DCT_VALUE_TOL);
    }

    @Test
    void fullDctBasisOfASmallGridIsOrthonormal() {
        DictionaryAssertions.assertOrthonormalColumns(
                DictionaryBuilder.build(DictionaryRecipe.dct(5, 3, 15), null));
    }

    @Test
    void pcaRecoversTheEigenvectorsOfAHandMadeCovariance() {
        // C = 5 v1 v1^T + 3 v2 v2^T + 2 v3 v3^T + 1 v4 v4^T, orthonormal v's, sign-fixed
        // (largest-magnitude entry positive).
        double[][] v = {{0.6, 0.8, 0, 0}, {0, 0, 0.8, -0.6}, {0.8, -0.6, 0, 0}, {0, 0, 0.6, 0.8}};
        double[] lambda = {5, 3, 2, 1};
        double[] c = new double[16];
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    c[i * 4 + j] += lambda[k] * (v[k][i] * v[k][j]);
                }
            }
        }
        Covariance cov = new Covariance(4, c, 100, false);
        Dictionary d = DictionaryBuilder.build(DictionaryRecipe.pca(4, 3, cov.id()), cov);
        assertNull(d.alpha());
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(v[a][i], d.get(i, a), EIGENVECTOR_TOL, "eigenvector " + a + "[" + i
                        + "]");
            }
        }
    }

    @Test
    void pcaOfARealisticCovarianceHasOrthonormalColumnsOrderedByVariance() {
        Covariance cov = DictionaryAssertions.covarianceWithDeadInputs(120, 400, 5, false, 3, 60);
        Dictionary d = DictionaryBuilder.build(DictionaryRecipe.pca(120, 30, cov.id()), cov);
        DictionaryAssertions.assertOrthonormalColumns(d);
        double previous = Double.POSITIVE_INFINITY;
        for (int a = 0; a < 30; a++) {
            double variance = 0; // u^T C u
            for (int i = 0; i < 120; i++) {
                for (int j = 0; j < 120; j++) {
                    variance += d.get(i, a) * cov.get(i, j) * d.get(j, a);
                }
            }
            assertTrue(variance <= previous * (1 + 1e-12), "column " + a + " variance "
                    + variance + " > previous " + previous);
            previous = variance;
        }
    }

    @Test
    void orthonormalOptionGivesOrthonormalColumnsSpanningTheSameSpace() {
        DictionaryRecipe[] recipes = {
            DictionaryRecipe.seKernel(784, 78, 1, 1e-3, 2.0, 28, 28),
            DictionaryRecipe.seKernelTied(200, 20, 2, 1e-2, 1.0, 0, 0),
            DictionaryRecipe.randomKernel(100, 15, 3, 1e-2),
            DictionaryRecipe.randFixU(100, 15, 4),
            DictionaryRecipe.randCon(100, 15, 5),
        };
        for (DictionaryRecipe r : recipes) {
            Dictionary original = DictionaryBuilder.build(r, null);
            Dictionary q = DictionaryBuilder.build(r.withOrthonormal(true), null);
            DictionaryAssertions.assertOrthonormalColumns(q);
            DictionaryAssertions.assertSpansSameSpace(original, q, SPAN_TOL);
            assertEquals(r.kind().hasAlpha() ? original.alpha().length : 0,
                    q.alpha() == null ? 0 : q.alpha().length);
        }
    }

    @Test
    void randFixUAndLowRankHaveVarianceOneOverInputs() {
        for (DictionaryRecipe r : new DictionaryRecipe[] {
            DictionaryRecipe.randFixU(400, 50, 8), DictionaryRecipe.lowRank(400, 50, 8)}) {
            double[] u = DictionaryBuilder.build(r, null).u();
            double mean = 0;
            double sq = 0;
            for (double x : u) {
                mean += x;
                sq += x * x;
            }
            mean /= u.length;
            double variance = sq / u.length - mean * mean;
            // 20,000 draws: standard error of the variance about sqrt(2/20000) relative = 1%
            assertEquals(1.0 / 400, variance, 0.05 / 400, r.describe());
            assertEquals(0.0, mean, 5.0 / Math.sqrt(u.length) / 20, r.describe());
        }
    }

    @Test
    void fullHasNoDictionaryMatrix() {
        Dictionary d = DictionaryBuilder.build(DictionaryRecipe.full(10), null);
        assertNull(d.u());
        assertNull(d.alpha());
        assertThrows(IllegalStateException.class, d::toFloatColumnMajor);
        assertThrows(IllegalStateException.class, () -> d.get(0, 0));
    }
}
