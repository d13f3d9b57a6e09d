package org.paramprediction.stats;

import java.util.SplittableRandom;

/** Test data and a slow, careful two-pass covariance reference (mean first, then centred sums). */
final class TwoPassReference {

    private TwoPassReference() {
    }

    /**
     * Rows with a large mean (about 1e4) and a tiny, correlated spread (variance about 1e-2):
     * {@code x_j = 1e4 (1 + 0.01 j) + 0.1 (z_j + 0.5 z_{j+1 mod d})}.
     */
    static double[] awkwardRows(int rows, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[rows * d];
        double[] z = new double[d];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                z[j] = random.nextGaussian();
            }
            for (int j = 0; j < d; j++) {
                x[r * d + j] = 1e4 * (1 + 0.01 * j) + 0.1 * (z[j] + 0.5 * z[(j + 1) % d]);
            }
        }
        return x;
    }

    static double[] mean(double[] x, int rows, int d) {
        double[] m = new double[d];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                m[j] += x[r * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            m[j] /= rows;
        }
        return m;
    }

    /** Unbiased covariance, row-major: mean first, then sums of centred products. */
    static double[] covariance(double[] x, int rows, int d) {
        double[] m = mean(x, rows, d);
        double[] c = new double[d * d];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < d; i++) {
                double xi = x[r * d + i] - m[i];
                for (int j = 0; j < d; j++) {
                    c[i * d + j] += xi * (x[r * d + j] - m[j]);
                }
            }
        }
        for (int t = 0; t < c.length; t++) {
            c[t] /= rows - 1;
        }
        return c;
    }

    /** The naive one-pass formula E[XY] - E[X]E[Y] (times n/(n-1)): for comparison only. */
    static double[] naiveCovariance(double[] x, int rows, int d) {
        double[] sum = new double[d];
        double[] sumXy = new double[d * d];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < d; i++) {
                sum[i] += x[r * d + i];
                for (int j = 0; j < d; j++) {
                    sumXy[i * d + j] += x[r * d + i] * x[r * d + j];
                }
            }
        }
        double[] c = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double exy = sumXy[i * d + j] / rows;
                c[i * d + j] = (exy - (sum[i] / rows) * (sum[j] / rows)) * rows / (rows - 1);
            }
        }
        return c;
    }

    /** Max over (i, j) of |a_ij - r_ij| / sqrt(r_ii r_jj): error relative to the entry's scale. */
    static double relativeError(double[] a, double[] ref, int d) {
        double worst = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double scale = Math.sqrt(ref[i * d + i] * ref[j * d + j]);
                worst = Math.max(worst, Math.abs(a[i * d + j] - ref[i * d + j]) / scale);
            }
        }
        return worst;
    }

    static double[] squared(double[] x) {
        double[] s = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            s[t] = x[t] * x[t];
        }
        return s;
    }
}
