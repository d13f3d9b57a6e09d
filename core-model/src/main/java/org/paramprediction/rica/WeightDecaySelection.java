package org.paramprediction.rica;

import java.util.Arrays;
import org.paramprediction.optim.LbfgsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the weight decay of a {@link LinearSoftmax} on a validation split: one classifier per
 * candidate on the training rows, the candidate with the highest validation accuracy wins (ties: the
 * first in grid order).
 *
 * @param chosen             the winning classifier
 * @param grid               the candidates, in the order tried
 * @param validationAccuracy validation accuracy of each candidate
 */
public record WeightDecaySelection(LinearSoftmax chosen, double[] grid, double[] validationAccuracy) {

    private static final Logger LOG = LoggerFactory.getLogger(WeightDecaySelection.class);

    /** Trains one classifier per value of {@code grid} (each {@code >= 0}, at least one). */
    public static WeightDecaySelection select(FeatureRows train, FeatureRows valid, double[] grid,
            LbfgsOptions options) {
        if (grid == null || grid.length == 0) {
            throw new IllegalArgumentException("the weight-decay grid must have at least one value");
        }
        double[] accuracy = new double[grid.length];
        LinearSoftmax best = null;
        int bestAt = -1;
        for (int t = 0; t < grid.length; t++) {
            LinearSoftmax model = LinearSoftmax.train(train, grid[t], options);
            accuracy[t] = model.accuracy(valid);
            if (best == null || accuracy[t] > accuracy[bestAt]) {
                best = model;
                bestAt = t;
            }
        }
        LOG.info("weight decay: validation accuracy {} over grid {}; chose {}", Arrays.toString(accuracy),
                Arrays.toString(grid), grid[bestAt]);
        return new WeightDecaySelection(best, grid.clone(), accuracy);
    }
}
