package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paramprediction.report.Figure;
import org.paramprediction.report.Report;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;
import org.paramprediction.sweep.select.SelectionSummary;

/**
 * Real tune-then-repeat sweeps on a Fashion-MNIST subset in local[2], checked through DuckDB: the
 * value chosen per configuration is the one with the lower phase-1 validation error, only it runs
 * phase 2, the choice is in the {@code selected} column and the {@code selections} table, and a
 * configuration whose candidates all failed runs nothing in phase 2.
 */
class SelectSweepTest {

    static final String CONFIG = """
            name: select-e2e
            dataset: {train_size: 1000, valid_size: 200, test_size: 200}
            model: {hidden: [32], activation: relu}
            training: {epochs: 2, batch_size: 50}
            method: [Full, RandFixU]
            fraction: 0.25
            columns: 1
            grid:
              training.learning_rate: [0.01, 0.1, 1.0e12]
            select: {over: [training.learning_rate], metric: best_valid_error, repeats: 2}
            """;

    @TempDir
    Path tmp;

    private static String run(SweepSpec sweep, Path out, boolean resume, SweepRunner.Result[] result) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(buf, true, StandardCharsets.UTF_8);
        result[0] = new SweepRunner(SharedSpark.session(), console).run(sweep, out.toString(), resume, false);
        SelectionSummary.print(sweep.select(), result[0].choices(), console);
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theValueWithTheLowerPhaseOneValidationErrorIsChosenAndOnlyItRunsPhaseTwo() {
        SweepSpec sweep = SweepConfigLoader.parse(CONFIG, "select-e2e.yaml");
        Path out = tmp.resolve("out");
        SweepRunner.Result[] r = new SweepRunner.Result[1];
        String console = run(sweep, out, false, r);
        assertEquals(6 + 2, r[0].total(), console);
        assertEquals(8, r[0].ran());

        Map<String, Double> chosen = expectedChoice(out);
        assertEquals(Set.of("Full", "RandFixU"), chosen.keySet());
        assertTrue(chosen.values().stream().allMatch(lr -> lr < 1), "a diverged value never wins: " + chosen);
        // phase 2: exactly repeat 1 of the chosen value of each method, with a plain sweep's trial id
        List<Map<String, Object>> phase2 = ParquetQueries.query(out,
                "SELECT trial_id, method, learning_rate, status, selected FROM {trials} WHERE repeat = 1");
        assertEquals(2, phase2.size(), phase2.toString());
        SweepSpec plain = SweepConfigLoader.parse(CONFIG.replaceFirst("select: .*\n", "repeats: 2\n"), "plain.yaml");
        for (Map<String, Object> row : phase2) {
            assertEquals(chosen.get(row.get("method")), ((Number) row.get("learning_rate")).doubleValue());
            assertEquals(true, row.get("selected"));
            TrialSpec same = plain.trials().stream().filter(t -> t.trialId().equals(row.get("trial_id"))).findFirst()
                    .orElseThrow(() -> new AssertionError("not a plain sweep's trial: " + row));
            assertEquals(1, same.repeat());
        }
        // phase 1: selected is true for the chosen value only; a FAILED trial is never selected
        for (Map<String, Object> row : ParquetQueries.query(out,
                "SELECT method, learning_rate, status, selected FROM {trials} WHERE repeat = 0")) {
            boolean won = chosen.get(row.get("method")) == ((Number) row.get("learning_rate")).doubleValue();
            assertEquals(won, row.get("selected"), row.toString());
        }
        assertTrue(ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE status = 'FAILED'") >= 1,
                "learning rate 1e12 diverges");
        assertEquals(0, ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE status = 'FAILED' AND selected"));

        // the selections table: one row per candidate, the metric copied from the trial's row
        assertEquals(6, ParquetQueries.count(out, "SELECT count(*) FROM " + selections(out) + " s JOIN {trials} t "
                + "USING (trial_id) WHERE s.metric = 'best_valid_error' AND s.selected = t.selected AND "
                + "(s.metric_value = t.best_valid_error OR (s.metric_value IS NULL AND t.status = 'FAILED'))"));
        assertEquals(2, ParquetQueries.count(out, "SELECT count(*) FROM " + selections(out) + " WHERE selected"));
        assertTrue(console.contains("select phase 2: the chosen values' repeats 1..1, 2 trials (2 of 2 configurations"
                + " chosen)"), console);
        assertTrue(console.contains("| method=Full | training.learning_rate=" + decimal(chosen.get("Full")) + " | "),
                console);

        // resumed: nothing runs again, the same choice
        SweepRunner.Result[] again = new SweepRunner.Result[1];
        String second = run(sweep, out, true, again);
        assertEquals(0, again[0].ran());
        assertEquals(r[0].choices(), again[0].choices());
        assertEquals(8, again[0].skipped(), second);
        assertEquals(8, ParquetQueries.count(out, "SELECT count(*) FROM {trials}"));

        // the report: main plots and summary over the chosen values, every candidate on the tuning page
        Path report = tmp.resolve("report");
        List<Figure> figures = new Report("select-e2e", out.toString(), report, 0.5).write(SharedSpark.session());
        assertTrue(figures.stream().anyMatch(f -> f.written() && f.file().equals("tuning.png")), figures.toString());
        String tuning = read(report.resolve("tuning.html"));
        String candidates = tuning.substring(tuning.indexOf("<h2>Every candidate</h2>"));
        assertEquals(2, candidates.split("<tr><td class=\"l\">", -1).length - 1, "a row per configuration: " + tuning);
        assertEquals(2, tuning.split("<b>", -1).length - 1, "the chosen value of each, in bold: " + tuning);
        assertTrue(tuning.contains("FAILED"), "the diverged candidate: " + tuning);
        assertTrue(read(report.resolve("index.html")).contains("href=\"tuning.html\""));
        String summary = read(report.resolve("summary.md"));
        assertTrue(summary.contains("| method=Full | training.learning_rate=" + decimal(chosen.get("Full")) + " | "),
                summary);
        assertTrue(summary.contains("| Full | 1 | 1.000 | 2 | 0 |"), "the chosen value's 2 trials only: " + summary);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aConfigurationWhoseCandidatesAllFailedRunsNothingInPhaseTwo() {
        SweepSpec sweep = SweepConfigLoader.parse("""
                name: select-failed
                dataset: {train_size: 500, valid_size: 100, test_size: 100}
                model: {hidden: [16], activation: relu}
                training: {epochs: 2}
                method: Full
                fraction: 1.0
                columns: 1
                grid:
                  training.learning_rate: [1.0e12, 2.0e12]
                select: {over: [training.learning_rate], repeats: 3}
                """, "select-failed.yaml");
        Path out = tmp.resolve("failed");
        SweepRunner.Result[] r = new SweepRunner.Result[1];
        String console = run(sweep, out, false, r);
        assertEquals(2, r[0].total());
        assertEquals(2, r[0].failed());
        assertFalse(r[0].choices().get(0).made());
        assertEquals(2, ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE NOT selected"));
        assertTrue(console.contains("1 with every candidate FAILED run nothing")
                && console.contains("| all | none: every candidate FAILED | - |"), console);
    }

    static Map<String, Double> expectedChoice(Path out) {
        return expectedChoiceOf(out, List.of(0.01, 0.1, 1.0e12));
    }

    /**
     * Per method, the learning rate of the lowest phase-1 validation error among OK trials, read with
     * DuckDB (ties: the first in {@code fileOrder}).
     */
    static Map<String, Double> expectedChoiceOf(Path out, List<Double> fileOrder) {
        Map<String, Double> best = new HashMap<>();
        Map<String, Double> bestError = new HashMap<>();
        List<Map<String, Object>> rows = ParquetQueries.query(out, "SELECT method, learning_rate, best_valid_error "
                + "FROM {trials} WHERE repeat = 0 AND status = 'OK'");
        rows.sort((a, b) -> Integer.compare(fileOrder.indexOf(((Number) a.get("learning_rate")).doubleValue()),
                fileOrder.indexOf(((Number) b.get("learning_rate")).doubleValue())));
        for (Map<String, Object> row : rows) {
            String m = (String) row.get("method");
            double e = ((Number) row.get("best_valid_error")).doubleValue();
            if (!bestError.containsKey(m) || e < bestError.get(m)) {
                bestError.put(m, e);
                best.put(m, ((Number) row.get("learning_rate")).doubleValue());
            }
        }
        return best;
    }

    static String selections(Path out) {
        return "read_parquet('" + out + "/selections/*/*.parquet', hive_partitioning = true)";
    }

    private static String decimal(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
