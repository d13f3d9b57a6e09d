package org.paramprediction.distributed;

import java.io.Serializable;
import org.paramprediction.columns.ColumnFineTune;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.train.ModelSpec;
import org.paramprediction.train.TrainingConfig;

/**
 * What {@link ColumnTraining} trains: the network, the SGD settings of every column task (with
 * early stopping on validation), the seed all randomness derives from, and the driver's
 * fine-tuning after assembly.
 *
 * <p>Rules: at least one hidden layer (columns belong to hidden layers), and no LOW_RANK layer: a
 * LowRank column learns its {@code U}, so it could not be rebuilt from its recipe and would have
 * to travel.
 */
public record ColumnTrainingSpec(ModelSpec model, TrainingConfig training, long seed, ColumnFineTune fineTune)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ColumnTrainingSpec {
        if (model == null || training == null || fineTune == null) {
            throw new IllegalArgumentException("model, training and fineTune must be set but were "
                    + model + ", " + training + ", " + fineTune);
        }
        if (model.hidden().isEmpty()) {
            throw new IllegalArgumentException("columns need at least one hidden layer but the model has none");
        }
        for (int l = 0; l < model.hidden().size(); l++) {
            if (model.hidden().get(l).dictionary().kind() == DictionaryKind.LOW_RANK) {
                throw new IllegalArgumentException("hidden layer " + (l + 1) + " is LOW_RANK, whose U is learned and"
                        + " cannot be rebuilt from its recipe: columns as tasks support fixed dictionaries only");
            }
        }
    }

    /** Columns of hidden layer {@code l} (0-based). */
    public int columns(int l) {
        return model.hidden().get(l).dictionary().columns();
    }

    /** Hidden units of column {@code j} of layer {@code l}, split as the layer's factored map splits them. */
    public int columnUnits(int l, int j) {
        int units = model.hidden().get(l).units();
        int c = columns(l);
        return units / c + (j < units % c ? 1 : 0);
    }
}
