package org.paramprediction.data;

/**
 * The content of an IDX image file: {@code count} images of {@code rows x cols} unsigned bytes,
 * stored row-major in {@code pixels} (image {@code i}, pixel {@code (r, c)} is at
 * {@code pixels[(i * rows + r) * cols + c]}).
 *
 * <p>The array is not copied; callers must not modify it after construction.
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

    /** Validates that all dimensions are positive and {@code pixels.length == count*rows*cols}. */
    public IdxImages {
        if (count <= 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(
                    "dimensions must be positive, got count=" + count + " rows=" + rows + " cols=" + cols);
        }
        long expected = (long) count * rows * cols;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(
                    "pixels.length must be count*rows*cols=" + expected + ", got " + pixels.length);
        }
    }

    /** Number of pixels per image, {@code rows * cols}. */
    public int pixelsPerImage() {
        return rows * cols;
    }
}
