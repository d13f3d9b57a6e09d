package org.paramprediction.stats;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable {@code d x d} covariance matrix of a layer's inputs (row-major), with the number of
 * rows it was estimated from and whether the inputs were squared first (the "empirical-squared"
 * kernel's statistics).
 *
 * <p>Construction checks the shape ({@code d * d} values), that all entries are finite, that the
 * variances are {@code >= 0} and that the matrix is symmetric within {@link #SYMMETRY_REL_TOL} of
 * the largest variance; the stored matrix is then made exactly symmetric ({@code (a_ij + a_ji) / 2}).
 * {@link #id()} is a content identity that dictionary recipes use to refer to a covariance.
 */
public final class Covariance implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Allowed asymmetry {@code |a_ij - a_ji|}, relative to the largest variance. */
    public static final double SYMMETRY_REL_TOL = 1e-12;

    private final int dimension;
    private final double[] matrix;
    private final long count;
    private final boolean squaredInputs;
    private transient String id;

    /**
     * @param dimension     {@code d >= 1}
     * @param matrix        {@code d * d} values, row-major, symmetric; copied
     * @param count         number of rows the estimate is from, {@code >= 2}
     * @param squaredInputs whether the inputs were squared before estimation
     */
    public Covariance(int dimension, double[] matrix, long count, boolean squaredInputs) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (matrix == null || matrix.length != (long) dimension * dimension) {
            throw new IllegalArgumentException("matrix must have dimension^2 = "
                    + (long) dimension * dimension + " values, got "
                    + (matrix == null ? "null" : matrix.length));
        }
        if (count < 2) {
            throw new IllegalArgumentException("count must be >= 2 rows, got " + count);
        }
        this.dimension = dimension;
        this.matrix = symmetrised(dimension, matrix);
        this.count = count;
        this.squaredInputs = squaredInputs;
    }

    private static double[] symmetrised(int d, double[] a) {
        double maxVariance = 0;
        for (int i = 0; i < d; i++) {
            double v = a[i * d + i];
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        "variance at index " + i + " must be finite and >= 0, got " + v);
            }
            maxVariance = Math.max(maxVariance, v);
        }
        double tol = SYMMETRY_REL_TOL * maxVariance;
        double[] s = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double aij = a[i * d + j];
                double aji = a[j * d + i];
                if (!Double.isFinite(aij) || !Double.isFinite(aji) || Math.abs(aij - aji) > tol) {
                    throw new IllegalArgumentException("matrix must be finite and symmetric (tol "
                            + tol + "), got a[" + i + "][" + j + "]=" + aij
                            + " vs a[" + j + "][" + i + "]=" + aji);
                }
                double v = i == j ? aij : (aij + aji) / 2;
                s[i * d + j] = v;
                s[j * d + i] = v;
            }
        }
        return s;
    }

    public int dimension() {
        return dimension;
    }

    /** A copy of the matrix, row-major, {@code d * d} values. */
    public double[] matrix() {
        return matrix.clone();
    }

    /** {@code Cov(x_i, x_j)}. */
    public double get(int i, int j) {
        Objects.checkIndex(i, dimension);
        Objects.checkIndex(j, dimension);
        return matrix[i * dimension + j];
    }

    /** The diagonal, {@code Var(x_i)}. */
    public double[] variances() {
        double[] v = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = matrix[i * dimension + i];
        }
        return v;
    }

    /** Number of rows the estimate is from. */
    public long count() {
        return count;
    }

    /** Whether each input was squared before estimation (the empirical-squared kernel). */
    public boolean squaredInputs() {
        return squaredInputs;
    }

    /**
     * Indices whose variance is {@code <= relTol * max variance}: dead ReLU units, constant pixels.
     * Kernels must not pick them as alpha points. If every variance is 0, every index is returned.
     *
     * @param relTol finite, {@code >= 0}
     */
    public int[] zeroVarianceIndices(double relTol) {
        if (!(relTol >= 0) || !Double.isFinite(relTol)) {
            throw new IllegalArgumentException("relTol must be finite and >= 0, got " + relTol);
        }
        double[] v = variances();
        double threshold = relTol * Arrays.stream(v).max().orElse(0);
        int[] out = new int[dimension];
        int n = 0;
        for (int i = 0; i < dimension; i++) {
            if (v[i] <= threshold) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Stable content identity: lower-case hex SHA-256 of the matrix entries (each as the 8
     * big-endian bytes of {@link Double#doubleToLongBits}, row-major) followed by one byte for the
     * squaredInputs flag (1 or 0). The count is not part of the identity.
     */
    public String id() {
        String cached = id;
        if (cached == null) {
            cached = computeId();
            id = cached;
        }
        return cached;
    }

    private String computeId() {
        ByteBuffer bytes = ByteBuffer.allocate(matrix.length * Double.BYTES + 1);
        for (double v : matrix) {
            bytes.putLong(Double.doubleToLongBits(v));
        }
        bytes.put((byte) (squaredInputs ? 1 : 0));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }

    /** Re-validates and copies on deserialisation. */
    private Object readResolve() {
        return new Covariance(dimension, matrix, count, squaredInputs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Covariance c && c.dimension == dimension && c.count == count
                && c.squaredInputs == squaredInputs && Arrays.equals(c.matrix, matrix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension, count, squaredInputs, Arrays.hashCode(matrix));
    }

    @Override
    public String toString() {
        return "Covariance[d=" + dimension + ", count=" + count + ", squared=" + squaredInputs + "]";
    }
}
