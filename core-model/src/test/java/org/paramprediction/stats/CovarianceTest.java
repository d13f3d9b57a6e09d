package org.paramprediction.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class CovarianceTest {

    /** Variance of a constant column after centring is 0 or rounding noise far below this. */
    private static final double ZERO_VARIANCE_REL_TOL = 1e-12;

    private static final double[] M = {
        4.0, 1.0, 0.5,
        1.0, 2.0, 0.0,
        0.5, 0.0, 1.0,
    };

    @Test
    void accessorsReturnEntriesVariancesAndCopies() {
        Covariance c = new Covariance(3, M, 10, false);
        assertEquals(3, c.dimension());
        assertEquals(10, c.count());
        assertEquals(0.5, c.get(2, 0), 0.0);
        assertArrayEquals(new double[] {4.0, 2.0, 1.0}, c.variances(), 0.0);
        double[] copy = c.matrix();
        copy[0] = 99;
        assertEquals(4.0, c.get(0, 0), 0.0);
        double[] source = M.clone();
        Covariance d = new Covariance(3, source, 10, false);
        source[1] = 7;
        assertEquals(1.0, d.get(0, 1), 0.0);
    }

    @Test
    void constructionRejectsBadShapeAsymmetryNegativeVarianceAndCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Covariance(3, new double[8], 10, false));
        assertTrue(e.getMessage().contains("9") && e.getMessage().contains("8"), e.getMessage());
        double[] asym = M.clone();
        asym[1] = 1.1;
        e = assertThrows(IllegalArgumentException.class, () -> new Covariance(3, asym, 10, false));
        assertTrue(e.getMessage().contains("symmetric") && e.getMessage().contains("1.1"));
        double[] negative = M.clone();
        negative[4] = -1e-3;
        e = assertThrows(IllegalArgumentException.class,
                () -> new Covariance(3, negative, 10, false));
        assertTrue(e.getMessage().contains("index 1") && e.getMessage().contains("-0.001"));
        double[] nan = M.clone();
        nan[2] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> new Covariance(3, nan, 10, false));
        e = assertThrows(IllegalArgumentException.class, () -> new Covariance(3, M, 1, false));
        assertTrue(e.getMessage().contains("count") && e.getMessage().contains("1"));
    }

    @Test
    void roundingLevelAsymmetryIsAcceptedAndSymmetrised() {
        double[] almost = M.clone();
        almost[1] = 1.0 + 1e-15;
        Covariance c = new Covariance(3, almost, 10, false);
        assertEquals(c.get(0, 1), c.get(1, 0), 0.0);
    }

    @Test
    void idIsStableSha256OfContentAndFlag() {
        String id = new Covariance(3, M, 10, false).id();
        assertEquals(64, id.length());
        assertTrue(id.matches("[0-9a-f]{64}"));
        assertEquals(id, new Covariance(3, M.clone(), 10, false).id());
        assertEquals(id, new Covariance(3, M, 500, false).id(), "count is not part of the id");
        assertNotEquals(id, new Covariance(3, M, 10, true).id());
        double[] changed = M.clone();
        changed[8] = Math.nextUp(1.0);
        assertNotEquals(id, new Covariance(3, changed, 10, false).id());
    }

    @Test
    void zeroVarianceIndicesFindConstantColumns() {
        int rows = 300;
        int d = 6;
        double[] x = TwoPassReference.awkwardRows(rows, d, 5L);
        for (int r = 0; r < rows; r++) {
            x[r * d + 2] = 0.3;   // a constant pixel: rounding of its mean may leave ~1e-34
            x[r * d + 4] = 0.0;   // a dead ReLU unit: exactly 0
        }
        Covariance c = new CovarianceAccumulator(d).add(x, 17).add(
                java.util.Arrays.copyOfRange(x, 17 * d, rows * d), rows - 17).covariance();
        assertArrayEquals(new int[] {2, 4}, c.zeroVarianceIndices(ZERO_VARIANCE_REL_TOL));
        assertArrayEquals(new int[] {0, 1, 2}, new Covariance(3, new double[9], 5, false)
                .zeroVarianceIndices(0.0));
        assertThrows(IllegalArgumentException.class, () -> c.zeroVarianceIndices(-1));
    }

    @Test
    void serializationRoundTripKeepsContentAndId() throws Exception {
        Covariance c = new Covariance(3, M, 10, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        Covariance back;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Covariance) in.readObject();
        }
        assertEquals(c, back);
        assertArrayEquals(c.matrix(), back.matrix(), 0.0);
        assertEquals(c.id(), back.id());
    }
}
