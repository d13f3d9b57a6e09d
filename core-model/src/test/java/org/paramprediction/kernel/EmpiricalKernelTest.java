package org.paramprediction.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paramprediction.stats.Covariance;

class EmpiricalKernelTest {

    private static final double[] MATRIX = {
        2.0, 0.5, -0.25,
        0.5, 1.0, 0.0,
        -0.25, 0.0, 3.0,
    };

    @Test
    void returnsTheCovarianceEntries() {
        Covariance cov = new Covariance(3, MATRIX, 100, false);
        EmpiricalKernel k = new EmpiricalKernel(cov);
        assertEquals(3, k.size());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(MATRIX[i * 3 + j], k.value(i, j), 0.0);
                assertEquals(cov.get(i, j), k.value(i, j), 0.0);
            }
        }
        assertEquals(-0.25, k.gram(new int[] {2}, new int[] {0})[0], 0.0);
    }

    @Test
    void squaredVariantIsTheKernelOverASquaredInputCovariance() {
        EmpiricalKernel k = new EmpiricalKernel(new Covariance(3, MATRIX, 100, true));
        assertTrue(k.squaredInputs());
    }

    @Test
    void nullCovarianceAndBadIndicesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new EmpiricalKernel(null));
        EmpiricalKernel k = new EmpiricalKernel(new Covariance(3, MATRIX, 100, false));
        assertThrows(IndexOutOfBoundsException.class, () -> k.value(0, 3));
    }
}
