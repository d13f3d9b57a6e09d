package org.paramprediction.stats;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * Streaming centred covariance of {@code d}-dimensional rows, mergeable (for Spark's
 * {@code treeAggregate}) and Java-serialisable as plain arrays.
 *
 * <p>State: {@code count}, {@code mean} ({@code d}) and {@code m2} ({@code d * d}, row-major, the
 * sum of centred cross-products {@code sum (x - mean)^T (x - mean)}, of which only the upper
 * triangle {@code j >= i} is kept up to date: batches and merges touch half the matrix, and
 * {@link #covariance} mirrors it, so the result is exactly symmetric). A batch is
 * added by computing its own mean and centred cross-products (two passes over the batch, in
 * double) and merging them with the pairwise update of Chan, Golub and LeVeque:
 *
 * <pre>  n = n_a + n_b,  delta = mean_b - mean_a
 *  M2 = M2_a + M2_b + delta delta^T * n_a n_b / n
 *  mean = mean_a + delta * n_b / n</pre>
 *
 * Never {@code E[XY] - E[X]E[Y]}, which loses all precision when the mean is large against the
 * spread. With {@code squaredInputs}, each input {@code x} is replaced by {@code x * x} (in double)
 * before accumulation: the statistics of the "empirical-squared" kernel. Not thread-safe.
 */
public final class CovarianceAccumulator implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows per internal chunk: bounds scratch memory for large {@code add} calls. */
    static final int CHUNK_ROWS = 1024;

    private long count;
    private final double[] mean;
    private final double[] m2;
    private final boolean squaredInputs;

    private transient CrossProducts products;
    private transient double[] chunk;
    private transient double[] batchMean;
    private transient double[] batchM2;

    /**
     * @param dimension     {@code d >= 1}, values per row
     * @param squaredInputs if true, accumulate the statistics of {@code x * x}
     */
    public CovarianceAccumulator(int dimension, boolean squaredInputs) {
        if (dimension < 1 || (long) dimension * dimension > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "dimension must be in [1, 46340] (d*d must fit an array), got " + dimension);
        }
        this.mean = new double[dimension];
        this.m2 = new double[dimension * dimension];
        this.squaredInputs = squaredInputs;
    }

    /** An accumulator of the plain (not squared) inputs. */
    public CovarianceAccumulator(int dimension) {
        this(dimension, false);
    }

    /** Adds the first {@code numRows} rows of {@code rows} (row-major, {@code d} per row). */
    public CovarianceAccumulator add(float[] rows, int numRows) {
        checkRows(rows == null ? -1 : rows.length, numRows);
        return addRows(numRows, (dst, from, len) -> {
            for (int t = 0; t < len; t++) {
                dst[t] = rows[from + t];
            }
        });
    }

    /** Adds the first {@code numRows} rows of {@code rows} (row-major, {@code d} per row). */
    public CovarianceAccumulator add(double[] rows, int numRows) {
        checkRows(rows == null ? -1 : rows.length, numRows);
        return addRows(numRows, (dst, from, len) -> System.arraycopy(rows, from, dst, 0, len));
    }

    /** Copies {@code len} input values starting at value {@code from} into {@code dst[0..len)}. */
    private interface Loader {
        void load(double[] dst, int from, int len);
    }

    private CovarianceAccumulator addRows(int numRows, Loader loader) {
        int d = mean.length;
        for (int start = 0; start < numRows; start += CHUNK_ROWS) {
            int n = Math.min(CHUNK_ROWS, numRows - start);
            double[] x = chunk(n);
            loader.load(x, start * d, n * d);
            if (squaredInputs) {
                for (int t = 0; t < n * d; t++) {
                    x[t] *= x[t];
                }
            }
            products.compute(x, n, batchMean, batchM2);
            mergeMoments(n, batchMean, batchM2);
        }
        return this;
    }

    private void checkRows(int length, int numRows) {
        if (length < 0) {
            throw new IllegalArgumentException("rows must not be null");
        }
        if (numRows < 0 || (long) numRows * mean.length > length) {
            throw new IllegalArgumentException("numRows must be in [0, rows.length / d = "
                    + length / mean.length + "] with d=" + mean.length + ", got " + numRows);
        }
    }

    private double[] chunk(int n) {
        int d = mean.length;
        if (products == null) {
            products = new CrossProducts(d);
            batchMean = new double[d];
            batchM2 = new double[d * d];
        }
        if (chunk == null || chunk.length < n * d) {
            chunk = new double[n * d];
        }
        return chunk;
    }

    /** Merges {@code other} into this (Chan, Golub, LeVeque) and returns this. */
    public CovarianceAccumulator merge(CovarianceAccumulator other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        if (other.mean.length != mean.length) {
            throw new IllegalArgumentException("cannot merge accumulators of different dimension: "
                    + "this has d=" + mean.length + ", other has d=" + other.mean.length);
        }
        if (other.squaredInputs != squaredInputs) {
            throw new IllegalArgumentException("cannot merge accumulators with different "
                    + "squaredInputs: this=" + squaredInputs + ", other=" + other.squaredInputs);
        }
        if (other == this) {
            return mergeMoments(count, mean.clone(), m2.clone());
        }
        return mergeMoments(other.count, other.mean, other.m2);
    }

    private CovarianceAccumulator mergeMoments(long nb, double[] meanB, double[] m2B) {
        if (nb == 0) {
            return this;
        }
        if (count == 0) {
            count = nb;
            System.arraycopy(meanB, 0, mean, 0, mean.length);
            System.arraycopy(m2B, 0, m2, 0, m2.length);
            return this;
        }
        int d = mean.length;
        long n = count + nb;
        double weight = (double) count / n * nb;
        double[] delta = new double[d];
        for (int i = 0; i < d; i++) {
            delta[i] = meanB[i] - mean[i];
        }
        for (int i = 0; i < d; i++) {
            double di = delta[i] * weight;
            for (int j = i, ij = i * d + i; j < d; j++, ij++) { // upper triangle only
                m2[ij] += m2B[ij] + di * delta[j];
            }
        }
        double fraction = (double) nb / n;
        for (int i = 0; i < d; i++) {
            mean[i] += delta[i] * fraction;
        }
        count = n;
        return this;
    }

    /** Number of rows accumulated. */
    public long count() {
        return count;
    }

    public int dimension() {
        return mean.length;
    }

    public boolean squaredInputs() {
        return squaredInputs;
    }

    /** A copy of the running mean (of {@code x * x} if {@code squaredInputs}). */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the centred cross-product sum {@code M2}, row-major, symmetric. */
    double[] m2() {
        return symmetric(1.0);
    }

    /** The unbiased covariance {@code M2 / (count - 1)}; needs {@code count >= 2}. */
    public Covariance covariance() {
        if (count < 2) {
            throw new IllegalStateException(
                    "covariance needs count >= 2 accumulated rows, got count=" + count);
        }
        return new Covariance(mean.length, symmetric(count - 1), count, squaredInputs);
    }

    /** {@code M2 / denominator} with the upper triangle mirrored into the lower one. */
    private double[] symmetric(double denominator) {
        int d = mean.length;
        double[] c = new double[m2.length];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = m2[i * d + j] / denominator;
                c[i * d + j] = v;
                c[j * d + i] = v;
            }
        }
        return c;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (mean == null || m2 == null || mean.length == 0
                || m2.length != (long) mean.length * mean.length || count < 0) {
            throw new InvalidObjectException("corrupt CovarianceAccumulator: count=" + count
                    + ", mean.length=" + (mean == null ? -1 : mean.length)
                    + ", m2.length=" + (m2 == null ? -1 : m2.length));
        }
    }

    @Override
    public String toString() {
        return "CovarianceAccumulator[d=" + mean.length + ", count=" + count
                + ", squared=" + squaredInputs + "]";
    }
}
