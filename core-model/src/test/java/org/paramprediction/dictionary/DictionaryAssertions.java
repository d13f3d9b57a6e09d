package org.paramprediction.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.paramprediction.stats.Covariance;
import org.paramprediction.stats.CovarianceAccumulator;

/** Shared checks and fixtures for dictionary tests. */
final class DictionaryAssertions {

    /** Orthonormality of columns: |U^T U - I| entrywise. */
    static final double ORTHONORMAL_TOL = 1e-10;

    private DictionaryAssertions() {
    }

    /** {@code U^T U = I} within {@link #ORTHONORMAL_TOL}. */
    static void assertOrthonormalColumns(Dictionary d) {
        int nv = d.inputs();
        int na = d.atoms();
        for (int a = 0; a < na; a++) {
            for (int b = a; b < na; b++) {
                double dot = 0;
                for (int i = 0; i < nv; i++) {
                    dot += d.get(i, a) * d.get(i, b);
                }
                assertEquals(a == b ? 1.0 : 0.0, dot, ORTHONORMAL_TOL,
                        "(U^T U)[" + a + "][" + b + "] of " + d);
            }
        }
    }

    /**
     * Every column of {@code original} lies in the span of the orthonormal {@code q}:
     * {@code |u - Q Q^T u| <= tol * |u|}.
     */
    static void assertSpansSameSpace(Dictionary original, Dictionary q, double relTol) {
        int nv = original.inputs();
        int na = original.atoms();
        for (int a = 0; a < na; a++) {
            double[] residual = new double[nv];
            double norm = 0;
            for (int i = 0; i < nv; i++) {
                residual[i] = original.get(i, a);
                norm += residual[i] * residual[i];
            }
            for (int b = 0; b < na; b++) {
                double c = 0;
                for (int i = 0; i < nv; i++) {
                    c += q.get(i, b) * original.get(i, a);
                }
                for (int i = 0; i < nv; i++) {
                    residual[i] -= c * q.get(i, b);
                }
            }
            double res = 0;
            for (double r : residual) {
                res += r * r;
            }
            assertTrue(Math.sqrt(res) <= relTol * Math.sqrt(norm),
                    "column " + a + " residual " + Math.sqrt(res) + " vs norm " + Math.sqrt(norm));
        }
    }

    /** The covariance of {@code rows} random rows of dimension {@code d}, with dead inputs. */
    static Covariance covarianceWithDeadInputs(int d, int rows, long seed, boolean squared,
            int... dead) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[rows * d];
        for (int r = 0; r < rows; r++) {
            double shared = random.nextDouble();
            for (int i = 0; i < d; i++) {
                x[r * d + i] = Math.max(0, shared + random.nextDouble() - 0.8); // ReLU-like
            }
            for (int i : dead) {
                x[r * d + i] = 0; // never fires
            }
        }
        return new CovarianceAccumulator(d, squared).add(x, rows).covariance();
    }

    /**
     * A covariance computed with plain Java loops in a fixed order (no BLAS), so its bits, and
     * its id, are the same on every machine: for golden-hash tests.
     */
    static Covariance plainCovariance(int d, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[rows * d];
        double[] mean = new double[d];
        for (int r = 0; r < rows; r++) {
            double shared = random.nextDouble();
            for (int i = 0; i < d; i++) {
                x[r * d + i] = Math.max(0, shared + random.nextDouble() - 0.8);
                mean[i] += x[r * d + i] / rows;
            }
        }
        double[] c = new double[d * d];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i * d + j] += (x[r * d + i] - mean[i]) * (x[r * d + j] - mean[j]);
                }
            }
        }
        for (int t = 0; t < c.length; t++) {
            c[t] /= rows - 1;
        }
        return new Covariance(d, c, rows, false);
    }
}
