package org.paramprediction.rica;

/**
 * A dense feature matrix with labels: {@code count} rows of {@code dimension} values, row-major.
 *
 * @param rows      {@code count * dimension} values; not copied
 * @param count     rows, {@code >= 1}
 * @param dimension values per row, {@code >= 1}
 * @param labels    {@code count} class labels in {@code [0, classes)}; not copied
 * @param classes   number of classes, {@code >= 2}
 */
public record FeatureRows(double[] rows, int count, int dimension, int[] labels, int classes) {

    public FeatureRows {
        if (rows == null || labels == null) {
            throw new IllegalArgumentException("rows and labels must not be null");
        }
        if (count < 1 || dimension < 1 || rows.length != (long) count * dimension) {
            throw new IllegalArgumentException("rows must hold count * dimension = " + count + " * " + dimension
                    + " values but had " + rows.length);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException("labels must have count = " + count + " entries but had "
                    + labels.length);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2 but was " + classes);
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels must be in [0, " + classes + ") but labels[" + i + "] was "
                        + labels[i]);
            }
        }
    }

    /** The same rows with other labels (e.g. shuffled, for a chance-level control). */
    public FeatureRows withLabels(int[] other) {
        return new FeatureRows(rows, count, dimension, other, classes);
    }
}
