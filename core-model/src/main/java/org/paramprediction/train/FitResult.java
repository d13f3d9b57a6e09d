package org.paramprediction.train;

import java.util.List;
import org.paramprediction.layer.Network;

/**
 * The epochs of one call of {@link Trainer#fit} and the epoch (1-based) whose parameters were kept.
 * {@code network} is the network that holds them: the one passed in, unless the fraction grew
 * ({@link Growth}), when it is the grown network of the best epoch, with its {@code recipe} and
 * {@code fraction} (both null when nothing grew).
 */
public record FitResult(List<EpochMetrics> epochs, int bestEpoch, double bestValidError, double testError,
        Network network, NetworkRecipe recipe, Double fraction) {

    public FitResult(List<EpochMetrics> epochs, int bestEpoch, double bestValidError, double testError) {
        this(epochs, bestEpoch, bestValidError, testError, null, null, null);
    }
}
