package org.paramprediction.data;

import java.util.Arrays;
import java.util.Optional;
import org.paramprediction.linalg.Kernels;

/**
 * A {@link Dataset} of grey-level images kept as unsigned bytes (one byte per pixel, row-major
 * {@code rows x cols} per image) with byte labels. {@link #copyRows} converts pixels to floats in
 * {@code [0, 1]} as {@code value / 255f} ({@link Kernels#unitFloats}).
 *
 * <p>Instances are immutable. Arrays passed in are not copied: callers must not modify them.
 * {@link #slice} returns a view sharing the storage; {@link #permuted} makes one copy.
 */
public final class ByteImageDataset implements Dataset {

    private final byte[] pixels;
    private final byte[] labels;
    private final int rows;
    private final int cols;
    private final int numClasses;
    private final int offset;
    private final int length;
    private final InputPermutation permutation;

    /**
     * Wraps images and labels (no copy).
     *
     * @throws IllegalArgumentException if {@code labels.length != images.count()} or a label is
     *     outside {@code [0, numClasses)}
     */
    public ByteImageDataset(IdxImages images, byte[] labels, int numClasses) {
        this(images.pixels(), labels, images.rows(), images.cols(), numClasses, 0, labels.length, null);
        if (labels.length != images.count()) {
            throw new IllegalArgumentException("image count " + images.count()
                    + " does not match label count " + labels.length);
        }
        DatasetChecks.checkNumClasses(numClasses);
        DatasetChecks.checkLabels(labels, numClasses);
    }

    private ByteImageDataset(byte[] pixels, byte[] labels, int rows, int cols, int numClasses,
            int offset, int length, InputPermutation permutation) {
        this.pixels = pixels;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
        this.numClasses = numClasses;
        this.offset = offset;
        this.length = length;
        this.permutation = permutation;
    }

    /** Image height. For a {@linkplain #permuted permuted} dataset positions no longer map to pixels. */
    public int rows() {
        return rows;
    }

    /** Image width. For a {@linkplain #permuted permuted} dataset positions no longer map to pixels. */
    public int cols() {
        return cols;
    }

    /** The permutation applied to the pixels, if this dataset was made by {@link #permuted}. */
    public Optional<InputPermutation> permutation() {
        return Optional.ofNullable(permutation);
    }

    @Override
    public int size() {
        return length;
    }

    @Override
    public int features() {
        return rows * cols;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public int label(int i) {
        return labels[offset + DatasetChecks.checkRow(length, i)] & 0xFF;
    }

    /** Raw value in {@code [0, 255]} of feature {@code j} of row {@code i}. */
    public int pixel(int i, int j) {
        if (j < 0 || j >= features()) {
            throw new IndexOutOfBoundsException("feature " + j + " out of bounds for " + features());
        }
        return pixels[(offset + DatasetChecks.checkRow(length, i)) * features() + j] & 0xFF;
    }

    @Override
    public void copyRows(int[] indices, int from, int to, float[] dst) {
        int d = features();
        DatasetChecks.checkCopy(indices, from, to, dst, d);
        for (int k = from; k < to; k++) {
            int src = (offset + DatasetChecks.checkRow(length, indices[k])) * d;
            int out = (k - from) * d;
            Kernels.unitFloats(pixels, src, dst, out, d);
        }
    }

    @Override
    public ByteImageDataset slice(int from, int to) {
        DatasetChecks.checkSlice(from, to, length);
        return new ByteImageDataset(pixels, labels, rows, cols, numClasses,
                offset + from, to - from, permutation);
    }

    /**
     * A copy of this dataset with every row's pixels reordered by {@code p}: pixel {@code j} of row
     * {@code i} of the result is pixel {@code p.order()[j]} of row {@code i} here. Labels are kept.
     *
     * @throws IllegalArgumentException if {@code p.size() != features()}
     * @throws IllegalStateException if this dataset is already permuted
     */
    public ByteImageDataset permuted(InputPermutation p) {
        int d = features();
        if (p.size() != d) {
            throw new IllegalArgumentException(
                    "permutation size " + p.size() + " does not match features " + d);
        }
        if (permutation != null) {
            throw new IllegalStateException("dataset is already permuted by " + permutation);
        }
        byte[] out = new byte[length * d];
        for (int i = 0; i < length; i++) {
            p.apply(pixels, (offset + i) * d, out, i * d);
        }
        byte[] lab = Arrays.copyOfRange(labels, offset, offset + length);
        return new ByteImageDataset(out, lab, rows, cols, numClasses, 0, length, p);
    }

    @Override
    public String toString() {
        return "ByteImageDataset[size=" + length + ", " + rows + "x" + cols + ", classes=" + numClasses
                + (permutation == null ? "" : ", " + permutation) + "]";
    }
}
