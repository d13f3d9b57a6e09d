package org.paramprediction.sweep.schedule;

/**
 * A trial's metric when it reached a rung (lower is better; NaN, e.g. a diverged trial, ranks last).
 * Ties rank by trial id, so decisions never depend on arrival order within a tie. {@code finished}:
 * the trial ended on its own before or at this rung (early stopping on validation), so it counts in
 * the rung's ranking but is COMPLETE whatever its rank.
 */
public record RungResult(String trialId, int rung, double metric, boolean finished) implements Comparable<RungResult> {

    /** A trial that paused at the rung. */
    public RungResult(String trialId, int rung, double metric) {
        this(trialId, rung, metric, false);
    }

    @Override
    public int compareTo(RungResult o) {
        boolean a = Double.isNaN(metric);
        boolean b = Double.isNaN(o.metric);
        if (a != b) {
            return a ? 1 : -1;
        }
        int c = a ? 0 : Double.compare(metric, o.metric);
        return c != 0 ? c : trialId.compareTo(o.trialId);
    }
}
