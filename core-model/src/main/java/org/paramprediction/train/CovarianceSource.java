package org.paramprediction.train;

import org.paramprediction.data.Shape;
import org.paramprediction.layer.Network;
import org.paramprediction.stats.Covariance;

/**
 * Where empirical kernels and PCA get the covariance of a layer's inputs over the training set:
 * computed locally ({@link LocalCovarianceSource}) or by a distributed job.
 */
public interface CovarianceSource {

    /**
     * Covariance of the inputs of weighted layer {@code layer} (0-based; 0 = the data itself). For
     * {@code layer >= 1} the inputs are the output of {@code lower}'s layers up to its weighted layer
     * {@code layer} (already trained; {@code lower} may hold just those, under a stage head);
     * {@code lower} is null for layer 0.
     */
    Covariance covariance(Network lower, int layer, boolean squaredInputs);

    /**
     * Covariance of the patches a conv layer {@code layer} sees ({@link PatchRows}: whole patches
     * channel-wise, per-channel {@code k x k} slices when tied) over the first {@link
     * PatchRows#IMAGES} training rows; its input has shape {@code input} and is {@code lower}'s output
     * as in {@link #covariance} (the data itself for layer 0, when {@code lower} is null).
     */
    Covariance patchCovariance(Network lower, int layer, ConvSpec conv, Shape input, boolean squaredInputs);
}
