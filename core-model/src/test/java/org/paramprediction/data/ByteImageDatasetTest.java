package org.paramprediction.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteImageDatasetTest {

    /** 6 images of 2x3, pixel k = k % 256, labels i % 3. */
    private static ByteImageDataset sample() {
        IdxImages img = new IdxImages(6, 2, 3, IdxFixtures.rampPixels(36));
        return new ByteImageDataset(img, IdxFixtures.cyclicLabels(6, 3), 3);
    }

    @Test
    void countMismatchBetweenImagesAndLabelsIsRejected() {
        IdxImages img = new IdxImages(6, 2, 3, new byte[36]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ByteImageDataset(img, new byte[5], 3));
        assertTrue(e.getMessage().contains("6") && e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void pixelLengthMismatchIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new IdxImages(6, 2, 3, new byte[35]));
    }

    @Test
    void labelOutsideNumClassesIsRejected() {
        IdxImages img = new IdxImages(2, 1, 1, new byte[2]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ByteImageDataset(img, new byte[] {0, 3}, 3));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
    }

    @Test
    void shapeAndLabels() {
        ByteImageDataset ds = sample();
        assertEquals(6, ds.size());
        assertEquals(6, ds.features());
        assertEquals(2, ds.rows());
        assertEquals(3, ds.cols());
        assertEquals(3, ds.numClasses());
        assertEquals(2, ds.label(5));
        assertTrue(ds.permutation().isEmpty());
    }

    @Test
    void copyRowsConvertsBytesToUnitIntervalExactly() {
        byte[] px = {0, 1, (byte) 127, (byte) 128, (byte) 254, (byte) 255};
        ByteImageDataset ds = new ByteImageDataset(new IdxImages(1, 2, 3, px), new byte[] {0}, 1);
        float[] out = new float[6];
        ds.copyRows(new int[] {0}, 0, 1, out);
        assertEquals(0f, out[0]);
        assertEquals(1f / 255f, out[1]);
        assertEquals(127f / 255f, out[2]);
        assertEquals(128f / 255f, out[3]);
        assertEquals(254f / 255f, out[4]);
        assertEquals(1f, out[5]);
    }

    @Test
    void copyRowsWritesTheRequestedIndexRangeFromDstStart() {
        ByteImageDataset ds = sample();
        float[] out = new float[12];
        ds.copyRows(new int[] {9, 4, 1, 9}, 1, 3, out); // rows 4 and 1
        for (int j = 0; j < 6; j++) {
            assertEquals((4 * 6 + j) / 255f, out[j]);
            assertEquals((1 * 6 + j) / 255f, out[6 + j]);
        }
        assertThrows(IllegalArgumentException.class, () -> ds.copyRows(new int[] {0, 1}, 0, 2, new float[11]));
    }

    @Test
    void sliceOfSliceAddressesTheRightRows() {
        ByteImageDataset outer = sample().slice(1, 6); // rows 1..5
        ByteImageDataset inner = outer.slice(2, 4);    // rows 3, 4
        assertEquals(2, inner.size());
        assertEquals(3 % 3, inner.label(0));
        assertEquals(4 % 3, inner.label(1));
        assertEquals(3 * 6 + 5, inner.pixel(0, 5));
        float[] out = new float[6];
        inner.copyRows(new int[] {1}, 0, 1, out);
        assertEquals((4 * 6) / 255f, out[0]);
    }

    @Test
    void sliceRejectsRowsOutsideTheView() {
        ByteImageDataset inner = sample().slice(1, 6).slice(2, 4);
        assertThrows(IndexOutOfBoundsException.class, () -> inner.label(2));
        assertThrows(IndexOutOfBoundsException.class, () -> inner.label(-1));
        assertThrows(IndexOutOfBoundsException.class,
                () -> inner.copyRows(new int[] {2}, 0, 1, new float[6]));
        assertThrows(IndexOutOfBoundsException.class, () -> inner.slice(1, 3));
        assertEquals(0, inner.slice(2, 2).size());
    }

    @Test
    void permutedRowPixelJEqualsOriginalPixelOrderJ() {
        ByteImageDataset base = sample().slice(2, 5);
        InputPermutation p = InputPermutation.random(6, 17L);
        ByteImageDataset perm = base.permuted(p);
        int[] order = p.order();
        assertEquals(base.size(), perm.size());
        assertEquals(p, perm.permutation().orElseThrow());
        for (int i = 0; i < base.size(); i++) {
            assertEquals(base.label(i), perm.label(i));
            for (int j = 0; j < 6; j++) {
                assertEquals(base.pixel(i, order[j]), perm.pixel(i, j));
            }
        }
        assertEquals(p, perm.slice(1, 2).permutation().orElseThrow());
    }

    @Test
    void permutedRejectsWrongSizeAndDoublePermutation() {
        ByteImageDataset ds = sample();
        assertThrows(IllegalArgumentException.class, () -> ds.permuted(InputPermutation.random(5, 1)));
        ByteImageDataset once = ds.permuted(InputPermutation.random(6, 1));
        assertThrows(IllegalStateException.class, () -> once.permuted(InputPermutation.random(6, 2)));
    }
}
