package org.paramprediction.layer;

/** Summed cross-entropy and number of misclassified rows of one minibatch of {@code rows} rows. */
public record BatchLoss(double lossSum, int errors, int rows) {}
