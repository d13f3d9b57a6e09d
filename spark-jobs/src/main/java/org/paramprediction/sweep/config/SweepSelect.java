package org.paramprediction.sweep.config;

import java.io.Serializable;
import java.util.List;

/**
 * The {@code select} section of a sweep: tune, then repeat. Phase 1 runs repeat 0 of every grid
 * point; then, in each configuration of the other keys ({@link SelectGroup}), the candidate with the
 * lowest {@code metric} among those that finished OK is chosen (ties: the first in file order), and
 * phase 2 runs its repeats 1 .. repeats-1. {@code repeats} replaces the top-level {@code repeats}.
 *
 * <pre>
 * select: {over: [training.learning_rate], metric: best_valid_error, repeats: 3}
 * </pre>
 *
 * @param over    dotted paths of sweep axes with at least 2 values, in file order
 * @param metric  the validation metric that decides
 * @param repeats seeds of the chosen value (the first one is its phase-1 trial)
 * @param groups  every configuration with its candidates, in expansion order
 */
public record SweepSelect(List<String> over, SelectMetric metric, int repeats, List<SelectGroup> groups)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public SweepSelect {
        over = List.copyOf(over);
        groups = List.copyOf(groups);
        if (over.isEmpty() || metric == null || repeats < 1) {
            throw new IllegalArgumentException("over must be non-empty, metric set and repeats >= 1 but were "
                    + over + ", " + metric + ", " + repeats);
        }
    }
}
