package org.paramprediction.sweep.config;

import java.io.Serializable;
import org.paramprediction.sweep.schedule.Rungs;

/**
 * A sweep's {@code scheduler} section, validated: successive halving that stops the weaker trials at
 * each rung ({@link Rungs}) by a validation {@code metric}. A property of the run, not of a trial:
 * it does not enter trial ids, so the same grid run with and without a scheduler has the same ids.
 *
 * @param type  {@link Type#ASHA} (decide as each trial reaches a rung) or {@link Type#SYNC_HALVING}
 *              (decide per complete rung, the same decisions on every rerun)
 */
public record SweepScheduler(Type type, SelectMetric metric, Rungs rungs) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The scheduler kinds a sweep file may name. */
    public enum Type {
        ASHA("asha"),
        SYNC_HALVING("sync_halving");

        private final String key;

        Type(String key) {
            this.key = key;
        }

        /** The name in the YAML file and in the {@code scheduler} column. */
        public String key() {
            return key;
        }
    }

    /** One line for the trials table's {@code scheduler} column and the console, e.g. {@code asha min 1 x3 max 27 best_valid_error}. */
    public String describe() {
        return type.key() + " min " + rungs.minEpochs() + " x" + rungs.reduction() + " max " + rungs.maxEpochs() + " "
                + metric.key();
    }
}
