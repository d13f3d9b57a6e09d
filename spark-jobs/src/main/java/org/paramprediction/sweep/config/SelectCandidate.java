package org.paramprediction.sweep.config;

import java.io.Serializable;
import java.util.List;

/**
 * One value of the {@code select.over} keys within a configuration: its trials, repeat 0 first
 * ({@code trials.get(r).repeat() == r}). Phase 1 runs {@code trials.get(0)}; phase 2 the rest, if this
 * candidate is chosen.
 *
 * @param value  the over keys' values, e.g. {@code training.learning_rate=0.01}
 * @param trials one trial per repeat, in repeat order
 */
public record SelectCandidate(String value, List<TrialSpec> trials) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SelectCandidate {
        trials = List.copyOf(trials);
        for (int r = 0; r < trials.size(); r++) {
            if (trials.get(r).repeat() != r) {
                throw new IllegalArgumentException("trials must be in repeat order but trial " + r + " has repeat "
                        + trials.get(r).repeat());
            }
        }
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one trial");
        }
    }

    /** The phase-1 trial (repeat 0). */
    public TrialSpec first() {
        return trials.get(0);
    }
}
