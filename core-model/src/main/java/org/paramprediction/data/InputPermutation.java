package org.paramprediction.data;

import java.util.SplittableRandom;

/**
 * A seeded permutation of the {@code d} input positions of a dataset (for "permuted MNIST"
 * experiments, which destroy the image topology while keeping the information).
 *
 * <p>{@link #random(int, long)} is a pure function of {@code (d, seed)}: it uses a Fisher-Yates
 * shuffle driven by {@link SplittableRandom}, so the same seed gives the same permutation on every
 * JVM and machine. Instances are immutable.
 */
public final class InputPermutation {

    private final int[] order;
    private final long seed;

    private InputPermutation(int[] order, long seed) {
        this.order = order;
        this.seed = seed;
    }

    /** The permutation of {@code [0, d)} obtained by a Fisher-Yates shuffle seeded with {@code seed}. */
    public static InputPermutation random(int d, long seed) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        int[] order = new int[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = d - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new InputPermutation(order, seed);
    }

    /** The seed this permutation was generated from. */
    public long seed() {
        return seed;
    }

    /** Number of permuted positions {@code d}. */
    public int size() {
        return order.length;
    }

    /** A copy of the order: output position {@code i} takes input position {@code order()[i]}. */
    public int[] order() {
        return order.clone();
    }

    /** Input position feeding output position {@code i}. */
    public int sourceOf(int i) {
        return order[i];
    }

    /**
     * Permutes one row: {@code dst[dstOff + i] = src[srcOff + order[i]]} for {@code 0 <= i < d}.
     * {@code src} and {@code dst} ranges must not overlap.
     */
    public void apply(byte[] src, int srcOff, byte[] dst, int dstOff) {
        int d = order.length;
        if (srcOff < 0 || srcOff + d > src.length || dstOff < 0 || dstOff + d > dst.length) {
            throw new IndexOutOfBoundsException("apply needs " + d + " elements: srcOff=" + srcOff
                    + " src.length=" + src.length + " dstOff=" + dstOff + " dst.length=" + dst.length);
        }
        for (int i = 0; i < d; i++) {
            dst[dstOff + i] = src[srcOff + order[i]];
        }
    }

    @Override
    public String toString() {
        return "InputPermutation[d=" + order.length + ", seed=" + seed + "]";
    }
}
