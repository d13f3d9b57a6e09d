package org.paramprediction.covariance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paramprediction.covariance.CovarianceFixtures.relativeMaxDifference;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.paramprediction.SharedSpark;
import org.paramprediction.data.Dataset;
import org.paramprediction.stats.Covariance;

class DistributedCovarianceTest {

    /** Distributed vs local accumulator: the same centred merges in another order. */
    private static final double MERGE_ORDER_TOL = 1e-9;
    /** Ours vs MLlib's RowMatrix (another algorithm, same n - 1 normalisation). */
    private static final double MLLIB_TOL = 1e-9;
    /** Hand-worked fixtures: exact up to a few ulps. */
    private static final double EXACT_TOL = 1e-12;

    private static JavaSparkContext sc;
    private static float[] fashionRows;
    private static int fashionD;

    @BeforeAll
    static void start() {
        sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
        Dataset data = CovarianceFixtures.fashion();
        fashionRows = CovarianceFixtures.allRows(data);
        fashionD = data.features();
    }

    @ParameterizedTest(name = "{0} partitions, squared={1}")
    @CsvSource({"1, false", "2, false", "4, false", "1, true", "2, true", "4, true"})
    void fashionMnistRowsOnAnyPartitionCountMatchTheLocalAccumulator(int partitions, boolean squared) {
        DatasetShape shape = DatasetShape.of(CovarianceFixtures.fashion());
        JavaRDD<float[]> blocks = RowBlocks.blocks(sc, CovarianceFixtures.fashionSupplier(), shape, 300, partitions);

        Covariance distributed = DistributedCovariance.ofRows(blocks, fashionD, squared);
        Covariance local = CovarianceFixtures.local(fashionRows, fashionD, squared);

        assertEquals(partitions, blocks.getNumPartitions());
        assertEquals(CovarianceFixtures.FASHION_ROWS, distributed.count());
        assertEquals(squared, distributed.squaredInputs());
        double diff = relativeMaxDifference(distributed, local);
        assertTrue(diff <= MERGE_ORDER_TOL, "relative max difference " + diff);
    }

    /**
     * MLlib's {@code RowMatrix.computeCovariance} is the unbiased estimate (divides by n - 1), as is
     * {@code CovarianceAccumulator.covariance()} (M2 / (count - 1)), so the matrices compare directly.
     */
    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 4})
    void fashionMnistRowsMatchMllibRowMatrixCovariance(int partitions) {
        List<Vector> vectors = new ArrayList<>();
        for (int r = 0; r < fashionRows.length / fashionD; r++) {
            double[] row = new double[fashionD];
            for (int j = 0; j < fashionD; j++) {
                row[j] = fashionRows[r * fashionD + j];
            }
            vectors.add(Vectors.dense(row));
        }
        Matrix mllib = new RowMatrix(sc.parallelize(vectors, partitions).rdd()).computeCovariance();

        Covariance ours = DistributedCovariance.ofRows(
                sc.parallelize(CovarianceFixtures.blocks(fashionRows, fashionD, 256), partitions), fashionD, false);

        double[] theirs = new double[fashionD * fashionD];
        for (int i = 0; i < fashionD; i++) {
            for (int j = 0; j < fashionD; j++) {
                theirs[i * fashionD + j] = mllib.apply(i, j);
            }
        }
        double diff = relativeMaxDifference(ours.matrix(), theirs, fashionD);
        assertTrue(diff <= MLLIB_TOL, "relative max difference to MLlib " + diff);
    }

    /**
     * Nine partitions at depth 2 take one grouping level on the executors (groups of 3) before the
     * driver: the merge order is fixed by partition index, so two runs agree bit for bit, and a
     * different tree gives the same covariance up to rounding.
     */
    @Test
    void theMergeTreeIsDeterministicAndAgreesAcrossDepths() {
        JavaRDD<float[]> blocks = sc.parallelize(CovarianceFixtures.blocks(fashionRows, fashionD, 64), 9);
        Covariance a = DistributedCovariance.ofRows(blocks, fashionD, false, 2);
        Covariance b = DistributedCovariance.ofRows(blocks, fashionD, false, 2);
        assertArrayEquals(a.matrix(), b.matrix());
        Covariance flat = DistributedCovariance.ofRows(blocks, fashionD, false, 1);
        Covariance deep = DistributedCovariance.ofRows(blocks, fashionD, false, 3);
        assertTrue(relativeMaxDifference(a.matrix(), flat.matrix(), fashionD) <= MERGE_ORDER_TOL);
        assertTrue(relativeMaxDifference(a.matrix(), deep.matrix(), fashionD) <= MERGE_ORDER_TOL);
        assertEquals(a.count(), deep.count());
    }

    /** Rows (1,2), (3,6), (5,10): mean (3,6); deviations (-2,-4), (0,0), (2,4); sums / (3-1). */
    @Test
    void handWorkedThreeRowsGiveTheUnbiasedCovariance() {
        JavaRDD<float[]> blocks = sc.parallelize(List.of(new float[] {1, 2}, new float[] {3, 6, 5, 10}), 2);
        assertMatrix(new double[] {4, 8, 8, 16}, DistributedCovariance.ofRows(blocks, 2, false));
    }

    /**
     * Squared rows (1,4), (9,36), (25,100): x1^2 has mean 35/3, deviations -32/3, -8/3, 40/3, so
     * Var = (1024 + 64 + 1600) / 9 / 2 = 1344/9; x2^2 = 4 x1^2 gives Cov = 4 * 1344/9, Var = 16 * 1344/9.
     */
    @Test
    void handWorkedThreeRowsSquaredGiveTheCovarianceOfTheSquares() {
        JavaRDD<float[]> blocks = sc.parallelize(List.of(new float[] {1, 2}, new float[] {3, 6, 5, 10}), 2);
        double v = 1344.0 / 9;
        Covariance c = DistributedCovariance.ofRows(blocks, 2, true);
        assertMatrix(new double[] {v, 4 * v, 4 * v, 16 * v}, c);
        assertTrue(c.squaredInputs());
    }

    /**
     * d = 7: a column with a large offset (1e4 + N(0,1)), a constant column, a duplicate column, a
     * negated column; blocks of 0 to 37 rows; more partitions than blocks in one case.
     */
    @ParameterizedTest(name = "{0} partitions, depth {1}, squared={2}")
    @CsvSource({"1, 1, false", "3, 2, false", "4, 3, true", "64, 2, false", "64, 4, true"})
    void awkwardRowsInUnevenBlocksAndEmptyPartitionsMatchTheLocalAccumulator(
            int partitions, int depth, boolean squared) {
        int d = 7;
        float[] rows = awkwardRows(1000, d, 11);
        List<float[]> blocks = CovarianceFixtures.unevenBlocks(rows, d, 37, 5);

        Covariance distributed = DistributedCovariance.ofRows(sc.parallelize(blocks, partitions), d, squared, depth);
        Covariance local = CovarianceFixtures.local(rows, d, squared);

        assertEquals(1000, distributed.count());
        double diff = relativeMaxDifference(distributed, local);
        assertTrue(diff <= MERGE_ORDER_TOL, "relative max difference " + diff);
        assertEquals(0.0, distributed.get(1, 1), "constant column has zero variance");
    }

    @Test
    void aBlockWhoseLengthIsNotAMultipleOfTheDimensionFailsTheJobWithAClearMessage() {
        JavaRDD<float[]> blocks = sc.parallelize(List.of(new float[] {1, 2, 3}, new float[] {1, 2, 3, 4}), 2);
        SparkException e = assertThrows(SparkException.class, () -> DistributedCovariance.ofRows(blocks, 3, false));
        assertTrue(e.getMessage().contains("block length 4 is not a multiple of dimension 3"), e.getMessage());
    }

    @Test
    void fewerThanTwoRowsInTotalIsRejected() {
        JavaRDD<float[]> blocks = sc.parallelize(List.of(new float[] {1, 2, 3}, new float[0]), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DistributedCovariance.ofRows(blocks, 3, false));
        assertTrue(e.getMessage().contains("at least 2 rows") && e.getMessage().contains("held 1 rows"), e.getMessage());
    }

    @Test
    void badDimensionAndDepthAreRejectedBeforeAnySparkWork() {
        JavaRDD<float[]> blocks = sc.parallelize(List.of(new float[] {1, 2}), 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DistributedCovariance.ofRows(blocks, 0, false))
                .getMessage().contains("dimension"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DistributedCovariance.ofRows(blocks, 2, false, 0))
                .getMessage().contains("depth"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RowBlocks.ranges(sc, 10, 0, 2))
                .getMessage().contains("rowsPerBlock"));
    }

    @Test
    void rangesCoverEveryRowOnceInOrder() {
        List<int[]> ranges = RowBlocks.ranges(sc, 10, 4, 3).collect();
        assertEquals(3, ranges.size());
        assertEquals(List.of(0, 4, 4, 8, 8, 10), ranges.stream().flatMap(r -> java.util.stream.IntStream.of(r).boxed()).toList());
    }

    private static float[] awkwardRows(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] rows = new float[n * d];
        for (int r = 0; r < n; r++) {
            double g = rng.nextGaussian();
            int o = r * d;
            rows[o] = (float) (1e4 + g);
            rows[o + 1] = 3.5f;
            rows[o + 2] = rows[o];
            rows[o + 3] = (float) rng.nextGaussian();
            rows[o + 4] = -rows[o + 3];
            rows[o + 5] = (float) (1e-3 * rng.nextGaussian());
            rows[o + 6] = (float) (rng.nextDouble() < 0.01 ? 100 : 0);
        }
        return rows;
    }

    private static void assertMatrix(double[] expected, Covariance actual) {
        double[] m = actual.matrix();
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], m[t], EXACT_TOL * Math.abs(expected[t]), "entry " + t);
        }
    }
}
