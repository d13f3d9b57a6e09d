package org.paramprediction.dictionary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.paramprediction.kernel.InputLocations;
import org.paramprediction.kernel.SquaredExponentialKernel;
import org.paramprediction.stats.Covariance;

class KernelRidgeDictionaryTest {

    /** |U[alpha] - I| with ridge 1e-10 (error about ridge / smallest eigenvalue of K_aa). */
    private static final double INTERPOLATION_TOL = 1e-7;

    /** |U[alpha] - I| with ridge exactly 0 (rounding only, K_aa well conditioned here). */
    private static final double EXACT_INTERPOLATION_TOL = 1e-11;

    @Test
    void withTinyRidgeRowsAtAlphaAreTheIdentitySoWeightsAtAlphaEqualV() {
        for (double ridge : new double[] {0.0, 1e-10}) {
            double tol = ridge == 0 ? EXACT_INTERPOLATION_TOL : INTERPOLATION_TOL;
            Dictionary d = DictionaryBuilder.build(
                    DictionaryRecipe.seKernel(100, 20, 5, ridge, 1.0, 10, 10), null);
            int[] alpha = d.alpha();
            for (int a = 0; a < 20; a++) {
                for (int b = 0; b < 20; b++) {
                    assertEquals(a == b ? 1.0 : 0.0, d.get(alpha[a], b), tol,
                            "ridge " + ridge + ": U[alpha[" + a + "]][" + b + "]");
                }
            }
            int nh = 7;
            double[] v = new SplittableRandom(11).doubles(20 * nh, -1, 1).toArray();
            for (int a = 0; a < 20; a++) {
                for (int h = 0; h < nh; h++) {
                    double w = 0;
                    for (int b = 0; b < 20; b++) {
                        w += d.get(alpha[a], b) * v[b * nh + h];
                    }
                    assertEquals(v[a * nh + h], w, 20 * tol, "(U V)[alpha[" + a + "]][" + h + "]");
                }
            }
        }
    }

    @Test
    void seGramAtAlphaIsSymmetricPositiveDefinite() {
        DictionaryRecipe r = DictionaryRecipe.seKernelTied(784, 78, 3, 1e-3, 1.0, 28, 28);
        int[] alpha = DictionaryBuilder.build(r, null).alpha();
        InputLocations grid = InputLocations.grid(28, 28);
        SquaredExponentialKernel k = new SquaredExponentialKernel(grid,
                SquaredExponentialKernel.tiedLengthScale(grid, 78, 1.0));
        double[] g = k.gram(alpha, alpha);
        for (int a = 0; a < 78; a++) {
            for (int b = 0; b < 78; b++) {
                assertEquals(g[a * 78 + b], g[b * 78 + a], 0.0);
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(78, 78, true, g);
        assertTrue(DecompositionFactory_DDRM.chol(78, true).decompose(m.copy()), "Cholesky");
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(78, false, true);
        assertTrue(eig.decompose(m.copy()));
        double min = IntStream.range(0, 78).mapToDouble(i -> eig.getEigenvalue(i).getReal())
                .min().orElseThrow();
        assertTrue(min > 0, "smallest eigenvalue " + min);
    }

    @Test
    void alphaIsSortedDistinctAndDependsOnTheSeed() {
        int[] a1 = DictionaryBuilder.build(DictionaryRecipe.randomKernel(200, 30, 1, 0.01), null)
                .alpha();
        int[] a2 = DictionaryBuilder.build(DictionaryRecipe.randomKernel(200, 30, 2, 0.01), null)
                .alpha();
        assertEquals(30, Arrays.stream(a1).distinct().count());
        assertArrayEquals(Arrays.stream(a1).sorted().toArray(), a1);
        assertFalse(Arrays.equals(a1, a2), "seeds 1 and 2 gave the same alpha");
    }

    @Test
    void empiricalKernelExcludesZeroVarianceInputsAndCountsThem() {
        Covariance cov = DictionaryAssertions.covarianceWithDeadInputs(12, 300, 9, false, 2, 5, 7);
        Dictionary d = DictionaryBuilder.build(
                DictionaryRecipe.empirical(12, 6, 4, 1e-2, cov.id(), false), cov);
        assertEquals(3, d.excludedInputs());
        for (int i : d.alpha()) {
            assertTrue(i != 2 && i != 5 && i != 7, "dead input " + i + " in alpha");
        }
        for (double x : d.u()) {
            assertTrue(Double.isFinite(x));
        }
    }

    @Test
    void empiricalKernelFillsAlphaFromDeadInputsWhenTooFewLiveOnes() {
        Covariance cov = DictionaryAssertions.covarianceWithDeadInputs(8, 300, 9, true, 0, 3, 4, 6);
        Dictionary d = DictionaryBuilder.build(
                DictionaryRecipe.empirical(8, 6, 4, 1e-2, cov.id(), true), cov);
        assertEquals(4, d.excludedInputs());
        int[] alpha = d.alpha();
        for (int live : new int[] {1, 2, 5, 7}) {
            assertTrue(Arrays.binarySearch(alpha, live) >= 0, "live input " + live + " missing");
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DictionaryBuilder.build(
                        DictionaryRecipe.empirical(8, 6, 4, 0.0, cov.id(), true), cov));
        assertTrue(e.getMessage().contains("larger ridge"), e.getMessage());
        assertTrue(e.getMessage().contains("EMPIRICAL_SQUARED"), e.getMessage());
        for (int a = 0; a < 6; a++) { // columns at dead alpha points are exactly zero
            boolean dead = cov.variances()[alpha[a]] == 0;
            for (int i = 0; i < 8 && dead; i++) {
                assertEquals(0.0, d.get(i, a), 0.0);
            }
        }
        IllegalStateException rankDeficient = assertThrows(IllegalStateException.class,
                () -> DictionaryBuilder.build(DictionaryRecipe.empirical(8, 6, 4, 1e-2, cov.id(),
                        true).withOrthonormal(true), cov));
        assertTrue(rankDeficient.getMessage().contains("linearly dependent"),
                rankDeficient.getMessage());
    }

    @Test
    void mismatchedCovarianceIsRejectedNamingBothValues() {
        Covariance cov = DictionaryAssertions.covarianceWithDeadInputs(10, 50, 1, false);
        Covariance other = DictionaryAssertions.covarianceWithDeadInputs(10, 50, 2, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DictionaryBuilder.build(
                        DictionaryRecipe.empirical(10, 4, 1, 0.1, other.id(), false), cov));
        assertTrue(e.getMessage().contains(cov.id()) && e.getMessage().contains(other.id()),
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> DictionaryBuilder.build(
                DictionaryRecipe.empirical(10, 4, 1, 0.1, cov.id(), true), cov));
        assertTrue(e.getMessage().contains("squaredInputs") && e.getMessage().contains("false"),
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> DictionaryBuilder.build(
                DictionaryRecipe.empirical(12, 4, 1, 0.1, cov.id(), false), cov));
        assertTrue(e.getMessage().contains("inputs=12") && e.getMessage().contains("10"),
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> DictionaryBuilder.build(
                DictionaryRecipe.pca(10, 4, cov.id()), null));
        assertTrue(e.getMessage().contains("covariance") && e.getMessage().contains(cov.id()),
                e.getMessage());
    }

    @Test
    void tiedLengthScaleRecipeEqualsFixedRecipeWithTheTiedValue() {
        InputLocations line = InputLocations.line(60);
        double l = SquaredExponentialKernel.tiedLengthScale(line, 12, 0.8);
        Dictionary tied = DictionaryBuilder.build(
                DictionaryRecipe.seKernelTied(60, 12, 5, 1e-3, 0.8, 0, 0), null);
        Dictionary fixed = DictionaryBuilder.build(
                DictionaryRecipe.seKernel(60, 12, 5, 1e-3, l, 0, 0), null);
        assertEquals(fixed.sha256(), tied.sha256());
        assertNotEquals(fixed.sha256(), DictionaryBuilder.build(
                DictionaryRecipe.seKernel(60, 12, 5, 1e-3, 2 * l, 0, 0), null).sha256());
    }

    @Test
    void largerRidgeShrinksTheInterpolationAtAlpha() {
        Dictionary small = DictionaryBuilder.build(
                DictionaryRecipe.randomKernel(50, 10, 3, 1e-3), null);
        Dictionary large = DictionaryBuilder.build(
                DictionaryRecipe.randomKernel(50, 10, 3, 1.0), null);
        int[] alpha = small.alpha();
        assertArrayEquals(alpha, large.alpha());
        double traceSmall = 0;
        double traceLarge = 0;
        for (int a = 0; a < 10; a++) {
            traceSmall += small.get(alpha[a], a);
            traceLarge += large.get(alpha[a], a);
        }
        assertTrue(traceLarge < traceSmall && traceSmall <= 10.0,
                "trace of U[alpha]: ridge 1e-3 " + traceSmall + ", ridge 1 " + traceLarge);
    }
}
