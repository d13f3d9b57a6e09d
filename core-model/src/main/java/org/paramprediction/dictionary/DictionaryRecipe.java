package org.paramprediction.dictionary;

import java.io.Serializable;

/**
 * Everything needed to rebuild a layer's dictionary {@code U} (nv x na, {@code nv = inputs},
 * {@code na = atoms}) bit for bit on any machine: {@link DictionaryBuilder#build} turns a recipe
 * (plus, for {@link #needsCovariance() data-driven} kinds, the covariance named by
 * {@link #covarianceId}) into a {@link Dictionary}. The fraction learned is {@code na / nv}.
 *
 * <p>Fields that a kind does not use must be neutral ({@code kernel} and {@code covarianceId}
 * null, {@code ridge}, {@code lengthScale}, {@code lengthScaleFactor} zero), so that two recipes
 * building the same {@code U} are equal. The seed is never checked: kinds without randomness
 * (FULL, PCA, DCT) ignore it. Rules, checked by the compact constructor:
 *
 * <ul>
 *   <li>{@code inputs >= 1}; {@code 1 <= atoms <= inputs}; FULL requires {@code atoms == inputs};
 *   <li>{@code kernel} is non-null iff {@code kind == KERNEL_RIDGE};
 *   <li>{@code ridge} finite and {@code >= 0}, and 0 unless KERNEL_RIDGE. The ridge is relative:
 *       {@code lambda = ridge * mean(diag(K_aa))};
 *   <li>SE: exactly one of {@code lengthScale > 0} (fixed {@code l}) and
 *       {@code lengthScaleFactor > 0} ({@code l} tied to the alpha density by
 *       {@code SquaredExponentialKernel.tiedLengthScale}); the other is 0. Other kernels: both 0;
 *   <li>{@code gridRows = gridCols = 0} (inputs on a line, as for hidden layers) or both
 *       {@code >= 1} with {@code gridRows * gridCols == inputs} (an image); DCT requires a grid;
 *   <li>{@code covarianceId} (a {@code Covariance.id()}) non-blank for EMPIRICAL,
 *       EMPIRICAL_SQUARED and PCA, null otherwise;
 *   <li>{@code orthonormal} (replace {@code U} by an orthonormal basis of its column space) is
 *       not allowed for FULL (no {@code U}) and LOW_RANK ({@code U} is learned).
 * </ul>
 *
 * @param kind              how {@code U} is made
 * @param kernel            the kernel of a KERNEL_RIDGE dictionary, else null
 * @param inputs            {@code nv}, the layer's input size
 * @param atoms             {@code na}, the number of columns of {@code U}
 * @param seed              seed of every random choice (alpha, Gaussian entries, random kernel)
 * @param ridge             relative ridge of KERNEL_RIDGE
 * @param lengthScale       fixed SE length scale, or 0
 * @param lengthScaleFactor SE length scale as a multiple of the alpha spacing, or 0
 * @param gridRows          image rows, or 0 for a line
 * @param gridCols          image columns, or 0 for a line
 * @param covarianceId      id of the covariance of the layer's inputs, or null
 * @param orthonormal       whether {@code U} is orthonormalised (thin QR) after it is built
 */
public record DictionaryRecipe(DictionaryKind kind, KernelKind kernel, int inputs, int atoms,
        long seed, double ridge, double lengthScale, double lengthScaleFactor, int gridRows,
        int gridCols, String covarianceId, boolean orthonormal) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Validates every rule; messages name the field, the rule and the bad value. */
    public DictionaryRecipe {
        RecipeRules.check(kind, kernel, inputs, atoms, ridge, lengthScale, lengthScaleFactor,
                gridRows, gridCols, covarianceId, orthonormal);
    }

    /** The ordinary (unfactored) layer with {@code n} inputs: fraction 1, no {@code U}. */
    public static DictionaryRecipe full(int n) {
        return new DictionaryRecipe(DictionaryKind.FULL, null, n, n, 0L, 0, 0, 0, 0, 0, null,
                false);
    }

    /** SE kernel ridge with a fixed length scale; {@code gridRows = gridCols = 0} for a line. */
    public static DictionaryRecipe seKernel(int n, int atoms, long seed, double ridge,
            double lengthScale, int gridRows, int gridCols) {
        return new DictionaryRecipe(DictionaryKind.KERNEL_RIDGE, KernelKind.SE, n, atoms, seed,
                ridge, lengthScale, 0, gridRows, gridCols, null, false);
    }

    /** SE kernel ridge with {@code l = factor * spacing of the alpha points}. */
    public static DictionaryRecipe seKernelTied(int n, int atoms, long seed, double ridge,
            double factor, int gridRows, int gridCols) {
        return new DictionaryRecipe(DictionaryKind.KERNEL_RIDGE, KernelKind.SE, n, atoms, seed,
                ridge, 0, factor, gridRows, gridCols, null, false);
    }

    /** Empirical kernel ridge over the covariance {@code covarianceId} (of squared inputs if set). */
    public static DictionaryRecipe empirical(int n, int atoms, long seed, double ridge,
            String covarianceId, boolean squared) {
        KernelKind k = squared ? KernelKind.EMPIRICAL_SQUARED : KernelKind.EMPIRICAL;
        return new DictionaryRecipe(DictionaryKind.KERNEL_RIDGE, k, n, atoms, seed, ridge, 0, 0,
                0, 0, covarianceId, false);
    }

    /** Kernel ridge with a random SPD kernel (a control). */
    public static DictionaryRecipe randomKernel(int n, int atoms, long seed, double ridge) {
        return new DictionaryRecipe(DictionaryKind.KERNEL_RIDGE, KernelKind.RANDOM, n, atoms, seed,
                ridge, 0, 0, 0, 0, null, false);
    }

    /** A fixed random Gaussian {@code U}. */
    public static DictionaryRecipe randFixU(int n, int atoms, long seed) {
        return plain(DictionaryKind.RAND_FIX_U, n, atoms, seed);
    }

    /** Random connections: {@code U} = identity columns at alpha. */
    public static DictionaryRecipe randCon(int n, int atoms, long seed) {
        return plain(DictionaryKind.RAND_CON, n, atoms, seed);
    }

    /** A learned rank-{@code atoms} {@code U}, Gaussian at start. */
    public static DictionaryRecipe lowRank(int n, int atoms, long seed) {
        return plain(DictionaryKind.LOW_RANK, n, atoms, seed);
    }

    /** The top {@code atoms} eigenvectors of the covariance {@code covarianceId}. */
    public static DictionaryRecipe pca(int n, int atoms, String covarianceId) {
        return new DictionaryRecipe(DictionaryKind.PCA, null, n, atoms, 0L, 0, 0, 0, 0, 0,
                covarianceId, false);
    }

    /** The {@code atoms} lowest-frequency 2-D DCT-II atoms of a {@code rows x cols} image. */
    public static DictionaryRecipe dct(int rows, int cols, int atoms) {
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rows*cols must fit in an int but was " + rows
                    + "*" + cols + "=" + n);
        }
        return new DictionaryRecipe(DictionaryKind.DCT, null, (int) n, atoms, 0L, 0, 0, 0, rows,
                cols, null, false);
    }

    private static DictionaryRecipe plain(DictionaryKind kind, int n, int atoms, long seed) {
        return new DictionaryRecipe(kind, null, n, atoms, seed, 0, 0, 0, 0, 0, null, false);
    }

    /** This recipe with {@code orthonormal} set as given (validated again). */
    public DictionaryRecipe withOrthonormal(boolean value) {
        return new DictionaryRecipe(kind, kernel, inputs, atoms, seed, ridge, lengthScale,
                lengthScaleFactor, gridRows, gridCols, covarianceId, value);
    }

    /**
     * This recipe with {@code atoms} atoms (validated again), everything else, the seed included, kept:
     * the alpha points of a larger count extend those of a smaller one (the alpha stream's partial
     * Fisher-Yates shuffle draws the same first points), which is how a growing fraction adds atoms.
     */
    public DictionaryRecipe withAtoms(int atoms) {
        return new DictionaryRecipe(kind, kernel, inputs, atoms, seed, ridge, lengthScale,
                lengthScaleFactor, gridRows, gridCols, covarianceId, orthonormal);
    }

    /** The fraction of the layer's weights that is learned, {@code atoms / inputs}. */
    public double fraction() {
        return (double) atoms / inputs;
    }

    /** True when the inputs sit on a {@code gridRows x gridCols} image grid (else on a line). */
    public boolean hasGrid() {
        return gridRows > 0;
    }

    /** True when building needs the covariance {@link #covarianceId}. */
    public boolean needsCovariance() {
        return kind == DictionaryKind.PCA || (kernel != null && kernel.needsCovariance());
    }

    /**
     * A short one-line description for logs and metrics, e.g.
     * {@code KERNEL_RIDGE[SE l=2.0] 78/784 ridge=0.001 grid=28x28 seed=7 orthonormal}.
     */
    public String describe() {
        StringBuilder s = new StringBuilder(kind.name());
        if (kernel != null) {
            s.append('[').append(kernel.name());
            if (lengthScale > 0) {
                s.append(" l=").append(lengthScale);
            } else if (lengthScaleFactor > 0) {
                s.append(" l=").append(lengthScaleFactor).append("*spacing");
            }
            s.append(']');
        }
        s.append(' ').append(atoms).append('/').append(inputs);
        if (kind == DictionaryKind.KERNEL_RIDGE) {
            s.append(" ridge=").append(ridge);
        }
        if (hasGrid()) {
            s.append(" grid=").append(gridRows).append('x').append(gridCols);
        }
        if (covarianceId != null) {
            s.append(" cov=").append(covarianceId, 0, Math.min(12, covarianceId.length()));
        }
        if (kind == DictionaryKind.KERNEL_RIDGE || kind == DictionaryKind.RAND_FIX_U
                || kind == DictionaryKind.RAND_CON || kind == DictionaryKind.LOW_RANK) {
            s.append(" seed=").append(seed);
        }
        if (orthonormal) {
            s.append(" orthonormal");
        }
        return s.toString();
    }
}
