package org.paramprediction.dictionary;

/**
 * How a layer's dictionary {@code U} (nv x na) in {@code W = U V} is made (METHOD.md sections 2-3).
 *
 * <ul>
 *   <li>{@link #FULL}: no factorisation, the ordinary layer (fraction 1); there is no {@code U}.
 *   <li>{@link #KERNEL_RIDGE}: {@code U = K_xa (K_aa + lambda I)^-1} over random alpha points.
 *   <li>{@link #RAND_FIX_U}: {@code U} i.i.d. Gaussian, fixed.
 *   <li>{@link #RAND_CON}: {@code U} = the identity columns at alpha (random connections).
 *   <li>{@link #LOW_RANK}: {@code U} Gaussian at start, then learned with {@code V}.
 *   <li>{@link #PCA}: the top eigenvectors of the input covariance.
 *   <li>{@link #DCT}: the lowest-frequency orthonormal 2-D DCT-II atoms of the image grid.
 * </ul>
 */
public enum DictionaryKind {
    FULL,
    KERNEL_RIDGE,
    RAND_FIX_U,
    RAND_CON,
    LOW_RANK,
    PCA,
    DCT;

    /** True for the kinds built on a random subset alpha of the inputs (KERNEL_RIDGE, RAND_CON). */
    public boolean hasAlpha() {
        return this == KERNEL_RIDGE || this == RAND_CON;
    }
}
