package org.paramprediction.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CovarianceAccumulatorTest {

    /** Covariance error vs the two-pass reference, relative to sqrt(var_i var_j). */
    private static final double REL_TOL = 1e-9;
    /** Mean error relative to the mean's magnitude (1e4). */
    private static final double MEAN_REL_TOL = 1e-13;
    private static final int ROWS = 5000;
    private static final int D = 20;
    /** Uneven batch sizes: single rows (loop path), around the BLAS threshold, above a chunk. */
    private static final int[] BATCHES = {1, 7, 333, 1000, 2048, 13, 15, 16, 17, 1};

    private static final double[] X = TwoPassReference.awkwardRows(ROWS, D, 20240611L);
    private static final double[] REF = TwoPassReference.covariance(X, ROWS, D);

    private static CovarianceAccumulator addInBatches(double[] x, int from, int to, boolean sq) {
        CovarianceAccumulator acc = new CovarianceAccumulator(D, sq);
        int row = from;
        for (int b = 0; row < to; b = (b + 1) % BATCHES.length) {
            int n = Math.min(BATCHES[b], to - row);
            acc.add(Arrays.copyOfRange(x, row * D, (row + n) * D), n);
            row += n;
        }
        return acc;
    }

    @Test
    void unevenBatchesMatchTwoPassReferenceOnLargeMeanTinyVarianceData() {
        CovarianceAccumulator acc = addInBatches(X, 0, ROWS, false);
        assertEquals(ROWS, acc.count());
        double err = TwoPassReference.relativeError(acc.covariance().matrix(), REF, D);
        assertTrue(err < REL_TOL, "relative error " + err);
        double[] refMean = TwoPassReference.mean(X, ROWS, D);
        for (int j = 0; j < D; j++) {
            assertEquals(refMean[j], acc.mean()[j], MEAN_REL_TOL * Math.abs(refMean[j]));
        }
    }

    @Test
    void naiveFormulaFailsOnThisData() {
        // E[XY] ~ 1e8 while Cov ~ 1e-2: E[XY] - E[X]E[Y] cancels about 10 of the 16 digits of a
        // double, so its error (~1e-16 * 1e8 / 1e-2 ~ 1e-6 relative, plus summation error) is far
        // above REL_TOL (measured: 8.9e-5 for the naive formula, 5.6e-12 for the accumulator).
        // The data really is awkward; the accumulator passes anyway.
        double err = TwoPassReference.relativeError(
                TwoPassReference.naiveCovariance(X, ROWS, D), REF, D);
        assertTrue(err > 100 * REL_TOL, "naive formula relative error " + err);
    }

    @Test
    void singleLargeAddMatchesReference() {
        CovarianceAccumulator acc = new CovarianceAccumulator(D).add(X, ROWS);
        double err = TwoPassReference.relativeError(acc.covariance().matrix(), REF, D);
        assertTrue(err < REL_TOL, "relative error " + err);
    }

    @Test
    void floatRowsMatchReferenceOnTheSameValues() {
        float[] f = new float[X.length];
        double[] asDouble = new double[X.length];
        for (int t = 0; t < X.length; t++) {
            f[t] = (float) X[t];
            asDouble[t] = f[t];
        }
        CovarianceAccumulator acc = new CovarianceAccumulator(D);
        acc.add(Arrays.copyOfRange(f, 0, 3 * D), 3).add(Arrays.copyOfRange(f, 3 * D, f.length),
                ROWS - 3);
        double[] ref = TwoPassReference.covariance(asDouble, ROWS, D);
        double err = TwoPassReference.relativeError(acc.covariance().matrix(), ref, D);
        assertTrue(err < REL_TOL, "relative error " + err);
    }

    @Test
    void threeAccumulatorsMergedInDifferentTreeOrdersMatchReference() {
        double[][] results = new double[3][];
        for (int order = 0; order < 3; order++) {
            CovarianceAccumulator a = addInBatches(X, 0, 1234, false);
            CovarianceAccumulator b = addInBatches(X, 1234, 3234, false);
            CovarianceAccumulator c = addInBatches(X, 3234, ROWS, false);
            CovarianceAccumulator merged = switch (order) {
                case 0 -> a.merge(b).merge(c);
                case 1 -> a.merge(b.merge(c));
                default -> c.merge(a).merge(b);
            };
            assertEquals(ROWS, merged.count());
            results[order] = merged.covariance().matrix();
            double err = TwoPassReference.relativeError(results[order], REF, D);
            assertTrue(err < REL_TOL, "order " + order + ": relative error " + err);
        }
        assertTrue(TwoPassReference.relativeError(results[0], results[2], D) < REL_TOL);
    }

    @Test
    void squaredInputsMatchReferenceOnSquares() {
        CovarianceAccumulator acc = addInBatches(X, 0, ROWS, true);
        Covariance cov = acc.covariance();
        assertTrue(cov.squaredInputs());
        double[] sq = TwoPassReference.squared(X);
        double err = TwoPassReference.relativeError(cov.matrix(),
                TwoPassReference.covariance(sq, ROWS, D), D);
        assertTrue(err < REL_TOL, "relative error " + err);
        double[] refMean = TwoPassReference.mean(sq, ROWS, D);
        assertEquals(refMean[5], acc.mean()[5], MEAN_REL_TOL * refMean[5]);
    }

    @Test
    void mergeWithEmptyAccumulatorIsTheIdentity() {
        CovarianceAccumulator a = addInBatches(X, 0, 700, false);
        double[] mean = a.mean();
        double[] m2 = a.m2();
        assertSame(a, a.merge(new CovarianceAccumulator(D)));
        assertArrayEquals(mean, a.mean(), 0.0);
        assertArrayEquals(m2, a.m2(), 0.0);
        CovarianceAccumulator empty = new CovarianceAccumulator(D).merge(a);
        assertEquals(700, empty.count());
        assertArrayEquals(mean, empty.mean(), 0.0);
        assertArrayEquals(m2, empty.m2(), 0.0);
        assertEquals(700, a.add(new double[0], 0).count());
    }

    @Test
    void covarianceNeedsAtLeastTwoRows() {
        CovarianceAccumulator acc = new CovarianceAccumulator(D).add(X, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, acc::covariance);
        assertTrue(e.getMessage().contains("count >= 2") && e.getMessage().contains("count=1"),
                e.getMessage());
        assertEquals(2, acc.add(X, 1).covariance().count());
    }

    @Test
    void mergeRejectsDifferentDimensionOrSquaredFlag() {
        CovarianceAccumulator a = new CovarianceAccumulator(D);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.merge(new CovarianceAccumulator(D + 1)));
        assertTrue(e.getMessage().contains("dimension") && e.getMessage().contains("21"));
        e = assertThrows(IllegalArgumentException.class,
                () -> a.merge(new CovarianceAccumulator(D, true)));
        assertTrue(e.getMessage().contains("squaredInputs"), e.getMessage());
    }

    @Test
    void addRejectsTooFewValuesAndBadDimension() {
        CovarianceAccumulator a = new CovarianceAccumulator(D);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.add(new double[D * 2], 3));
        assertTrue(e.getMessage().contains("numRows") && e.getMessage().contains("3"));
        assertThrows(IllegalArgumentException.class, () -> a.add(new float[D], -1));
        assertThrows(IllegalArgumentException.class, () -> a.add((float[]) null, 0));
        assertThrows(IllegalArgumentException.class, () -> new CovarianceAccumulator(0));
    }

    @Test
    void serializationRoundTripGivesIdenticalArraysAndKeepsWorking() throws Exception {
        CovarianceAccumulator a = addInBatches(X, 0, 2500, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        CovarianceAccumulator b;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            b = (CovarianceAccumulator) in.readObject();
        }
        assertEquals(a.count(), b.count());
        assertEquals(a.dimension(), b.dimension());
        assertTrue(b.squaredInputs());
        assertArrayEquals(a.mean(), b.mean(), 0.0);
        assertArrayEquals(a.m2(), b.m2(), 0.0);
        double[] rest = Arrays.copyOfRange(X, 2500 * D, ROWS * D);
        a.add(rest, ROWS - 2500);
        b.add(rest, ROWS - 2500);
        assertArrayEquals(a.m2(), b.m2(), 0.0);
        assertFalse(a.covariance().id().isEmpty());
        assertEquals(a.covariance().id(), b.covariance().id());
    }
}
