package org.paramprediction.sweep.config;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated sweep: its trials in deterministic order (method x fraction x columns x grid x
 * repeats, duplicates removed) and, for summaries, the configured axes.
 *
 * @param name      the sweep id ({@code [a-z0-9][a-z0-9_-]{0,63}})
 * @param file      the file it was read from, as given to the loader
 * @param repeats   seeds per configuration
 * @param methods   the methods, in file order
 * @param fractions the fractions learned, in file order (Full trials use 1.0 regardless)
 * @param columns   the column counts, in file order (Full trials use 1 regardless)
 * @param gridKeys  the dotted paths listed under {@code grid}, in file order, then those only under
 *                  {@code variants} (not method, fraction, columns)
 * @param trials    every trial, with distinct trial ids
 * @param keepWeights {@code output.keep_weights}: trials also write their learned parameters to the
 *                  {@code weights} table (not part of any trial's identity)
 * @param select    the {@code select} section (tune, then repeat), or null: then every trial runs.
 *                  With it, {@code trials} still lists every grid point x repeat (what a plain sweep
 *                  with {@code select.repeats} would run); the runner runs repeat 0 of each and the
 *                  chosen values' other repeats
 * @param scheduler the {@code scheduler} section (successive halving), or null: every trial runs to its end
 */
public record SweepSpec(String name, String file, int repeats, List<Method> methods, List<Double> fractions,
        List<Integer> columns, List<String> gridKeys, List<TrialSpec> trials, boolean keepWeights,
        SweepSelect select, SweepScheduler scheduler)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A sweep that does not keep weights. */
    public SweepSpec(String name, String file, int repeats, List<Method> methods, List<Double> fractions,
            List<Integer> columns, List<String> gridKeys, List<TrialSpec> trials) {
        this(name, file, repeats, methods, fractions, columns, gridKeys, trials, false);
    }

    /** A sweep without a {@code select} section. */
    public SweepSpec(String name, String file, int repeats, List<Method> methods, List<Double> fractions,
            List<Integer> columns, List<String> gridKeys, List<TrialSpec> trials, boolean keepWeights) {
        this(name, file, repeats, methods, fractions, columns, gridKeys, trials, keepWeights, null, null);
    }

    /** A sweep without a {@code scheduler} section. */
    public SweepSpec(String name, String file, int repeats, List<Method> methods, List<Double> fractions,
            List<Integer> columns, List<String> gridKeys, List<TrialSpec> trials, boolean keepWeights,
            SweepSelect select) {
        this(name, file, repeats, methods, fractions, columns, gridKeys, trials, keepWeights, select, null);
    }

    /** This sweep with {@code scheduler} instead of its own (null: none); the trials are the same. */
    public SweepSpec withScheduler(SweepScheduler scheduler) {
        return new SweepSpec(name, file, repeats, methods, fractions, columns, gridKeys, trials, keepWeights, select,
                scheduler);
    }

    public SweepSpec {
        if (name == null || name.isBlank() || file == null) {
            throw new IllegalArgumentException("name and file must be set but were " + name + " and " + file);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1 but was " + repeats);
        }
        methods = List.copyOf(methods);
        fractions = List.copyOf(fractions);
        columns = List.copyOf(columns);
        gridKeys = List.copyOf(gridKeys);
        trials = List.copyOf(trials);
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("trials must not be empty");
        }
        Set<String> ids = new HashSet<>();
        for (TrialSpec t : trials) {
            if (!ids.add(t.trialId())) {
                throw new IllegalArgumentException("trial ids must be distinct but " + t.trialId() + " repeats");
            }
        }
    }
}
