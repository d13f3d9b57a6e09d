package org.paramprediction.rica;

import org.paramprediction.optim.LbfgsOptions;

/**
 * Settings of a local RICA run ({@link RicaTrainer}), validated on construction.
 *
 * @param lambda    sparsity weight of {@link RicaObjective} (multiplies the sum over all rows)
 * @param epsilon   smoothing of {@code g(u) = sqrt(eps + u^2)}, {@code > 0}
 * @param blockRows rows per {@link RicaObjective} block ({@code >= 1}): bounds the scratch memory; the
 *                  objective is the same sum whatever the blocking (up to rounding)
 * @param initSeed  seed of the random initial parameters
 * @param lbfgs     the optimiser's settings
 */
public record RicaConfig(double lambda, double epsilon, int blockRows, long initSeed, LbfgsOptions lbfgs) {

    public RicaConfig {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0 but was " + lambda);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0 but was " + epsilon);
        }
        if (blockRows < 1) {
            throw new IllegalArgumentException("blockRows must be >= 1 but was " + blockRows);
        }
        if (lbfgs == null) {
            throw new IllegalArgumentException("lbfgs options must not be null");
        }
    }
}
