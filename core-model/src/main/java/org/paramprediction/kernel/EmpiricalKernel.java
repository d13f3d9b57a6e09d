package org.paramprediction.kernel;

import java.util.Objects;
import org.paramprediction.stats.Covariance;

/**
 * The empirical (data-driven) kernel: the covariance of the layer's inputs over the training data,
 *
 * <pre>  k(i, j) = Cov(x_i, x_j)</pre>
 *
 * For layer 2 that is the covariance of layer 1's hidden activations. The "empirical-squared"
 * variant is the same kernel over a covariance of the squared inputs {@code x_i^2}, i.e. a
 * {@link Covariance} with {@link Covariance#squaredInputs()} true (made by a
 * {@code CovarianceAccumulator} with {@code squaredInputs = true}).
 *
 * <p>Inputs with zero variance (dead ReLU units, constant pixels) give zero rows and columns; they
 * must not be picked as alpha points, see {@link Covariance#zeroVarianceIndices(double)}.
 */
public final class EmpiricalKernel implements Kernel {

    private final Covariance covariance;
    private final double[] matrix;
    private final int dimension;

    /** @param covariance the input covariance, not null */
    public EmpiricalKernel(Covariance covariance) {
        if (covariance == null) {
            throw new IllegalArgumentException("covariance must not be null");
        }
        this.covariance = covariance;
        this.matrix = covariance.matrix();
        this.dimension = covariance.dimension();
    }

    @Override
    public int size() {
        return dimension;
    }

    @Override
    public double value(int i, int j) {
        Objects.checkIndex(i, dimension);
        Objects.checkIndex(j, dimension);
        return matrix[i * dimension + j];
    }

    /** The covariance this kernel reads. */
    public Covariance covariance() {
        return covariance;
    }

    /** True for the empirical-squared variant (covariance of squared inputs). */
    public boolean squaredInputs() {
        return covariance.squaredInputs();
    }

    @Override
    public String toString() {
        return "EmpiricalKernel[d=" + dimension + ", squared=" + squaredInputs()
                + ", covariance=" + covariance.id() + "]";
    }
}
