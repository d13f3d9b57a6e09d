package org.paramprediction.data;

/**
 * A labelled dataset of dense feature rows, read one minibatch at a time.
 *
 * <p>Implementations keep their storage compact (images stay as bytes) and convert only the rows a
 * minibatch asks for. Rows are addressed by index {@code 0 <= i < size()}.
 */
public interface Dataset {

    /** Number of rows. */
    int size();

    /** Number of features per row (784 for 28x28 images). */
    int features();

    /** Number of classes; labels are in {@code [0, numClasses())}. */
    int numClasses();

    /** Label of row {@code i}. */
    int label(int i);

    /**
     * Writes rows {@code indices[from], ..., indices[to - 1]} as floats into {@code dst}, row-major,
     * {@code features()} values per row, starting at {@code dst[0]}.
     */
    void copyRows(int[] indices, int from, int to, float[] dst);

    /** A view of rows {@code [from, to)} of this dataset; no data is copied. */
    Dataset slice(int from, int to);

    /** {@code 0, 1, ..., n - 1}: the index array for {@link #copyRows} in row order. */
    static int[] identityOrder(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
