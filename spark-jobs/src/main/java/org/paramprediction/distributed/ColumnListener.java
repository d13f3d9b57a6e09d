package org.paramprediction.distributed;

import org.paramprediction.columns.ColumnOutcome;
import org.paramprediction.train.EpochMetrics;

/** Progress of a {@link ColumnTraining} run, called on the driver. */
public interface ColumnListener {

    /** A column's task finished and its result passed the checks (called in column order). */
    default void onColumn(ColumnOutcome outcome) {}

    /** Hidden layer {@code layer} (0-based) is assembled; {@code seconds} is its column job's wall time. */
    default void onLayer(int layer, double seconds) {}

    /** An epoch of the driver's fine-tuning finished. */
    default void onFineTuneEpoch(EpochMetrics metrics) {}

    ColumnListener NONE = new ColumnListener() {};
}
