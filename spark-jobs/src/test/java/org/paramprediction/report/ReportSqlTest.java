package org.paramprediction.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.paramprediction.SharedSpark;

/**
 * Every report query, run with DuckDB (as notebooks/analysis.ipynb does) on a real sweep's output,
 * gives sane answers, and the same answers as on Spark SQL (as the report runs them).
 */
class ReportSqlTest {

    private static final Path SQL_DIR = Path.of("src/main/resources/report/sql");
    private static final Path NOTEBOOK = Path.of("../notebooks/analysis.ipynb");
    private static final double TOLERANCE = 1e-9;

    private static List<Map<String, Object>> duck(ReportQuery q, double target) {
        return ReportFixture.duckdb(ReportFixture.output(), ReportFixture.SWEEP, q.sql(target));
    }

    private static double num(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    @Test
    void everySqlFileIsAReportQueryAndTheNotebookReadsOnlyExistingOnes() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(SQL_DIR)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(Arrays.stream(ReportQuery.values()).map(ReportQuery::fileName)
                .collect(Collectors.toCollection(TreeSet::new)), files);
        JsonNode notebook = new ObjectMapper().readTree(NOTEBOOK.toFile());
        StringBuilder code = new StringBuilder();
        for (JsonNode cell : notebook.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                cell.get("source").forEach(line -> code.append(line.asText()));
            }
        }
        assertTrue(code.toString().contains("spark-jobs/src/main/resources/report/sql"), "notebook reads the report's SQL");
        Matcher m = Pattern.compile("([a-z0-9_]+\\.sql)").matcher(code);
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertTrue(used.contains(ReportQuery.ERROR_BY_FRACTION.fileName()), "notebook redraws the main plot: " + used);
        assertTrue(files.containsAll(used), "notebook names " + used + " but the files are " + files);
        assertTrue(code.toString().contains(ReportQuery.TARGET_TOKEN), "notebook fills in the target token");
    }

    @Test
    void errorByFractionHasOneRowPerConfigurationWithSeedStatistics() {
        List<Map<String, Object>> rows = duck(ReportQuery.ERROR_BY_FRACTION, 0.5);
        // Full 1 + Downsized 2 fractions + 3 factored methods x 2 fractions x 2 column counts
        assertEquals(1 + 2 + 3 * 2 * 2, rows.size(), rows.toString());
        for (Map<String, Object> r : rows) {
            assertEquals(2L, ((Number) r.get("trials")).longValue(), r.toString());
            double mean = num(r, "test_error_mean");
            assertTrue(mean > 0 && mean < 0.9, "better than chance: " + r);
            assertTrue(num(r, "test_error_sd") >= 0, "two seeds give a standard deviation: " + r);
        }
        Map<String, Object> full = rows.stream().filter(r -> r.get("method").equals("Full")).findFirst().orElseThrow();
        assertEquals(1.0, num(full, "fraction"));
        assertEquals(1, ((Number) full.get("columns")).intValue());
        for (double f : new double[] {0.1, 0.25}) {
            double downsized = dynamic(rows, "Downsized", f);
            double factored = dynamic(rows, "RandFixU", f);
            assertTrue(Math.abs(downsized - factored) / factored < 0.10,
                    "Downsized matches the factored budget at f=" + f + ": " + downsized + " vs " + factored);
        }
    }

    private static double dynamic(List<Map<String, Object>> rows, String method, double fraction) {
        return rows.stream().filter(r -> r.get("method").equals(method) && num(r, "fraction") == fraction)
                .mapToDouble(r -> num(r, "params_dynamic_mean")).findFirst().orElseThrow();
    }

    @Test
    void columnsGainIsThePairedDifferenceInPointsOverRepeats() {
        List<Map<String, Object>> rows = duck(ReportQuery.COLUMNS_GAIN, 0.5);
        // 3 factored methods x 2 fractions, 2 columns against 1
        assertEquals(3 * 2, rows.size(), rows.toString());
        for (Map<String, Object> r : rows) {
            assertEquals(1, num(r, "base_columns"), r.toString());
            assertEquals(2, num(r, "columns"), r.toString());
            assertEquals(2, num(r, "pairs"), r.toString());
            List<Map<String, Object>> trials = ReportFixture.duckdb(ReportFixture.output(), ReportFixture.SWEEP,
                    "SELECT repeat AS rep, columns, test_error FROM trials WHERE status = 'OK' AND method = '"
                            + r.get("method") + "' AND fraction = " + num(r, "fraction") + " ORDER BY rep, columns");
            double[] d = new double[2];
            for (int rep = 0; rep < 2; rep++) {
                final int k = rep;
                double one = trials.stream().filter(t -> num(t, "rep") == k && num(t, "columns") == 1)
                        .mapToDouble(t -> num(t, "test_error")).findFirst().orElseThrow();
                double two = trials.stream().filter(t -> num(t, "rep") == k && num(t, "columns") == 2)
                        .mapToDouble(t -> num(t, "test_error")).findFirst().orElseThrow();
                d[rep] = 100 * (one - two);
            }
            double mean = (d[0] + d[1]) / 2;
            double sd = Math.abs(d[0] - d[1]) / Math.sqrt(2);
            assertEquals(mean, num(r, "gain_points_mean"), TOLERANCE, r.toString());
            assertEquals(sd, num(r, "gain_points_sd"), TOLERANCE, r.toString());
        }
    }

    @Test
    void summaryCountsEveryTrialOnce() {
        List<Map<String, Object>> rows = duck(ReportQuery.SUMMARY, 0.5);
        assertEquals(ReportFixture.TRIALS, rows.stream().mapToLong(r -> ((Number) r.get("trials")).longValue()).sum());
        assertTrue(rows.stream().allMatch(r -> num(r, "failed") == 0 && num(r, "epochs_mean") == 3
                && num(r, "seconds_mean") > 0 && num(r, "params_dynamic") > 0), rows.toString());
    }

    @Test
    void learningCurvesRunOverEveryEpochOfTheFinalTraining() {
        List<Map<String, Object>> rows = duck(ReportQuery.LEARNING_CURVES, 0.5);
        assertEquals((1 + 2 + 3 * 2 * 2) * 3, rows.size(), "3 epochs per configuration");
        for (Map<String, Object> r : rows) {
            assertTrue(num(r, "epoch") >= 1 && num(r, "epoch") <= 3, r.toString());
            assertEquals(2, num(r, "trials"), r.toString());
            assertTrue(num(r, "valid_error_mean") > 0 && num(r, "valid_error_mean") < 1, r.toString());
        }
    }

    @Test
    void timeToAccuracyIsTheFirstEpochAtTheTarget() {
        for (Map<String, Object> r : duck(ReportQuery.TIME_TO_ACCURACY, 1.0)) {
            assertEquals(num(r, "trials"), num(r, "reached"), "every trial reaches 0% accuracy: " + r);
            assertEquals(1.0, num(r, "epochs_mean"), "at its first epoch: " + r);
            assertTrue(num(r, "seconds_mean") > 0, r.toString());
        }
        for (Map<String, Object> r : duck(ReportQuery.TIME_TO_ACCURACY, 0.0)) {
            assertEquals(0, num(r, "reached"), "no trial is perfect: " + r);
            assertNull(r.get("epochs_mean"));
        }
        // SE-Emp pre-trains layer 1 first: its time includes that stage.
        List<Map<String, Object>> epochs = ReportFixture.duckdb(ReportFixture.output(), ReportFixture.SWEEP,
                "SELECT min(e.seconds) AS s FROM epochs e JOIN trials t USING (trial_id) "
                        + "WHERE t.method = 'SE-Emp' AND e.stage = 1");
        double preTraining = num(epochs.get(0), "s");
        duck(ReportQuery.TIME_TO_ACCURACY, 1.0).stream().filter(r -> r.get("series").equals("SE-Emp"))
                .forEach(r -> assertTrue(num(r, "seconds_mean") > preTraining, r.toString()));
    }

    @Test
    void figure1CandidatesAreFullAndSeLayerOneTrialsBestFirst() {
        List<Map<String, Object>> rows = duck(ReportQuery.FIGURE1_TRIALS, 0.5);
        assertEquals(2 + 2 * 2 * 2 * 2, rows.size(), "Full 2 + SE and SE-Emp 8 each");
        assertTrue(rows.stream().allMatch(r -> Set.of("Full", "SE", "SE-Emp").contains((String) r.get("method"))));
        assertEquals("Full", rows.get(0).get("method"));
        assertTrue(num(rows.get(0), "test_error") <= num(rows.get(1), "test_error"));
    }

    @Test
    void sparkSqlGivesTheSameAnswersAsDuckDb() {
        SweepTables spark = new SweepTables(SharedSpark.session(), ReportFixture.output().toString(),
                ReportFixture.SWEEP);
        for (ReportQuery q : ReportQuery.values()) {
            List<Map<String, Object>> duck = duck(q, 0.6);
            List<Map<String, Object>> sparkRows = spark.query(q.sql(0.6)).rows();
            assertEquals(duck.size(), sparkRows.size(), q.fileName());
            for (int i = 0; i < duck.size(); i++) {
                assertEquals(duck.get(i).keySet(), sparkRows.get(i).keySet(), q.fileName());
                for (String c : duck.get(i).keySet()) {
                    Object a = duck.get(i).get(c);
                    Object b = sparkRows.get(i).get(c);
                    if (a instanceof Number x && b instanceof Number y) {
                        assertEquals(x.doubleValue(), y.doubleValue(), TOLERANCE * Math.max(1, Math.abs(x.doubleValue())),
                                q.fileName() + " row " + i + " " + c);
                    } else {
                        assertEquals(a == null ? null : a.toString(), b == null ? null : b.toString(),
                                q.fileName() + " row " + i + " " + c);
                    }
                }
            }
        }
    }

    @Test
    void everyQueryRunsOnACommittedSweepWrittenBeforeSchemaVersion5() {
        // the committed convnet study (trials schema 4: no selected, alternate_v_epochs, grow_to, final_fraction)
        SweepTables tables = new SweepTables(SharedSpark.session(), "../docs/results/paper-convnet",
                "paper-convnet-small-channelwise");
        for (ReportQuery q : ReportQuery.values()) {
            QueryRows rows = tables.query(q.sql(0.5));
            if (q == ReportQuery.ERROR_BY_FRACTION || q == ReportQuery.SUMMARY) {
                assertTrue(!rows.isEmpty(), q.fileName() + " has rows");
            }
            if (q == ReportQuery.TUNING) {
                assertTrue(rows.isEmpty(), "no select: no tuning");
            }
        }
    }
}
