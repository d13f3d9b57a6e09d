package org.paramprediction.rica;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.Shape;

/**
 * {@link RicaFeatures} against a plain-loop evaluation of its definition: every window copied out,
 * whitened by {@link Zca#whitenInPlace} (not folded), projected, split by sign and pooled, on
 * 2-channel 7x6 images, 3x3 patches, 4 filters, a 2x2 grid.
 */
class RicaFeaturesTest {

    /** Folded versus whitened-first differ only by rounding; the values are O(1). */
    private static final double TOLERANCE = 1e-10;
    private static final Shape IMAGE = new Shape(2, 7, 6);
    private static final int PATCH = 3;
    private static final int FEATURES = 4;
    private static final int GRID = 2;
    private static final int IMAGES = 5;

    private static ByteImageDataset images() {
        SplittableRandom rng = new SplittableRandom(11L);
        byte[] pixels = new byte[IMAGES * IMAGE.features()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) rng.nextInt(256);
        }
        byte[] labels = {0, 1, 2, 1, 0};
        return new ByteImageDataset(IMAGE, pixels, labels, 3);
    }

    private static Zca zca(Dataset images) {
        Patches raw = PatchSampler.sample(images, PATCH, 400, 5L);
        return Zca.fit(raw.rows(), raw.count(), raw.dimension(), 0.01);
    }

    @Test
    void sumPoolingEqualsThePlainLoopDefinitionWhateverTheBlockSize() {
        ByteImageDataset images = images();
        Zca zca = zca(images);
        double[] w = RicaFixtures.gaussianRows(2 * PATCH * PATCH, FEATURES, 3L);
        double[] expected = reference(images, zca, w, Pooling.SUM);
        for (int block : new int[] {1, 2, 5, 8}) {
            FeatureRows got = new RicaFeatures(w, FEATURES, zca, IMAGE, PATCH, GRID, Pooling.SUM, block).extract(images);
            assertEquals(2 * FEATURES * GRID * GRID, got.dimension());
            assertClose(expected, got.rows(), "sum, block " + block);
            assertArrayEquals(new int[] {0, 1, 2, 1, 0}, got.labels());
        }
    }

    @Test
    void maxPoolingEqualsThePlainLoopDefinition() {
        ByteImageDataset images = images();
        Zca zca = zca(images);
        double[] w = RicaFixtures.gaussianRows(2 * PATCH * PATCH, FEATURES, 4L);
        FeatureRows got = new RicaFeatures(w, FEATURES, zca, IMAGE, PATCH, GRID, Pooling.MAX, 2).extract(images);
        assertClose(reference(images, zca, w, Pooling.MAX), got.rows(), "max");
    }

    @Test
    void rejectsWeightsOfTheWrongShape() {
        Zca zca = zca(images());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RicaFeatures(new double[17], FEATURES, zca, IMAGE, PATCH, GRID, Pooling.SUM, 2));
        assertEquals(true, e.getMessage().contains("18 x 4"), e.getMessage());
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * Math.max(1, Math.abs(expected[i])), what + " at " + i);
        }
    }

    /** The definition, one window at a time. */
    private static double[] reference(Dataset images, Zca zca, double[] w, Pooling pooling) {
        int c = IMAGE.channels();
        int ho = IMAGE.height() - PATCH + 1;
        int wo = IMAGE.width() - PATCH + 1;
        int n = c * PATCH * PATCH;
        int dim = 2 * FEATURES * GRID * GRID;
        double[] out = new double[images.size() * dim];
        float[] img = new float[IMAGE.features()];
        double[] x = new double[n];
        for (int im = 0; im < images.size(); im++) {
            images.copyRows(new int[] {im}, 0, 1, img);
            for (int y = 0; y < ho; y++) {
                for (int xo = 0; xo < wo; xo++) {
                    int t = 0;
                    for (int ch = 0; ch < c; ch++) {
                        for (int i = 0; i < PATCH; i++) {
                            for (int j = 0; j < PATCH; j++) {
                                x[t++] = img[(ch * IMAGE.height() + y + i) * IMAGE.width() + xo + j];
                            }
                        }
                    }
                    zca.whitenInPlace(x, 1);
                    int region = (GRID * y / ho) * GRID + GRID * xo / wo;
                    for (int f = 0; f < FEATURES; f++) {
                        double z = 0;
                        for (int k = 0; k < n; k++) {
                            z += x[k] * w[k * FEATURES + f];
                        }
                        int plus = im * dim + f * GRID * GRID + region;
                        int minus = im * dim + (FEATURES + f) * GRID * GRID + region;
                        double a = Math.max(0, z);
                        double b = Math.max(0, -z);
                        out[plus] = pooling == Pooling.SUM ? out[plus] + a : Math.max(out[plus], a);
                        out[minus] = pooling == Pooling.SUM ? out[minus] + b : Math.max(out[minus], b);
                    }
                }
            }
        }
        return out;
    }
}
