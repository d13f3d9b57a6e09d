package org.paramprediction.train;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.dictionary.CoefficientRefit;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.Param;
import org.paramprediction.layer.WeightedLayer;

/**
 * Grows the dictionaries of a network during its final training ({@link Growth}). Each step builds a
 * new network from the recipe with {@code round(f_k * inputs)} atoms per column in every factored
 * layer ({@link DictionaryRecipe#withAtoms}: same seed, so the old alpha points stay and new ones are
 * added), copies every other parameter, and refits each column's {@code V} to its current weights
 * {@code W_j = U_j V_j} by least squares in the new dictionary ({@link CoefficientRefit}): the new
 * network computes the same function as the old one, up to rounding (GrowthRefitTest states the
 * tolerance). The old network is left untouched (the trainer may keep it as the best epoch's).
 */
public final class NetworkGrowth {

    private final Growth growth;
    private final double start;
    private final DataType dtype;
    private NetworkRecipe recipe;
    private int steps;
    private double lowest = Double.POSITIVE_INFINITY;
    private double lowestBeforeWindow = Double.POSITIVE_INFINITY;
    private boolean stopped;

    /**
     * @param recipe the network's recipe at {@code startFraction}: every factored layer's recipes at
     *               {@code round(startFraction * inputs)} atoms
     */
    public NetworkGrowth(Growth growth, double startFraction, NetworkRecipe recipe, DataType dtype) {
        if (!(startFraction > 0 && startFraction < growth.to())) {
            throw new IllegalArgumentException("the starting fraction must be in (0, grow.to=" + growth.to()
                    + ") but was " + startFraction);
        }
        for (NetworkRecipe.Layer l : recipe.layers()) {
            checkGrowable(l);
        }
        this.growth = growth;
        this.start = startFraction;
        this.recipe = recipe;
        this.dtype = dtype;
    }

    /** Why a layer cannot grow, as an exception: the new atoms must extend the old column space. */
    static void checkGrowable(NetworkRecipe.Layer l) {
        if (l.learnedU()) {
            throw new IllegalArgumentException("a growing fraction needs U rebuilt from its recipe, but this layer"
                    + " learns U (alternating optimisation)");
        }
        if (l.conv() != null) {
            throw new IllegalArgumentException("a growing fraction is implemented for dense layers only, not conv layers");
        }
        for (DictionaryRecipe r : l.columns()) {
            if (r.kind() == DictionaryKind.LOW_RANK || r.kind() == DictionaryKind.RAND_FIX_U) {
                throw new IllegalArgumentException("a growing fraction needs new atoms that extend the old ones, but "
                        + r.kind() + " draws a new random U for every atom count (" + r.describe() + ")");
            }
            if (r.lengthScaleFactor() > 0) {
                throw new IllegalArgumentException("a growing fraction needs a fixed SE length scale, but "
                        + r.describe() + " ties it to the alpha spacing, which changes with every step");
            }
        }
    }

    /** The fraction of the current network: {@code f_k} after {@code k} steps. */
    public double fraction() {
        return growth.fraction(start, steps);
    }

    /** Whether another step would add atoms ({@code f_k < to}). */
    public boolean canGrow() {
        return fraction() < growth.to();
    }

    /**
     * Called after every epoch (1-based {@code epoch}, its validation error {@code valid}): true when a
     * window of {@code every} epochs ends, its lowest validation error beats every earlier one, {@code
     * to} is not reached and the epoch is not the last. A window without improvement stops growth for
     * good.
     */
    public boolean due(int epoch, double valid, int maxEpochs) {
        lowest = Math.min(lowest, valid);
        if (stopped || epoch % growth.every() != 0 || epoch >= maxEpochs) {
            return false;
        }
        boolean improved = lowest < lowestBeforeWindow;
        lowestBeforeWindow = lowest;
        stopped = !improved || !canGrow();
        return !stopped;
    }

    /** The recipe of the current network (the last grown). */
    public NetworkRecipe recipe() {
        return recipe;
    }

    public Growth growth() {
        return growth;
    }

    /**
     * One step: a new network at {@code f_{k+1}} computing the same function as {@code current} (the
     * network of {@link #recipe()}), which is left as it was.
     */
    public Network grow(Network current) {
        if (!canGrow()) {
            throw new IllegalStateException("the fraction is already at grow.to=" + growth.to());
        }
        steps++;
        double f = fraction();
        List<NetworkRecipe.Layer> layers = new ArrayList<>();
        for (NetworkRecipe.Layer l : recipe.layers()) {
            List<DictionaryRecipe> grown = new ArrayList<>();
            for (DictionaryRecipe r : l.columns()) {
                grown.add(r.kind() == DictionaryKind.FULL ? r : r.withAtoms(atoms(f, r.inputs())));
            }
            layers.add(l.withColumns(grown));
        }
        NetworkRecipe next = recipe.withLayers(layers);
        Network out = NetworkBuilder.network(next, next.dictionaries(), dtype);
        for (int l = 0; l < out.weighted().size(); l++) {
            transfer(current.weighted().get(l), out.weighted().get(l), next.layers().get(l).columns());
        }
        copy(current.output().params(), out.output().params());
        recipe = next;
        return out;
    }

    /** Atoms per column at fraction {@code f}, as {@link DictionarySpec#atoms} counts them. */
    static int atoms(double f, int inputs) {
        return (int) Math.max(1, Math.min(inputs, Math.round(f * inputs)));
    }

    private static void transfer(WeightedLayer from, WeightedLayer to, List<DictionaryRecipe> recipes) {
        if (from.map() instanceof FactoredMap old && to.map() instanceof FactoredMap grown) {
            grown.setCoefficients(refit(old, grown, recipes));
        } else {
            copy(from.map().params(), to.map().params());
        }
        copy(List.of(from.bias()), List.of(to.bias()));
    }

    /** {@code V'_j = argmin |U'_j V'_j - U_j V_j|} per column, column-major. */
    static double[] refit(FactoredMap old, FactoredMap grown, List<DictionaryRecipe> recipes) {
        int nv = old.inputs();
        double[] u = old.dictionaryColumnMajor();
        double[] v = old.coefficientsColumnMajor();
        double[] uNew = grown.dictionaryColumnMajor();
        int na = old.atoms();
        int naNew = grown.atoms();
        double[] vNew = new double[naNew * old.outputs()];
        for (int j = 0; j < old.columns(); j++) {
            int h0 = old.columnStart(j);
            int nh = old.columnStart(j + 1) - h0;
            double[] w = new double[nv * nh];
            for (int h = 0; h < nh; h++) {
                for (int a = 0; a < na; a++) {
                    double vah = v[(h0 + h) * na + a];
                    int uCol = (j * na + a) * nv;
                    int wCol = h * nv;
                    for (int i = 0; i < nv; i++) {
                        w[wCol + i] += u[uCol + i] * vah;
                    }
                }
            }
            double[] uj = java.util.Arrays.copyOfRange(uNew, j * naNew * nv, (j + 1) * naNew * nv);
            double[] vj = CoefficientRefit.solve(uj, nv, naNew, w, nh, recipes.get(j));
            System.arraycopy(vj, 0, vNew, h0 * naNew, vj.length);
        }
        return vNew;
    }

    private static void copy(List<Param> from, List<Param> to) {
        if (from.size() != to.size()) {
            throw new IllegalStateException("parameter lists differ: " + from + " and " + to);
        }
        for (int i = 0; i < from.size(); i++) {
            to.get(i).value().assign(from.get(i).value());
        }
    }
}
