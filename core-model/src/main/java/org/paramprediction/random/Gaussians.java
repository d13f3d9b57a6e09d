package org.paramprediction.random;

import java.util.SplittableRandom;

/**
 * Standard normal draws from a {@link SplittableRandom} by the Box-Muller transform with
 * {@link StrictMath}, so a seed gives bit-identical numbers on every JVM and CPU (unlike
 * {@code nextGaussian}, whose implementation may use intrinsic math).
 */
public final class Gaussians {

    private Gaussians() {}

    /** Fills {@code dst} with independent N(0, std^2) values. */
    public static void fill(SplittableRandom rng, double std, double[] dst) {
        for (int i = 0; i < dst.length; i += 2) {
            double u1 = 1.0 - rng.nextDouble(); // (0, 1]: log is finite
            double u2 = rng.nextDouble();
            double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            double theta = 2.0 * StrictMath.PI * u2;
            dst[i] = std * (r * StrictMath.cos(theta));
            if (i + 1 < dst.length) {
                dst[i + 1] = std * (r * StrictMath.sin(theta));
            }
        }
    }

    /** {@code n} independent N(0, std^2) values. */
    public static double[] draw(SplittableRandom rng, double std, int n) {
        double[] out = new double[n];
        fill(rng, std, out);
        return out;
    }
}
