package org.paramprediction.train;

import java.io.Serializable;
import org.paramprediction.layer.Activation;

/**
 * A weighted layer: its number of units (for a convolution: of filters, output channels),
 * nonlinearity and weight representation, and for a convolution its {@link ConvSpec} (null for a
 * dense layer).
 */
public record LayerSpec(int units, Activation activation, DictionarySpec dictionary, ConvSpec conv)
        implements Serializable {

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
        if (conv != null && conv.tied() && dictionary.kind() == org.paramprediction.dictionary.DictionaryKind.LOW_RANK) {
            throw new IllegalArgumentException("a LowRank conv layer learns U, which a tied filter bank does not;"
                    + " use channel-wise dictionaries (dictionary.channels: empirical)");
        }
    }

    /** A dense layer. */
    public LayerSpec(int units, Activation activation, DictionarySpec dictionary) {
        this(units, activation, dictionary, null);
    }

    public boolean isConv() {
        return conv != null;
    }
}
