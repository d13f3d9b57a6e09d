package org.paramprediction.train;

import org.paramprediction.layer.Network;
import org.paramprediction.stats.Covariance;

/**
 * Where empirical kernels and PCA get the covariance of a layer's inputs over the training set:
 * computed locally ({@link LocalCovarianceSource}) or by a distributed job.
 */
public interface CovarianceSource {

    /**
     * Covariance of the inputs of hidden layer {@code layer} (0-based; 0 = the data itself). For
     * {@code layer >= 1} the inputs are the activations of {@code lower}'s first {@code layer} hidden
     * layers (already trained); {@code lower} is null for layer 0.
     */
    Covariance covariance(Network lower, int layer, boolean squaredInputs);
}
