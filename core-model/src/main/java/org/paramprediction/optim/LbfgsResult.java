package org.paramprediction.optim;

/**
 * What an {@link Lbfgs} run ended with; the minimiser itself was written into the caller's array.
 *
 * @param reason      why it stopped
 * @param iterations  accepted steps
 * @param value       {@code f} at the returned point
 * @param gradientNorm {@code |grad f|_2} there
 * @param evaluations function evaluations in all (including the first)
 * @param trace       per-iteration values, gradient norms, evaluations and steps
 */
public record LbfgsResult(StopReason reason, int iterations, double value, double gradientNorm,
        int evaluations, LbfgsTrace trace) {
}
