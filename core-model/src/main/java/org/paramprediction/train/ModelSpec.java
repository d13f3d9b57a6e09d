package org.paramprediction.train;

import java.io.Serializable;
import java.util.List;
import org.paramprediction.data.Shape;

/**
 * A multilayer perceptron: {@code inputs} (laid out on a {@code gridRows x gridCols} image, or 0 x 0
 * when the inputs have no topology), hidden layers, and a softmax over {@code classes}.
 */
public record ModelSpec(int inputs, int gridRows, int gridCols, List<LayerSpec> hidden, int classes)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ModelSpec {
        hidden = List.copyOf(hidden);
        if (inputs < 1 || classes < 2) {
            throw new IllegalArgumentException(
                    "inputs must be >= 1 and classes >= 2 but were " + inputs + " and " + classes);
        }
        if (gridRows < 0 || gridCols < 0 || (gridRows > 0 && (long) gridRows * gridCols != inputs)) {
            throw new IllegalArgumentException("grid " + gridRows + "x" + gridCols
                    + " must be 0x0 or cover exactly the " + inputs + " inputs");
        }
    }

    /** The shape of one example: the image grid, or the inputs on a line when there is none. */
    public Shape inputShape() {
        return gridRows > 0 ? Shape.image(gridRows, gridCols)
                : Shape.flat(inputs);
    }

    /** Inputs of hidden layer {@code l} (0-based). */
    public int layerInputs(int l) {
        return l == 0 ? inputs : hidden.get(l - 1).units();
    }

    /** Image grid rows of hidden layer {@code l}'s inputs (0 above the first layer). */
    public int layerGridRows(int l) {
        return l == 0 ? gridRows : 0;
    }

    public int layerGridCols(int l) {
        return l == 0 ? gridCols : 0;
    }
}
