package org.paramprediction.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test problems with known minima, and a wrapper that records every evaluation. */
public final class TestFunctions {

    private TestFunctions() {}

    /**
     * The chained Rosenbrock function {@code sum_{i<n-1} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2}:
     * global minimum 0 at {@code (1, ..., 1)}.
     */
    public static DifferentiableFunction rosenbrock(int n) {
        return new DifferentiableFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                java.util.Arrays.fill(g, 0);
                double f = 0;
                for (int i = 0; i < n - 1; i++) {
                    double a = x[i + 1] - x[i] * x[i];
                    double b = 1 - x[i];
                    f += 100 * a * a + b * b;
                    g[i] += -400 * a * x[i] - 2 * b;
                    g[i + 1] += 200 * a;
                }
                return f;
            }
        };
    }

    /** {@code f(x) = 1/2 x^T A x - b^T x} with {@code A} (n x n, row-major) symmetric positive definite. */
    static DifferentiableFunction quadratic(double[] a, double[] b) {
        int n = b.length;
        return new DifferentiableFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double f = 0;
                for (int i = 0; i < n; i++) {
                    double ax = 0;
                    for (int j = 0; j < n; j++) {
                        ax += a[i * n + j] * x[j];
                    }
                    g[i] = ax - b[i];
                    f += 0.5 * x[i] * ax - b[i] * x[i];
                }
                return f;
            }
        };
    }

    /**
     * {@code A = M^T M / n + diag(0.01 .. 1)}-like SPD matrix from a seed: {@code M} Gaussian, then
     * a diagonal spread so the condition number is in the hundreds.
     */
    static double[] spdMatrix(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] m = new double[n * n];
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextDouble(-1, 1);
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += m[k * n + i] * m[k * n + j];
                }
                a[i * n + j] = sum / n;
            }
            a[i * n + i] += 0.01 + i * (1.0 / n);
        }
        return a;
    }

    /** One evaluation: a copy of the point and gradient, and the value. */
    record Evaluation(double[] x, double value, double[] gradient) {}

    /** Wraps {@code f} and records a copy of every evaluation, in order. */
    static final class Recording implements DifferentiableFunction {
        final DifferentiableFunction f;
        final List<Evaluation> evaluations = new ArrayList<>();

        Recording(DifferentiableFunction f) {
            this.f = f;
        }

        @Override
        public int dimension() {
            return f.dimension();
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            double v = f.valueAndGradient(x, gradient);
            evaluations.add(new Evaluation(x.clone(), v, gradient.clone()));
            return v;
        }
    }
}
