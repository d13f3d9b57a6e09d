package org.paramprediction.sweep.config;

import java.util.Arrays;
import java.util.List;

/**
 * A validation metric that a {@code select} section may choose by: the name of a {@code trials}
 * column that a trial's validation data alone decides; lower is better. Test metrics are never
 * offered, so that the test set cannot leak into a choice.
 */
public enum SelectMetric {
    /** The lowest validation error over the trial's epochs (the epoch whose test error is reported). */
    BEST_VALID_ERROR("best_valid_error");

    private final String key;

    SelectMetric(String key) {
        this.key = key;
    }

    /** The name in the YAML file, and of the {@code trials} column that holds the value. */
    public String key() {
        return key;
    }

    /** The YAML names of every metric, e.g. {@code [best_valid_error]}. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(SelectMetric::key).toList();
    }

    /** The metric named {@code key}, or null. */
    static SelectMetric byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst().orElse(null);
    }
}
