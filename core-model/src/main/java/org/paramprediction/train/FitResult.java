package org.paramprediction.train;

import java.util.List;

/** The epochs of one call of {@link Trainer#fit} and the epoch (1-based) whose parameters were kept. */
public record FitResult(List<EpochMetrics> epochs, int bestEpoch, double bestValidError, double testError) {}
