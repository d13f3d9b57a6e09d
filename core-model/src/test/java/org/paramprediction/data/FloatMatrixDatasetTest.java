package org.paramprediction.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FloatMatrixDatasetTest {

    /** 5 rows x 2 features, value(i, j) = 10 i + j, labels i % 2. */
    private static FloatMatrixDataset sample() {
        float[] v = new float[10];
        for (int i = 0; i < 5; i++) {
            v[2 * i] = 10 * i;
            v[2 * i + 1] = 10 * i + 1;
        }
        return new FloatMatrixDataset(v, new int[] {0, 1, 0, 1, 0}, 2, 2);
    }

    @Test
    void lengthMismatchAndBadLabelsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new FloatMatrixDataset(new float[9], new int[5], 2, 2));
        assertThrows(IllegalArgumentException.class,
                () -> new FloatMatrixDataset(new float[4], new int[] {0, 2}, 2, 2));
        assertThrows(IllegalArgumentException.class,
                () -> new FloatMatrixDataset(new float[2], new int[] {-1, 0}, 1, 2));
    }

    @Test
    void copyRowsCopiesSelectedRows() {
        FloatMatrixDataset ds = sample();
        float[] out = new float[4];
        ds.copyRows(new int[] {3, 0, 4}, 1, 3, out);
        assertArrayEquals(new float[] {0, 1, 40, 41}, out); // copies of stored values: exact
    }

    @Test
    void sliceOfSliceAddressesTheRightRows() {
        FloatMatrixDataset inner = sample().slice(1, 5).slice(1, 3); // rows 2, 3
        assertEquals(2, inner.size());
        assertEquals(2, inner.features());
        assertEquals(1, inner.label(1));
        assertEquals(31f, inner.value(1, 1));
        float[] out = new float[2];
        inner.copyRows(new int[] {0}, 0, 1, out);
        assertArrayEquals(new float[] {20, 21}, out);
        assertThrows(IndexOutOfBoundsException.class, () -> inner.value(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> inner.slice(0, 3));
    }

    @Test
    void shapeIsFlatUnlessGivenAndSlicesKeepIt() {
        assertEquals(Shape.flat(2), sample().shape());
        Shape maps = new Shape(2, 1, 2);
        FloatMatrixDataset ds = new FloatMatrixDataset(new float[12], new int[] {0, 1, 0}, maps, 2);
        assertEquals(maps, ds.shape());
        assertEquals(4, ds.features());
        assertEquals(maps, ds.slice(1, 3).shape());
        assertThrows(IllegalArgumentException.class,
                () -> new FloatMatrixDataset(new float[11], new int[3], maps, 2));
    }
}
