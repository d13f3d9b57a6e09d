package org.paramprediction.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.paramprediction.console.Console;
import org.paramprediction.results.ResultStore;
import org.paramprediction.results.SelectionTable;
import org.paramprediction.sweep.config.SelectMetric;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;
import org.paramprediction.sweep.select.CandidateResult;
import org.paramprediction.sweep.select.Choice;
import org.paramprediction.sweep.select.SelectionPlan;

/**
 * Runs a sweep with a {@code select} section: phase 1 (repeat 0 of every grid point), the choice
 * ({@link SelectionPlan#choose}, from the committed phase-1 rows: status and validation metric
 * only), then phase 2 (the chosen values' other repeats). Between the phases the choice is written
 * to the {@code selections} table and into the phase-1 rows' {@code selected} column; phase-2 rows
 * are committed with {@code selected = true}. Killed anywhere, {@code --resume} skips what is
 * committed and recomputes the same choice, so no committed trial runs again.
 */
final class SelectPhases {

    private final SweepRunner runner;
    private final Console console;

    SelectPhases(SweepRunner runner, Console console) {
        this.runner = runner;
        this.console = console;
    }

    SweepRunner.Result run(SweepSpec sweep, String out, ResultStore store, Map<String, String> committed,
            boolean retryFailed) {
        SelectionPlan plan = new SelectionPlan(sweep.select());
        List<TrialSpec> phase1 = plan.phase1();
        Set<String> rerun1 = new HashSet<>();
        List<TrialSpec> run1 = SweepRunner.pending(phase1, committed, retryFailed, rerun1);
        store.prepare(rerun1);
        console.line("select phase 1: repeat 0 of every grid point, %d trials in %d configurations",
                phase1.size(), sweep.select().groups().size());
        Progress p1 = runner.progress(sweep, phase1.size(), phase1.size() - run1.size(), run1);
        if (!run1.isEmpty()) {
            runner.execute(run1, sweep, out, store, p1);
        }

        List<Choice> choices = plan.choose(results(store.committedRows(), sweep.select().metric()));
        store.writeSelections(selectionRows(sweep, choices));
        store.select(SelectionPlan.selected(choices));
        List<TrialSpec> phase2 = SelectionPlan.phase2(choices);
        Set<String> rerun2 = new HashSet<>();
        List<TrialSpec> run2 = SweepRunner.pending(phase2, committed, retryFailed, rerun2);
        store.prepare(rerun2); // writes the choice into the phase-1 rows
        long none = choices.stream().filter(c -> !c.made()).count();
        console.line("select phase 2: the chosen values' repeats 1..%d, %d trials (%d of %d configurations "
                + "chosen%s)", sweep.select().repeats() - 1, phase2.size(), choices.size() - none, choices.size(),
                none == 0 ? "" : "; " + none + " with every candidate FAILED run nothing");
        Progress p2 = runner.progress(sweep, phase2.size(), phase2.size() - run2.size(), run2);
        if (!run2.isEmpty()) {
            runner.execute(run2, sweep, out, store, p2);
            store.compact();
        }
        int total = phase1.size() + phase2.size();
        int ran = run1.size() + run2.size();
        return new SweepRunner.Result(total, total - ran, ran, p1.failed() + p2.failed(), choices);
    }

    /** Status and metric of every committed trial; nothing else of a row is read. */
    private static Map<String, CandidateResult> results(List<Row> rows, SelectMetric metric) {
        Map<String, CandidateResult> out = new HashMap<>();
        for (Row r : rows) {
            Object m = r.getAs(metric.key());
            out.put(r.getAs("trial_id"), new CandidateResult(r.getAs("status"),
                    m == null ? Double.NaN : ((Number) m).doubleValue()));
        }
        return out;
    }

    private static List<Row> selectionRows(SweepSpec sweep, List<Choice> choices) {
        List<Row> rows = new ArrayList<>();
        for (Choice c : choices) {
            for (int i = 0; i < c.results().size(); i++) {
                CandidateResult r = c.results().get(i);
                rows.add(SelectionTable.row(new SelectionTable.Source(sweep.name(), c.group().configuration(),
                        c.group().candidates().get(i).value(), i, c.group().candidates().get(i).first().trialId(),
                        r.status(), sweep.select().metric().key(), Double.isNaN(r.metric()) ? null : r.metric(),
                        i == c.chosen())));
            }
        }
        return rows;
    }
}
