package org.paramprediction.train;

import java.io.Serializable;

/**
 * A growing fraction learned (METHOD.md section 8, reviewer 7): the final training starts at the
 * trial's fraction {@code f_0}; after every {@code every} epochs, if the validation error improved in
 * those epochs, every factored layer grows to fraction {@code f_k = min(to, f_0 + k * step)} ({@code
 * round(f_k * inputs)} atoms per column), until an {@code every}-epoch window brings no improvement or
 * {@code to} is reached; growth does not resume after it stops. The new atoms extend the old ones
 * (the same recipe seed draws the same first alpha points) and {@code V} is refitted so that every
 * layer's {@code W} stays the same ({@link NetworkGrowth}).
 *
 * @param to    the largest fraction, in (0, 1]
 * @param every epochs between two growth steps, >= 1
 * @param step  fraction added per step, > 0
 */
public record Growth(double to, int every, double step) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Growth {
        if (!(to > 0 && to <= 1)) {
            throw new IllegalArgumentException("to must be in (0, 1] but was " + to);
        }
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1 but was " + every);
        }
        if (!(step > 0 && Double.isFinite(step))) {
            throw new IllegalArgumentException("step must be > 0 but was " + step);
        }
    }

    /** {@code f_k = min(to, start + k * step)} (one product, no accumulated sum). */
    public double fraction(double start, int k) {
        double f = start + k * step;
        return f >= to - 1e-12 ? to : f;
    }
}
