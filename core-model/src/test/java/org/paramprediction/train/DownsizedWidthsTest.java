package org.paramprediction.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DownsizedWidthsTest {

    private static final int PIXELS = 784;
    private static final int CLASSES = 10;
    private static final List<Integer> PAPER = List.of(500, 500);

    @Test
    void factoredCountsAreTheReadmeFigures() {
        // f = 0.1: atoms 78 and 50 -> 79*500 + 51*500 + 501*10 = 70,010 (README quickstart table)
        assertEquals(70_010, DownsizedWidths.factoredDynamic(PIXELS, PAPER, CLASSES, 0.1));
        // f = 0.05: atoms 39 and 25 -> 40*500 + 26*500 + 5,010 = 38,010
        assertEquals(38_010, DownsizedWidths.factoredDynamic(PIXELS, PAPER, CLASSES, 0.05));
        // Full: 785*500 + 501*500 + 501*10 = 648,010
        assertEquals(648_010, DownsizedWidths.fullDynamic(PIXELS, PAPER, CLASSES));
    }

    @Test
    void paperNetAtTenPercentShrinksTo80By80() {
        // w = 80: 785*80 + 81*80 + 81*10 = 70,090 (gap 80); w = 79: 69,135 (gap 875)
        List<Integer> sizes = DownsizedWidths.of(PIXELS, PAPER, CLASSES, 0.1);
        assertEquals(List.of(80, 80), sizes);
        assertEquals(70_090, DownsizedWidths.fullDynamic(PIXELS, sizes, CLASSES));
    }

    @Test
    void fractionOneGivesTheOriginalNetwork() {
        assertEquals(PAPER, DownsizedWidths.of(PIXELS, PAPER, CLASSES, 1.0));
        assertEquals(List.of(300, 100), DownsizedWidths.of(PIXELS, List.of(300, 100), CLASSES, 1.0));
    }

    @Test
    void shapeIsKeptAndNoNeighbouringWidthIsCloser() {
        List<Integer> hidden = List.of(1000, 500);
        for (double f : new double[] {0.02, 0.05, 0.2, 0.5}) {
            List<Integer> sizes = DownsizedWidths.of(PIXELS, hidden, CLASSES, f);
            int w = sizes.get(0);
            assertEquals(Math.max(1, Math.round(w / 2.0)), (long) sizes.get(1), "half as wide at f=" + f);
            long target = DownsizedWidths.factoredDynamic(PIXELS, hidden, CLASSES, f);
            long gap = Math.abs(DownsizedWidths.fullDynamic(PIXELS, sizes, CLASSES) - target);
            for (int other : new int[] {w - 1, w + 1}) {
                List<Integer> s = List.of(other, (int) Math.max(1, Math.round(other / 2.0)));
                assertTrue(Math.abs(DownsizedWidths.fullDynamic(PIXELS, s, CLASSES) - target) >= gap,
                        "width " + other + " is closer than " + w + " at f=" + f);
            }
        }
    }

    @Test
    void tinyBudgetsKeepAtLeastOneUnit() {
        assertEquals(List.of(1, 1), DownsizedWidths.of(PIXELS, List.of(2, 2), CLASSES, 0.001));
    }

    @Test
    void badShapesAreRejectedNamingTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DownsizedWidths.of(PIXELS, List.of(500, 0), CLASSES, 0.1));
        assertTrue(e.getMessage().contains("[500, 0]"), e.getMessage());
    }
}
