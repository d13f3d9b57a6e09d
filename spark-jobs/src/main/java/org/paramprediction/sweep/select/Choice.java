package org.paramprediction.sweep.select;

import java.util.List;
import org.paramprediction.sweep.config.SelectCandidate;
import org.paramprediction.sweep.config.SelectGroup;

/**
 * The choice in one configuration: the candidate with the lowest metric among those whose phase-1
 * trial finished OK (ties: the first in file order), or none when every candidate failed.
 *
 * @param group   the configuration and its candidates
 * @param chosen  index of the chosen candidate, -1 when every candidate failed
 * @param results the phase-1 result of each candidate, in the candidates' order
 */
public record Choice(SelectGroup group, int chosen, List<CandidateResult> results) {

    public Choice {
        results = List.copyOf(results);
        if (results.size() != group.candidates().size() || chosen < -1 || chosen >= results.size()) {
            throw new IllegalArgumentException("a choice needs one result per candidate and a chosen index in [-1, "
                    + group.candidates().size() + ") but had " + results.size() + " results and " + chosen);
        }
    }

    /** True when some candidate finished OK, so that phase 2 runs for this configuration. */
    public boolean made() {
        return chosen >= 0;
    }

    /** The chosen candidate; only when {@link #made}. */
    public SelectCandidate candidate() {
        if (!made()) {
            throw new IllegalStateException("every candidate of " + group.configuration() + " failed in phase 1");
        }
        return group.candidates().get(chosen);
    }
}
