package org.paramprediction.rica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paramprediction.optim.LbfgsOptions;

/** {@link SoftmaxObjective}: value by hand and by plain loops, central-difference gradient check; {@link LinearSoftmax} on separable data. */
class SoftmaxObjectiveTest {

    private static final double STEP = 1e-5;
    /** Relative error of each gradient entry, with an absolute floor. */
    private static final double GRADIENT_TOLERANCE = 1e-6;
    private static final double ABSOLUTE_FLOOR = 1e-8;
    private static final double VALUE_TOLERANCE = 1e-12;

    private static FeatureRows gaussianRows(int n, int d, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = RicaFixtures.gaussianRows(n, d, seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(k);
        }
        return new FeatureRows(x, n, d, y, k);
    }

    @Test
    void atZeroParametersTheLossIsLogKAndTheBiasGradientIsTheClassFrequencyGap() {
        FeatureRows rows = new FeatureRows(new double[] {1, 2, -1, 0.5}, 2, 2, new int[] {0, 0}, 3);
        SoftmaxObjective f = new SoftmaxObjective(rows, 0.1);
        double[] g = new double[f.dimension()];
        double value = f.valueAndGradient(new double[f.dimension()], g);
        assertEquals(Math.log(3), value, VALUE_TOLERANCE);
        // db_k = mean_i (1/3 - [y_i = k]) = (-2/3, 1/3, 1/3); dW = X^T (P - Y) / 2
        assertEquals(-2.0 / 3, g[6], VALUE_TOLERANCE);
        assertEquals(1.0 / 3, g[7], VALUE_TOLERANCE);
        assertEquals((1 * (-2.0 / 3) + -1 * (-2.0 / 3)) / 2, g[0], VALUE_TOLERANCE);
        assertEquals((2 * (1.0 / 3) + 0.5 * (1.0 / 3)) / 2, g[4], VALUE_TOLERANCE);
    }

    @Test
    void valueEqualsThePlainLoopDefinition() {
        FeatureRows rows = gaussianRows(13, 5, 4, 21L);
        double lambda = 0.03;
        double[] p = RicaFixtures.gaussianRows(1, 5 * 4 + 4, 22L);
        double expected = 0;
        for (int i = 0; i < 13; i++) {
            double[] s = new double[4];
            double z = 0;
            for (int c = 0; c < 4; c++) {
                s[c] = p[20 + c];
                for (int t = 0; t < 5; t++) {
                    s[c] += rows.rows()[i * 5 + t] * p[t * 4 + c];
                }
                z += Math.exp(s[c]);
            }
            expected -= Math.log(Math.exp(s[rows.labels()[i]]) / z) / 13;
        }
        for (int t = 0; t < 20; t++) {
            expected += 0.5 * lambda * p[t] * p[t];
        }
        double got = new SoftmaxObjective(rows, lambda).valueAndGradient(p, new double[24]);
        assertEquals(expected, got, VALUE_TOLERANCE * Math.abs(expected));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        FeatureRows rows = gaussianRows(17, 6, 5, 31L);
        SoftmaxObjective f = new SoftmaxObjective(rows, 0.07);
        double[] p = RicaFixtures.gaussianRows(1, f.dimension(), 32L);
        double[] g = new double[f.dimension()];
        f.valueAndGradient(p, g);
        double[] scratch = new double[f.dimension()];
        for (int t = 0; t < p.length; t++) {
            double keep = p[t];
            p[t] = keep + STEP;
            double up = f.valueAndGradient(p, scratch);
            p[t] = keep - STEP;
            double down = f.valueAndGradient(p, scratch);
            p[t] = keep;
            double numeric = (up - down) / (2 * STEP);
            double error = Math.abs(numeric - g[t]) / Math.max(ABSOLUTE_FLOOR, Math.abs(numeric) + Math.abs(g[t]));
            assertTrue(error <= GRADIENT_TOLERANCE || Math.abs(numeric - g[t]) <= ABSOLUTE_FLOOR,
                    "parameter " + t + ": analytic " + g[t] + ", numeric " + numeric + ", relative error " + error);
        }
    }

    @Test
    void linearSoftmaxSeparatesLinearlySeparableClasses() {
        // class = the coordinate (of 3) with the largest value: linearly separable
        int n = 300;
        double[] x = RicaFixtures.gaussianRows(n, 3, 41L);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 1; c < 3; c++) {
                if (x[i * 3 + c] > x[i * 3 + y[i]]) {
                    y[i] = c;
                }
            }
        }
        FeatureRows rows = new FeatureRows(x, n, 3, y, 3);
        LinearSoftmax model = LinearSoftmax.train(rows, 1e-4, LbfgsOptions.defaults().withMaxIterations(200));
        assertTrue(model.accuracy(rows) >= 0.98, "training accuracy " + model.accuracy(rows));
    }
}
