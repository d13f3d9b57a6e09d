package org.paramprediction.sweep.segment;

import java.io.Serializable;
import org.paramprediction.results.TrialOutcome;

/**
 * What a segment of a scheduled trial sends back (and leaves beside its checkpoint): the rung it
 * reached, the metric there, and the trial's outcome: the final one (OK or FAILED) when the trial
 * {@code finished}, else a provisional STOPPED outcome (its epochs and best epoch so far), which the
 * driver commits only if the scheduler stops the trial at this rung.
 *
 * @param rung        0-based rung the segment ran to
 * @param epochs      epochs of final training the trial has now
 * @param metric      the scheduler's metric now (NaN for a FAILED trial)
 * @param finished    ended on its own: early stopping, the last rung, or FAILED
 * @param seconds     wall time of this segment
 */
public record SegmentOutcome(String trialId, int rung, int epochs, double metric, boolean finished, double seconds,
        TrialOutcome outcome) implements Serializable {

    private static final long serialVersionUID = 1L;
}
