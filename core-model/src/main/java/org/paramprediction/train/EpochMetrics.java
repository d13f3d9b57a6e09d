package org.paramprediction.train;

import java.io.Serializable;

/**
 * One epoch of training. {@code stage} is 0 for the training of the whole network and {@code k >= 1}
 * for the pre-training stage of layers 1..k that precedes an empirical dictionary in layer k+1.
 * {@code trainLoss} and {@code trainError} are averaged over the epoch's minibatches as they were
 * trained; validation and test errors are measured after the epoch. {@code trainSeconds} is the
 * SGD pass alone, {@code seconds} includes evaluation. {@code fraction} is the fraction learned the
 * epoch trained with when it grows during training ({@link Growth}), else null.
 */
public record EpochMetrics(
        int stage,
        int epoch,
        double learningRate,
        double momentum,
        double trainLoss,
        double trainError,
        double validError,
        double testError,
        double trainSeconds,
        double seconds,
        Double fraction)
        implements Serializable {

    private static final long serialVersionUID = 2L;

    /** An epoch of a trial whose fraction does not grow. */
    public EpochMetrics(int stage, int epoch, double learningRate, double momentum, double trainLoss,
            double trainError, double validError, double testError, double trainSeconds, double seconds) {
        this(stage, epoch, learningRate, momentum, trainLoss, trainError, validError, testError, trainSeconds,
                seconds, null);
    }
}
