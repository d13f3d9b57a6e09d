package org.paramprediction.rica;

import java.util.SplittableRandom;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.Shape;

/**
 * Draws {@code p x p x c} patches from the images of a {@link Dataset} (labelled or not; labels are
 * never read): for each patch, from {@code new SplittableRandom(seed)} in this order, an image
 * index uniform in {@code [0, size)}, a top row uniform in {@code [0, H - p]} and a left column
 * uniform in {@code [0, W - p]}. The same dataset, size, count and seed give the same patches,
 * bit for bit. Pixel values are the dataset's ({@code [0, 1]} for the byte image datasets).
 */
public final class PatchSampler {

    private PatchSampler() {
    }

    /**
     * @param images    a dataset with a spatial shape of at least {@code p x p}
     * @param patchSize {@code p >= 1}
     * @param count     patches to draw, {@code >= 1}
     * @param seed      the seed of every random choice (recorded in the result)
     */
    public static Patches sample(Dataset images, int patchSize, int count, long seed) {
        Shape shape = images.shape();
        if (patchSize < 1 || patchSize > shape.height() || patchSize > shape.width()) {
            throw new IllegalArgumentException("patchSize must be in [1, min(height, width)] for images of shape "
                    + shape + " but was " + patchSize);
        }
        if (count < 1 || (long) count * shape.channels() * patchSize * patchSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count must be >= 1 and count * c * p * p must fit an array but count was "
                    + count + " for " + shape.channels() + "x" + patchSize + "x" + patchSize + " patches");
        }
        if (images.size() < 1) {
            throw new IllegalArgumentException("images must not be empty");
        }
        Shape patch = new Shape(shape.channels(), patchSize, patchSize);
        int d = patch.features();
        double[] rows = new double[count * d];
        float[] image = new float[shape.features()];
        int[] index = new int[1];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int t = 0; t < count; t++) {
            index[0] = rng.nextInt(images.size());
            int top = rng.nextInt(shape.height() - patchSize + 1);
            int left = rng.nextInt(shape.width() - patchSize + 1);
            images.copyRows(index, 0, 1, image);
            copyPatch(image, shape, top, left, patchSize, rows, t * d);
        }
        return new Patches(patch, count, rows, seed);
    }

    /**
     * Copies the {@code p x p} window at {@code (top, left)} of every channel of {@code image} (in
     * {@link Shape} order) to {@code dst} from {@code offset} on, channel by channel, row by row.
     */
    static void copyPatch(float[] image, Shape shape, int top, int left, int p, double[] dst, int offset) {
        int k = offset;
        for (int c = 0; c < shape.channels(); c++) {
            for (int i = 0; i < p; i++) {
                int src = (c * shape.height() + top + i) * shape.width() + left;
                for (int j = 0; j < p; j++) {
                    dst[k++] = image[src + j];
                }
            }
        }
    }
}
