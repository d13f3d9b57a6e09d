package org.paramprediction.train;

import java.io.Serializable;
import java.util.List;
import org.paramprediction.data.Shape;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.KernelKind;

/**
 * A feed-forward classifier: the {@link Shape} of one example (a grey or colour image, or features
 * on a line), weighted layers (convolutions first, each optionally pooled, then dense layers; an
 * MLP has dense layers only), and a softmax over {@code classes}. {@code hidden} names them all:
 * "layer {@code l}" is the {@code l}-th weighted layer, as in recipes and results.
 */
public record ModelSpec(Shape input, List<LayerSpec> hidden, int classes) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ModelSpec {
        hidden = List.copyOf(hidden);
        if (input == null || classes < 2) {
            throw new IllegalArgumentException("input must be set and classes >= 2 but were " + input + " and " + classes);
        }
        Shape shape = input;
        boolean dense = false;
        for (int l = 0; l < hidden.size(); l++) {
            LayerSpec ls = hidden.get(l);
            if (ls.isConv()) {
                if (dense) {
                    throw new IllegalArgumentException("conv layers come before dense layers, but layer " + (l + 1)
                            + " is a conv layer after a dense one");
                }
                if (!ls.conv().hasGrid(shape) && needsGrid(ls.dictionary())) {
                    throw new IllegalArgumentException("layer " + (l + 1) + "'s " + ls.dictionary().label()
                            + " dictionary needs the k x k grid, which channel-wise dictionaries over the "
                            + shape.channels() + " input channels do not have; tie the channels (dictionary.channels:"
                            + " tied) or use an empirical dictionary");
                }
                shape = ls.conv().outputShape(shape, ls.units());
            } else {
                dense = true;
                shape = Shape.flat(ls.units());
            }
        }
        if (!hidden.isEmpty() && !hidden.get(0).isConv() && input.channels() > 1 && input.spatial()
                && needsGrid(hidden.get(0).dictionary())) {
            throw new IllegalArgumentException("a dense first layer's " + hidden.get(0).dictionary().label()
                    + " dictionary needs a grey image grid, but the input is " + input
                    + " (one grid per channel); use conv layers or a dictionary without a grid");
        }
    }

    private static boolean needsGrid(DictionarySpec d) {
        return d.kind() == DictionaryKind.DCT
                || d.kernel() == KernelKind.SE;
    }

    /**
     * {@code inputs} laid out on a {@code gridRows x gridCols} grey image, or on a line when the grid is
     * 0 x 0.
     */
    public ModelSpec(int inputs, int gridRows, int gridCols, List<LayerSpec> hidden, int classes) {
        this(shape(inputs, gridRows, gridCols), hidden, classes);
    }

    private static Shape shape(int inputs, int gridRows, int gridCols) {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs must be >= 1 but was " + inputs);
        }
        if (gridRows < 0 || gridCols < 0 || (gridRows > 0 && (long) gridRows * gridCols != inputs)
                || (gridRows == 0) != (gridCols == 0)) {
            throw new IllegalArgumentException("grid " + gridRows + "x" + gridCols
                    + " must be 0x0 or cover exactly the " + inputs + " inputs");
        }
        return gridRows == 0 ? Shape.flat(inputs) : Shape.image(gridRows, gridCols);
    }

    /** The shape of one example. */
    public Shape inputShape() {
        return input;
    }

    /** Features per example. */
    public int inputs() {
        return input.features();
    }

    /**
     * Rows of the image grid a dense first layer's dictionaries see: the image height for a grey
     * image, 0 for features on a line. Colour images have one grid per channel, which a dense
     * layer's grid dictionaries do not model: 0, and the constructor rejects SE and DCT there.
     */
    public int gridRows() {
        return input.spatial() && input.channels() == 1 ? input.height() : 0;
    }

    public int gridCols() {
        return input.spatial() && input.channels() == 1 ? input.width() : 0;
    }

    /** The shape of weighted layer {@code l}'s input (0-based; {@code l = hidden.size()}: the classifier's). */
    public Shape layerInputShape(int l) {
        Shape shape = input;
        for (int i = 0; i < l; i++) {
            LayerSpec ls = hidden.get(i);
            shape = ls.isConv() ? ls.conv().outputShape(shape, ls.units()) : Shape.flat(ls.units());
        }
        return shape;
    }

    /**
     * Rows of layer {@code l}'s dictionaries ({@code nv}): a dense layer's input features; a conv
     * layer's patch values, {@code k*k} when its channels are tied, else {@code k*k*C_in}.
     */
    public int layerInputs(int l) {
        LayerSpec ls = hidden.get(l);
        Shape in = layerInputShape(l);
        if (!ls.isConv()) {
            return in.features();
        }
        return ls.dictionary().kind() == DictionaryKind.FULL ? ls.conv().geometry(in).patchSize()
                : ls.conv().dictionaryInputs(in);
    }

    /**
     * Grid rows of layer {@code l}'s dictionary inputs: the image for a dense first layer on a grey
     * image, {@code k} for a conv layer with a grid, else 0 (a line).
     */
    public int layerGridRows(int l) {
        LayerSpec ls = hidden.get(l);
        if (ls.isConv()) {
            return ls.conv().hasGrid(layerInputShape(l)) ? ls.conv().kernel() : 0;
        }
        return l == 0 ? gridRows() : 0;
    }

    public int layerGridCols(int l) {
        return hidden.get(l).isConv() ? layerGridRows(l) : (l == 0 ? gridCols() : 0);
    }
}
