package org.paramprediction.kernel;

import java.util.Objects;
import java.util.SplittableRandom;
import org.paramprediction.random.Gaussians;

/**
 * A random symmetric positive-definite matrix used as a kernel (a control with no structure):
 *
 * <pre>  K0 = G G^T / m + 1e-3 I,    K = K0 * n / trace(K0)</pre>
 *
 * with {@code G} an {@code n x m} matrix, {@code m = n}, of standard normal entries drawn row by
 * row from {@link Gaussians#draw} on {@code new SplittableRandom(seed)} (Box-Muller with StrictMath, bit-identical everywhere). {@code G G^T / m} is a Wishart
 * matrix (PSD, mean diagonal about 1); the jitter {@code 1e-3 I} makes it strictly positive
 * definite; the final scaling makes the mean diagonal exactly 1 up to rounding, like an SE kernel.
 * Computed once in the constructor with plain loops in a fixed order: bit-identical on every JVM.
 */
public final class RandomSpdKernel implements Kernel {

    /** The jitter added to the diagonal before scaling. */
    public static final double JITTER = 1e-3;

    private final int n;
    private final long seed;
    private final double[] k;

    /**
     * @param n    number of input indices, {@code >= 1}
     * @param seed seed of the {@link SplittableRandom} drawing {@code G}
     */
    public RandomSpdKernel(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        this.n = n;
        this.seed = seed;
        this.k = build(n, seed);
    }

    private static double[] build(int n, long seed) {
        int m = n;
        double[] g = Gaussians.draw(new SplittableRandom(seed), 1.0, n * m);
        double[] k = new double[n * n];
        double trace = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double dot = 0;
                for (int t = 0; t < m; t++) {
                    dot += g[i * m + t] * g[j * m + t];
                }
                double v = dot / m + (i == j ? JITTER : 0.0);
                k[i * n + j] = v;
                k[j * n + i] = v;
            }
            trace += k[i * n + i];
        }
        double scale = n / trace;
        for (int t = 0; t < k.length; t++) {
            k[t] *= scale;
        }
        return k;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double value(int i, int j) {
        Objects.checkIndex(i, n);
        Objects.checkIndex(j, n);
        return k[i * n + j];
    }

    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "RandomSpdKernel[n=" + n + ", seed=" + seed + "]";
    }
}
