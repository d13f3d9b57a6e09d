package org.paramprediction.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paramprediction.data.Shape;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.Network;
import org.paramprediction.stats.Covariance;

/**
 * Everything needed to rebuild a network's structure and fixed dictionaries somewhere else: per
 * hidden layer its units, activation and one {@link DictionaryRecipe} per column, the number of
 * classes, and the covariances the empirical recipes name. A worker that has it rebuilds every
 * {@code U} bit-identically ({@link DictionaryBuilder} is deterministic) and then needs only the
 * dynamic parameters, in {@link Network#params()} order, to hold the same network
 * ({@link NetworkBuilder#network}).
 *
 * <p>A final class of arrays, not a record of lists, so that any Spark serializer can carry it.
 */
public final class NetworkRecipe implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One weighted layer: its width (filters of a convolution), activation and column recipes, and
     * for a convolution its kernel, stride, pad, pooling and whether the channels are tied (kernel 0
     * for a dense layer; plain fields so that any Spark serializer carries them).
     */
    public static final class Layer implements Serializable {
        private static final long serialVersionUID = 2L;
        private final int units;
        private final Activation activation;
        private final DictionaryRecipe[] columns;
        private final int kernel;
        private final int stride;
        private final int pad;
        private final int pool;
        private final boolean tied;
        private final boolean learnedU;

        /** A dense layer. */
        public Layer(int units, Activation activation, List<DictionaryRecipe> columns) {
            this(units, activation, columns, null);
        }

        /** A conv layer when {@code conv} is set, else a dense one. */
        public Layer(int units, Activation activation, List<DictionaryRecipe> columns, ConvSpec conv) {
            this(units, activation, columns, conv, false);
        }

        /**
         * As above; with {@code learnedU} every factored map of the layer learns its {@code U}, which
         * starts from the recipes' dictionaries (alternating optimisation; LowRank always learns it).
         */
        public Layer(int units, Activation activation, List<DictionaryRecipe> columns, ConvSpec conv,
                boolean learnedU) {
            if (units < 1 || activation == null || columns == null || columns.isEmpty()) {
                throw new IllegalArgumentException("a layer needs units >= 1, an activation and >= 1 recipe but got "
                        + units + ", " + activation + ", " + columns);
            }
            this.units = units;
            this.activation = activation;
            this.columns = columns.toArray(new DictionaryRecipe[0]);
            this.kernel = conv == null ? 0 : conv.kernel();
            this.stride = conv == null ? 0 : conv.stride();
            this.pad = conv == null ? 0 : conv.pad();
            this.pool = conv == null ? 0 : conv.pool();
            this.tied = conv != null && conv.tied();
            this.learnedU = learnedU;
        }

        /** Whether the layer learns {@code U} (beyond LowRank, whose {@code U} is always learned). */
        public boolean learnedU() {
            return learnedU;
        }

        /** This layer with other column recipes (e.g. more atoms), everything else kept. */
        public Layer withColumns(List<DictionaryRecipe> recipes) {
            return new Layer(units, activation, recipes, conv(), learnedU);
        }

        /** The convolution, or null for a dense layer. */
        public ConvSpec conv() {
            return kernel == 0 ? null : new ConvSpec(kernel, stride, pad, pool, tied);
        }

        public int units() {
            return units;
        }

        public Activation activation() {
            return activation;
        }

        public List<DictionaryRecipe> columns() {
            return List.of(columns);
        }
    }

    private final Layer[] layers;
    private final Shape inputShape;
    private final int classes;
    private final Covariance[] covariances;

    /** @param covariances at least those named by the recipes (others are ignored) */
    public NetworkRecipe(int inputs, List<Layer> layers, int classes, List<Covariance> covariances) {
        this(Shape.flat(inputs), layers, classes, covariances);
    }

    /** @param inputShape the shape of one example (an image, or features on a line) */
    public NetworkRecipe(Shape inputShape, List<Layer> layers, int classes, List<Covariance> covariances) {
        this.inputShape = inputShape;
        this.layers = layers.toArray(new Layer[0]);
        this.classes = classes;
        List<Covariance> needed = new ArrayList<>();
        for (Layer l : this.layers) {
            for (DictionaryRecipe r : l.columns) {
                if (r.covarianceId() != null && find(covariances, r.covarianceId()) == null) {
                    throw new IllegalArgumentException("recipe " + r + " needs covariance " + r.covarianceId()
                            + " but none of the " + covariances.size() + " given has that id");
                }
                Covariance c = find(covariances, r.covarianceId());
                if (c != null && !needed.contains(c)) {
                    needed.add(c);
                }
            }
        }
        this.covariances = needed.toArray(new Covariance[0]);
    }

    public int inputs() {
        return inputShape.features();
    }

    public Shape inputShape() {
        return inputShape;
    }

    public int classes() {
        return classes;
    }

    public List<Layer> layers() {
        return List.of(layers);
    }

    /** This recipe with other layers (e.g. grown dictionaries), the same covariances and classes. */
    public NetworkRecipe withLayers(List<Layer> newLayers) {
        return new NetworkRecipe(inputShape, newLayers, classes, Arrays.asList(covariances));
    }

    /** Bytes of the covariance matrices this recipe carries (what shipping it once costs, mostly). */
    public long covarianceBytes() {
        long n = 0;
        for (Covariance c : covariances) {
            n += (long) c.dimension() * c.dimension() * Double.BYTES;
        }
        return n;
    }

    /** Builds every column's dictionary, layer by layer. */
    public List<List<Dictionary>> dictionaries() {
        List<List<Dictionary>> out = new ArrayList<>();
        for (Layer l : layers) {
            List<Dictionary> ds = new ArrayList<>();
            for (DictionaryRecipe r : l.columns) {
                ds.add(DictionaryBuilder.build(r, find(Arrays.asList(covariances), r.covarianceId())));
            }
            out.add(ds);
        }
        return out;
    }

    private static Covariance find(List<Covariance> covariances, String id) {
        if (id == null) {
            return null;
        }
        for (Covariance c : covariances) {
            if (c != null && id.equals(c.id())) {
                return c;
            }
        }
        return null;
    }
}
