package org.paramprediction.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.dictionary.KernelKind;

/**
 * How one hidden layer's weights are represented, independent of its size and of the data: the
 * dictionary kind, the fraction of weights learned ({@code atoms = round(fraction * inputs)}), the
 * number of columns and the kernel parameters. {@link #recipes} turns it into one concrete {@link
 * DictionaryRecipe} per column once the layer's input size, seeds and (for empirical kernels and
 * PCA) the covariance are known.
 *
 * @param lengthScale SE length scale in pixels (or units), or 0 when tied
 * @param lengthScaleFactor SE length scale as a multiple of the alpha spacing, or 0 when fixed
 */
public record DictionarySpec(
        DictionaryKind kind,
        KernelKind kernel,
        double fraction,
        int columns,
        double ridge,
        double lengthScale,
        double lengthScaleFactor,
        boolean orthonormal)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public DictionarySpec {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be set");
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1] but was " + fraction);
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1 but was " + columns);
        }
        if (kind == DictionaryKind.FULL && (fraction != 1 || columns != 1)) {
            throw new IllegalArgumentException(
                    "a FULL layer has fraction 1 and 1 column but got fraction " + fraction + ", columns " + columns);
        }
        if ((kind == DictionaryKind.KERNEL_RIDGE) != (kernel != null)) {
            throw new IllegalArgumentException("kernel must be set exactly for KERNEL_RIDGE but kind is "
                    + kind + " and kernel is " + kernel);
        }
    }

    public static DictionarySpec full() {
        return new DictionarySpec(DictionaryKind.FULL, null, 1.0, 1, 0, 0, 0, false);
    }

    /** SE kernel ridge with a fixed length scale. */
    public static DictionarySpec se(double fraction, int columns, double ridge, double lengthScale) {
        return new DictionarySpec(DictionaryKind.KERNEL_RIDGE, KernelKind.SE, fraction, columns, ridge,
                lengthScale, 0, false);
    }

    /** Empirical kernel ridge (covariance of the layer's inputs, or of their squares). */
    public static DictionarySpec empirical(double fraction, int columns, double ridge, boolean squared) {
        return new DictionarySpec(DictionaryKind.KERNEL_RIDGE,
                squared ? KernelKind.EMPIRICAL_SQUARED : KernelKind.EMPIRICAL, fraction, columns, ridge, 0, 0, false);
    }

    /** A dictionary of the given kind without kernel parameters (RandFixU, RandCon, LowRank, PCA, DCT). */
    public static DictionarySpec of(DictionaryKind kind, double fraction, int columns) {
        return new DictionarySpec(kind, null, fraction, columns, 0, 0, 0, false);
    }

    public DictionarySpec withOrthonormal(boolean value) {
        return new DictionarySpec(kind, kernel, fraction, columns, ridge, lengthScale, lengthScaleFactor, value);
    }

    /** Atoms per column for a layer with {@code inputs} inputs. */
    public int atoms(int inputs) {
        return kind == DictionaryKind.FULL ? inputs : (int) Math.max(1, Math.min(inputs, Math.round(fraction * inputs)));
    }

    /** Whether building needs the covariance of the layer's inputs. */
    public boolean needsCovariance() {
        return kind == DictionaryKind.PCA
                || kernel == KernelKind.EMPIRICAL
                || kernel == KernelKind.EMPIRICAL_SQUARED;
    }

    /** Whether that covariance is of the squared inputs. */
    public boolean squaredCovariance() {
        return kernel == KernelKind.EMPIRICAL_SQUARED;
    }

    /**
     * One recipe per column.
     *
     * @param gridRows image rows of the layer's inputs, 0 for a hidden layer (a line of units)
     * @param seeds one seed per column
     * @param covarianceId id of the input covariance, or null when not needed
     */
    public List<DictionaryRecipe> recipes(int inputs, int gridRows, int gridCols, long[] seeds, String covarianceId) {
        int atoms = atoms(inputs);
        List<DictionaryRecipe> out = new ArrayList<>(columns);
        for (int j = 0; j < columns; j++) {
            long seed = seeds[j];
            DictionaryRecipe r = switch (kind) {
                case FULL -> DictionaryRecipe.full(inputs);
                case KERNEL_RIDGE -> switch (kernel) {
                    case SE -> lengthScale > 0
                            ? DictionaryRecipe.seKernel(inputs, atoms, seed, ridge, lengthScale, gridRows, gridCols)
                            : DictionaryRecipe.seKernelTied(inputs, atoms, seed, ridge, lengthScaleFactor,
                                    gridRows, gridCols);
                    case EMPIRICAL, EMPIRICAL_SQUARED -> DictionaryRecipe.empirical(inputs, atoms, seed, ridge,
                            covarianceId, kernel == KernelKind.EMPIRICAL_SQUARED);
                    case RANDOM -> DictionaryRecipe.randomKernel(inputs, atoms, seed, ridge);
                };
                case RAND_FIX_U -> DictionaryRecipe.randFixU(inputs, atoms, seed);
                case RAND_CON -> DictionaryRecipe.randCon(inputs, atoms, seed);
                case LOW_RANK -> DictionaryRecipe.lowRank(inputs, atoms, seed);
                case PCA -> DictionaryRecipe.pca(inputs, atoms, covarianceId);
                case DCT -> {
                    if (gridRows == 0) {
                        throw new IllegalArgumentException(
                                "DCT needs an image grid but this layer's " + inputs + " inputs have none");
                    }
                    yield DictionaryRecipe.dct(gridRows, gridCols, atoms);
                }
            };
            out.add(orthonormal ? r.withOrthonormal(true) : r);
        }
        return out;
    }

    /** Short label for logs, e.g. {@code SE f=0.10 c=5}. */
    public String label() {
        String name = kind == DictionaryKind.KERNEL_RIDGE ? kernel.name() : kind.name();
        return kind == DictionaryKind.FULL ? "FULL" : String.format("%s f=%.3g c=%d", name, fraction, columns);
    }
}
