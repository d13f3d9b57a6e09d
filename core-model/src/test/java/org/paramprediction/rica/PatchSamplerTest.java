package org.paramprediction.rica;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.Shape;

class PatchSamplerTest {

    /** Byte pixels become floats {@code v / 255}: one float rounding. */
    private static final double PIXEL_TOL = 1e-7;

    /** 7 unlabelled 2 x 5 x 6 images whose bytes are {@code (i * 31 + feature) mod 256}. */
    private static ByteImageDataset images() {
        Shape shape = new Shape(2, 5, 6);
        byte[] pixels = new byte[7 * shape.features()];
        for (int i = 0; i < 7; i++) {
            for (int f = 0; f < shape.features(); f++) {
                pixels[i * shape.features() + f] = (byte) ((i * 31 + f) % 256);
            }
        }
        return ByteImageDataset.unlabelled(shape, pixels);
    }

    /** Each patch is the window at the image, row and column the documented draw order gives. */
    @Test
    void patchesAreTheWindowsTheSeedDraws() {
        ByteImageDataset images = images();
        int p = 3;
        long seed = 42L;
        Patches patches = PatchSampler.sample(images, p, 50, seed);
        assertEquals(new Shape(2, 3, 3), patches.shape());
        assertEquals(seed, patches.seed());
        SplittableRandom rng = new SplittableRandom(seed);
        for (int t = 0; t < patches.count(); t++) {
            int image = rng.nextInt(7);
            int top = rng.nextInt(5 - p + 1);
            int left = rng.nextInt(6 - p + 1);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        double expected = images.pixel(image, c, top + i, left + j) / 255.0;
                        double actual = patches.rows()[t * 18 + c * 9 + i * 3 + j];
                        assertEquals(expected, actual, PIXEL_TOL, "patch " + t + " c=" + c + " i=" + i + " j=" + j);
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSamePatchesAndAnotherSeedOthers() {
        ByteImageDataset images = images();
        double[] a = PatchSampler.sample(images, 4, 30, 7L).rows();
        double[] b = PatchSampler.sample(images, 4, 30, 7L).rows();
        double[] c = PatchSampler.sample(images, 4, 30, 8L).rows();
        assertArrayEquals(a, b, 0.0);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void aPatchLargerThanTheImageIsRefusedWithTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PatchSampler.sample(images(), 6, 10, 1L));
        assertTrue(e.getMessage().contains("patchSize") && e.getMessage().contains("2x5x6"), e.getMessage());
    }
}
