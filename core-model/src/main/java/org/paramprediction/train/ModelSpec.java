package org.paramprediction.train;

import java.io.Serializable;
import java.util.List;
import org.paramprediction.data.Shape;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.KernelKind;

/**
 * A multilayer perceptron: the {@link Shape} of one example (a grey or colour image, or features
 * on a line), hidden layers, and a softmax over {@code classes}.
 */
public record ModelSpec(Shape input, List<LayerSpec> hidden, int classes) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ModelSpec {
        hidden = List.copyOf(hidden);
        if (input == null || classes < 2) {
            throw new IllegalArgumentException("input must be set and classes >= 2 but were " + input + " and " + classes);
        }
        if (!hidden.isEmpty() && input.channels() > 1 && input.spatial() && needsGrid(hidden.get(0).dictionary())) {
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

    /** Inputs of hidden layer {@code l} (0-based). */
    public int layerInputs(int l) {
        return l == 0 ? inputs() : hidden.get(l - 1).units();
    }

    /** Image grid rows of hidden layer {@code l}'s inputs (0 above the first layer). */
    public int layerGridRows(int l) {
        return l == 0 ? gridRows() : 0;
    }

    public int layerGridCols(int l) {
        return l == 0 ? gridCols() : 0;
    }
}
