package org.paramprediction.train;

import java.util.List;
import org.paramprediction.layer.Network;

/**
 * The epochs of one call of {@link Trainer#fit} and the epoch (1-based) whose parameters were kept.
 * {@code network} is the network that holds them: the one passed in, unless the fraction grew
 * ({@link Growth}), when it is the grown network of the best epoch, with its {@code recipe} and
 * {@code fraction} (both null when nothing grew). When the fit paused before its end ({@code paused}
 * not null), the epochs and best epoch are those so far and the network holds the last epoch's
 * parameters.
 */
public record FitResult(List<EpochMetrics> epochs, int bestEpoch, double bestValidError, double testError,
        Network network, NetworkRecipe recipe, Double fraction, Paused paused) {

    public FitResult(List<EpochMetrics> epochs, int bestEpoch, double bestValidError, double testError) {
        this(epochs, bestEpoch, bestValidError, testError, null, null, null, null);
    }

    /**
     * The optimizer state of a paused fit (arrays in {@link Network#params()} order): the parameters,
     * their momentum velocities, the best epoch's parameters (null when that is the last epoch), and
     * the alternation phase of the last epoch (null without alternation).
     */
    public record Paused(List<double[]> values, List<double[]> velocities, List<double[]> best, Boolean uPhase) {}
}
