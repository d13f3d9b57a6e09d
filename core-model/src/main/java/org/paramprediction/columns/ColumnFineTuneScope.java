package org.paramprediction.columns;

/** What the driver trains after the columns are assembled. */
public enum ColumnFineTuneScope {
    /** The softmax head only, on the frozen top features (a linear classifier). */
    OUTPUT_LAYER,
    /** Every learned array of the assembled network ({@code V}, biases, head). */
    ALL_LAYERS
}
