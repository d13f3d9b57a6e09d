package org.paramprediction.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.paramprediction.linalg.Kernels;

/**
 * A {@link Dataset} of images kept as unsigned bytes, one byte per pixel and channel, with byte
 * labels. Image {@code i} occupies {@code shape().features()} consecutive bytes in {@link Shape}
 * order: channel by channel, each channel row-major, so channel {@code c}, row {@code y}, column
 * {@code x} is byte {@code (c * height + y) * width + x} of the image. Grey-level images are
 * {@code 1 x rows x cols}. {@link #copyRows} converts pixels to floats in {@code [0, 1]} as
 * {@code value / 255f} ({@link Kernels#unitFloats}).
 *
 * <p>A dataset may be {@linkplain #unlabelled unlabelled} ({@code numClasses() == 0}, no label
 * array); {@link #label} then throws.
 *
 * <p>Instances are immutable. Arrays passed in are not copied: callers must not modify them.
 * {@link #slice} returns a view sharing the storage; {@link #permuted} and {@link #concat} copy.
 */
public final class ByteImageDataset implements Dataset {

    private final byte[] pixels;
    private final byte[] labels;
    private final Shape shape;
    private final int numClasses;
    private final int offset;
    private final int length;
    private final InputPermutation permutation;

    /**
     * Wraps grey-level images and labels (no copy); the shape is {@code 1 x rows x cols}.
     *
     * @throws IllegalArgumentException if {@code labels.length != images.count()} or a label is
     *     outside {@code [0, numClasses)}
     */
    public ByteImageDataset(IdxImages images, byte[] labels, int numClasses) {
        this(images.pixels(), labels, Shape.image(images.rows(), images.cols()), numClasses, 0,
                labels.length, null);
        if (labels.length != images.count()) {
            throw new IllegalArgumentException("image count " + images.count()
                    + " does not match label count " + labels.length);
        }
        DatasetChecks.checkNumClasses(numClasses);
        DatasetChecks.checkLabels(labels, numClasses);
    }

    /**
     * Wraps {@code labels.length} images of {@code shape}, stored in {@link Shape} order in
     * {@code pixels}, and their labels (no copy).
     *
     * @throws IllegalArgumentException if {@code pixels.length != labels.length * shape.features()}
     *     or a label is outside {@code [0, numClasses)}
     */
    public ByteImageDataset(Shape shape, byte[] pixels, byte[] labels, int numClasses) {
        this(pixels, labels, shape, numClasses, 0, labels.length, null);
        checkPixelCount(shape, pixels, labels.length);
        DatasetChecks.checkNumClasses(numClasses);
        DatasetChecks.checkLabels(labels, numClasses);
    }

    private ByteImageDataset(byte[] pixels, byte[] labels, Shape shape, int numClasses,
            int offset, int length, InputPermutation permutation) {
        this.pixels = pixels;
        this.labels = labels;
        this.shape = shape;
        this.numClasses = numClasses;
        this.offset = offset;
        this.length = length;
        this.permutation = permutation;
    }

    /**
     * Wraps {@code pixels.length / shape.features()} images without labels (no copy):
     * {@code numClasses() == 0} and {@link #label} throws.
     *
     * @throws IllegalArgumentException if {@code pixels.length} is not a multiple of
     *     {@code shape.features()}
     */
    public static ByteImageDataset unlabelled(Shape shape, byte[] pixels) {
        int d = shape.features();
        if (pixels.length % d != 0) {
            throw new IllegalArgumentException("pixels.length " + pixels.length
                    + " is not a whole number of " + shape + " images (" + d + " bytes each)");
        }
        return new ByteImageDataset(pixels, null, shape, 0, 0, pixels.length / d, null);
    }

    /**
     * The rows of {@code parts} one after the other, copied into one array.
     *
     * @throws IllegalArgumentException if {@code parts} is empty, the parts differ in shape, number
     *     of classes or labelling, a part is permuted, or the total does not fit in one array
     */
    public static ByteImageDataset concat(List<ByteImageDataset> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one dataset, got none");
        }
        ByteImageDataset first = parts.get(0);
        long rows = 0;
        for (int k = 0; k < parts.size(); k++) {
            ByteImageDataset p = parts.get(k);
            if (!p.shape.equals(first.shape) || p.numClasses != first.numClasses) {
                throw new IllegalArgumentException("concat: part " + k + " has shape " + p.shape
                        + " and " + p.numClasses + " classes, part 0 has " + first.shape + " and "
                        + first.numClasses);
            }
            if (p.permutation != null) {
                throw new IllegalArgumentException("concat: part " + k + " is permuted by "
                        + p.permutation + "; concatenate first, then permute");
            }
            rows += p.length;
        }
        int d = first.features();
        if (rows * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("concat: " + rows + " images of " + first.shape
                    + " need " + rows * d + " bytes, more than one Java array holds");
        }
        byte[] px = new byte[(int) rows * d];
        byte[] lab = first.labelled() ? new byte[(int) rows] : null;
        int at = 0;
        for (ByteImageDataset p : parts) {
            System.arraycopy(p.pixels, p.offset * d, px, at * d, p.length * d);
            if (lab != null) {
                System.arraycopy(p.labels, p.offset, lab, at, p.length);
            }
            at += p.length;
        }
        return new ByteImageDataset(px, lab, first.shape, first.numClasses, 0, (int) rows, null);
    }

    private static void checkPixelCount(Shape shape, byte[] pixels, int count) {
        if (pixels.length != (long) count * shape.features()) {
            throw new IllegalArgumentException("pixels.length must be count * features = " + count
                    + " * " + shape.features() + " (" + shape + ") = " + (long) count * shape.features()
                    + ", got " + pixels.length);
        }
    }

    @Override
    public Shape shape() {
        return shape;
    }

    /** Number of channels (1 for grey-level images, 3 for RGB). */
    public int channels() {
        return shape.channels();
    }

    /** Image height. For a {@linkplain #permuted permuted} dataset positions no longer map to pixels. */
    public int rows() {
        return shape.height();
    }

    /** Image width. For a {@linkplain #permuted permuted} dataset positions no longer map to pixels. */
    public int cols() {
        return shape.width();
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
    public int numClasses() {
        return numClasses;
    }

    @Override
    public int label(int i) {
        if (labels == null) {
            throw new IllegalStateException("dataset " + this + " is unlabelled: no label for row " + i);
        }
        return labels[offset + DatasetChecks.checkRow(length, i)] & 0xFF;
    }

    /** Raw value in {@code [0, 255]} of feature {@code j} of row {@code i}. */
    public int pixel(int i, int j) {
        if (j < 0 || j >= features()) {
            throw new IndexOutOfBoundsException("feature " + j + " out of bounds for " + features());
        }
        return pixels[(offset + DatasetChecks.checkRow(length, i)) * features() + j] & 0xFF;
    }

    /**
     * Raw value in {@code [0, 255]} of channel {@code c}, image row {@code y}, column {@code x} of
     * row {@code i}: feature {@code (c * height + y) * width + x}. For a {@linkplain #permuted
     * permuted} dataset this is the feature at that position, no longer that pixel.
     */
    public int pixel(int i, int c, int y, int x) {
        if (c < 0 || c >= shape.channels() || y < 0 || y >= shape.height() || x < 0 || x >= shape.width()) {
            throw new IndexOutOfBoundsException("pixel (c=" + c + ", y=" + y + ", x=" + x
                    + ") out of bounds for shape " + shape);
        }
        return pixel(i, (c * shape.height() + y) * shape.width() + x);
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
        return new ByteImageDataset(pixels, labels, shape, numClasses,
                offset + from, to - from, permutation);
    }

    /**
     * A copy of this dataset with every row's pixels reordered by {@code p}: pixel {@code j} of row
     * {@code i} of the result is pixel {@code p.order()[j]} of row {@code i} here. Labels and shape
     * are kept (positions no longer map to pixels; {@link #permutation()} tells).
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
        byte[] lab = labels == null ? null : Arrays.copyOfRange(labels, offset, offset + length);
        return new ByteImageDataset(out, lab, shape, numClasses, 0, length, p);
    }

    @Override
    public String toString() {
        return "ByteImageDataset[size=" + length + ", " + shape
                + (labels == null ? ", unlabelled" : ", classes=" + numClasses)
                + (permutation == null ? "" : ", " + permutation) + "]";
    }
}
