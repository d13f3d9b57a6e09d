package org.paramprediction.data;

/**
 * A {@link Dataset} of dense float rows ({@code size x features}, row-major) with int labels, e.g.
 * hidden-layer activations. The {@link #shape()} is {@code features x 1 x 1} unless one is given.
 *
 * <p>Instances are immutable. Arrays passed in are not copied: callers must not modify them.
 * {@link #slice} returns a view sharing the storage.
 */
public final class FloatMatrixDataset implements Dataset {

    private final float[] values;
    private final int[] labels;
    private final Shape shape;
    private final int features;
    private final int numClasses;
    private final int offset;
    private final int length;

    /**
     * Wraps {@code values} (row-major, {@code labels.length} rows of {@code features} floats) and
     * {@code labels} (no copy); the shape is {@link Shape#flat flat}, {@code features x 1 x 1}.
     *
     * @throws IllegalArgumentException if {@code values.length != labels.length * features},
     *     {@code features < 1}, or a label is outside {@code [0, numClasses)}
     */
    public FloatMatrixDataset(float[] values, int[] labels, int features, int numClasses) {
        this(values, labels, flat(features), numClasses);
    }

    /**
     * Wraps {@code values} ({@code labels.length} rows of {@code shape.features()} floats, each in
     * {@link Shape} order) and {@code labels} (no copy), e.g. feature maps of a convolution.
     *
     * @throws IllegalArgumentException if {@code values.length != labels.length * shape.features()}
     *     or a label is outside {@code [0, numClasses)}
     */
    public FloatMatrixDataset(float[] values, int[] labels, Shape shape, int numClasses) {
        this(values, labels, shape, numClasses, 0, labels.length);
        if (values.length != (long) labels.length * features) {
            throw new IllegalArgumentException("values.length " + values.length + " != rows "
                    + labels.length + " x features " + features + " (shape " + shape + ")");
        }
        DatasetChecks.checkNumClasses(numClasses);
        DatasetChecks.checkLabels(labels, numClasses);
    }

    private FloatMatrixDataset(float[] values, int[] labels, Shape shape, int numClasses,
            int offset, int length) {
        this.values = values;
        this.labels = labels;
        this.shape = shape;
        this.features = shape.features();
        this.numClasses = numClasses;
        this.offset = offset;
        this.length = length;
    }

    private static Shape flat(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features);
        }
        return Shape.flat(features);
    }

    @Override
    public int size() {
        return length;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public int label(int i) {
        return labels[offset + DatasetChecks.checkRow(length, i)];
    }

    /** Value of feature {@code j} of row {@code i}. */
    public float value(int i, int j) {
        if (j < 0 || j >= features) {
            throw new IndexOutOfBoundsException("feature " + j + " out of bounds for " + features);
        }
        return values[(offset + DatasetChecks.checkRow(length, i)) * features + j];
    }

    @Override
    public void copyRows(int[] indices, int from, int to, float[] dst) {
        DatasetChecks.checkCopy(indices, from, to, dst, features);
        for (int k = from; k < to; k++) {
            int src = (offset + DatasetChecks.checkRow(length, indices[k])) * features;
            System.arraycopy(values, src, dst, (k - from) * features, features);
        }
    }

    @Override
    public FloatMatrixDataset slice(int from, int to) {
        DatasetChecks.checkSlice(from, to, length);
        return new FloatMatrixDataset(values, labels, shape, numClasses, offset + from, to - from);
    }

    @Override
    public String toString() {
        return "FloatMatrixDataset[size=" + length + ", features=" + features
                + (shape.spatial() ? " (" + shape + ")" : "") + ", classes=" + numClasses + "]";
    }
}
