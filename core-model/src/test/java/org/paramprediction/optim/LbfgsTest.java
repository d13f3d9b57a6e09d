package org.paramprediction.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** Distance of the minimiser from {@code (1, ..., 1)} allowed, per coordinate. */
    private static final double ROSENBROCK_X_TOL = 1e-6;
    /** Gradient norm asked for. */
    private static final double GRADIENT_TOL = 1e-9;

    @Test
    void minimisesTwoDimensionalRosenbrockFromTheClassicStart() {
        double[] x = {-1.2, 1.0};
        LbfgsResult r = new Lbfgs(LbfgsOptions.defaults().withMaxIterations(200)
                .withGradientTolerance(GRADIENT_TOL).withRelativeFunctionTolerance(0)).minimize(TestFunctions.rosenbrock(2), x);
        assertEquals(StopReason.GRADIENT_NORM, r.reason(), r.toString());
        assertArrayEquals(new double[] {1, 1}, x, ROSENBROCK_X_TOL);
        assertTrue(r.value() < 1e-14, "f at the minimiser " + r.value());
        assertTrue(r.iterations() < 60, "iterations " + r.iterations());
    }

    @Test
    void minimisesTenDimensionalRosenbrock() {
        double[] x = new double[10];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        x[0] = 0; // -1.2 in the first coordinate leads to the local minimum near (-1, 1, ..., 1)
        LbfgsResult r = new Lbfgs(LbfgsOptions.defaults().withMaxIterations(300)
                .withGradientTolerance(GRADIENT_TOL).withRelativeFunctionTolerance(0)).minimize(TestFunctions.rosenbrock(10), x);
        assertEquals(StopReason.GRADIENT_NORM, r.reason(), r.toString());
        double[] ones = new double[10];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, x, ROSENBROCK_X_TOL);
        assertTrue(r.value() < 1e-14, "f at the minimiser " + r.value());
    }

    @Test
    void solvesAConvexQuadraticInAboutNIterations() {
        int n = 30;
        double[] a = TestFunctions.spdMatrix(n, 11L);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = Math.sin(i + 1.0);
        }
        double[] x = new double[n];
        // |g| = 1e-8 is about as far as f's rounding lets the line search see (f ~ -13, ulp 2e-15)
        LbfgsResult r = new Lbfgs(LbfgsOptions.defaults().withHistorySize(n).withGradientTolerance(1e-8)
                .withRelativeFunctionTolerance(0)).minimize(TestFunctions.quadratic(a, b), x);
        assertEquals(StopReason.GRADIENT_NORM, r.reason(), r.toString());
        assertTrue(r.iterations() <= 2 * n, "iterations " + r.iterations() + " for n=" + n);
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            double ax = 0;
            for (int j = 0; j < n; j++) {
                ax += a[i * n + j] * x[j];
            }
            residual[i] = ax - b[i];
        }
        assertTrue(Lbfgs.norm(residual) <= 1e-8, "|Ax - b| " + Lbfgs.norm(residual));
    }

    /**
     * Every accepted step satisfies the strong Wolfe conditions, checked from the recorded
     * evaluations alone: with {@code s = x_{k+1} - x_k}, {@code f_{k+1} <= f_k + c1 g_k^T s} and
     * {@code |g_{k+1}^T s| <= c2 |g_k^T s|}; the accepted point is the last evaluation of its line
     * search, and values decrease strictly.
     */
    @Test
    void everyAcceptedStepSatisfiesTheStrongWolfeConditions() {
        for (DifferentiableFunction problem : List.of(TestFunctions.rosenbrock(2), TestFunctions.rosenbrock(10),
                TestFunctions.quadratic(TestFunctions.spdMatrix(12, 5L), new double[12]))) {
            TestFunctions.Recording f = new TestFunctions.Recording(problem);
            double[] x = new double[problem.dimension()];
            Arrays.fill(x, -1.2);
            LbfgsOptions options = LbfgsOptions.defaults().withMaxIterations(60).withRelativeFunctionTolerance(0)
                    .withGradientTolerance(1e-12);
            LbfgsResult r = new Lbfgs(options).minimize(f, x);
            assertTrue(r.iterations() >= 10, "too short a run to say anything: " + r);
            assertEquals(r.evaluations(), f.evaluations.size());
            for (int k = 1; k <= r.iterations(); k++) {
                TestFunctions.Evaluation before = f.evaluations.get(r.trace().evaluations(k - 1) - 1);
                TestFunctions.Evaluation after = f.evaluations.get(r.trace().evaluations(k) - 1);
                assertEquals(r.trace().value(k), after.value(), 0.0, "trace value is the accepted evaluation's");
                double slope0 = 0;
                double slope1 = 0;
                for (int i = 0; i < x.length; i++) {
                    double s = after.x()[i] - before.x()[i];
                    slope0 += before.gradient()[i] * s;
                    slope1 += after.gradient()[i] * s;
                }
                int step = k;
                double sd = slope0;
                assertTrue(slope0 < 0, () -> "step " + step + " is not a descent direction: g^T s = " + sd);
                assertTrue(after.value() <= before.value() + options.sufficientDecrease() * slope0,
                        "sufficient decrease fails at step " + k);
                assertTrue(Math.abs(slope1) <= options.curvature() * Math.abs(slope0),
                        "curvature condition fails at step " + k + ": " + slope1 + " vs " + slope0);
                assertTrue(after.value() < before.value(), "f did not decrease at step " + k);
            }
        }
    }

    @Test
    void stopsOnRelativeFunctionChangeAndRecordsTheTrace() {
        double[] x = {-1.2, 1.0};
        LbfgsResult r = new Lbfgs(LbfgsOptions.defaults().withGradientTolerance(0).withRelativeFunctionTolerance(1e-6))
                .minimize(TestFunctions.rosenbrock(2), x);
        assertEquals(StopReason.FUNCTION_CHANGE, r.reason());
        assertEquals(r.iterations() + 1, r.trace().size());
        int last = r.iterations();
        double change = Math.abs(r.trace().value(last - 1) - r.trace().value(last));
        assertTrue(change <= 1e-6 * Math.max(1, Math.abs(r.trace().value(last - 1))));
        assertEquals(r.value(), r.trace().value(last), 0.0);
        assertEquals(r.evaluations(), r.trace().evaluations(last));
        assertEquals(1, r.trace().evaluations(0));
    }

    @Test
    void stopsAtMaxIterationsAndAtAZeroGradientStart() {
        double[] x = {-1.2, 1.0};
        LbfgsResult r = new Lbfgs(LbfgsOptions.defaults().withMaxIterations(3)).minimize(TestFunctions.rosenbrock(2), x);
        assertEquals(StopReason.MAX_ITERATIONS, r.reason());
        assertEquals(3, r.iterations());
        double[] atMinimum = {1, 1};
        LbfgsResult done = new Lbfgs(LbfgsOptions.defaults()).minimize(TestFunctions.rosenbrock(2), atMinimum);
        assertEquals(StopReason.GRADIENT_NORM, done.reason());
        assertEquals(0, done.iterations());
    }

    /**
     * An iteration allocates nothing: with the same options but the gradient tolerance (so the same
     * preallocated trace and history), a run of many iterations allocates no more heap than a run of a
     * few, within {@link #ALLOCATION_SLACK} bytes.
     */
    @Test
    void iterationsAllocateNothing() {
        DifferentiableFunction f = TestFunctions.rosenbrock(10);
        LbfgsOptions options = LbfgsOptions.defaults().withMaxIterations(200).withRelativeFunctionTolerance(0);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 10; warm++) { // JIT
            runTo(f, options, 100.0);
            runTo(f, options, 1e-9);
        }
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        int shortIterations = runTo(f, options, 100.0);
        long shortBytes = bean.getThreadAllocatedBytes(id) - before;
        before = bean.getThreadAllocatedBytes(id);
        int longIterations = runTo(f, options, 1e-9);
        long longBytes = bean.getThreadAllocatedBytes(id) - before;
        assertTrue(longIterations >= shortIterations + 40, longIterations + " vs " + shortIterations);
        assertTrue(longBytes - shortBytes <= ALLOCATION_SLACK, "allocated " + longBytes + " bytes for "
                + longIterations + " iterations against " + shortBytes + " for " + shortIterations);
    }

    private static final long ALLOCATION_SLACK = 256;

    private static int runTo(DifferentiableFunction f, LbfgsOptions options, double gradientTolerance) {
        double[] x = new double[f.dimension()];
        return new Lbfgs(options.withGradientTolerance(gradientTolerance)).minimize(f, x).iterations();
    }

    @Test
    void rejectsBadOptionsNamingTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LbfgsOptions(0, 10, 1e-6, 0, 20, 1e-4, 0.9));
        assertTrue(e.getMessage().contains("historySize"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LbfgsOptions(5, 10, 1e-6, 0, 20, 0.5, 0.4));
        assertTrue(e.getMessage().contains("curvature"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Lbfgs(LbfgsOptions.defaults()).minimize(TestFunctions.rosenbrock(3), new double[2]));
        assertTrue(e.getMessage().contains("dimension"), e.getMessage());
    }

    @Test
    void aSumOfBlocksIsTheWholeFunction() {
        DifferentiableFunction whole = TestFunctions.rosenbrock(4);
        FunctionSum twice = new FunctionSum(List.of(whole, whole));
        double[] x = {0.3, -0.2, 0.5, 1.1};
        double[] g1 = new double[4];
        double[] g2 = new double[4];
        double f1 = whole.valueAndGradient(x, g1);
        double f2 = twice.valueAndGradient(x, g2);
        assertEquals(2 * f1, f2, 1e-12 * Math.abs(f1));
        for (int i = 0; i < 4; i++) {
            assertEquals(2 * g1[i], g2[i], 1e-12 * Math.abs(g1[i]) + 1e-15);
        }
    }
}
