package org.paramprediction.rica;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.DatasetFormatException;
import org.paramprediction.data.Shape;
import org.paramprediction.data.Stl10;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws {@code p x p x 3} patches from STL-10's {@value Stl10#UNLABELED_X} (100,000 images,
 * 2.7 GB) in one sequential pass, never holding more than one image: the result equals
 * {@link PatchSampler#sample} on the same images loaded in memory, bit for bit.
 *
 * <p>First all draws are made, from {@code new SplittableRandom(seed)} in this order for each
 * patch: an image index uniform in {@code [0, N)} ({@code N} the images in the file), a top row
 * uniform in {@code [0, 96 - p]} and a left column uniform in {@code [0, 96 - p]}. Then the file is
 * read image by image through {@link Stl10#unlabeledShards} (the same column-to-row-major
 * transpose and {@code v / 255} floats as {@link Stl10}), and every patch drawn from the current
 * image is copied into its row: row {@code t} is the {@code t}-th draw. Memory is
 * {@code count * 3 * p * p} doubles, 16 bytes of draws per patch and one image.
 */
public final class Stl10UnlabeledPatches {

    private static final Logger LOG = LoggerFactory.getLogger(Stl10UnlabeledPatches.class);
    private static final int BUFFER_BYTES = 1 << 16;

    private Stl10UnlabeledPatches() {
    }

    /**
     * Patches of {@code file}, an {@value Stl10#UNLABELED_X}-format file (any number of
     * {@value Stl10#IMAGE_BYTES}-byte images), read once.
     *
     * @param patchSize {@code p} in {@code [1, 96]}
     * @param count     patches to draw, {@code >= 1}, with {@code count * 3 * p * p} fitting an array
     * @param seed      the seed of every random choice (recorded in the result)
     * @throws UncheckedIOException (cause {@link NoSuchFileException}) if {@code file} is not a
     *     regular file, or naming the file if reading fails
     * @throws DatasetFormatException naming the file if it is empty or not a whole number of images
     * @throws IllegalArgumentException if {@code patchSize} or {@code count} is out of range
     */
    public static Patches sample(Path file, int patchSize, int count, long seed) {
        if (!Files.isRegularFile(file)) {
            String msg = "STL-10 binary file " + file + " not found (no such regular file); expected "
                    + Stl10.UNLABELED_X + " from stl10_binary.tar.gz";
            throw new UncheckedIOException(msg, new NoSuchFileException(file.toString(), null, msg));
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES)) {
            // one image per shard: the shard count is the image count, checked to be whole
            int images = Stl10.unlabeledShardCount(Files.size(file), file.toString(), 1);
            return sample(in, file.toString(), images, patchSize, count, seed);
        } catch (IOException e) {
            throw new UncheckedIOException("I/O error reading STL-10 file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Patches of the first {@code imageCount} images of {@code in} (positioned at image 0, e.g. a
     * Hadoop stream; read sequentially up to the end of image {@code imageCount - 1}, not closed).
     * Draws use {@code N = imageCount}, so pass the number of images the stream holds.
     *
     * @param name       the stream's source, for messages
     * @param imageCount {@code N >= 1}
     * @throws DatasetFormatException naming the source if the stream ends before {@code imageCount}
     *     whole images
     * @throws IllegalArgumentException if {@code imageCount}, {@code patchSize} or {@code count} is
     *     out of range
     */
    public static Patches sample(InputStream in, String name, int imageCount, int patchSize, int count,
            long seed) {
        checkArguments(name, imageCount, patchSize, count);
        int[] tops = new int[count];
        int[] lefts = new int[count];
        long[] byImage = draw(imageCount, patchSize, seed, tops, lefts);
        Shape patch = new Shape(Stl10.SHAPE.channels(), patchSize, patchSize);
        int d = patch.features();
        double[] rows = new double[count * d];
        float[] image = new float[Stl10.IMAGE_BYTES];
        int[] first = {0};
        Iterator<ByteImageDataset> images = Stl10.unlabeledShards(in, name, 1);
        int next = 0;
        for (int i = 0; i < imageCount; i++) {
            if (!images.hasNext()) {
                throw new DatasetFormatException(name + ": ended after " + i + " images but "
                        + imageCount + " were expected (" + Stl10.IMAGE_BYTES + " bytes per 3x96x96 image)");
            }
            ByteImageDataset one = images.next();
            if (next < count && imageOf(byImage[next]) == i) {
                one.copyRows(first, 0, 1, image);
            }
            for (; next < count && imageOf(byImage[next]) == i; next++) {
                int t = (int) byImage[next];
                PatchSampler.copyPatch(image, Stl10.SHAPE, tops[t], lefts[t], patchSize, rows, t * d);
            }
        }
        LOG.info("sampled {} {} patches from {} images of {} (seed {})", count, patch, imageCount, name, seed);
        return new Patches(patch, count, rows, seed);
    }

    /**
     * Makes the draws in order, filling {@code tops} and {@code lefts} by draw; returns the draws
     * sorted by image, each {@code image << 32 | t} (so by draw within an image).
     */
    private static long[] draw(int imageCount, int patchSize, long seed, int[] tops, int[] lefts) {
        int range = Stl10.SHAPE.height() - patchSize + 1;
        long[] byImage = new long[tops.length];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int t = 0; t < tops.length; t++) {
            long image = rng.nextInt(imageCount);
            tops[t] = rng.nextInt(range);
            lefts[t] = rng.nextInt(range);
            byImage[t] = image << 32 | t;
        }
        Arrays.sort(byImage);
        return byImage;
    }

    private static int imageOf(long key) {
        return (int) (key >>> 32);
    }

    private static void checkArguments(String name, int imageCount, int patchSize, int count) {
        if (imageCount < 1) {
            throw new IllegalArgumentException("imageCount must be >= 1 but was " + imageCount + " for " + name);
        }
        if (patchSize < 1 || patchSize > Stl10.SHAPE.height()) {
            throw new IllegalArgumentException("patchSize must be in [1, 96] for STL-10 images of shape "
                    + Stl10.SHAPE + " but was " + patchSize);
        }
        int c = Stl10.SHAPE.channels();
        if (count < 1 || (long) count * c * patchSize * patchSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count must be >= 1 and count * c * p * p must fit an array but count was "
                    + count + " for " + c + "x" + patchSize + "x" + patchSize + " patches");
        }
    }
}
