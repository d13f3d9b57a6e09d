package org.paramprediction.rica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paramprediction.random.Gaussians;

/**
 * ZCA on rows of known structure: 9 independent latent Gaussians with standard deviations 0.5 to
 * 4.5, mixed into 10 values by a random 9 x 10 matrix, plus a mean of 5: the covariance has rank 9,
 * so one direction is degenerate.
 */
class ZcaTest {

    private static final int LATENT = 9;
    private static final int D = 10;
    private static final int COUNT = 4000;
    private static final long SEED = 314L;
    /** Whitened covariance against the identity on the non-degenerate directions (eigenvalues >= 0.01, eps 1e-8). */
    private static final double IDENTITY_TOL = 1e-6;

    private static double[] mixedRows() {
        SplittableRandom rng = new SplittableRandom(SEED);
        double[] mixing = Gaussians.draw(rng, 1.0, LATENT * D);
        double[] rows = new double[COUNT * D];
        double[] z = new double[LATENT];
        for (int t = 0; t < COUNT; t++) {
            Gaussians.fill(rng, 1.0, z);
            for (int j = 0; j < D; j++) {
                double s = 5.0;
                for (int k = 0; k < LATENT; k++) {
                    s += (0.5 + k * 0.5) * z[k] * mixing[k * D + j];
                }
                rows[t * D + j] = s;
            }
        }
        return rows;
    }

    @Test
    void whitenedRowsHaveIdentityCovarianceOnTheNonDegenerateDirectionsAndZeroMean() {
        double[] rows = mixedRows();
        double eps = 1e-8;
        Zca zca = Zca.fit(rows, COUNT, D, eps);
        double[] white = rows.clone();
        zca.whitenInPlace(white, COUNT);
        double[] mean = new double[D];
        double[] cov = twoPassCovariance(white, mean);
        for (int j = 0; j < D; j++) { // rounding of values ~10 times eps^-1/2 = 1e4 along the degenerate direction
            assertEquals(0.0, mean[j], 1e-9, "whitened mean " + j);
        }
        double[] values = zca.eigenvalues();
        double[] vectors = eigenvectorRows(rows);
        int degenerate = 0;
        for (int k = 0; k < D; k++) {
            double variance = quadraticForm(cov, vectors, k, k);
            if (values[k] < 1e-10) { // rank 9: one eigenvalue is zero up to rounding
                degenerate++;
                assertTrue(variance < 1e-4, "variance " + variance + " along the degenerate direction");
                continue;
            }
            assertTrue(values[k] > 1e-2, "eigenvalue " + values[k]);
            assertEquals(1.0, variance, IDENTITY_TOL, "whitened variance along eigenvector " + k);
            for (int l = 0; l < D; l++) {
                if (l != k && values[l] >= 1e-10) {
                    assertEquals(0.0, quadraticForm(cov, vectors, k, l), IDENTITY_TOL, "covariance of directions " + k + ", " + l);
                }
            }
        }
        assertEquals(1, degenerate, "degenerate directions");
    }

    /** With a larger eps the whitened variance along eigenvector k is exactly d_k / (d_k + eps). */
    @Test
    void epsilonShrinksEachDirectionByDOverDPlusEps() {
        double[] rows = mixedRows();
        double eps = 0.5;
        Zca zca = Zca.fit(rows, COUNT, D, eps);
        double[] white = rows.clone();
        zca.whitenInPlace(white, COUNT);
        double[] cov = twoPassCovariance(white, new double[D]);
        double[] values = zca.eigenvalues();
        double[] vectors = eigenvectorRows(rows);
        for (int k = 0; k < D; k++) {
            double expected = Math.max(values[k], 0) / (Math.max(values[k], 0) + eps);
            assertEquals(expected, quadraticForm(cov, vectors, k, k), 1e-9, "direction " + k);
        }
        double[] m = zca.matrix();
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                assertEquals(m[i * D + j], m[j * D + i], 1e-15, "M symmetric at " + i + "," + j);
            }
        }
    }

    /** The eigenvectors (rows) of the rows' covariance, in the same order as {@link Zca#eigenvalues()}. */
    private static double[] eigenvectorRows(double[] rows) {
        double[] cov = new org.paramprediction.stats.CovarianceAccumulator(D).add(rows, COUNT).covariance().matrix();
        return org.paramprediction.dictionary.SymmetricEigensolver.decompose(cov, D).vectorRows();
    }

    private static double quadraticForm(double[] cov, double[] vectors, int k, int l) {
        double s = 0;
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                s += vectors[k * D + i] * cov[i * D + j] * vectors[l * D + j];
            }
        }
        return s;
    }

    /** Sample covariance (divisor n - 1, as the accumulator) by two passes; fills {@code mean}. */
    private static double[] twoPassCovariance(double[] rows, double[] mean) {
        for (int t = 0; t < COUNT; t++) {
            for (int j = 0; j < D; j++) {
                mean[j] += rows[t * D + j] / COUNT;
            }
        }
        double[] cov = new double[D * D];
        for (int t = 0; t < COUNT; t++) {
            for (int i = 0; i < D; i++) {
                double ci = rows[t * D + i] - mean[i];
                for (int j = 0; j < D; j++) {
                    cov[i * D + j] += ci * (rows[t * D + j] - mean[j]) / (COUNT - 1);
                }
            }
        }
        return cov;
    }
}
