package org.paramprediction.train;

import java.io.Serializable;
import org.paramprediction.layer.Activation;

/** A hidden layer: its number of units, nonlinearity and weight representation. */
public record LayerSpec(int units, Activation activation, DictionarySpec dictionary) implements Serializable {

    private static final long serialVersionUID = 1L;

    public LayerSpec {
        if (units < 1) {
            throw new IllegalArgumentException("units must be >= 1 but was " + units);
        }
        if (activation == null || dictionary == null) {
            throw new IllegalArgumentException("activation and dictionary must be set");
        }
        if (dictionary.columns() > units) {
            throw new IllegalArgumentException(
                    "columns must be <= units=" + units + " but was " + dictionary.columns());
        }
    }
}
