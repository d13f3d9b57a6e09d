package org.paramprediction.distributed;

import java.util.List;
import org.paramprediction.columns.ColumnOutcome;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.Network;
import org.paramprediction.train.EpochMetrics;
import org.paramprediction.train.ParameterCounts;

/**
 * What a {@link ColumnTraining} run produced. Errors are fractions misclassified by the assembled
 * network on the driver's splits, before and after fine-tuning (before: with the starting head the
 * fine-tune settings chose). Seconds are wall time on the driver.
 *
 * @param network           the assembled network, with the kept (fine-tuned or not) parameters
 * @param recipes           per hidden layer, the dictionary recipe of each column
 * @param columns           per hidden layer, each column task's outcome in column order
 * @param fineTuneKept      whether the fine-tuned parameters were kept (false when fine-tuning was
 *                          off or made the validation error worse, so the assembled ones were kept)
 * @param fineTuneEpochs    the fine-tuning epochs (stage 0)
 * @param layerSeconds      per hidden layer, its column job (broadcasts, tasks, collection, assembly)
 * @param covarianceSeconds all covariance computations
 * @param bytesCollected    sum of {@link ColumnOutcome#payloadBytes()}: the learned values the tasks
 *                          sent back, as float32
 * @param bytesBroadcast    covariances (float64) and frozen lower layers (float32) broadcast to the tasks
 */
public record ColumnTrainingResult(
        long seed,
        Network network,
        List<List<DictionaryRecipe>> recipes,
        List<List<ColumnOutcome>> columns,
        double validErrorBefore,
        double testErrorBefore,
        double validErrorAfter,
        double testErrorAfter,
        boolean fineTuneKept,
        List<EpochMetrics> fineTuneEpochs,
        ParameterCounts counts,
        double[] layerSeconds,
        double covarianceSeconds,
        double fineTuneSeconds,
        double seconds,
        long bytesCollected,
        long bytesBroadcast) {

    /** Per hidden layer, each column's own best validation error. */
    public double[][] columnValidErrors() {
        return columns.stream()
                .map(layer -> layer.stream().mapToDouble(ColumnOutcome::validError).toArray())
                .toArray(double[][]::new);
    }
}
