package org.paramprediction.columns;

import java.io.Serializable;

/**
 * The driver's fine-tuning of the assembled network: {@code epochs} epochs (0 = none) with early
 * stopping on validation, continuing the column tasks' learning-rate schedule (the first epoch uses
 * the rate the tasks would have used next), over {@code scope},
 * starting from the {@code head}. If the best fine-tuned epoch's validation error is worse than
 * the assembled network's before fine-tuning, the pre-fine-tuning parameters are kept.
 */
public record ColumnFineTune(int epochs, ColumnFineTuneScope scope, ColumnHeadStart head) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ColumnFineTune {
        if (epochs < 0) {
            throw new IllegalArgumentException("fine-tune epochs must be >= 0 but was " + epochs);
        }
        if (scope == null || head == null) {
            throw new IllegalArgumentException("fine-tune scope and head must be set but were " + scope + ", " + head);
        }
    }

    /** A fresh head trained on the frozen features for {@code epochs} epochs. */
    public static ColumnFineTune outputLayer(int epochs) {
        return new ColumnFineTune(epochs, ColumnFineTuneScope.OUTPUT_LAYER, ColumnHeadStart.FRESH);
    }

    /** A fresh head, then every layer trained for {@code epochs} epochs. */
    public static ColumnFineTune allLayers(int epochs) {
        return new ColumnFineTune(epochs, ColumnFineTuneScope.ALL_LAYERS, ColumnHeadStart.FRESH);
    }

    public ColumnFineTune withHead(ColumnHeadStart value) {
        return new ColumnFineTune(epochs, scope, value);
    }
}
