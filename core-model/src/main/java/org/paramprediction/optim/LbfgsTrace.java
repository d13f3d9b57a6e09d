package org.paramprediction.optim;

import java.util.Arrays;

/**
 * Per-iteration record of an {@link Lbfgs} run, preallocated for {@code maxIterations + 1} entries
 * (entry 0 is the starting point, entry {@code k} the iterate after step {@code k}): the function
 * value, the gradient's Euclidean norm, the function evaluations done so far (cumulative), and the
 * step length {@code alpha} of the line search that produced the iterate (0 for entry 0).
 */
public final class LbfgsTrace {

    private final double[] values;
    private final double[] gradientNorms;
    private final int[] evaluations;
    private final double[] steps;
    private int size;

    LbfgsTrace(int capacity) {
        values = new double[capacity];
        gradientNorms = new double[capacity];
        evaluations = new int[capacity];
        steps = new double[capacity];
    }

    void record(double value, double gradientNorm, int evaluationsSoFar, double step) {
        values[size] = value;
        gradientNorms[size] = gradientNorm;
        evaluations[size] = evaluationsSoFar;
        steps[size] = step;
        size++;
    }

    /** Entries recorded: iterations done plus one. */
    public int size() {
        return size;
    }

    /** {@code f(x_k)}. */
    public double value(int k) {
        return values[checked(k)];
    }

    /** {@code |grad f(x_k)|_2}. */
    public double gradientNorm(int k) {
        return gradientNorms[checked(k)];
    }

    /** Function evaluations done up to and including the one that produced {@code x_k}. */
    public int evaluations(int k) {
        return evaluations[checked(k)];
    }

    /** The accepted step length of iteration {@code k} ({@code x_k = x_{k-1} + alpha d}); 0 for k = 0. */
    public double step(int k) {
        return steps[checked(k)];
    }

    /** A copy of the values {@code f(x_0), ..., f(x_last)}. */
    public double[] values() {
        return Arrays.copyOf(values, size);
    }

    /** A copy of the gradient norms. */
    public double[] gradientNorms() {
        return Arrays.copyOf(gradientNorms, size);
    }

    private int checked(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("trace entry " + k + " of " + size);
        }
        return k;
    }
}
