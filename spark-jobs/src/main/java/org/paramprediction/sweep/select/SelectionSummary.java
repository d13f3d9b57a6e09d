package org.paramprediction.sweep.select;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.paramprediction.sweep.config.SweepSelect;

/**
 * The end-of-sweep table of a {@code select} sweep: per configuration the chosen value, its metric,
 * and every candidate's metric (FAILED for a trial that failed), e.g.
 *
 * <pre>
 * | configuration | chosen                     | best_valid_error | candidates (best_valid_error)                               |
 * | method=Full   | training.learning_rate=0.1 |           0.1350 | training.learning_rate=0.01: 0.1800, training.learning_rate=0.1: 0.1350 |
 * </pre>
 */
public final class SelectionSummary {

    private SelectionSummary() {}

    public static void print(SweepSelect select, List<Choice> choices, PrintStream out) {
        String metric = select.metric().key();
        long none = choices.stream().filter(c -> !c.made()).count();
        out.println();
        out.printf(Locale.ROOT, "select over %s by %s (lowest wins; a tie goes to the first value in the file; "
                + "FAILED trials never win): %d configurations, %d chosen%s%n", select.over(), metric,
                choices.size(), choices.size() - none,
                none == 0 ? "" : ", " + none + " with every candidate FAILED (nothing ran for them in phase 2)");
        out.printf("| configuration | chosen | %s | candidates (%s) |%n", metric, metric);
        out.println("|---|---|---|---|");
        for (Choice c : choices) {
            StringJoiner all = new StringJoiner(", ");
            for (int i = 0; i < c.results().size(); i++) {
                all.add(c.group().candidates().get(i).value() + ": " + shown(c.results().get(i)));
            }
            String chosen = c.made() ? c.candidate().value() : "none: every candidate FAILED";
            String value = c.made() ? shown(c.results().get(c.chosen())) : "-";
            out.printf("| %s | %s | %s | %s |%n", c.group().configuration(), chosen, value, all);
        }
    }

    private static String shown(CandidateResult r) {
        if (r.eligible()) {
            return String.format(Locale.ROOT, "%.4f", r.metric());
        }
        return Double.isNaN(r.metric()) && !"FAILED".equals(r.status()) ? "NaN" : r.status();
    }
}
