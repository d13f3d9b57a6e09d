package org.paramprediction.train;

import java.util.ArrayList;
import java.util.List;
import org.paramprediction.dictionary.DictionaryKind;

/**
 * The hidden sizes of the reviewers' "naively down-sized" baseline (METHOD.md section 8, item 1):
 * an ordinary (Full) network shrunk until its number of dynamic parameters equals that of the
 * factored network it is compared with.
 *
 * <p>The factored reference has hidden sizes {@code h_1..h_L} over {@code n_0} inputs; layer
 * {@code l} learns {@code a_l * h_l} weights with {@code a_l = round(fraction * n_{l-1})} atoms
 * (clamped to [1, n_{l-1}], as {@link DictionarySpec#atoms}; {@code n_{l-1}} is the layer's input
 * count), plus {@code h_l} biases; the classifier adds {@code h_L * k + k}. Its dynamic count is
 *
 * <pre>  D_f = sum_l (a_l + 1) h_l + (h_L + 1) k</pre>
 *
 * (the number of columns does not change it). A Full network with sizes {@code s_1..s_L} has
 *
 * <pre>  D(s) = sum_l (s_{l-1} + 1) s_l + (s_L + 1) k,   s_0 = n_0.</pre>
 *
 * <p>Rule: the shape of the network is kept: for a first-layer width {@code w}, layer {@code l}
 * gets {@code s_l(w) = max(1, round(w * h_l / h_1))} units. {@code w} runs over {@code 1..h_1}
 * and the one whose {@code D(s(w))} is closest to {@code D_f} is taken (on a tie, the smaller).
 * At fraction 1 this gives back {@code h} itself. Example: 784-500-500-10 at fraction 0.1 has
 * {@code D_f = 70,010}; the rule gives 784-80-80-10 with {@code D = 70,090}.
 */
public final class DownsizedWidths {

    private DownsizedWidths() {}

    /**
     * The hidden sizes of the Full network whose dynamic parameter count is closest to that of the
     * factored network {@code inputs - hidden - classes} at {@code fraction}.
     */
    public static List<Integer> of(int inputs, List<Integer> hidden, int classes, double fraction) {
        if (inputs < 1 || classes < 2 || hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new IllegalArgumentException("inputs must be >= 1, classes >= 2 and hidden non-empty sizes >= 1"
                    + " but were " + inputs + ", " + classes + " and " + hidden);
        }
        long target = factoredDynamic(inputs, hidden, classes, fraction);
        List<Integer> best = null;
        long bestGap = Long.MAX_VALUE;
        for (int w = 1; w <= hidden.get(0); w++) {
            List<Integer> sizes = scaled(hidden, w);
            long gap = Math.abs(fullDynamic(inputs, sizes, classes) - target);
            if (gap < bestGap) {
                best = sizes;
                bestGap = gap;
            }
        }
        return best;
    }

    /** {@code D_f}: dynamic parameters of the factored network (weights learned, biases, classifier). */
    public static long factoredDynamic(int inputs, List<Integer> hidden, int classes, double fraction) {
        DictionarySpec factored = DictionarySpec.of(DictionaryKind.RAND_FIX_U, fraction, 1);
        long d = 0;
        int previous = inputs;
        for (int h : hidden) {
            d += (long) (factored.atoms(previous) + 1) * h;
            previous = h;
        }
        return d + (long) (previous + 1) * classes;
    }

    /** {@code D(s)}: every weight and bias of a Full network with hidden sizes {@code sizes}. */
    public static long fullDynamic(int inputs, List<Integer> sizes, int classes) {
        long d = 0;
        int previous = inputs;
        for (int s : sizes) {
            d += (long) (previous + 1) * s;
            previous = s;
        }
        return d + (long) (previous + 1) * classes;
    }

    /**
     * The same rule for any network: all layers Full, the units scaled by {@code w / units_1}, and the
     * {@code w} in {@code 1..units_1} whose dynamic count is closest to {@code factored}'s (on a tie,
     * the smaller). In a convnet only the conv layers' filters are scaled (the factored layers; fewer
     * filters also shrink the first dense layer's input); the dense layers keep their units. Returns
     * the Full network.
     */
    public static ModelSpec of(ModelSpec factored) {
        long target = dynamic(factored);
        List<Integer> units = factored.hidden().stream().map(LayerSpec::units).toList();
        ModelSpec best = null;
        long bestGap = Long.MAX_VALUE;
        for (int w = 1; w <= units.get(0); w++) {
            List<Integer> sizes = scaled(units, w);
            boolean convnet = factored.hidden().get(0).isConv();
            List<LayerSpec> layers = new ArrayList<>();
            for (int l = 0; l < sizes.size(); l++) {
                LayerSpec ls = factored.hidden().get(l);
                int u = convnet && !ls.isConv() ? ls.units() : sizes.get(l);
                layers.add(new LayerSpec(u, ls.activation(), DictionarySpec.full(), ls.conv()));
            }
            ModelSpec full = new ModelSpec(factored.input(), layers, factored.classes());
            long gap = Math.abs(dynamic(full) - target);
            if (gap < bestGap) {
                best = full;
                bestGap = gap;
            }
        }
        return best;
    }

    /**
     * Dynamic parameters of {@code spec} from its shapes alone: per weighted layer the learned
     * weights ({@code atoms x units} for a factored layer, times {@code C_in} when a conv layer's
     * channels are tied; all of {@code W} for Full) and one bias per unit, then the classifier.
     */
    public static long dynamic(ModelSpec spec) {
        long d = 0;
        for (int l = 0; l < spec.hidden().size(); l++) {
            LayerSpec ls = spec.hidden().get(l);
            int rows = spec.layerInputs(l);
            long learned = ls.dictionary().kind() == DictionaryKind.FULL ? rows
                    : (long) ls.dictionary().atoms(rows)
                            * (ls.isConv() && ls.conv().tied() ? spec.layerInputShape(l).channels() : 1);
            d += (learned + 1) * ls.units();
        }
        return d + (long) (spec.layerInputShape(spec.hidden().size()).features() + 1) * spec.classes();
    }

    private static List<Integer> scaled(List<Integer> hidden, int w) {
        List<Integer> out = new ArrayList<>(hidden.size());
        double first = hidden.get(0);
        for (int h : hidden) {
            out.add((int) Math.max(1, Math.round(w * h / first)));
        }
        return List.copyOf(out);
    }
}
