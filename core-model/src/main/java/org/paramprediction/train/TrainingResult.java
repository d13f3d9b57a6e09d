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
 * @param finalFraction  the fraction learned of the kept network when it grew during training
 *                       ({@link Growth}), else null
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
        Network network,
        Double finalFraction) {

    public TrainingResult(long seed, List<EpochMetrics> epochs, int bestEpoch, double bestValidError,
            double testError, double seconds, ParameterCounts counts, List<List<DictionaryRecipe>> recipes,
            int[] deadUnits, int[] excludedInputs, Network network) {
        this(seed, epochs, bestEpoch, bestValidError, testError, seconds, counts, recipes, deadUnits, excludedInputs,
                network, null);
    }

    /** Epochs of the final (whole-network) training. */
    public List<EpochMetrics> finalEpochs() {
        return epochs.stream().filter(e -> e.stage() == 0).toList();
    }

    /** Mean seconds of one SGD pass over the training set in the final training. */
    public double secondsPerEpoch() {
        return finalEpochs().stream().mapToDouble(EpochMetrics::trainSeconds).average().orElse(Double.NaN);
    }

    /**
     * Steady-state seconds of one SGD pass: the median over the final training's epochs after the
     * first (the first also pays for JIT compilation, once per JVM); the first epoch's time if there
     * is only one.
     */
    public double steadySecondsPerEpoch() {
        double[] t = finalEpochs().stream().mapToDouble(EpochMetrics::trainSeconds).toArray();
        if (t.length <= 1) {
            return t.length == 0 ? Double.NaN : t[0];
        }
        double[] later = java.util.Arrays.copyOfRange(t, 1, t.length);
        java.util.Arrays.sort(later);
        int m = later.length / 2;
        return later.length % 2 == 1 ? later[m] : (later[m - 1] + later[m]) / 2;
    }
}
