package org.paramprediction.dictionary;

import java.util.SplittableRandom;
import org.paramprediction.kernel.EmpiricalKernel;
import org.paramprediction.kernel.InputLocations;
import org.paramprediction.kernel.Kernel;
import org.paramprediction.kernel.RandomSpdKernel;
import org.paramprediction.kernel.SquaredExponentialKernel;
import org.paramprediction.stats.Covariance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link Dictionary} of a {@link DictionaryRecipe}: the same recipe (and covariance)
 * gives a bit-identical {@code U} on every machine (pure Java, {@link StrictMath}, fixed loop
 * order; no ND4J, no {@code Math.fma}), so workers can rebuild {@code U} instead of receiving it.
 *
 * <p><b>Randomness.</b> {@code root = new SplittableRandom(seed)}; the first {@code root.split()}
 * is the alpha stream, the second the value stream (Gaussian entries of RAND_FIX_U and LOW_RANK;
 * for the RANDOM kernel, its first {@code nextLong()} seeds {@link RandomSpdKernel}).
 *
 * <p><b>Per kind</b> ({@code nv = inputs}, {@code na = atoms}):
 * <ul>
 *   <li>KERNEL_RIDGE: alpha = {@code na} inputs uniformly without replacement (sorted), then
 *       {@code U = K_xa (K_aa + lambda I)^-1}, {@code lambda = ridge * mean(diag(K_aa))}, by
 *       Cholesky ({@link KernelRidgeSolver}). SE locations: {@code InputLocations.grid(R, C)}
 *       with a grid, else {@code InputLocations.line(nv)}; a tied length scale is
 *       {@code SquaredExponentialKernel.tiedLengthScale(locations, na, factor)}.
 *   <li>Empirical kernels: inputs with variance {@code <= }{@link #ZERO_VARIANCE_REL_TOL}
 *       {@code * max variance} (dead ReLU units, constant pixels) are excluded from the alpha
 *       candidates, because their zero rows make {@code K_aa} singular and their columns of
 *       {@code U} would be zero. Their number is {@link Dictionary#excludedInputs()}. If fewer
 *       than {@code na} inputs remain, all of them are taken and the rest of alpha is drawn from
 *       the excluded ones (then {@code ridge > 0} is needed to keep {@code K_aa + lambda I}
 *       positive definite, the matching columns of {@code U} are exactly zero, and
 *       {@code orthonormal} fails because {@code U} is rank deficient).
 *   <li>RAND_FIX_U and LOW_RANK (initial value): {@code U_ia ~ N(0, 1/nv)} i.i.d., row-major
 *       draw order. With this scale {@code E[U^T U] = I}: {@code U} is close to an isometry
 *       (singular values within about {@code 1 +- sqrt(na/nv)}), so a step on {@code V} moves
 *       {@code W} by a comparable amount, as with an orthonormal {@code U}. (The layer normalises
 *       {@code V}'s init by {@code ||U||_F}, so the scale does not change the initial {@code W}.)
 *   <li>RAND_CON: {@code U[i][a] = 1} iff {@code i == alpha[a]}, else 0.
 *   <li>PCA: top eigenvectors of the covariance ({@link PcaBasis}).
 *   <li>DCT: lowest-frequency 2-D DCT-II atoms of the grid ({@link DctBasis}).
 *   <li>FULL: no {@code U}.
 * </ul>
 * With {@code orthonormal}, {@code U} is then replaced by the {@code Q} of its thin QR
 * ({@link ColumnOrthonormalizer}): same column space, orthonormal columns.
 */
public final class DictionaryBuilder {

    /**
     * Relative tolerance for a zero variance, passed to {@link Covariance#zeroVarianceIndices}:
     * far below any real signal (a ReLU unit that fires on one example in 60,000 still has a
     * relative variance many orders above it) but above the rounding left in a centred
     * covariance of a constant input.
     */
    public static final double ZERO_VARIANCE_REL_TOL = 1e-12;

    private static final Logger LOG = LoggerFactory.getLogger(DictionaryBuilder.class);

    private DictionaryBuilder() {
    }

    /**
     * Builds the dictionary of {@code recipe}.
     *
     * @param recipe     what to build, not null
     * @param covariance the covariance of the layer's inputs, required (with
     *                   {@code id() == recipe.covarianceId()}) for EMPIRICAL, EMPIRICAL_SQUARED
     *                   and PCA; ignored (may be null) otherwise
     * @throws IllegalArgumentException if the covariance is needed and missing or does not match
     * @throws IllegalStateException    if {@code K_aa + lambda I} is not positive definite (use a
     *                                  larger ridge) or an orthonormalised {@code U} is rank
     *                                  deficient
     */
    public static Dictionary build(DictionaryRecipe recipe, Covariance covariance) {
        if (recipe == null) {
            throw new IllegalArgumentException("recipe must not be null");
        }
        if (recipe.needsCovariance()) {
            checkCovariance(recipe, covariance);
        }
        long start = System.nanoTime();
        SplittableRandom root = new SplittableRandom(recipe.seed());
        SeededDraws alphaDraws = new SeededDraws(root.split());
        SplittableRandom valueStream = root.split();
        Dictionary built = switch (recipe.kind()) {
            case FULL -> new Dictionary(recipe, null, 0, null);
            case KERNEL_RIDGE -> kernelRidge(recipe, covariance, alphaDraws, valueStream);
            case RAND_FIX_U, LOW_RANK -> finish(recipe, null, 0,
                    gaussian(recipe, new SeededDraws(valueStream)));
            case RAND_CON -> randomConnections(recipe, alphaDraws);
            case PCA -> finish(recipe, null, 0,
                    PcaBasis.topEigenvectors(covariance, recipe.atoms()));
            case DCT -> finish(recipe, null, 0, DctBasis.lowestFrequencies(recipe.gridRows(),
                    recipe.gridCols(), recipe.atoms()));
        };
        if (LOG.isDebugEnabled()) {
            LOG.debug("built {} (excludedInputs={}) in {} ms", recipe.describe(),
                    built.excludedInputs(), (System.nanoTime() - start) / 1_000_000);
        }
        return built;
    }

    private static void checkCovariance(DictionaryRecipe recipe, Covariance covariance) {
        String what = recipe.describe();
        if (covariance == null) {
            throw new IllegalArgumentException("covariance must be given for " + what
                    + " (covarianceId=" + recipe.covarianceId() + ") but was null");
        }
        if (covariance.dimension() != recipe.inputs()) {
            throw new IllegalArgumentException("covariance dimension must equal inputs="
                    + recipe.inputs() + " but was " + covariance.dimension() + " for " + what);
        }
        if (!covariance.id().equals(recipe.covarianceId())) {
            throw new IllegalArgumentException("covariance id must equal the recipe's covarianceId="
                    + recipe.covarianceId() + " but was " + covariance.id() + " for " + what);
        }
        if (recipe.kernel() != null) {
            boolean squared = recipe.kernel() == KernelKind.EMPIRICAL_SQUARED;
            if (covariance.squaredInputs() != squared) {
                throw new IllegalArgumentException("covariance squaredInputs must be " + squared
                        + " for kernel=" + recipe.kernel() + " but was "
                        + covariance.squaredInputs() + " (covariance " + covariance.id() + ")");
            }
        }
    }

    private static Dictionary kernelRidge(DictionaryRecipe recipe, Covariance covariance,
            SeededDraws alphaDraws, SplittableRandom valueStream) {
        int[] excluded = recipe.kernel().needsCovariance()
                ? covariance.zeroVarianceIndices(ZERO_VARIANCE_REL_TOL)
                : new int[0];
        int[] alpha = AlphaSampler.sample(recipe.inputs(), recipe.atoms(), excluded, alphaDraws);
        Kernel kernel = switch (recipe.kernel()) {
            case SE -> seKernel(recipe);
            case EMPIRICAL, EMPIRICAL_SQUARED -> new EmpiricalKernel(covariance);
            case RANDOM -> new RandomSpdKernel(recipe.inputs(), valueStream.nextLong());
        };
        double[] u = KernelRidgeSolver.solve(kernel, alpha, recipe.ridge(), recipe);
        return finish(recipe, alpha, excluded.length, u);
    }

    private static Kernel seKernel(DictionaryRecipe recipe) {
        InputLocations locations = recipe.hasGrid()
                ? InputLocations.grid(recipe.gridRows(), recipe.gridCols())
                : InputLocations.line(recipe.inputs());
        double l = recipe.lengthScale() > 0
                ? recipe.lengthScale()
                : SquaredExponentialKernel.tiedLengthScale(locations, recipe.atoms(),
                        recipe.lengthScaleFactor());
        return new SquaredExponentialKernel(locations, l);
    }

    private static double[] gaussian(DictionaryRecipe recipe, SeededDraws draws) {
        double[] u = new double[recipe.inputs() * recipe.atoms()];
        draws.fillGaussian(1.0 / StrictMath.sqrt(recipe.inputs()), u);
        return u;
    }

    private static Dictionary randomConnections(DictionaryRecipe recipe, SeededDraws draws) {
        int na = recipe.atoms();
        int[] alpha = AlphaSampler.sample(recipe.inputs(), na, new int[0], draws);
        double[] u = new double[recipe.inputs() * na];
        for (int a = 0; a < na; a++) {
            u[alpha[a] * na + a] = 1.0;
        }
        return finish(recipe, alpha, 0, u);
    }

    /** Applies the orthonormal option and wraps the result. */
    private static Dictionary finish(DictionaryRecipe recipe, int[] alpha, int excluded,
            double[] u) {
        double[] out = recipe.orthonormal()
                ? ColumnOrthonormalizer.orthonormalize(u, recipe.inputs(), recipe.atoms(), recipe)
                : u;
        return new Dictionary(recipe, alpha, excluded, out);
    }
}
