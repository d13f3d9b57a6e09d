package org.paramprediction.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ByteImageDatasetShapeTest {

    private static final Shape RGB = new Shape(3, 2, 4);

    /** Byte of image {@code i} at channel {@code c}, row {@code y}, column {@code x}: distinct per image. */
    private static int code(int i, int c, int y, int x) {
        return (i * 24 + c * 8 + y * 4 + x) % 256;
    }

    /** {@code n} images of 3x2x4 in CHW order, pixel (i, c, y, x) = {@link #code}. */
    private static byte[] chwPixels(int n) {
        byte[] px = new byte[n * RGB.features()];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 2; y++) {
                    for (int x = 0; x < 4; x++) {
                        px[i * 24 + (c * 2 + y) * 4 + x] = (byte) code(i, c, y, x);
                    }
                }
            }
        }
        return px;
    }

    private static ByteImageDataset sample() {
        return new ByteImageDataset(RGB, chwPixels(5), IdxFixtures.cyclicLabels(5, 3), 3);
    }

    @Test
    void greyConstructorHasOneChannelShape() {
        ByteImageDataset ds = new ByteImageDataset(new IdxImages(2, 2, 3, new byte[12]), new byte[2], 1);
        assertEquals(new Shape(1, 2, 3), ds.shape());
        assertEquals(6, ds.features());
        assertEquals(1, ds.channels());
    }

    @Test
    void threeChannelCopyRowsGivesUnitFloatsInChwOrder() {
        ByteImageDataset ds = sample();
        assertEquals(RGB, ds.shape());
        assertEquals(24, ds.features());
        assertEquals(2, ds.rows());
        assertEquals(4, ds.cols());
        float[] out = new float[48];
        ds.copyRows(new int[] {3, 1}, 0, 2, out);
        int[] rows = {3, 1};
        for (int k = 0; k < 2; k++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 2; y++) {
                    for (int x = 0; x < 4; x++) {
                        int v = code(rows[k], c, y, x);
                        assertEquals(v / 255f, out[k * 24 + (c * 2 + y) * 4 + x]);
                        assertEquals(v, ds.pixel(rows[k], c, y, x));
                    }
                }
            }
        }
    }

    @Test
    void pixelByChannelRowColumnRejectsPositionsOutsideTheShape() {
        ByteImageDataset ds = sample();
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> ds.pixel(0, 3, 0, 0));
        assertTrue(e.getMessage().contains("c=3") && e.getMessage().contains("3x2x4"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> ds.pixel(0, 0, 2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> ds.pixel(0, 0, 0, -1));
    }

    @Test
    void pixelCountMustMatchLabelsTimesShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ByteImageDataset(RGB, new byte[47], new byte[2], 3));
        assertTrue(e.getMessage().contains("47") && e.getMessage().contains("3x2x4"), e.getMessage());
    }

    @Test
    void sliceAndPermutedKeepTheShape() {
        ByteImageDataset slice = sample().slice(1, 4);
        assertEquals(RGB, slice.shape());
        assertEquals(code(2, 1, 1, 3), slice.pixel(1, 1, 1, 3));
        InputPermutation p = InputPermutation.random(24, 9L);
        ByteImageDataset perm = slice.permuted(p);
        assertEquals(RGB, perm.shape());
        assertEquals(p, perm.permutation().orElseThrow());
        assertEquals(slice.pixel(2, p.sourceOf(5)), perm.pixel(2, 5));
        assertEquals(RGB, perm.slice(0, 1).shape());
    }

    @Test
    void unlabelledDatasetHasNoClassesAndRefusesLabels() {
        ByteImageDataset ds = ByteImageDataset.unlabelled(RGB, chwPixels(4));
        assertEquals(4, ds.size());
        assertEquals(0, ds.numClasses());
        assertFalse(ds.labelled());
        assertEquals(code(3, 2, 0, 1), ds.slice(2, 4).pixel(1, 2, 0, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ds.label(0));
        assertTrue(e.getMessage().contains("unlabelled"), e.getMessage());
        ByteImageDataset perm = ds.permuted(InputPermutation.random(24, 3L));
        assertFalse(perm.labelled());
        assertThrows(IllegalArgumentException.class, () -> ByteImageDataset.unlabelled(RGB, new byte[25]));
    }

    @Test
    void concatKeepsRowOrderLabelsAndShape() {
        ByteImageDataset all = sample();
        ByteImageDataset joined = ByteImageDataset.concat(List.of(all.slice(3, 5), all.slice(0, 3)));
        assertEquals(5, joined.size());
        assertEquals(RGB, joined.shape());
        int[] source = {3, 4, 0, 1, 2};
        for (int i = 0; i < 5; i++) {
            assertEquals(all.label(source[i]), joined.label(i));
            for (int j = 0; j < 24; j++) {
                assertEquals(all.pixel(source[i], j), joined.pixel(i, j));
            }
        }
    }

    @Test
    void concatRejectsMismatchedOrPermutedParts() {
        ByteImageDataset a = sample();
        ByteImageDataset grey = new ByteImageDataset(new IdxImages(1, 2, 4, new byte[8]), new byte[1], 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ByteImageDataset.concat(List.of(a, grey)));
        assertTrue(e.getMessage().contains("part 1") && e.getMessage().contains("1x2x4"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ByteImageDataset.concat(List.of(a, a.permuted(InputPermutation.random(24, 1L)))));
        assertThrows(IllegalArgumentException.class, () -> ByteImageDataset.concat(List.of()));
    }
}
