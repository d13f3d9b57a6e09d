package org.paramprediction.rica;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.random.Gaussians;

/** Small seeded problems for the RICA tests, and a plain-loop reference of the objective. */
final class RicaFixtures {

    private RicaFixtures() {}

    /** {@code count x n} standard normal rows from {@code seed}. */
    static double[] gaussianRows(int count, int n, long seed) {
        return Gaussians.draw(new SplittableRandom(seed), 1.0, count * n);
    }

    /**
     * One SE kernel-ridge dictionary per column over a {@code p x p} grid, {@code atoms} alpha
     * points, length scale 1 pixel, relative ridge 1e-3, column seeds {@code seed + j}.
     */
    static List<Dictionary> seColumns(int p, int atoms, int columns, long seed) {
        List<Dictionary> out = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            out.add(DictionaryBuilder.build(DictionaryRecipe.seKernel(p * p, atoms, seed + j, 1e-3, 1.0, p, p), null));
        }
        return out;
    }

    /**
     * The objective by its definition with plain loops (row-major {@code w}, {@code n x f}):
     * {@code lambda sum_ij sqrt(eps + (x_i w_j)^2) + (1/m) sum_i |x_i w w^T - x_i|^2}.
     */
    static double reference(double[] rows, int count, double[] w, int n, int f, double lambda, double eps, long m) {
        double sparsity = 0;
        double reconstruction = 0;
        double[] z = new double[f];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < f; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += rows[i * n + k] * w[k * f + j];
                }
                z[j] = s;
                sparsity += Math.sqrt(eps + s * s);
            }
            for (int k = 0; k < n; k++) {
                double s = 0;
                for (int j = 0; j < f; j++) {
                    s += z[j] * w[k * f + j];
                }
                double e = s - rows[i * n + k];
                reconstruction += e * e;
            }
        }
        return lambda * sparsity + reconstruction / m;
    }

    /** Row-major {@code n x f} from the column-major storage {@code p} of an {@code n x f} matrix. */
    static double[] rowMajor(double[] p, int n, int f) {
        double[] out = new double[n * f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                out[i * f + j] = p[j * n + i];
            }
        }
        return out;
    }
}
