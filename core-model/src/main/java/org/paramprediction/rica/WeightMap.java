package org.paramprediction.rica;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How RICA's weights {@code W} ({@code inputs x features}) are made from the optimised parameters
 * {@code P}, and how a gradient with respect to {@code W} becomes one with respect to {@code P}
 * (the chain rule). Arrays are DOUBLE and Fortran-order; the flat parameter vector of the
 * optimiser is the column-major storage of {@code P} (shape {@link #parameterShape()}).
 *
 * <ul>
 *   <li>{@link FullWeightMap}: {@code P = W}.
 *   <li>{@link FactoredWeightMap}: {@code P = V}, {@code W_j = U_j V_j} per column.
 * </ul>
 * Implementations keep their scratch preallocated and are not thread-safe.
 */
public interface WeightMap {

    /** Rows of {@code W}: values per input row ({@code c * p * p}). */
    int inputs();

    /** Columns of {@code W}: the features. */
    int features();

    /** {@code [rows, columns]} of {@code P}. */
    long[] parameterShape();

    /** Number of optimised parameters, {@code rows * columns} of {@code P}. */
    default int parameters() {
        long[] s = parameterShape();
        return Math.toIntExact(s[0] * s[1]);
    }

    /** Writes {@code W(P)} into {@code w} ({@code inputs x features}). */
    void weights(INDArray p, INDArray w);

    /** Writes {@code dL/dP} into {@code dp}, given {@code dL/dW} in {@code dw}. */
    void backward(INDArray dw, INDArray dp);

    /** A short description for logs, e.g. {@code Full 64x32}. */
    String describe();
}
