package org.paramprediction.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SquaredExponentialKernelTest {

    /** Tolerance for values computed by two different exp implementations (StrictMath vs Math). */
    private static final double VALUE_TOL = 1e-15;

    @Test
    void gramOnSixBySixGridIsSymmetricPositiveDefiniteWithUnitDiagonal() {
        Kernel k = new SquaredExponentialKernel(InputLocations.grid(6, 6), 1.0);
        double[] g = KernelAssertions.fullGram(k);
        KernelAssertions.assertSymmetric(g, 36);
        KernelAssertions.assertPositiveDefinite(g, 36);
        for (int i = 0; i < 36; i++) {
            assertEquals(1.0, g[i * 36 + i], 0.0);
        }
    }

    @Test
    void gramOnLineIsSymmetricPositiveDefiniteWithUnitDiagonal() {
        Kernel k = new SquaredExponentialKernel(InputLocations.line(20), 1.5);
        double[] g = KernelAssertions.fullGram(k);
        KernelAssertions.assertSymmetric(g, 20);
        KernelAssertions.assertPositiveDefinite(g, 20);
        for (int i = 0; i < 20; i++) {
            assertEquals(1.0, k.value(i, i), 0.0);
        }
    }

    @Test
    void handWorkedValueForTwoGridPoints() {
        // p = (0, 0) and (1, 2): |p - q|^2 = 1 + 4 = 5; l = 2: exp(-5 / 8) = 0.5352614285189903
        SquaredExponentialKernel k = new SquaredExponentialKernel(InputLocations.grid(4, 4), 2.0);
        int a = 0;
        int b = 1 * 4 + 2;
        assertEquals(0.5352614285189903, k.value(a, b), VALUE_TOL);
        assertEquals(k.value(a, b), k.value(b, a), 0.0);
        assertEquals(Math.exp(-5.0 / 8.0), k.value(a, b), VALUE_TOL);
    }

    @Test
    void gramBlockMatchesValues() {
        Kernel k = new SquaredExponentialKernel(InputLocations.grid(5, 5), 1.3);
        int[] rows = {0, 7, 24};
        int[] cols = {3, 12};
        double[] g = k.gram(rows, cols);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols.length; c++) {
                assertEquals(k.value(rows[r], cols[c]), g[r * cols.length + c], 0.0);
            }
        }
    }

    @Test
    void tiedLengthScaleOnMnistGridIsFactorTimesSqrtOfAreaPerAlphaPoint() {
        InputLocations mnist = InputLocations.grid(28, 28);
        double factor = 0.7;
        double expected = factor * Math.sqrt(784.0 / 78.0); // 0.7 * 3.170375695604868
        assertEquals(expected, SquaredExponentialKernel.tiedLengthScale(mnist, 78, factor),
                VALUE_TOL);
        assertEquals(3.170375695604868, SquaredExponentialKernel.tiedLengthScale(mnist, 78, 1.0),
                VALUE_TOL);
    }

    @Test
    void tiedLengthScaleOnLineIsFactorTimesSpacing() {
        InputLocations hidden = InputLocations.line(500);
        assertEquals(2.0 * 500.0 / 25.0,
                SquaredExponentialKernel.tiedLengthScale(hidden, 25, 2.0), 0.0);
    }

    @Test
    void fewerAlphaPointsGiveLongerTiedLengthScale() {
        InputLocations mnist = InputLocations.grid(28, 28);
        assertTrue(SquaredExponentialKernel.tiedLengthScale(mnist, 20, 1.0)
                > SquaredExponentialKernel.tiedLengthScale(mnist, 200, 1.0));
    }

    @Test
    void invalidParametersAreRejectedWithNamedParameterAndValue() {
        InputLocations g = InputLocations.grid(3, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SquaredExponentialKernel(g, 0.0));
        assertTrue(e.getMessage().contains("lengthScale") && e.getMessage().contains("0.0"));
        assertThrows(IllegalArgumentException.class,
                () -> new SquaredExponentialKernel(g, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new SquaredExponentialKernel(null, 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> SquaredExponentialKernel.tiedLengthScale(g, 10, 1.0));
        assertTrue(e.getMessage().contains("numAlpha") && e.getMessage().contains("10"));
        e = assertThrows(IllegalArgumentException.class,
                () -> SquaredExponentialKernel.tiedLengthScale(g, 3, -1.0));
        assertTrue(e.getMessage().contains("factor") && e.getMessage().contains("-1.0"));
    }
}
