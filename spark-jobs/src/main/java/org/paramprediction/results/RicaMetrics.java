package org.paramprediction.results;

import java.io.Serializable;

/**
 * What a RICA trial measured besides its errors (the {@code rica_*} columns of the trials table).
 *
 * @param features          filters learned (fewer than {@code model.rica.features} for Downsized)
 * @param objectiveInitial  RICA's objective at the initial parameters
 * @param objectiveFinal    RICA's objective at the learned parameters
 * @param iterations        L-BFGS iterations
 * @param stop              why L-BFGS stopped
 * @param weightDecay       the classifier's weight decay, chosen on validation
 * @param featureDimension  values per image given to the classifier ({@code 2 F g^2})
 * @param ricaSeconds       wall time of the L-BFGS run
 * @param featureSeconds    wall time of the feature extraction
 * @param classifierSeconds wall time of training and choosing the classifiers
 */
public record RicaMetrics(int features, double objectiveInitial, double objectiveFinal, int iterations, String stop,
        double weightDecay, int featureDimension, double ricaSeconds, double featureSeconds, double classifierSeconds)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
