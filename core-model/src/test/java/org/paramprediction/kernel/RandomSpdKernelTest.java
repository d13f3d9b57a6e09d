package org.paramprediction.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomSpdKernelTest {

    /** Mean diagonal after scaling is 1 up to rounding of n additions. */
    private static final double MEAN_DIAGONAL_TOL = 1e-12;

    @Test
    void isSymmetricAndPositiveDefinite() {
        int n = 60;
        double[] g = KernelAssertions.fullGram(new RandomSpdKernel(n, 42L));
        KernelAssertions.assertSymmetric(g, n);
        KernelAssertions.assertPositiveDefinite(g, n);
    }

    @Test
    void meanDiagonalIsOne() {
        int n = 50;
        RandomSpdKernel k = new RandomSpdKernel(n, 7L);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += k.value(i, i);
        }
        assertEquals(1.0, sum / n, MEAN_DIAGONAL_TOL);
    }

    @Test
    void isReproducibleFromSeed() {
        double[] a = KernelAssertions.fullGram(new RandomSpdKernel(40, 123L));
        double[] b = KernelAssertions.fullGram(new RandomSpdKernel(40, 123L));
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void differentSeedsGiveDifferentKernels() {
        double[] a = KernelAssertions.fullGram(new RandomSpdKernel(40, 1L));
        double[] b = KernelAssertions.fullGram(new RandomSpdKernel(40, 2L));
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void seedZeroIsAllowedAndSingleIndexKernelIsOne() {
        assertEquals(1.0, new RandomSpdKernel(1, 0L).value(0, 0), 0.0);
        assertTrue(new RandomSpdKernel(5, 0L).value(2, 2) > 0);
    }

    @Test
    void invalidSizeAndIndicesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomSpdKernel(0, 1L));
        assertTrue(e.getMessage().contains("n must be >= 1") && e.getMessage().contains("0"));
        assertThrows(IndexOutOfBoundsException.class, () -> new RandomSpdKernel(3, 1L).value(3, 0));
    }
}
