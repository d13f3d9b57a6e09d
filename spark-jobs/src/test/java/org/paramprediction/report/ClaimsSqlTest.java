package org.paramprediction.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paramprediction.sweep.ParquetQueries;

/**
 * The queries behind the tables of docs/RESULTS.md ({@code within_full.sql},
 * {@code paired_comparisons.sql}, {@code tuning.sql}) and the {@code selected} filter of the main
 * plot, on DuckDB over hand-made trials rows whose answers are worked out below. Each query also
 * runs on Spark over a real sweep's output in {@code ReportSqlTest} and {@code ReportEndToEndTest}.
 */
class ClaimsSqlTest {

    private static final double TOLERANCE = 1e-9;
    /** The selections view of a sweep without select: the table's columns, no rows. */
    static final String EMPTY_SELECTIONS = "CREATE VIEW selections AS SELECT CAST(NULL AS VARCHAR) AS configuration, "
            + "CAST(NULL AS VARCHAR) AS value, CAST(NULL AS INTEGER) AS candidate, CAST(NULL AS VARCHAR) AS trial_id, "
            + "CAST(NULL AS VARCHAR) AS status, CAST(NULL AS VARCHAR) AS metric, CAST(NULL AS DOUBLE) AS metric_value, "
            + "CAST(NULL AS BOOLEAN) AS selected WHERE false";
    private static final String COLUMNS = "trial_id, method, columns, fraction, repeat, status, test_error, best_valid_error, "
            + "n_params_dynamic, final_fraction, permutation_seed, orthonormal, alternate_v_epochs, grow_to, "
            + "distributed_mode, length_scale_factor, selected, learning_rate, epochs_trained, seconds, train_size, max_epochs, hidden";

    private final List<String> rows = new ArrayList<>();
    private final List<String> selections = new ArrayList<>();

    /** A selected OK trial with learning rate 0.02, orthonormal U, natural pixels. */
    private void ok(String method, int columns, double fraction, int repeat, double testError) {
        row(method, columns, fraction, repeat, "'OK'", testError, "true", "NULL", "NULL", "NULL", "NULL", "true",
                0.02);
    }

    private void row(String method, int columns, double fraction, int repeat, String status, double testError,
            String orthonormal, String alternate, String growTo, String finalFraction, String permutation,
            String selected, double lr) {
        rows.add(String.format(Locale.ROOT, "('t%d', '%s', %d, %s, %d, %s, %s, %s, %d, %s, %s, %s, %s, %s, NULL, 0.0, %s, %s, 10, 1.0, 50000, 30, '500-500')",
                rows.size(), method, columns, fraction, repeat, status, Double.isNaN(testError) ? "NULL" : testError,
                Double.isNaN(testError) ? "NULL" : testError + 0.01, 1000 + Math.round(fraction * 1000),
                finalFraction, permutation, method.equals("Full") ? "false" : orthonormal, alternate, growTo,
                selected, lr));
    }

    private List<Map<String, Object>> run(ReportQuery q) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE trials AS SELECT * FROM (VALUES " + String.join(", ", rows) + ") t(" + COLUMNS + ")");
            s.execute(selections.isEmpty() ? EMPTY_SELECTIONS : "CREATE TABLE selections AS SELECT * FROM (VALUES "
                    + String.join(", ", selections) + ") s(configuration, value, candidate, trial_id, status, metric, "
                    + "metric_value, selected)");
            try (ResultSet rs = s.executeQuery(q.sql(0.5))) {
                return ParquetQueries.rows(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(q + ": " + e.getMessage(), e);
        }
    }

    private static double num(Map<String, Object> r, String column) {
        Object v = r.get(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    private static Map<String, Object> only(List<Map<String, Object>> rows, String column, String value) {
        List<Map<String, Object>> match = rows.stream().filter(r -> value.equals(String.valueOf(r.get(column)))).toList();
        assertEquals(1, match.size(), column + "=" + value + " in " + rows);
        return match.get(0);
    }

    /** The study in miniature: Full, SE-Emp and its variants, RandFixU, Downsized, unselected candidates, a failure. */
    private void study() {
        ok("Full", 1, 1.0, 0, 0.100);
        ok("Full", 1, 1.0, 1, 0.102);
        ok("Full", 1, 1.0, 2, 0.104);
        ok("SE-Emp", 1, 0.05, 0, 0.110);
        ok("SE-Emp", 1, 0.05, 1, 0.112);
        ok("SE-Emp", 1, 0.1, 0, 0.105);
        ok("SE-Emp", 1, 0.1, 1, 0.107);
        ok("SE-Emp", 1, 0.2, 0, 0.103);
        row("SE-Emp", 1, 0.2, 1, "'FAILED'", Double.NaN, "true", "NULL", "NULL", "NULL", "NULL", "true", 0.02);
        ok("RandFixU", 1, 0.1, 0, 0.200);
        ok("RandFixU", 1, 0.1, 1, 0.200);
        ok("Downsized", 1, 0.1, 0, 0.109);
        ok("Downsized", 1, 0.1, 1, 0.111);
        // raw U, alternating U/V, growing from 0.05, permuted pixels
        row("SE-Emp", 1, 0.1, 0, "'OK'", 0.108, "false", "NULL", "NULL", "NULL", "NULL", "true", 0.02);
        row("SE-Emp", 1, 0.1, 1, "'OK'", 0.106, "false", "NULL", "NULL", "NULL", "NULL", "true", 0.02);
        row("SE-Emp", 1, 0.1, 0, "'OK'", 0.104, "true", "2", "NULL", "NULL", "NULL", "true", 0.02);
        row("SE-Emp", 1, 0.1, 1, "'OK'", 0.104, "true", "2", "NULL", "NULL", "NULL", "true", 0.02);
        row("SE-Emp", 1, 0.05, 0, "'OK'", 0.104, "true", "NULL", "0.5", "0.2", "NULL", "true", 0.02);
        row("SE-Emp", 1, 0.05, 1, "'OK'", 0.106, "true", "NULL", "0.5", "0.3", "NULL", "true", 0.02);
        row("SE-Emp", 1, 0.1, 0, "'OK'", 0.115, "true", "NULL", "NULL", "NULL", "7", "true", 0.02);
        row("SE-Emp", 1, 0.1, 1, "'OK'", 0.117, "true", "NULL", "NULL", "NULL", "7", "true", 0.02);
        // candidates that were not chosen: far better on test, and must change nothing
        row("Full", 1, 1.0, 0, "'OK'", 0.01, "true", "NULL", "NULL", "NULL", "NULL", "false", 0.1);
        row("SE-Emp", 1, 0.1, 0, "'OK'", 0.01, "true", "NULL", "NULL", "NULL", "NULL", "false", 0.1);
        row("Downsized", 1, 0.1, 0, "'OK'", 0.01, "true", "NULL", "NULL", "NULL", "NULL", "false", 0.1);
    }

    @Test
    void withinFullIsTheSmallestFractionWithinHalfAPointOfFull() {
        study();
        List<Map<String, Object>> r = run(ReportQuery.WITHIN_FULL);
        Map<String, Object> se = only(r, "series", "SE-Emp");
        // Full 0.102; SE-Emp 0.111 at 0.05 (0.9 points), 0.106 at 0.1 (0.4 points): 0.1
        assertEquals(0.1, num(se, "fraction_within"), TOLERANCE);
        assertEquals(0.106, num(se, "test_error_mean"), TOLERANCE);
        assertEquals(0.102, num(se, "full_test_error_mean"), TOLERANCE);
        assertEquals(0.4, num(se, "gap_points"), 1e-6);
        assertEquals(0.2, num(se, "largest_fraction"), TOLERANCE);
        Map<String, Object> rand = only(r, "series", "RandFixU");
        assertNull(rand.get("fraction_within"), "20% error is never within half a point");
        assertEquals(0.1, num(rand, "largest_fraction"), TOLERANCE);
        assertTrue(r.stream().noneMatch(x -> String.valueOf(x.get("series")).contains("[permuted]")),
                "no Full on permuted pixels to compare with");
        assertTrue(r.stream().noneMatch(x -> String.valueOf(x.get("series")).matches(".*(grow|Downsized).*")),
                "a growing trial ends at another fraction; Downsized is a baseline: " + r);
    }

    @Test
    void pairedComparisonsPairTrialsOfOneRepeatWithTheirTwin() {
        study();
        List<Map<String, Object>> r = run(ReportQuery.PAIRED_COMPARISONS);
        List<Map<String, Object>> downsized = r.stream().filter(x -> x.get("comparison").equals("factored vs Downsized"))
                .toList();
        Map<String, Object> se = only(downsized.stream().filter(x -> num(x, "fraction") == 0.1).toList(), "series",
                "SE-Emp");
        assertEquals(2L, ((Number) se.get("pairs")).longValue());
        assertEquals(0.4, num(se, "gain_points_mean"), 1e-6); // 0.109 - 0.105 and 0.111 - 0.107
        assertEquals(0.0, num(se, "gain_points_sd"), 1e-6);
        assertEquals("Downsized", se.get("baseline"));
        assertTrue(downsized.stream().noneMatch(x -> String.valueOf(x.get("series")).contains("(")),
                "variants are compared with their own baselines, not with Downsized: " + downsized);

        Map<String, Object> raw = only(r, "comparison", "raw vs orthonormal U");
        assertEquals("SE-Emp (raw U)", raw.get("series"));
        assertEquals("SE-Emp", raw.get("baseline"));
        assertEquals(-0.1, num(raw, "gain_points_mean"), 1e-6); // -0.3 and +0.1
        assertEquals(Math.sqrt(0.08), num(raw, "gain_points_sd"), 1e-6);

        Map<String, Object> alt = only(r, "comparison", "alternating U/V vs fixed U");
        assertEquals("SE-Emp (alt U/V)", alt.get("series"));
        assertEquals(0.2, num(alt, "gain_points_mean"), 1e-6); // +0.1 and +0.3

        Map<String, Object> grow = only(r, "comparison", "growing vs fixed fraction");
        assertEquals(0.05, num(grow, "fraction"), TOLERANCE);
        assertEquals(0.6, num(grow, "gain_points_mean"), 1e-6);
        assertEquals(0.25, num(grow, "final_fraction_mean"), TOLERANCE);

        Map<String, Object> permuted = only(r, "comparison", "permuted vs natural pixels");
        assertEquals("SE-Emp [permuted]", permuted.get("series"));
        assertEquals(-1.0, num(permuted, "gain_points_mean"), 1e-6);
    }

    @Test
    void withoutSelectTwinsAlsoShareTheLearningRateAndTheBudget() {
        for (double lr : new double[] {0.02, 0.05}) {
            double worse = lr == 0.05 ? 0.01 : 0;
            row("SE-Emp", 1, 0.1, 0, "'OK'", 0.105 + worse, "true", "NULL", "NULL", "NULL", "NULL", "NULL", lr);
            row("Downsized", 1, 0.1, 0, "'OK'", 0.109 + worse, "true", "NULL", "NULL", "NULL", "NULL", "NULL", lr);
        }
        rows.add(rows.get(rows.size() - 1).replace("50000, 30", "10000, 30")); // another budget: no twin
        Map<String, Object> se = only(run(ReportQuery.PAIRED_COMPARISONS), "series", "SE-Emp");
        assertEquals(2L, ((Number) se.get("pairs")).longValue(), "each learning rate with its own twin only");
        assertEquals(0.4, num(se, "gain_points_mean"), 1e-6);
        assertEquals(0.0, num(se, "gain_points_sd"), 1e-6);
    }

    @Test
    void tuningListsEveryCandidateOfTheSelectionsWithItsTrialsSeriesAndNoTestError() {
        study();
        assertTrue(run(ReportQuery.TUNING).isEmpty(), "no selections table: not a select sweep");
        String full = "t0"; // Full, repeat 0, the chosen 0.02
        String fullFast = "t" + rows.stream().filter(x -> x.contains("'Full'") && x.contains("false, 0.1,"))
                .map(rows::indexOf).findFirst().orElseThrow();
        selections.add("('method=Full', 'training.learning_rate=0.02', 0, '" + full + "', 'OK', 'best_valid_error', "
                + "0.11, true)");
        selections.add("('method=Full', 'training.learning_rate=0.1', 1, '" + fullFast + "', 'OK', 'best_valid_error', "
                + "0.02, false)");
        List<Map<String, Object>> r = run(ReportQuery.TUNING);
        assertEquals(2, r.size(), r.toString());
        assertEquals(List.of("Full", "Full"), r.stream().map(x -> x.get("series")).toList());
        assertEquals(List.of(true, false), r.stream().map(x -> x.get("selected")).toList());
        assertEquals(0.11, num(r.get(0), "metric_value"), TOLERANCE);
        assertFalse(r.get(0).containsKey("test_error"), "only validation decides");
    }

    @Test
    void theMainPlotAndTheSummaryShowChosenValuesOnly() {
        study();
        Map<String, Object> full = only(run(ReportQuery.ERROR_BY_FRACTION), "series", "Full");
        assertEquals(3L, ((Number) full.get("trials")).longValue(), "the unchosen candidate is left out");
        assertEquals(0.102, num(full, "test_error_mean"), TOLERANCE);
        Map<String, Object> summary = run(ReportQuery.SUMMARY).stream()
                .filter(x -> x.get("series").equals("SE-Emp") && num(x, "fraction") == 0.2).findFirst().orElseThrow();
        assertEquals(2L, ((Number) summary.get("trials")).longValue());
        assertEquals(1L, ((Number) summary.get("failed")).longValue());
    }
}
