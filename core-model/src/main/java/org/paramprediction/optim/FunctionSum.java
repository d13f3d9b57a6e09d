package org.paramprediction.optim;

import java.util.List;

/**
 * {@code f(x) = sum_k f_k(x)}, the terms evaluated and added in list order (so the result does not
 * depend on anything but the list): how a sum over row blocks, local or one block per partition,
 * becomes one objective. One scratch gradient is allocated at construction.
 */
public final class FunctionSum implements DifferentiableFunction {

    private final List<DifferentiableFunction> terms;
    private final int dimension;
    private final double[] scratch;

    /** @param terms at least one function, all of the same dimension */
    public FunctionSum(List<? extends DifferentiableFunction> terms) {
        if (terms == null || terms.isEmpty()) {
            throw new IllegalArgumentException("a sum needs at least one term but got "
                    + (terms == null ? "null" : "none"));
        }
        this.terms = List.copyOf(terms);
        this.dimension = this.terms.get(0).dimension();
        for (int k = 1; k < this.terms.size(); k++) {
            if (this.terms.get(k).dimension() != dimension) {
                throw new IllegalArgumentException("every term must have dimension " + dimension
                        + " (term 0) but term " + k + " has " + this.terms.get(k).dimension());
            }
        }
        this.scratch = new double[dimension];
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        double value = terms.get(0).valueAndGradient(x, gradient);
        for (int k = 1; k < terms.size(); k++) {
            value += terms.get(k).valueAndGradient(x, scratch);
            for (int i = 0; i < dimension; i++) {
                gradient[i] += scratch[i];
            }
        }
        return value;
    }
}
