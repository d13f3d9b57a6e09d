package org.paramprediction.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.Shape;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.layer.ConvGeometry;
import org.paramprediction.layer.ConvLayer;
import org.paramprediction.layer.DenseMap;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.layer.HiddenLayer;
import org.paramprediction.layer.Layer;
import org.paramprediction.layer.LayerWeights;
import org.paramprediction.layer.LinearMap;
import org.paramprediction.layer.MaxPoolLayer;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.SoftmaxOutputLayer;
import org.paramprediction.layer.TiedFactoredMap;
import org.paramprediction.layer.WeightedLayer;

/**
 * The one place networks are built: every training path (single task, staged, data-parallel,
 * columns as tasks, benchmark, activations for covariances) gets its layers from here, so a layer
 * built from the same recipe and dictionaries is the same layer everywhere.
 *
 * <p>Conventions: weighted layer {@code l > 0} propagates the gradient to its input, layer 0 does
 * not (nothing below it learns); a FULL recipe gives a {@link DenseMap}, any other kind a {@link
 * FactoredMap} over its columns' dictionaries; new layers hold zeros until {@link #initialize}.
 */
public final class NetworkBuilder {

    private NetworkBuilder() {}

    /**
     * The dictionary seeds of a model, one per (weighted layer, column), drawn in order from {@code
     * root}: the first draws of every trial's random stream, so that every training path builds the
     * same recipes from the same trial seed.
     */
    public static long[][] dictionarySeeds(ModelSpec spec, SplittableRandom root) {
        List<LayerSpec> hidden = spec.hidden();
        long[][] seeds = new long[hidden.size()][];
        for (int l = 0; l < hidden.size(); l++) {
            seeds[l] = new long[hidden.get(l).dictionary().columns()];
            for (int j = 0; j < seeds[l].length; j++) {
                seeds[l][j] = root.nextLong();
            }
        }
        return seeds;
    }

    /** The weighted layer {@code r} over {@code columns} (its dictionaries, one per column), values zero. */
    public static WeightedLayer layer(NetworkRecipe.Layer r, List<Dictionary> columns, Shape input,
            boolean inputGradient, DataType dtype) {
        return (WeightedLayer) layers(r, columns, input, inputGradient, dtype).get(0);
    }

    /**
     * The layers of recipe layer {@code r}: its weighted layer (dense or conv), followed by a max
     * pooling layer when a conv layer pools.
     */
    public static List<Layer> layers(NetworkRecipe.Layer r, List<Dictionary> columns, Shape input,
            boolean inputGradient, DataType dtype) {
        ConvSpec conv = r.conv();
        if (conv == null) {
            return List.of(new HiddenLayer(weightMap(columns, r.units(), dtype, r.learnedU()), r.activation(),
                    inputGradient, dtype, input));
        }
        ConvGeometry g = conv.geometry(input);
        boolean tied = conv.tied() && columns.get(0).recipe().kind() != DictionaryKind.FULL;
        if (tied && r.learnedU()) {
            throw new IllegalArgumentException("a tied filter bank cannot learn U (alternating optimisation): its U is"
                    + " U_s (x) I over the k x k positions; use channel-wise dictionaries");
        }
        LinearMap filters = tied
                ? tiedMap(columns, input.channels(), r.units(), dtype)
                : weightMap(columns, r.units(), dtype, r.learnedU());
        if (filters.inputs() != g.patchSize()) {
            throw new IllegalArgumentException("the recipes of a " + g.kernel() + "x" + g.kernel() + " conv layer on "
                    + input + " give " + filters.inputs() + " filter rows but a patch has " + g.patchSize());
        }
        ConvLayer layer = new ConvLayer(filters, g, r.activation(), inputGradient, dtype);
        if (conv.pool() == 1) {
            return List.of(layer);
        }
        return List.of(layer, new MaxPoolLayer(layer.outputShape(), conv.pool(), conv.pool(), dtype));
    }

    /** A tied filter bank: each column's dictionary is {@code U_s} over the {@code k x k} positions. */
    private static TiedFactoredMap tiedMap(List<Dictionary> columns, int channels, int outputs, DataType dtype) {
        Dictionary first = columns.get(0);
        return new TiedFactoredMap(first.inputs(), channels, outputs, columns.size(), first.atoms(),
                concatenated(columns), dtype);
    }

    /** A {@link DenseMap} for FULL, otherwise a {@link FactoredMap} with {@code U = [U_1 ... U_c]}. */
    public static LinearMap weightMap(List<Dictionary> columns, int outputs, DataType dtype) {
        return weightMap(columns, outputs, dtype, false);
    }

    /** As above; with {@code learnU} the factored map learns {@code U}, starting from the dictionaries. */
    public static LinearMap weightMap(List<Dictionary> columns, int outputs, DataType dtype, boolean learnU) {
        Dictionary first = columns.get(0);
        int inputs = first.inputs();
        if (first.recipe().kind() == DictionaryKind.FULL) {
            if (columns.size() != 1) {
                throw new IllegalArgumentException("a FULL layer has one column but got " + columns.size());
            }
            return new DenseMap(inputs, outputs, dtype);
        }
        boolean trainable = learnU || first.recipe().kind() == DictionaryKind.LOW_RANK;
        return new FactoredMap(inputs, outputs, columns.size(), first.atoms(), concatenated(columns), trainable, dtype);
    }

    /** {@code [U_1 ... U_c]} column-major, after checking that every column has the same size. */
    private static double[] concatenated(List<Dictionary> columns) {
        Dictionary first = columns.get(0);
        int inputs = first.inputs();
        int atoms = first.atoms();
        double[] u = new double[inputs * atoms * columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            Dictionary d = columns.get(j);
            if (d.atoms() != atoms || d.inputs() != inputs) {
                throw new IllegalArgumentException("column " + j + " has " + d.inputs() + "x" + d.atoms()
                        + " atoms but column 0 has " + inputs + "x" + atoms);
            }
            for (int a = 0; a < atoms; a++) {
                int base = (j * atoms + a) * inputs;
                for (int i = 0; i < inputs; i++) {
                    u[base + i] = d.get(i, a);
                }
            }
        }
        return u;
    }

    /** Draws the learned values of {@code layer} so that its {@code W} has the activation's variance for its fan-in. */
    public static void initialize(WeightedLayer layer, SplittableRandom rng) {
        layer.map().initialize(rng, layer.activation().initVariance(layer.map().inputs()));
    }

    /** A softmax head on {@code inputs} features, initialised from {@code rng} (LeCun), or zero when it is null. */
    public static SoftmaxOutputLayer head(int inputs, int classes, DataType dtype, SplittableRandom rng) {
        SoftmaxOutputLayer head = new SoftmaxOutputLayer(inputs, classes, dtype);
        if (rng != null) {
            head.initialize(rng);
        }
        return head;
    }

    /** The network of {@code recipe} with these dictionaries (one list per layer) and all dynamic parameters zero. */
    public static Network network(NetworkRecipe recipe, List<List<Dictionary>> dictionaries, DataType dtype) {
        List<Layer> layers = new ArrayList<>();
        Shape shape = recipe.inputShape();
        for (int l = 0; l < recipe.layers().size(); l++) {
            List<Layer> built = layers(recipe.layers().get(l), dictionaries.get(l), shape, l > 0, dtype);
            layers.addAll(built);
            shape = built.get(built.size() - 1).outputShape();
        }
        return new Network(recipe.inputShape(), layers, head(shape.features(), recipe.classes(), dtype, null), dtype);
    }

    /**
     * Trained layers sent as plain arrays, rebuilt with dense weights ({@code W = U V} as sent; conv
     * layers with their pooling) under a placeholder two-class head: what computes their activations
     * wherever they arrive.
     */
    public static Network frozen(List<LayerWeights> trained) {
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < trained.size(); l++) {
            LayerWeights w = trained.get(l);
            DenseMap map = new DenseMap(w.weightRows(), w.weightColumns(), DataType.FLOAT);
            map.params().get(0).value().assign(
                    Nd4j.create(w.weights(), new long[] {w.weightRows(), w.weightColumns()}, 'f'));
            WeightedLayer layer;
            if (w.isConv()) {
                layer = new ConvLayer(map, w.geometry(), w.activation(), l > 0, DataType.FLOAT);
            } else {
                layer = new HiddenLayer(map, w.activation(), l > 0, DataType.FLOAT);
            }
            layer.bias().value().assign(Nd4j.create(w.bias(), new long[] {1, w.weightColumns()}, 'c'));
            layers.add(layer);
            if (w.isConv() && w.pool() > 1) {
                layers.add(new MaxPoolLayer(layer.outputShape(), w.pool(), w.pool(), DataType.FLOAT));
            }
        }
        LayerWeights first = trained.get(0);
        Shape input = first.isConv() ? first.geometry().input() : Shape.flat(first.inputs());
        int top = trained.get(trained.size() - 1).outputs();
        return new Network(input, layers, head(top, 2, DataType.FLOAT, null), DataType.FLOAT);
    }
}
