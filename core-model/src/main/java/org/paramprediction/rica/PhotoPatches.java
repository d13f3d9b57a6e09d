package org.paramprediction.rica;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import org.paramprediction.data.DatasetFormatException;
import org.paramprediction.data.Shape;

/**
 * Patches from natural photographs kept as image files (PNG, JPEG, BMP, GIF, TIFF: whatever
 * {@link ImageIO} reads), of any sizes, e.g. scikit-image's {@code astronaut.png},
 * {@code chelsea.png} and {@code coffee.png}.
 *
 * <p>{@link #read} turns a file into a {@link Photo} of floats in {@code [0, 1]}: RGB as
 * {@code 3 x H x W} ({@code v / 255} of each 8-bit sRGB component, as {@link BufferedImage#getRGB}
 * gives them; palette images through their palette; alpha ignored), or grey as {@code 1 x H x W}
 * with the ITU-R BT.601 luma {@code (0.299 R + 0.587 G + 0.114 B) / 255}. A grey-level file is
 * read from its raster, {@code v / (2^bits - 1)}, unchanged (not through {@code getRGB}, which
 * would treat it as linear grey and brighten it); read as RGB it gives {@code R = G = B}.
 *
 * <p>{@link #sample} draws like {@link PatchSampler}: for each patch, from
 * {@code new SplittableRandom(seed)} in this order, a photo index uniform in {@code [0, n)}, a top
 * row uniform in {@code [0, H - p]} and a left column uniform in {@code [0, W - p]}, with
 * {@code H, W} the size of the photo drawn.
 */
public final class PhotoPatches {

    private static final double LUMA_R = 0.299;
    private static final double LUMA_G = 0.587;
    private static final double LUMA_B = 0.114;

    private PhotoPatches() {
    }

    /**
     * Reads every file in order; see {@link #read(Path, boolean)}.
     *
     * @throws IllegalArgumentException if {@code files} is empty
     */
    public static List<Photo> read(List<Path> files, boolean gray) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("files must name at least one image file, got none");
        }
        List<Photo> photos = new ArrayList<>(files.size());
        for (Path file : files) {
            photos.add(read(file, gray));
        }
        return List.copyOf(photos);
    }

    /**
     * Reads one image file as {@code 3 x H x W} RGB ({@code gray == false}) or {@code 1 x H x W}
     * luma ({@code gray == true}), values in {@code [0, 1]}.
     *
     * @throws UncheckedIOException (cause {@link NoSuchFileException}) if {@code file} is not a
     *     regular file, or naming the file if reading fails
     * @throws DatasetFormatException naming the file if no {@link ImageIO} reader knows it or its
     *     reader rejects its contents
     */
    public static Photo read(Path file, boolean gray) {
        if (!Files.isRegularFile(file)) {
            String msg = "image file " + file + " not found (no such regular file)";
            throw new UncheckedIOException(msg, new NoSuchFileException(file.toString(), null, msg));
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IIOException e) {
            DatasetFormatException bad = new DatasetFormatException(file + ": not a valid image: "
                    + e.getMessage() + " (javax.imageio reads " + readableFormats() + ")");
            bad.initCause(e);
            throw bad;
        } catch (IOException e) {
            throw new UncheckedIOException("I/O error reading image file " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DatasetFormatException(file + ": not an image javax.imageio can read (it reads "
                    + readableFormats() + ")");
        }
        return toPhoto(file.toString(), image, gray);
    }

    /**
     * Draws {@code count} {@code c x p x p} patches from {@code photos} (see the class comment for
     * the draws); row {@code t} is the {@code t}-th draw in {@link Shape} order
     * ({@code c * p * p + i * p + j}). The same photos, size, count and seed give the same rows,
     * bit for bit.
     *
     * @param photos    at least one, all with the same number of channels and at least
     *                  {@code p x p} pixels
     * @param patchSize {@code p >= 1}
     * @param count     patches to draw, {@code >= 1}, with {@code count * c * p * p} fitting an array
     * @param seed      the seed of every random choice (recorded in the result)
     * @throws IllegalArgumentException naming the rule, the value and (for a photo) its file
     */
    public static Patches sample(List<Photo> photos, int patchSize, int count, long seed) {
        int channels = checkPhotos(photos, patchSize);
        if (count < 1 || (long) count * channels * patchSize * patchSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count must be >= 1 and count * c * p * p must fit an array but count was "
                    + count + " for " + channels + "x" + patchSize + "x" + patchSize + " patches");
        }
        Shape patch = new Shape(channels, patchSize, patchSize);
        int d = patch.features();
        double[] rows = new double[count * d];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int t = 0; t < count; t++) {
            Photo photo = photos.get(rng.nextInt(photos.size()));
            Shape shape = photo.shape();
            int top = rng.nextInt(shape.height() - patchSize + 1);
            int left = rng.nextInt(shape.width() - patchSize + 1);
            PatchSampler.copyPatch(photo.values(), shape, top, left, patchSize, rows, t * d);
        }
        return new Patches(patch, count, rows, seed);
    }

    /** Checks the photos and the patch size; returns the channels all photos share. */
    private static int checkPhotos(List<Photo> photos, int patchSize) {
        if (photos == null || photos.isEmpty()) {
            throw new IllegalArgumentException("photos must not be empty");
        }
        if (patchSize < 1) {
            throw new IllegalArgumentException("patchSize must be >= 1 but was " + patchSize);
        }
        Photo first = photos.get(0);
        for (Photo photo : photos) {
            Shape s = photo.shape();
            if (s.channels() != first.shape().channels()) {
                throw new IllegalArgumentException("all photos must have the same number of channels but "
                        + photo.name() + " is " + s + " and " + first.name() + " is " + first.shape());
            }
            if (patchSize > s.height() || patchSize > s.width()) {
                throw new IllegalArgumentException(photo.name() + ": image of shape " + s
                        + " is smaller than a " + patchSize + "x" + patchSize
                        + " patch (patchSize must be <= min(height, width) of every photo)");
            }
        }
        return first.shape().channels();
    }

    private static Photo toPhoto(String name, BufferedImage image, boolean gray) {
        int h = image.getHeight();
        int w = image.getWidth();
        int channels = gray ? 1 : 3;
        if ((long) channels * h * w > Integer.MAX_VALUE) {
            throw new DatasetFormatException(name + ": too large: " + channels + " x " + h + " x " + w
                    + " values do not fit in one Java array");
        }
        Shape shape = new Shape(channels, h, w);
        float[] values = new float[shape.features()];
        if (isGrayRaster(image.getColorModel())) {
            copyGray(image.getRaster(), image.getColorModel().getComponentSize(0), channels, values);
        } else {
            copyPixels(image, values, gray);
        }
        return new Photo(name, shape, values);
    }

    /** A grey-level image stored as samples (not through a palette), possibly with alpha. */
    private static boolean isGrayRaster(ColorModel cm) {
        return !(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** Band 0 of {@code raster} as {@code v / (2^bits - 1)} into each of {@code channels} planes. */
    private static void copyGray(Raster raster, int bits, int channels, float[] dst) {
        int h = raster.getHeight();
        int w = raster.getWidth();
        float max = (float) ((1L << bits) - 1);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int c = 0; c < channels; c++) {
                int at = (c * h + y) * w;
                for (int x = 0; x < w; x++) {
                    dst[at + x] = row[x] / max;
                }
            }
        }
    }

    /** Every pixel through {@code getRGB}: grey (luma) into {@code 1 x H x W}, or R, G, B into {@code 3 x H x W}. */
    private static void copyPixels(BufferedImage image, float[] dst, boolean gray) {
        int h = image.getHeight();
        int w = image.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                if (gray) {
                    dst[y * w + x] = luma(argb);
                } else {
                    dst[y * w + x] = ((argb >> 16) & 0xFF) / 255f;
                    dst[(h + y) * w + x] = ((argb >> 8) & 0xFF) / 255f;
                    dst[(2 * h + y) * w + x] = (argb & 0xFF) / 255f;
                }
            }
        }
    }

    /** {@code (0.299 R + 0.587 G + 0.114 B) / 255} of an ARGB pixel (alpha ignored). */
    static float luma(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return (float) ((LUMA_R * r + LUMA_G * g + LUMA_B * b) / 255.0);
    }

    private static String readableFormats() {
        TreeSet<String> names = new TreeSet<>();
        for (String s : ImageIO.getReaderFileSuffixes()) {
            names.add(s.toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }
}
