package org.paramprediction.sweep.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paramprediction.sweep.config.SelectCandidate;
import org.paramprediction.sweep.config.SelectGroup;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;

/** Phase planning of a select sweep, with phase-1 results made up by hand. */
class SelectionPlanTest {

    private static final SweepSpec SWEEP = SweepConfigLoader.parse("""
            name: plan
            dataset: {train_size: 1000, valid_size: 200}
            model: {hidden: [16]}
            method: [Full, SE, RandFixU]
            fraction: 0.25
            columns: 1
            grid:
              training.learning_rate: [0.01, 0.1, 0.05]
            select: {over: [training.learning_rate], repeats: 3}
            """, "plan.yaml");

    private static final SelectionPlan PLAN = new SelectionPlan(SWEEP.select());

    private static SelectGroup group(int g) {
        return SWEEP.select().groups().get(g);
    }

    private static TrialSpec first(int g, int c) {
        return group(g).candidates().get(c).first();
    }

    /** Results of every phase-1 trial: OK, with {@code errors[g][c]} (NaN: FAILED). */
    private static Map<String, CandidateResult> results(double[][] errors) {
        Map<String, CandidateResult> out = new HashMap<>();
        for (int g = 0; g < errors.length; g++) {
            for (int c = 0; c < errors[g].length; c++) {
                double e = errors[g][c];
                out.put(first(g, c).trialId(), Double.isNaN(e) ? new CandidateResult("FAILED", Double.NaN)
                        : new CandidateResult("OK", e));
            }
        }
        return out;
    }

    @Test
    void phaseOneIsRepeatZeroOfEveryGridPoint() {
        List<TrialSpec> phase1 = PLAN.phase1();
        assertEquals(9, phase1.size());
        assertTrue(phase1.stream().allMatch(t -> t.repeat() == 0));
        assertEquals(SWEEP.trials().stream().filter(t -> t.repeat() == 0).toList(), phase1);
    }

    @Test
    void theLowestValidationErrorWinsAndATieGoesToTheFirstValueInTheFile() {
        List<Choice> choices = PLAN.choose(results(new double[][] {
            {0.20, 0.15, 0.18}, // Full: 0.1 wins
            {0.12, 0.30, 0.12}, // SE: a tie between 0.01 and 0.05, the first in the file wins
            {0.40, 0.35, 0.30}})); // RandFixU: 0.05 wins
        assertEquals(List.of(1, 0, 2), choices.stream().map(Choice::chosen).toList());
        assertEquals(0.1, choices.get(0).candidate().first().training().learningRate());

        List<TrialSpec> phase2 = SelectionPlan.phase2(choices);
        assertEquals(List.of(1, 2, 1, 2, 1, 2), phase2.stream().map(TrialSpec::repeat).toList());
        for (Choice c : choices) {
            assertEquals(c.candidate().trials().subList(1, 3),
                    phase2.stream().filter(t -> t.method().equals(c.candidate().first().method())).toList(),
                    "only the chosen value runs its other repeats");
        }

        Map<String, Boolean> selected = SelectionPlan.selected(choices);
        assertEquals(9 * 3, selected.size(), "every trial of every candidate");
        for (Choice c : choices) {
            for (int i = 0; i < 3; i++) {
                SelectCandidate cand = c.group().candidates().get(i);
                boolean won = i == c.chosen();
                cand.trials().forEach(t -> assertEquals(won, selected.get(t.trialId()), cand.value()));
            }
        }
        phase2.forEach(t -> assertTrue(selected.get(t.trialId())));
    }

    @Test
    void aFailedTrialNeverWinsAndAConfigurationWhoseCandidatesAllFailedRunsNothing() {
        double nan = Double.NaN;
        List<Choice> choices = PLAN.choose(results(new double[][] {
            {nan, 0.15, 0.18}, // Full: the failed one is not chosen
            {nan, nan, nan}, // SE: every candidate failed
            {0.40, nan, 0.41}}));
        assertEquals(List.of(1, -1, 0), choices.stream().map(Choice::chosen).toList());
        assertFalse(choices.get(1).made());
        assertThrows(IllegalStateException.class, () -> choices.get(1).candidate());
        List<TrialSpec> phase2 = SelectionPlan.phase2(choices);
        assertEquals(4, phase2.size());
        assertTrue(phase2.stream().noneMatch(t -> t.method().equals("SE")));
        Map<String, Boolean> selected = SelectionPlan.selected(choices);
        group(1).candidates().forEach(c -> assertFalse(selected.get(c.first().trialId())));

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SelectionSummary.print(SWEEP.select(), choices, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String table = buf.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("3 configurations, 2 chosen, 1 with every candidate FAILED (nothing ran for them "
                + "in phase 2)"), table);
        assertTrue(table.contains("| method=SE | none: every candidate FAILED | - | training.learning_rate=0.01: "
                + "FAILED, training.learning_rate=0.1: FAILED, training.learning_rate=0.05: FAILED |"), table);
        assertTrue(table.contains("| method=Full | training.learning_rate=0.1 | 0.1500 | training.learning_rate=0.01: "
                + "FAILED, training.learning_rate=0.1: 0.1500, training.learning_rate=0.05: 0.1800 |"), table);
    }

    @Test
    void anOkTrialWithoutAFiniteMetricCannotWin() {
        Map<String, CandidateResult> r = results(new double[][] {{0.2, 0.3, 0.4}, {0.2, 0.3, 0.4}, {0.2, 0.3, 0.4}});
        r.put(first(0, 0).trialId(), new CandidateResult("OK", Double.NaN));
        assertEquals(1, PLAN.choose(r).get(0).chosen());
    }

    @Test
    void choosingBeforePhaseOneIsCompleteIsRefused() {
        Map<String, CandidateResult> r = results(new double[][] {{0.2, 0.3, 0.4}, {0.2, 0.3, 0.4}, {0.2, 0.3, 0.4}});
        r.remove(first(2, 1).trialId());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PLAN.choose(r));
        assertTrue(e.getMessage().contains("phase 1 is not complete") && e.getMessage().contains("RandFixU"),
                e.getMessage());
    }
}
