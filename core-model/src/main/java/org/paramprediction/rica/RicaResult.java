package org.paramprediction.rica;

import org.paramprediction.optim.LbfgsResult;

/**
 * The outcome of a {@link RicaTrainer} run.
 *
 * @param weights          {@code W}, row-major {@code inputs x features}: column {@code j} is feature {@code j}'s filter
 * @param parameters       the optimised parameters ({@code W} itself, or {@code V}), flat column-major
 * @param initialObjective the objective at the initial parameters
 * @param finalObjective   the objective at the returned parameters
 * @param optimisation     what L-BFGS reported (iterations, evaluations, stop reason, per-iteration trace)
 * @param seconds          wall time of the optimisation
 */
public record RicaResult(double[] weights, double[] parameters, double initialObjective, double finalObjective,
        LbfgsResult optimisation, double seconds) {

    /** L-BFGS iterations. */
    public int iterations() {
        return optimisation.iterations();
    }
}
