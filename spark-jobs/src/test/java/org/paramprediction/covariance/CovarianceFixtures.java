package org.paramprediction.covariance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.stats.Covariance;
import org.paramprediction.stats.CovarianceAccumulator;

/** Shared test data: the first 2,000 Fashion-MNIST training images, held once per test JVM. */
final class CovarianceFixtures {

    static final int FASHION_ROWS = 2000;

    private static ByteImageDataset fashion;

    private CovarianceFixtures() {}

    /** The per-JVM cache a real {@link DatasetSupplier} reads from; tasks run in this JVM. */
    static synchronized Dataset fashion() {
        if (fashion == null) {
            fashion = FashionMnist.loadTrainFile(FashionMnist.DEFAULT_ROOT).slice(0, FASHION_ROWS);
        }
        return fashion;
    }

    /** A serialisable supplier that, like the sweep's, reads the per-JVM cache. */
    static DatasetSupplier fashionSupplier() {
        return CovarianceFixtures::fashion;
    }

    /** All rows of {@code data}, row-major. */
    static float[] allRows(Dataset data) {
        int[] idx = new int[data.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        float[] rows = new float[data.size() * data.features()];
        data.copyRows(idx, 0, idx.length, rows);
        return rows;
    }

    /** The reference: one local accumulator fed all rows at once. */
    static Covariance local(float[] rows, int d, boolean squared) {
        return new CovarianceAccumulator(d, squared).add(rows, rows.length / d).covariance();
    }

    /** {@code rows} cut into consecutive blocks of {@code rowsPerBlock} rows (the last may be shorter). */
    static List<float[]> blocks(float[] rows, int d, int rowsPerBlock) {
        List<float[]> out = new ArrayList<>();
        for (int from = 0; from < rows.length; from += rowsPerBlock * d) {
            int to = Math.min(rows.length, from + rowsPerBlock * d);
            out.add(java.util.Arrays.copyOfRange(rows, from, to));
        }
        return out;
    }

    /** {@code rows} cut into blocks of 0 to {@code maxRows} rows (empty blocks included). */
    static List<float[]> unevenBlocks(float[] rows, int d, int maxRows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>();
        int n = rows.length / d;
        for (int r = 0; r < n; ) {
            int k = Math.min(n - r, rng.nextInt(maxRows + 1));
            out.add(java.util.Arrays.copyOfRange(rows, r * d, (r + k) * d));
            r += k;
        }
        return out;
    }

    /** {@code max |a_ij - b_ij| / max_i b_ii}. */
    static double relativeMaxDifference(double[] a, double[] b, int d) {
        double maxVariance = 0;
        for (int i = 0; i < d; i++) {
            maxVariance = Math.max(maxVariance, b[i * d + i]);
        }
        double max = 0;
        for (int t = 0; t < a.length; t++) {
            max = Math.max(max, Math.abs(a[t] - b[t]));
        }
        return max / maxVariance;
    }

    static double relativeMaxDifference(Covariance a, Covariance b) {
        return relativeMaxDifference(a.matrix(), b.matrix(), b.dimension());
    }
}
