package org.paramprediction.sweep.schedule;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The rungs of successive halving (Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", MLSys 2020): a trial is judged after {@code min_epochs * reduction^k} epochs, for every
 * {@code k} with that below {@code max_epochs}; {@code max_epochs} is the last rung, where a trial
 * that got there simply ends. E.g. {@code min 1, reduction 3, max 27}: rungs at 1, 3, 9 and 27 epochs.
 *
 * @param minEpochs epochs of the first rung, {@code >= 1}
 * @param reduction {@code eta >= 2}: a rung keeps the best {@code 1/eta} of the trials that reached it
 * @param maxEpochs epochs of the last rung, {@code >= minEpochs}
 */
public record Rungs(int minEpochs, int reduction, int maxEpochs) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Rungs {
        if (minEpochs < 1 || reduction < 2 || maxEpochs < minEpochs) {
            throw new IllegalArgumentException("need min_epochs >= 1, reduction >= 2 and max_epochs >= min_epochs but"
                    + " got " + minEpochs + ", " + reduction + ", " + maxEpochs);
        }
    }

    /** The epochs at which trials are judged, ascending; the last is {@code maxEpochs}. */
    public List<Integer> epochs() {
        List<Integer> out = new ArrayList<>();
        for (long e = minEpochs; e < maxEpochs; e *= reduction) {
            out.add((int) e);
        }
        out.add(maxEpochs);
        return List.copyOf(out);
    }

    /** Rungs, {@code epochs().size()}. */
    public int count() {
        return epochs().size();
    }

    /** The last rung's index: a trial there is complete. */
    public int last() {
        return count() - 1;
    }

    /**
     * How many of {@code reached} trials at a rung go on: the best {@code floor(reached / eta)}, at
     * least 1 when any reached it (so a small sweep still finishes one trial).
     */
    public int keep(int reached) {
        return reached == 0 ? 0 : Math.max(1, reached / reduction);
    }
}
