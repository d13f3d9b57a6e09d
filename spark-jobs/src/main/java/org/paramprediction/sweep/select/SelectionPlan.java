package org.paramprediction.sweep.select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paramprediction.sweep.config.SelectCandidate;
import org.paramprediction.sweep.config.SelectGroup;
import org.paramprediction.sweep.config.SweepSelect;
import org.paramprediction.sweep.config.TrialSpec;

/**
 * The two phases of a sweep with a {@code select} section, as pure functions of the config and of
 * the phase-1 results (so a resumed sweep recomputes the same choice from the committed rows):
 * phase 1 is repeat 0 of every candidate; the choice in each configuration is the lowest metric
 * among the candidates that finished OK, the first in file order on a tie; phase 2 is the chosen
 * candidates' repeats 1 .. repeats-1. Each trial appears once per phase even when configurations
 * share it.
 */
public final class SelectionPlan {

    private final SweepSelect select;

    public SelectionPlan(SweepSelect select) {
        this.select = select;
    }

    /** Repeat 0 of every candidate of every configuration, each trial once, in expansion order. */
    public List<TrialSpec> phase1() {
        Map<String, TrialSpec> out = new LinkedHashMap<>();
        for (SelectGroup g : select.groups()) {
            for (SelectCandidate c : g.candidates()) {
                out.putIfAbsent(c.first().trialId(), c.first());
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * The choice of every configuration from the phase-1 results by trial id (status and metric only).
     *
     * @throws IllegalStateException if a phase-1 trial has no result (phase 1 is not complete)
     */
    public List<Choice> choose(Map<String, CandidateResult> results) {
        List<Choice> out = new ArrayList<>(select.groups().size());
        for (SelectGroup g : select.groups()) {
            List<CandidateResult> rs = new ArrayList<>();
            int best = -1;
            for (SelectCandidate c : g.candidates()) {
                CandidateResult r = results.get(c.first().trialId());
                if (r == null) {
                    throw new IllegalStateException("phase 1 is not complete: trial " + c.first().label()
                            + " of " + g.configuration() + " has no committed result");
                }
                if (r.eligible() && (best < 0 || r.metric() < rs.get(best).metric())) {
                    best = rs.size(); // strictly lower: on a tie the earlier candidate stays
                }
                rs.add(r);
            }
            out.add(new Choice(g, best, rs));
        }
        return out;
    }

    /** The chosen candidates' repeats 1 .. repeats-1, each trial once, in configuration order. */
    public static List<TrialSpec> phase2(List<Choice> choices) {
        Map<String, TrialSpec> out = new LinkedHashMap<>();
        for (Choice c : choices) {
            if (c.made()) {
                List<TrialSpec> trials = c.candidate().trials();
                for (TrialSpec t : trials.subList(1, trials.size())) {
                    out.putIfAbsent(t.trialId(), t);
                }
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * The {@code selected} value of every trial of every candidate: true for the trials of a chosen
     * candidate (its phase-1 trial too), false for the other candidates' trials (their phase-1 trial,
     * and any later repeat committed by an earlier choice that {@code --retry-failed} has since
     * changed). A trial that two configurations share is selected if either chose it.
     */
    public static Map<String, Boolean> selected(List<Choice> choices) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Choice c : choices) {
            for (int i = 0; i < c.group().candidates().size(); i++) {
                boolean chosen = i == c.chosen();
                for (TrialSpec t : c.group().candidates().get(i).trials()) {
                    out.merge(t.trialId(), chosen, Boolean::logicalOr);
                }
            }
        }
        return out;
    }
}
