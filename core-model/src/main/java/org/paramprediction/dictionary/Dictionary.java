package org.paramprediction.dictionary;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A built dictionary: the fixed (or, for LOW_RANK, initial) {@code U} of {@code W = U V}, with
 * the recipe that rebuilds it ({@link DictionaryBuilder#build}).
 *
 * <p>{@code u} holds {@code U} (nv x na, {@code nv = inputs}, {@code na = atoms}) row-major:
 * {@code U[i][a] = u[i * na + a]}; it is null for FULL (no factorisation). {@code alpha} is the
 * sorted subset of input indices the dictionary is built on (KERNEL_RIDGE, RAND_CON), null for the
 * other kinds. {@code excludedInputs} is the number of inputs with zero variance that were
 * excluded from the alpha candidates (empirical kernels only, 0 otherwise; see
 * {@link DictionaryBuilder}).
 *
 * <p>Immutable: the arrays are copied in and out ({@link #u()} and {@link #alpha()} return
 * copies; use {@link #get(int, int)} for single entries). {@link #equals} compares contents.
 *
 * @param recipe         what built it
 * @param alpha          sorted distinct input indices, length {@code atoms}, or null
 * @param excludedInputs zero-variance inputs excluded from alpha, in {@code [0, inputs]}
 * @param u              {@code U} row-major, {@code inputs * atoms} values, or null for FULL
 */
public record Dictionary(DictionaryRecipe recipe, int[] alpha, int excludedInputs, double[] u)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks the shapes against the recipe and copies the arrays. */
    public Dictionary {
        if (recipe == null) {
            throw new IllegalArgumentException("recipe must not be null");
        }
        alpha = checkedAlpha(recipe, alpha);
        if (excludedInputs < 0 || excludedInputs > recipe.inputs()) {
            throw new IllegalArgumentException("excludedInputs must be in [0, inputs="
                    + recipe.inputs() + "] but was " + excludedInputs);
        }
        u = checkedU(recipe, u);
    }

    private static int[] checkedAlpha(DictionaryRecipe recipe, int[] alpha) {
        if (!recipe.kind().hasAlpha()) {
            if (alpha != null) {
                throw new IllegalArgumentException("alpha must be null for kind="
                        + recipe.kind() + " but had " + alpha.length + " entries");
            }
            return null;
        }
        if (alpha == null || alpha.length != recipe.atoms()) {
            throw new IllegalArgumentException("alpha must have atoms=" + recipe.atoms()
                    + " entries for kind=" + recipe.kind() + " but had "
                    + (alpha == null ? "null" : alpha.length));
        }
        for (int k = 0; k < alpha.length; k++) {
            int lower = k == 0 ? 0 : alpha[k - 1] + 1;
            if (alpha[k] < lower || alpha[k] >= recipe.inputs()) {
                throw new IllegalArgumentException("alpha must be strictly ascending in [0, inputs="
                        + recipe.inputs() + ") but alpha[" + k + "] was " + alpha[k]);
            }
        }
        return alpha.clone();
    }

    private static double[] checkedU(DictionaryRecipe recipe, double[] u) {
        if (recipe.kind() == DictionaryKind.FULL) {
            if (u != null) {
                throw new IllegalArgumentException("u must be null for kind=FULL but had "
                        + u.length + " values");
            }
            return null;
        }
        long expected = (long) recipe.inputs() * recipe.atoms();
        if (u == null || u.length != expected) {
            throw new IllegalArgumentException("u must have inputs*atoms=" + recipe.inputs() + "*"
                    + recipe.atoms() + "=" + expected + " values but had "
                    + (u == null ? "null" : u.length));
        }
        return u.clone();
    }

    /** A copy of alpha (sorted ascending), or null. */
    @Override
    public int[] alpha() {
        return alpha == null ? null : alpha.clone();
    }

    /** A copy of {@code U}, row-major nv x na, or null for FULL. */
    @Override
    public double[] u() {
        return u == null ? null : u.clone();
    }

    /** {@code nv}, the number of rows of {@code U}. */
    public int inputs() {
        return recipe.inputs();
    }

    /** {@code na}, the number of columns of {@code U}. */
    public int atoms() {
        return recipe.atoms();
    }

    /** {@code U[i][a]}. */
    public double get(int i, int a) {
        requireU();
        Objects.checkIndex(i, inputs());
        Objects.checkIndex(a, atoms());
        return u[i * atoms() + a];
    }

    /**
     * {@code U} as floats in column-major (Fortran) order, {@code f[a * nv + i] = (float) U[i][a]},
     * ready for an ND4J {@code 'f'} array of shape {@code [nv, na]}.
     *
     * @throws IllegalStateException for FULL, which has no {@code U}
     */
    public float[] toFloatColumnMajor() {
        requireU();
        int nv = inputs();
        int na = atoms();
        float[] f = new float[nv * na];
        for (int i = 0; i < nv; i++) {
            for (int a = 0; a < na; a++) {
                f[a * nv + i] = (float) u[i * na + a];
            }
        }
        return f;
    }

    /**
     * Lower-case hex SHA-256 of the exact bits of {@code U}: each entry, row-major, as the 8
     * big-endian bytes of {@link Double#doubleToLongBits}. Two machines that built the same
     * {@code U} get the same hash. For FULL (no {@code U}) it is the SHA-256 of no bytes.
     */
    public String sha256() {
        ByteBuffer bytes = ByteBuffer.allocate(u == null ? 0 : u.length * Double.BYTES);
        if (u != null) {
            for (double v : u) {
                bytes.putLong(Double.doubleToLongBits(v));
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }

    private void requireU() {
        if (u == null) {
            throw new IllegalStateException("a FULL dictionary has no U (" + recipe.describe()
                    + "): use the ordinary layer");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dictionary d && d.recipe.equals(recipe)
                && d.excludedInputs == excludedInputs && Arrays.equals(d.alpha, alpha)
                && Arrays.equals(d.u, u);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipe, excludedInputs, Arrays.hashCode(alpha), Arrays.hashCode(u));
    }

    @Override
    public String toString() {
        return "Dictionary[" + recipe.describe() + ", excludedInputs=" + excludedInputs + "]";
    }
}
