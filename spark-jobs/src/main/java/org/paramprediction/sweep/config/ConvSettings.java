package org.paramprediction.sweep.config;

import java.io.Serializable;
import java.util.List;

/**
 * A trial's conv layers ({@code model.conv}, before the dense {@code model.hidden} layers) and how
 * their factored filter banks are predicted ({@code dictionary.channels}: tied across input channels,
 * the paper's way, or channel-wise empirical). Null in a trial without conv layers (an MLP).
 */
public record ConvSettings(List<ConvLayerSetting> layers, boolean tied) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ConvSettings {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a convnet needs at least one conv layer");
        }
    }

    /** {@code tied} or {@code empirical}, as in the config. */
    public String channels() {
        return tied ? "tied" : "empirical";
    }

    /** E.g. {@code [32x5x5/p2/pool2, 64x5x5/p2/pool2]}. */
    @Override
    public String toString() {
        return layers + " " + channels();
    }
}
