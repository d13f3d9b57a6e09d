package org.paramprediction.dictionary;

/**
 * The kernel {@code k} of a {@link DictionaryKind#KERNEL_RIDGE} dictionary (METHOD.md section 2).
 *
 * <ul>
 *   <li>{@link #SE}: {@code k(i,j) = exp(-|p_i - p_j|^2 / (2 l^2))} on input locations.
 *   <li>{@link #EMPIRICAL}: {@code k(i,j) = Cov(x_i, x_j)} over the training data.
 *   <li>{@link #EMPIRICAL_SQUARED}: {@code k(i,j) = Cov(x_i^2, x_j^2)}.
 *   <li>{@link #RANDOM}: a random symmetric positive-definite matrix (a control).
 * </ul>
 */
public enum KernelKind {
    SE,
    EMPIRICAL,
    EMPIRICAL_SQUARED,
    RANDOM;

    /** True for the data-driven kernels, which need a covariance of the layer's inputs. */
    public boolean needsCovariance() {
        return this == EMPIRICAL || this == EMPIRICAL_SQUARED;
    }
}
