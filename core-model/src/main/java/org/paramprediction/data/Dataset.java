package org.paramprediction.data;

/**
 * A dataset of dense feature rows, read one minibatch at a time, usually labelled.
 *
 * <p>Implementations keep their storage compact (images stay as bytes) and convert only the rows a
 * minibatch asks for. Rows are addressed by index {@code 0 <= i < size()}. Every row has the same
 * {@link #shape()}; its {@code features()} values are laid out in {@link Shape} order (channel by
 * channel, each channel row-major).
 */
public interface Dataset {

    /** Number of rows. */
    int size();

    /**
     * The shape of one row: {@code 1x28x28} for Fashion-MNIST, {@code 3x32x32} for CIFAR-10,
     * {@code n x 1 x 1} for rows without topology. A permuted dataset keeps the shape of its
     * source, but its positions no longer map to pixels (see {@link ByteImageDataset#permutation}).
     */
    Shape shape();

    /** Number of features per row, {@code shape().features()} (784 for 28x28 images). */
    default int features() {
        return shape().features();
    }

    /**
     * Number of classes; labels are in {@code [0, numClasses())}. {@code 0} for an unlabelled
     * dataset (e.g. STL-10's {@code unlabeled_X.bin}), whose {@link #label} throws.
     */
    int numClasses();

    /** True if rows carry labels, i.e. {@code numClasses() > 0}. */
    default boolean labelled() {
        return numClasses() > 0;
    }

    /**
     * Label of row {@code i}.
     *
     * @throws IllegalStateException if the dataset is not {@linkplain #labelled() labelled}
     */
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
