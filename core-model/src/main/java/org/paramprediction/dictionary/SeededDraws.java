package org.paramprediction.dictionary;

import java.util.SplittableRandom;
import org.paramprediction.random.Gaussians;

/**
 * Uniform indices and standard normals drawn only through {@link SplittableRandom#nextLong()}
 * (SplitMix64, whose output is fixed by its specification), with the mapping to indices and
 * normals written here: the same stream gives bit-identical draws on every JVM and CPU.
 *
 * <ul>
 *   <li>{@code nextIndex(n)}: uniform on {@code [0, n)} by rejection on 63 random bits
 *       (no modulo bias);
 *   <li>{@code nextUnit()}: {@code (nextLong() >>> 11) * 2^-53}, uniform on {@code [0, 1)};
 *   <li>normals by Box-Muller with {@link StrictMath}: for {@code u1 = 1 - nextUnit()} in
 *       {@code (0, 1]} and {@code u2 = nextUnit()},
 *       {@code z0 = sqrt(-2 ln u1) cos(2 pi u2)}, {@code z1 = sqrt(-2 ln u1) sin(2 pi u2)}.
 * </ul>
 */
final class SeededDraws {

    private final SplittableRandom stream;

    SeededDraws(SplittableRandom stream) {
        this.stream = stream;
    }

    /** Uniform on {@code [0, n)}, {@code n >= 1}. */
    int nextIndex(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 but was " + n);
        }
        long bits;
        long value;
        do {
            bits = stream.nextLong() >>> 1;
            value = bits % n;
        } while (bits - value + (n - 1) < 0); // reject the incomplete last block of 2^63
        return (int) value;
    }

    /** Uniform on {@code [0, 1)} with 53 random bits. */
    double nextUnit() {
        return (stream.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Fills {@code dst} with independent N(0, std^2) values, in order, two per Box-Muller pair. */
    void fillGaussian(double std, double[] dst) {
        Gaussians.fill(stream, std, dst);
    }
}
