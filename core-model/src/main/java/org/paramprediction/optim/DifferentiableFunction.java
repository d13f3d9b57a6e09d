package org.paramprediction.optim;

/**
 * A smooth function {@code f: R^n -> R} evaluated together with its gradient, over a flat
 * {@code double[]} parameter vector.
 *
 * <p>Why {@code double}: the minimiser ({@link Lbfgs}) forms inner products {@code s^T y},
 * {@code g^T d} and differences of nearby function values to test the Wolfe conditions; in
 * {@code float} these lose all their digits long before a RICA or Rosenbrock problem is solved
 * (a relative change of {@code 1e-7} in {@code f} is already rounding). The vectors are small (the
 * learned {@code V} of one layer: thousands to tens of thousands of values), so the memory is
 * nothing, and the finite-difference gradient checks need double anyway. An objective may still
 * keep its data in {@code float}; only the parameters and the gradient are {@code double}.
 *
 * <p>Sums: an objective over many rows is the sum of the same objective over row blocks (with the
 * same normaliser), so a distributed evaluation returns each block's value and gradient and adds
 * them in a fixed order ({@link FunctionSum} does exactly that locally).
 */
public interface DifferentiableFunction {

    /** {@code n}, the length of the parameter vector. */
    int dimension();

    /**
     * Returns {@code f(x)} and overwrites {@code gradient} with {@code grad f(x)}.
     *
     * @param x        the point, length {@link #dimension()}; not modified
     * @param gradient preallocated, length {@link #dimension()}; every entry is written
     */
    double valueAndGradient(double[] x, double[] gradient);
}
