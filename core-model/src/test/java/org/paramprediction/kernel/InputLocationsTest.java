package org.paramprediction.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputLocationsTest {

    @Test
    void gridIndexIsRowTimesColsPlusCol() {
        InputLocations g = InputLocations.grid(3, 5);
        assertEquals(15, g.size());
        assertEquals(3, g.rows());
        assertEquals(5, g.cols());
        assertEquals(2, g.row(13));
        assertEquals(3, g.col(13));
        assertTrue(g.isTwoDimensional());
    }

    @Test
    void gridSquaredDistanceIsSumOfSquaredRowAndColumnOffsets() {
        InputLocations g = InputLocations.grid(28, 28);
        int a = 0;              // (0, 0)
        int b = 2 * 28 + 1;     // (2, 1)
        assertEquals(5.0, g.squaredDistance(a, b), 0.0);
        assertEquals(5.0, g.squaredDistance(b, a), 0.0);
        assertEquals(0.0, g.squaredDistance(b, b), 0.0);
        assertEquals(27.0 * 27 * 2, g.squaredDistance(0, 783), 0.0);
    }

    @Test
    void lineIndexIsAtRowZero() {
        InputLocations l = InputLocations.line(500);
        assertEquals(500, l.size());
        assertEquals(1, l.rows());
        assertEquals(500, l.cols());
        assertEquals(0, l.row(499));
        assertEquals(499, l.col(499));
        assertEquals(49.0, l.squaredDistance(3, 10), 0.0);
        assertFalse(l.isTwoDimensional());
    }

    @Test
    void invalidShapesAndIndicesAreRejectedWithNamedParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputLocations.grid(0, 4));
        assertTrue(e.getMessage().contains("rows") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InputLocations.grid(4, -2));
        assertTrue(e.getMessage().contains("cols") && e.getMessage().contains("-2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InputLocations.line(0));
        assertTrue(e.getMessage().contains("n must be >= 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InputLocations.grid(65536, 65536));
        assertThrows(IndexOutOfBoundsException.class,
                () -> InputLocations.grid(2, 2).squaredDistance(0, 4));
    }
}
