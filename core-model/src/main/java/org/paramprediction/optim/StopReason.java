package org.paramprediction.optim;

/** Why {@link Lbfgs} stopped. */
public enum StopReason {
    /** {@code |grad f(x)|_2 <= gradientTolerance}. */
    GRADIENT_NORM,
    /** {@code |f_k - f_{k+1}| <= relativeFunctionTolerance * max(|f_k|, |f_{k+1}|, 1)}. */
    FUNCTION_CHANGE,
    /** {@code maxIterations} iterations done. */
    MAX_ITERATIONS,
    /**
     * No step satisfying the strong Wolfe conditions was found within {@code maxLineSearchEvaluations},
     * even along steepest descent with the history cleared: usually the function is flat to rounding.
     * The point returned is the last accepted iterate.
     */
    LINE_SEARCH_FAILED
}
