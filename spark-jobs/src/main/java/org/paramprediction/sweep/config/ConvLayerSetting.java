package org.paramprediction.sweep.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paramprediction.train.ConvSpec;

/**
 * One entry of {@code model.conv}: a conv layer of {@code filters} square {@code kernel x kernel}
 * filters with {@code stride} and zero border {@code pad}, then {@code pool x pool} max pooling
 * ({@code 1} = none).
 */
public record ConvLayerSetting(int filters, int kernel, int stride, int pad, int pool) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Keys of a {@code model.conv} entry, in the order of the reference table. */
    static final java.util.List<String> KEYS = java.util.List.of("filters", "kernel", "stride", "pad", "pool");

    /** The core-model convolution, with tied or channel-wise dictionaries. */
    public ConvSpec spec(boolean tied) {
        return new ConvSpec(kernel, stride, pad, pool, tied);
    }

    /** With {@code filters} replaced (Downsized). */
    public ConvLayerSetting withFilters(int f) {
        return new ConvLayerSetting(f, kernel, stride, pad, pool);
    }

    /** The canonical form in a trial's config: every key, defaults included. */
    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filters", filters);
        m.put("kernel", kernel);
        m.put("pad", pad);
        m.put("pool", pool);
        m.put("stride", stride);
        return m;
    }

    /** E.g. {@code 32x5x5/p2/pool2}. */
    @Override
    public String toString() {
        return filters + "x" + kernel + "x" + kernel + (stride == 1 ? "" : "/s" + stride) + (pad == 0 ? "" : "/p" + pad)
                + (pool == 1 ? "" : "/pool" + pool);
    }
}
