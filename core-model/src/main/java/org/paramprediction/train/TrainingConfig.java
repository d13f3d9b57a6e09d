package org.paramprediction.train;

import java.io.Serializable;

/**
 * Minibatch SGD settings. Epoch {@code e} (counted from 0) uses learning rate {@code learningRate *
 * learningRateDecay^e} and momentum ramped linearly from {@code momentumStart} to {@code
 * momentumEnd} over {@code momentumRampEpochs} epochs. The update of a parameter {@code w} with
 * gradient {@code g} of the mean minibatch loss is
 *
 * <pre>  v = momentum v - lr (g + weightDecay w)   (no decay on biases);   w = w + v</pre>
 *
 * then the classifier's weight columns are rescaled to L2 norm at most {@code maxColumnNorm} (0
 * turns that off). Training stops after {@code maxEpochs} or when the validation error has not
 * improved for {@code patience} epochs; the parameters of the best validation epoch are kept.
 * {@code stageEpochs} is the length of each pre-training stage that precedes an empirical
 * dictionary in layer 2 and above.
 */
public record TrainingConfig(
        double learningRate,
        double learningRateDecay,
        double momentumStart,
        double momentumEnd,
        int momentumRampEpochs,
        double weightDecay,
        double maxColumnNorm,
        int batchSize,
        int maxEpochs,
        int patience,
        int stageEpochs)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Settings that train 784-500-500-10 ReLU networks well on Fashion-MNIST (see README). */
    public static TrainingConfig defaults() {
        return new TrainingConfig(0.02, 0.95, 0.5, 0.9, 5, 1e-5, 4.0, 100, 20, 5, 3);
    }

    public TrainingConfig {
        require("learningRate", learningRate > 0 && Double.isFinite(learningRate), "must be > 0", learningRate);
        require("learningRateDecay", learningRateDecay > 0 && learningRateDecay <= 1, "must be in (0, 1]",
                learningRateDecay);
        require("momentumStart", momentumStart >= 0 && momentumStart < 1, "must be in [0, 1)", momentumStart);
        require("momentumEnd", momentumEnd >= 0 && momentumEnd < 1, "must be in [0, 1)", momentumEnd);
        require("momentumRampEpochs", momentumRampEpochs >= 0, "must be >= 0", momentumRampEpochs);
        require("weightDecay", weightDecay >= 0 && Double.isFinite(weightDecay), "must be >= 0", weightDecay);
        require("maxColumnNorm", maxColumnNorm >= 0 && Double.isFinite(maxColumnNorm),
                "must be >= 0 (0 = off)", maxColumnNorm);
        require("batchSize", batchSize >= 1, "must be >= 1", batchSize);
        require("maxEpochs", maxEpochs >= 1, "must be >= 1", maxEpochs);
        require("patience", patience >= 1, "must be >= 1", patience);
        require("stageEpochs", stageEpochs >= 1, "must be >= 1", stageEpochs);
    }

    /** Learning rate of epoch {@code e} (0-based). */
    public double learningRate(int e) {
        return learningRate * Math.pow(learningRateDecay, e);
    }

    /** Momentum of epoch {@code e} (0-based). */
    public double momentum(int e) {
        if (momentumRampEpochs == 0 || e >= momentumRampEpochs) {
            return momentumEnd;
        }
        return momentumStart + (momentumEnd - momentumStart) * e / momentumRampEpochs;
    }

    public TrainingConfig withMaxEpochs(int epochs) {
        return new TrainingConfig(learningRate, learningRateDecay, momentumStart, momentumEnd,
                momentumRampEpochs, weightDecay, maxColumnNorm, batchSize, epochs, patience, stageEpochs);
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(lr, learningRateDecay, momentumStart, momentumEnd,
                momentumRampEpochs, weightDecay, maxColumnNorm, batchSize, maxEpochs, patience, stageEpochs);
    }

    private static void require(String field, boolean ok, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(field + " " + rule + " but was " + value);
        }
    }
}
