package org.paramprediction.columns;

/** The softmax head the assembled network starts its fine-tuning with. */
public enum ColumnHeadStart {
    /** A fresh head, LeCun-initialised from the run's init stream (as in staged training). */
    FRESH,
    /**
     * The average of the last layer's column heads: {@code W = [W_1; ...; W_c] / c}, {@code b =
     * mean_j b_j}, so the logits are the mean of the columns' own logits. The last layer's tasks
     * then also return their heads (counted in the bytes collected).
     */
    COLUMN_AVERAGE
}
