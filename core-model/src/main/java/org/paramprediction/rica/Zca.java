package org.paramprediction.rica;

import org.paramprediction.dictionary.SymmetricEigensolver;
import org.paramprediction.stats.Covariance;
import org.paramprediction.stats.CovarianceAccumulator;

/**
 * ZCA whitening fitted to rows {@code x} ({@code d} values each): with the mean {@code mu} and the
 * covariance {@code C = E D E^T} of the rows (streaming centred accumulation,
 * {@link CovarianceAccumulator}; eigendecomposition by {@link SymmetricEigensolver}),
 *
 * <pre>  x -> (x - mu) M,   M = E (D + eps I)^-1/2 E^T</pre>
 *
 * ({@code M} is symmetric). The whitened rows have covariance {@code E D (D + eps I)^-1 E^T}: the
 * identity along eigenvectors whose eigenvalue is large against {@code eps}, and nearly zero along
 * those far below it (degenerate directions, such as the constant direction of blank patches, are
 * not blown up). Negative eigenvalues from rounding are taken as 0. {@code eps} is absolute, in
 * the units of the covariance (for pixels in {@code [0, 1]}, e.g. {@code 0.01}).
 *
 * <p>Fitting and whitening run in plain Java with a fixed loop order (no BLAS), so the whitened
 * rows, and therefore a RICA run's starting data, are the same bit for bit on every CPU; the cost
 * is {@code count * d^2} multiply-adds, about 40 ms for 10,000 patches of 64 values.
 */
public final class Zca {

    private final int dimension;
    private final double epsilon;
    private final double[] mean;
    private final double[] eigenvalues;
    private final double[] whitening;

    private Zca(int dimension, double epsilon, double[] mean, double[] eigenvalues, double[] whitening) {
        this.dimension = dimension;
        this.epsilon = epsilon;
        this.mean = mean;
        this.eigenvalues = eigenvalues;
        this.whitening = whitening;
    }

    /**
     * Fits the whitening to {@code count >= 2} rows of {@code dimension} values ({@code rows}
     * row-major).
     *
     * @param epsilon {@code > 0}, added to every eigenvalue
     */
    public static Zca fit(double[] rows, int count, int dimension, double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0 but was " + epsilon);
        }
        if (dimension < 1 || count < 2 || rows == null || rows.length < (long) count * dimension) {
            throw new IllegalArgumentException("need count >= 2 rows of dimension >= 1 in rows but count was "
                    + count + ", dimension " + dimension + ", rows.length "
                    + (rows == null ? "null" : rows.length));
        }
        CovarianceAccumulator acc = new CovarianceAccumulator(dimension).add(rows, count);
        Covariance covariance = acc.covariance();
        SymmetricEigensolver.Result eig = SymmetricEigensolver.decompose(covariance.matrix(), dimension);
        double[] values = eig.values();
        double[] e = eig.vectorRows(); // row k = eigenvector k
        double[] scale = new double[dimension];
        for (int k = 0; k < dimension; k++) {
            scale[k] = 1.0 / Math.sqrt(Math.max(values[k], 0) + epsilon);
        }
        double[] m = new double[dimension * dimension];
        for (int k = 0; k < dimension; k++) {
            int row = k * dimension;
            for (int i = 0; i < dimension; i++) {
                double ei = e[row + i] * scale[k];
                for (int j = 0; j < dimension; j++) {
                    m[i * dimension + j] += ei * e[row + j];
                }
            }
        }
        return new Zca(dimension, epsilon, acc.mean(), values.clone(), m);
    }

    /** Whitens the first {@code count} rows of {@code rows} in place. */
    public void whitenInPlace(double[] rows, int count) {
        if (rows == null || rows.length < (long) count * dimension || count < 0) {
            throw new IllegalArgumentException("rows must hold count * dimension = " + count + " * " + dimension
                    + " values but had " + (rows == null ? "null" : rows.length));
        }
        double[] centred = new double[dimension];
        for (int t = 0; t < count; t++) {
            int off = t * dimension;
            for (int i = 0; i < dimension; i++) {
                centred[i] = rows[off + i] - mean[i];
            }
            for (int j = 0; j < dimension; j++) {
                rows[off + j] = 0;
            }
            for (int i = 0; i < dimension; i++) {
                double ci = centred[i];
                int mrow = i * dimension;
                for (int j = 0; j < dimension; j++) {
                    rows[off + j] += ci * whitening[mrow + j];
                }
            }
        }
    }

    /** Whitened copies of {@code patches}' rows, with the same shape and seed. */
    public Patches whiten(Patches patches) {
        if (patches.dimension() != dimension) {
            throw new IllegalArgumentException("patches have dimension " + patches.dimension()
                    + " but this whitening was fitted to dimension " + dimension);
        }
        double[] rows = patches.rows().clone();
        whitenInPlace(rows, patches.count());
        return new Patches(patches.shape(), patches.count(), rows, patches.seed());
    }

    public int dimension() {
        return dimension;
    }

    public double epsilon() {
        return epsilon;
    }

    /** A copy of the mean {@code mu}. */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the covariance's eigenvalues, in the solver's (unsorted) order. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** A copy of {@code M}, row-major {@code d x d}. */
    public double[] matrix() {
        return whitening.clone();
    }
}
