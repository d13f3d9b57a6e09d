package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.io.BadInputException;
import org.paramprediction.platform.BlasCheck;
import org.paramprediction.platform.BlasReport;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;

/** Real sweeps on a Fashion-MNIST subset in local[2], checked through DuckDB. */
class SweepEndToEndTest {

    static final String SMALL = """
            name: %s
            dataset: {train_size: 2000, valid_size: 200, test_size: 300}
            model: {hidden: [32, 32], activation: relu}
            training: {epochs: 3, stage_epochs: 1, learning_rate: 0.05, batch_size: 50}
            method: [Full, SE-Emp, RandFixU]
            fraction: 0.25
            columns: 2
            repeats: 1
            """;

    static final String DIVERGING = """
            name: diverging
            dataset: {train_size: 500, valid_size: 100, test_size: 100}
            model: {hidden: [16], activation: relu}
            training: {epochs: 2}
            method: Full
            fraction: 1.0
            columns: 1
            grid:
              training.learning_rate: [0.05, 1.0e12]
            repeats: 1
            """;

    @TempDir
    Path tmp;

    private static SweepRunner.Result run(SweepSpec sweep, Path out, boolean resume, boolean retryFailed) {
        PrintStream console = new PrintStream(new ByteArrayOutputStream());
        return new SweepRunner(SharedSpark.session(), console).run(sweep, out.toString(), resume, retryFailed);
    }

    @Test
    void sweepWritesOneRowPerTrialAndEpochsAndRefusesToRunTwiceWithoutResume() {
        SweepSpec sweep = SweepConfigLoader.parse(SMALL.formatted("e2e"), "e2e.yaml");
        Path out = tmp.resolve("out");
        SweepRunner.Result r = run(sweep, out, false, false);
        assertEquals(3, r.total());
        assertEquals(0, r.failed());
        List<Map<String, Object>> trials = ParquetQueries.query(out, "SELECT trial_id, status, method, sweep_id, "
                + "n_params_dynamic, test_error, epochs_trained, cpu_model, blas_core, schema_version FROM {trials}");
        assertEquals(3, trials.size());
        BlasReport blas = BlasCheck.report(); // local[2]: the executor is this JVM
        for (Map<String, Object> t : trials) {
            assertEquals(blas.core(), t.get("blas_core"), "the kernel of the JVM that trained it");
            assertEquals(blas.cpuModel(), t.get("cpu_model"));
            assertEquals(org.paramprediction.results.TrialTable.SCHEMA_VERSION, ((Number) t.get("schema_version")).intValue());
        }
        assertEquals(3, trials.stream().map(t -> t.get("trial_id")).distinct().count());
        for (Map<String, Object> t : trials) {
            assertEquals("OK", t.get("status"));
            assertEquals("e2e", t.get("sweep_id"));
            double bound = "Full".equals(t.get("method")) ? 0.35 : 0.85; // chance is 0.9
            assertTrue(((Number) t.get("test_error")).doubleValue() < bound, "test error " + t);
        }
        long epochRows = ParquetQueries.count(out, "SELECT count(*) FROM {epochs}");
        long expected = 3 * 3 + 1; // 3 epochs per trial, plus SE-Emp's 1 pre-training epoch
        assertEquals(expected, epochRows);
        assertEquals(1, ParquetQueries.count(out, "SELECT count(DISTINCT filename) FROM read_parquet('"
                + out + "/trials/*/*.parquet', filename = true)"), "compacted into one file");

        BadInputException refused = assertThrows(BadInputException.class, () -> run(sweep, out, false, false));
        assertTrue(refused.getMessage().contains("already holds 3 trials") && refused.getMessage().contains("--resume"),
                refused.getMessage());
        SweepRunner.Result again = run(sweep, out, true, false);
        assertEquals(0, again.ran());
        assertEquals(3, ParquetQueries.count(out, "SELECT count(*) FROM {trials}"));
    }

    @Test
    void twoRunsOfTheSameConfigGiveIdenticalMetrics() {
        SweepSpec sweep = SweepConfigLoader.parse(SMALL.formatted("same"), "same.yaml");
        run(sweep, tmp.resolve("a"), false, false);
        run(sweep, tmp.resolve("b"), false, false);
        String q = "SELECT trial_id, stage, epoch, train_loss, valid_error, test_error FROM {epochs} "
                + "ORDER BY trial_id, stage, epoch";
        assertEquals(ParquetQueries.query(tmp.resolve("a"), q), ParquetQueries.query(tmp.resolve("b"), q));
    }

    @Test
    void aDivergingTrialEndsFailedWhileTheOtherFinishesAndRetryDoesNotDuplicate() {
        SweepSpec sweep = SweepConfigLoader.parse(DIVERGING, "diverging.yaml");
        Path out = tmp.resolve("div");
        SweepRunner.Result r = run(sweep, out, false, false);
        assertEquals(2, r.total());
        assertEquals(1, r.failed());
        List<Map<String, Object>> failed = ParquetQueries.query(out,
                "SELECT learning_rate, error FROM {trials} WHERE status = 'FAILED'");
        assertEquals(1, failed.size());
        assertEquals(1.0e12, ((Number) failed.get(0).get("learning_rate")).doubleValue());
        assertTrue(String.valueOf(failed.get(0).get("error")).contains("loss"), failed.toString());
        assertEquals(1, ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE status = 'OK'"));

        SweepRunner.Result retried = run(sweep, out, true, true);
        assertEquals(1, retried.ran());
        assertEquals(2, ParquetQueries.count(out, "SELECT count(*) FROM {trials}"));
        assertEquals(2, ParquetQueries.count(out, "SELECT count(DISTINCT trial_id) FROM {trials}"));
    }

    @Test
    void duckDbReadsTheDocumentedSchema() throws Exception {
        SweepSpec sweep = SweepConfigLoader.parse(DIVERGING.replace("name: diverging", "name: schema"), "schema.yaml");
        Path out = tmp.resolve("schema");
        run(sweep, out, false, false);
        String readme = java.nio.file.Files.readString(Path.of("../README.md"));
        checkSchema(out, "{trials}", org.paramprediction.results.TrialTable.COLUMNS.stream()
                .map(c -> Map.entry(c.name(), c.type())).toList(), readme);
        checkSchema(out, "{epochs}", org.paramprediction.results.EpochTable.COLUMNS.stream()
                .map(c -> Map.entry(c.name(), c.type())).toList(), readme);
    }

    static final String DISTRIBUTED = """
            name: distributed
            dataset: {train_size: 1000, valid_size: 200, test_size: 200}
            model: {hidden: [24, 24], activation: relu}
            training: {epochs: 2, stage_epochs: 1}
            distributed: {mode: data_parallel, partitions: 3, steps_per_round: 2}
            method: [Full, SE-Emp]
            fraction: 0.25
            columns: 2
            grid:
              distributed.mode: [null, data_parallel]
            repeats: 1
            """;

    @Test
    void columnsAsTasksTrialsAreCommittedLikeAnyOther() {
        String config = DISTRIBUTED.replace("name: distributed", "name: columns")
                .replace("distributed.mode: [null, data_parallel]", "distributed.mode: [columns]")
                .replace("method: [Full, SE-Emp]", "method: SE-Emp");
        SweepSpec sweep = SweepConfigLoader.parse(config, "columns.yaml");
        Path out = tmp.resolve("columns");
        SweepRunner.Result r = run(sweep, out, false, false);
        assertEquals(0, r.failed());
        List<Map<String, Object>> rows = ParquetQueries.query(out,
                "SELECT distributed_mode, partitions, test_error, epochs_trained FROM {trials}");
        assertEquals(1, rows.size());
        assertEquals("columns", rows.get(0).get("distributed_mode"));
        assertEquals(2, ((Number) rows.get(0).get("partitions")).intValue(), "two column tasks per layer");
        assertTrue(((Number) rows.get(0).get("test_error")).doubleValue() < 0.8, "above chance (0.9): " + rows);
        assertEquals(3, ((Number) rows.get(0).get("epochs_trained")).intValue(), "3 fine-tuning epochs by default");
    }

    @Test
    void distributedTrialsWriteRoundsNextToSingleTaskTrialsAndTheDocumentedSchema() throws Exception {
        SweepSpec sweep = SweepConfigLoader.parse(DISTRIBUTED, "distributed.yaml");
        assertEquals(4, sweep.trials().size());
        Path out = tmp.resolve("distributed");
        SweepRunner.Result r = run(sweep, out, false, false);
        assertEquals(0, r.failed());
        assertEquals(2, ParquetQueries.count(out,
                "SELECT count(*) FROM {trials} WHERE distributed_mode = 'data_parallel' AND partitions = 3"));
        assertEquals(2, ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE distributed_mode IS NULL"));
        // 1000 rows / 3 partitions: shards of 333-334 rows = 4 minibatches of 100, 2 per round: 2 rounds an epoch;
        // Full: 2 epochs; SE-Emp: 1 pre-training epoch + 2 epochs
        assertEquals(4 + 6, ParquetQueries.count(out, "SELECT count(*) FROM {rounds}"));
        assertEquals(0, ParquetQueries.count(out, "SELECT count(*) FROM {rounds} r LEFT JOIN {trials} t USING (trial_id)"
                + " WHERE t.distributed_mode IS NULL"));
        // one validation error per epoch, on its last round
        assertEquals(2 + 3, ParquetQueries.count(out, "SELECT count(valid_error) FROM {rounds}"));
        List<Map<String, Object>> ratio = ParquetQueries.query(out, "SELECT t.method, sum(bytes_down + bytes_up) * 1.0"
                + " / sum(full_bytes_down + full_bytes_up) AS ratio FROM {rounds} r JOIN {trials} t USING (trial_id)"
                + " WHERE r.stage = 0 GROUP BY t.method ORDER BY t.method");
        assertEquals(1.0, ((Number) ratio.get(0).get("ratio")).doubleValue(), 1e-12, "Full is full averaging");
        assertTrue(((Number) ratio.get(1).get("ratio")).doubleValue() < 0.35, ratio.toString());
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        RoundsSummary.print(SharedSpark.session(), out.toString(), "distributed", new PrintStream(table, true));
        String printed = table.toString();
        assertTrue(printed.contains("100.00%") && printed.lines().filter(l -> l.startsWith("| SE-Emp")).count() == 1,
                printed);
        String readme = java.nio.file.Files.readString(Path.of("../README.md"));
        checkSchema(out, "{rounds}", org.paramprediction.results.RoundTable.COLUMNS.stream()
                .map(c -> Map.entry(c.name(), c.type())).toList(), readme);
    }

    static void checkSchema(Path out, String table, List<Map.Entry<String, org.apache.spark.sql.types.DataType>> columns,
            String readme) {
        Map<String, String> actual = new java.util.HashMap<>();
        for (Map<String, Object> row : ParquetQueries.query(out, "DESCRIBE SELECT * FROM " + table)) {
            actual.put((String) row.get("column_name"), (String) row.get("column_type"));
        }
        assertEquals(columns.size(), actual.size(), actual.toString());
        for (var c : columns) {
            String type = actual.get(c.getKey());
            assertTrue(type != null, c.getKey() + " missing from " + actual.keySet());
            String expected = switch (c.getValue().typeName()) {
                case "string" -> "VARCHAR";
                case "double" -> "DOUBLE";
                case "integer" -> "INTEGER";
                case "long" -> "BIGINT";
                case "boolean" -> "BOOLEAN";
                case "timestamp" -> "TIMESTAMP";
                case "array" -> "[]";
                default -> throw new AssertionError("unexpected type " + c.getValue());
            };
            assertTrue(type.contains(expected), c.getKey() + " is " + type + ", expected " + expected);
            assertTrue(readme.contains("`" + c.getKey() + "`"), "README does not document column " + c.getKey());
        }
    }
}
