package org.paramprediction.sweep.select;

import org.paramprediction.results.TrialOutcome;

/**
 * What a phase-1 trial contributes to a choice: its status and its validation metric, nothing else
 * (its test error is never read for a choice).
 *
 * @param status OK or FAILED
 * @param metric the {@code select.metric} of the trial (NaN when unknown)
 */
public record CandidateResult(String status, double metric) {

    /** True when the trial can win: it finished OK with a finite metric. */
    public boolean eligible() {
        return TrialOutcome.OK.equals(status) && Double.isFinite(metric);
    }
}
