package org.paramprediction.optim;

/**
 * Settings of {@link Lbfgs}, validated on construction.
 *
 * @param historySize               {@code m}, pairs {@code (s, y)} kept, {@code >= 1} (default 10)
 * @param maxIterations             iterations (accepted steps) at most, {@code >= 0}
 * @param gradientTolerance         stop when {@code |g|_2 <= } this, {@code >= 0} (0: never)
 * @param relativeFunctionTolerance stop when {@code |f_k - f_{k+1}| <= } this {@code * max(|f_k|,
 *                                  |f_{k+1}|, 1)}, {@code >= 0} (0: only when {@code f} did not change at all)
 * @param maxLineSearchEvaluations  function evaluations per line search at most, {@code >= 1}
 * @param sufficientDecrease        {@code c1} of the Armijo condition, in {@code (0, 1)}
 * @param curvature                 {@code c2} of the strong curvature condition, in {@code (c1, 1)}
 */
public record LbfgsOptions(int historySize, int maxIterations, double gradientTolerance,
        double relativeFunctionTolerance, int maxLineSearchEvaluations, double sufficientDecrease,
        double curvature) {

    /** Default {@code m}. */
    public static final int DEFAULT_HISTORY = 10;

    public LbfgsOptions {
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be >= 1 but was " + historySize);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be >= 0 but was " + maxIterations);
        }
        if (!(gradientTolerance >= 0) || !Double.isFinite(gradientTolerance)) {
            throw new IllegalArgumentException("gradientTolerance must be finite and >= 0 but was "
                    + gradientTolerance);
        }
        if (!(relativeFunctionTolerance >= 0) || !Double.isFinite(relativeFunctionTolerance)) {
            throw new IllegalArgumentException("relativeFunctionTolerance must be finite and >= 0 but was "
                    + relativeFunctionTolerance);
        }
        if (maxLineSearchEvaluations < 1) {
            throw new IllegalArgumentException("maxLineSearchEvaluations must be >= 1 but was "
                    + maxLineSearchEvaluations);
        }
        if (!(sufficientDecrease > 0 && sufficientDecrease < 1)) {
            throw new IllegalArgumentException("sufficientDecrease (c1) must be in (0, 1) but was "
                    + sufficientDecrease);
        }
        if (!(curvature > sufficientDecrease && curvature < 1)) {
            throw new IllegalArgumentException("curvature (c2) must be in (c1=" + sufficientDecrease
                    + ", 1) but was " + curvature);
        }
    }

    /**
     * {@code m = 10}, 100 iterations, {@code |g| <= 1e-6}, relative change {@code 1e-10}, 20
     * evaluations per line search, {@code c1 = 1e-4}, {@code c2 = 0.9} (Nocedal and Wright's values
     * for quasi-Newton methods).
     */
    public static LbfgsOptions defaults() {
        return new LbfgsOptions(DEFAULT_HISTORY, 100, 1e-6, 1e-10, 20, 1e-4, 0.9);
    }

    public LbfgsOptions withMaxIterations(int value) {
        return new LbfgsOptions(historySize, value, gradientTolerance, relativeFunctionTolerance,
                maxLineSearchEvaluations, sufficientDecrease, curvature);
    }

    public LbfgsOptions withHistorySize(int value) {
        return new LbfgsOptions(value, maxIterations, gradientTolerance, relativeFunctionTolerance,
                maxLineSearchEvaluations, sufficientDecrease, curvature);
    }

    public LbfgsOptions withGradientTolerance(double value) {
        return new LbfgsOptions(historySize, maxIterations, value, relativeFunctionTolerance,
                maxLineSearchEvaluations, sufficientDecrease, curvature);
    }

    public LbfgsOptions withRelativeFunctionTolerance(double value) {
        return new LbfgsOptions(historySize, maxIterations, gradientTolerance, value,
                maxLineSearchEvaluations, sufficientDecrease, curvature);
    }
}
