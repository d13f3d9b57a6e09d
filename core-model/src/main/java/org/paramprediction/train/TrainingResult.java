package org.paramprediction.train;

import java.util.List;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.Network;

/**
 * Everything one training run produced: the epochs of every stage, the final network (with the best
 * validation epoch's parameters), the test error at that epoch, parameter counts, the recipes of
 * every layer's dictionaries (one per column) and dead units per hidden layer.
 *
 * @param excludedInputs per hidden layer, inputs left out of alpha because their variance was zero
 */
public record TrainingResult(
        long seed,
        List<EpochMetrics> epochs,
        int bestEpoch,
        double bestValidError,
        double testError,
        double seconds,
        ParameterCounts counts,
        List<List<DictionaryRecipe>> recipes,
        int[] deadUnits,
        int[] excludedInputs,
        Network network) {

    /** Epochs of the final (whole-network) training. */
    public List<EpochMetrics> finalEpochs() {
        return epochs.stream().filter(e -> e.stage() == 0).toList();
    }

    /** Mean seconds of one SGD pass over the training set in the final training. */
    public double secondsPerEpoch() {
        return finalEpochs().stream().mapToDouble(EpochMetrics::trainSeconds).average().orElse(Double.NaN);
    }
}
