package org.paramprediction.sweep.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.KernelKind;
import org.paramprediction.train.DictionarySpec;
import org.paramprediction.train.DownsizedWidths;

/**
 * The named comparisons of the paper and its reviews (METHOD.md sections 2-3): which dictionary
 * each hidden layer gets. Layer 1 sees pixels on the image grid; layers 2+ see the previous
 * layer's units on a line.
 *
 * <table>
 *   <caption>Dictionary per hidden layer</caption>
 *   <tr><th>method</th><th>layer 1</th><th>layers 2+</th></tr>
 *   <tr><td>Full</td><td>full (unfactored)</td><td>full</td></tr>
 *   <tr><td>LowRank</td><td>LOW_RANK</td><td>LOW_RANK</td></tr>
 *   <tr><td>RandCon</td><td>RAND_CON</td><td>RAND_CON</td></tr>
 *   <tr><td>RandFixU</td><td>RAND_FIX_U</td><td>RAND_FIX_U</td></tr>
 *   <tr><td>SE</td><td>SE kernel</td><td>SE kernel</td></tr>
 *   <tr><td>SE-Emp</td><td>SE kernel</td><td>empirical kernel</td></tr>
 *   <tr><td>SE-Emp2</td><td>SE kernel</td><td>empirical kernel of squared inputs</td></tr>
 *   <tr><td>SE-Rand</td><td>SE kernel</td><td>random SPD kernel</td></tr>
 *   <tr><td>Emp-Emp</td><td>empirical kernel</td><td>empirical kernel</td></tr>
 *   <tr><td>PCA</td><td>PCA</td><td>PCA</td></tr>
 *   <tr><td>DCT</td><td>DCT</td><td>empirical kernel (hidden units have no grid)</td></tr>
 *   <tr><td>Downsized</td><td>full, fewer units</td><td>full, fewer units</td></tr>
 * </table>
 *
 * <p>Downsized is the reviewers' naively down-sized baseline: every layer is full, and the hidden
 * sizes shrink (see {@link #hiddenSizes}) so that the network has as many dynamic parameters as the
 * factored network at the trial's fraction; columns do not change that count and are ignored.
 *
 * <p>Kernel layers get the ridge (and SE layers the length scale); {@code orthonormal} is applied
 * to every factored layer except LOW_RANK (whose {@code U} is learned).
 */
public enum Method {
    FULL("Full"),
    LOW_RANK("LowRank"),
    RAND_CON("RandCon"),
    RAND_FIX_U("RandFixU"),
    SE("SE"),
    SE_EMP("SE-Emp"),
    SE_EMP2("SE-Emp2"),
    SE_RAND("SE-Rand"),
    EMP_EMP("Emp-Emp"),
    PCA("PCA"),
    DCT("DCT"),
    DOWNSIZED("Downsized");

    private final String displayName;

    Method(String displayName) {
        this.displayName = displayName;
    }

    /** The name used in configs and result tables, e.g. {@code SE-Emp}. */
    public String displayName() {
        return displayName;
    }

    /** The method with this display name (case-sensitive). */
    public static Method parse(String name) {
        for (Method m : values()) {
            if (m.displayName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("method must be one of " + validNames() + " but was " + name);
    }

    /** {@code [Full, LowRank, ...]}, in declaration order. */
    public static String validNames() {
        return Arrays.stream(values()).map(Method::displayName).collect(Collectors.joining(", ", "[", "]"));
    }

    /** False for Full, whose layers ignore fraction and columns. */
    public boolean usesFraction() {
        return this != FULL;
    }

    /** False for Full and Downsized, which have no factored layer to split into columns. */
    public boolean usesColumns() {
        return this != FULL && this != DOWNSIZED;
    }

    /**
     * Whether {@code columns > 1} gives some factored layer of a trial distinct dictionaries, drawn
     * from per-column seeds. False for Full and Downsized (no factored layer), for PCA (every column
     * would get the same top principal directions: no per-column randomness) and for DCT when all its
     * factored layers are DCT layers: one hidden layer, one conv layer, or tied conv layers, which
     * stay DCT. There, columns would be copies of one dictionary, the same network at {@code columns}
     * times the work; a DCT network with an empirical layer above the first keeps them (that layer's
     * columns draw their own atoms; the first layer's columns stay copies).
     *
     * @param factoredLayers the layers the method's dictionaries go to: an MLP's hidden layers, a
     *     convnet's conv layers
     * @param tiedConv       a convnet whose conv layers tie the channels
     */
    public boolean usesColumns(int factoredLayers, boolean tiedConv) {
        return switch (this) {
            case FULL, DOWNSIZED, PCA -> false;
            case DCT -> factoredLayers > 1 && !tiedConv;
            default -> true;
        };
    }

    /** Why {@link #usesColumns(int, boolean)} is false, for error messages. */
    public String whyNoColumns() {
        return switch (this) {
            case PCA -> "every column would get the same principal directions (PCA draws nothing per column)";
            case DCT -> "its factored layers are all DCT layers, the same in every column (DCT draws nothing per"
                    + " column; columns need an empirical layer above the first: 2+ hidden layers, or 2+"
                    + " channel-wise conv layers)";
            default -> displayName + " has no factored layer";
        };
    }

    /**
     * The hidden sizes of a trial's network: {@code hidden} itself, except for Downsized, whose sizes
     * follow {@link DownsizedWidths#of} (the Full network with the dynamic parameter count of the
     * factored network {@code inputs - hidden - classes} at {@code fraction}).
     */
    public List<Integer> hiddenSizes(int inputs, List<Integer> hidden, int classes, double fraction) {
        return this == DOWNSIZED ? DownsizedWidths.of(inputs, hidden, classes, fraction) : List.copyOf(hidden);
    }

    /** True when some layer is a kernel ridge dictionary (so the ridge matters). */
    public boolean usesRidge() {
        return switch (this) {
            case SE, SE_EMP, SE_EMP2, SE_RAND, EMP_EMP, DCT -> true;
            default -> false;
        };
    }

    /** True when some layer uses the SE kernel (so the length scale matters). */
    public boolean usesLengthScale() {
        return switch (this) {
            case SE, SE_EMP, SE_EMP2, SE_RAND -> true;
            default -> false;
        };
    }

    /** True when {@code orthonormal} changes some layer (false for Full, Downsized and LowRank). */
    public boolean usesOrthonormal() {
        return this != FULL && this != LOW_RANK && this != DOWNSIZED;
    }

    /**
     * The dictionary of each hidden layer.
     *
     * @param lengthScale       fixed SE length scale in pixels, or 0 when tied
     * @param lengthScaleFactor SE length scale as a multiple of the alpha spacing, or 0 when fixed
     */
    public List<DictionarySpec> layers(int hiddenLayers, double fraction, int columns, double ridge,
            double lengthScale, double lengthScaleFactor, boolean orthonormal) {
        if (hiddenLayers < 1) {
            throw new IllegalArgumentException("hiddenLayers must be >= 1 but was " + hiddenLayers);
        }
        if (usesLengthScale() && (lengthScale > 0) == (lengthScaleFactor > 0)) {
            throw new IllegalArgumentException("exactly one of lengthScale and lengthScaleFactor must be > 0 for "
                    + displayName + " but was lengthScale=" + lengthScale + ", lengthScaleFactor=" + lengthScaleFactor);
        }
        List<DictionarySpec> out = new ArrayList<>(hiddenLayers);
        for (int l = 0; l < hiddenLayers; l++) {
            DictionarySpec d = layer(l, fraction, columns, ridge, lengthScale, lengthScaleFactor);
            out.add(orthonormal && usesOrthonormal() ? d.withOrthonormal(true) : d);
        }
        return List.copyOf(out);
    }

    private DictionarySpec layer(int l, double f, int c, double ridge, double ls, double lsf) {
        DictionarySpec se = new DictionarySpec(DictionaryKind.KERNEL_RIDGE, KernelKind.SE, f, c, ridge, ls, lsf,
                false);
        DictionarySpec emp = DictionarySpec.empirical(f, c, ridge, false);
        return switch (this) {
            case FULL, DOWNSIZED -> DictionarySpec.full();
            case LOW_RANK -> DictionarySpec.of(DictionaryKind.LOW_RANK, f, c);
            case RAND_CON -> DictionarySpec.of(DictionaryKind.RAND_CON, f, c);
            case RAND_FIX_U -> DictionarySpec.of(DictionaryKind.RAND_FIX_U, f, c);
            case SE -> se;
            case SE_EMP -> l == 0 ? se : emp;
            case SE_EMP2 -> l == 0 ? se : DictionarySpec.empirical(f, c, ridge, true);
            case SE_RAND -> l == 0 ? se
                    : new DictionarySpec(DictionaryKind.KERNEL_RIDGE, KernelKind.RANDOM, f, c, ridge, 0, 0, false);
            case EMP_EMP -> emp;
            case PCA -> DictionarySpec.of(DictionaryKind.PCA, f, c);
            case DCT -> l == 0 ? DictionarySpec.of(DictionaryKind.DCT, f, c) : emp;
        };
    }
}
