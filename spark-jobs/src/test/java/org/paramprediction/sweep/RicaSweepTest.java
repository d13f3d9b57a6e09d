package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.data.DataSplits;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.report.Figure;
import org.paramprediction.report.Report;
import org.paramprediction.rica.RicaPipeline;
import org.paramprediction.sweep.config.ConfigException;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;

/**
 * RICA trials ({@code model.rica}) through the sweep machinery on a Fashion-MNIST subset on local
 * Spark, read back through DuckDB: Full, SE and Downsized at one fraction; the trials rows carry the
 * objective, iterations, classifier, counts of {@code W} or {@code V}, and null SGD columns; the
 * sweep resumes without rerunning them; each row equals {@link RicaPipeline} run locally on the same
 * splits with the trial's seed; and the config rules name the key, the rule and the value.
 */
class RicaSweepTest {

    static final String SWEEP = """
            name: rica
            dataset: {train_size: 600, valid_size: 200, test_size: 200}
            model:
              rica: {features: 8, patch: 6, patches: 2000, sparsity: 0.1, iterations: 15, pool: 2,
                     weight_decays: [0.01, 0.1], classifier_iterations: 40}
            dictionary: {length_scale: 1.5}
            method: [Full, SE, Downsized]
            fraction: 0.25
            columns: 2
            repeats: 1
            """;

    @TempDir
    Path tmp;

    @Test
    void ricaTrialsWriteTheirRowsResumeAndEqualTheLocalPipeline() {
        SweepSpec sweep = SweepConfigLoader.parse(SWEEP, "rica.yaml");
        assertEquals(3, sweep.trials().size());
        TrialSpec se = sweep.trials().get(1);
        assertTrue(se.canonicalConfig().contains("\"rica\":{"), se.canonicalConfig());
        assertFalse(se.canonicalConfig().contains("learning_rate"), se.canonicalConfig());
        assertFalse(se.canonicalConfig().contains("hidden"), se.canonicalConfig());
        Path out = tmp.resolve("rica");
        SweepRunner.Result r = new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(sweep, out.toString(), false, false);
        assertEquals(3, r.ran());
        assertEquals(0, r.failed(), () -> ParquetQueries.query(out, "SELECT error FROM {trials}").toString());

        List<Map<String, Object>> rows = ParquetQueries.query(out, "SELECT trial_id, method, columns, status,"
                + " n_params_dynamic, n_params_total, rica_features, rica_patch, rica_iterations, rica_objective_initial,"
                + " rica_objective_final, rica_stop, classifier_weight_decay, feature_dimension, best_valid_error,"
                + " test_error, learning_rate, activation, layer_kinds, epochs_trained, fraction_learned[1] AS fl, rica"
                + " FROM {trials} ORDER BY method");
        assertEquals(3, rows.size());
        Map<String, Map<String, Object>> byMethod = new java.util.HashMap<>();
        rows.forEach(row -> byMethod.put((String) row.get("method"), row));
        Map<String, Object> full = byMethod.get("Full");
        Map<String, Object> seRow = byMethod.get("SE");
        Map<String, Object> down = byMethod.get("Downsized");
        // W is 36 x 8; SE learns V, 2 columns of 9 atoms (round(0.25 * 36)) x 4 features each; Downsized 2 features
        assertEquals(36L * 8, num(full, "n_params_dynamic").longValue());
        assertEquals(9L * 8, num(seRow, "n_params_dynamic").longValue());
        assertEquals(36L * 8, num(seRow, "n_params_total").longValue());
        assertEquals(2, num(down, "rica_features").intValue());
        assertEquals(36L * 2, num(down, "n_params_dynamic").longValue());
        assertEquals(2, num(seRow, "columns").intValue());
        for (Map<String, Object> row : rows) {
            assertEquals("OK", row.get("status"));
            assertEquals(6, num(row, "rica_patch").intValue());
            assertTrue(num(row, "rica_iterations").intValue() >= 1, row.toString());
            assertTrue(num(row, "rica_objective_final").doubleValue() < num(row, "rica_objective_initial").doubleValue(),
                    row.toString());
            assertNull(row.get("learning_rate"), "RICA has no SGD: " + row);
            assertNull(row.get("activation"));
            assertNull(row.get("layer_kinds"));
            assertEquals(0, num(row, "epochs_trained").intValue());
            assertEquals(2 * num(row, "rica_features").intValue() * 2 * 2, num(row, "feature_dimension").intValue());
            assertTrue(num(row, "test_error").doubleValue() < 0.6, "far from chance (0.9): " + row);
            assertTrue(((String) row.get("rica")).contains("\"features\":8"), row.toString());
        }
        assertEquals(0.25, num(seRow, "fl").doubleValue(), 1e-12);

        // the distributed sweep's row equals the local pipeline on the same splits with the trial's seed
        DataSplits data = DatasetCache.get(TrialExecutor.dataRef(se),
                HadoopConf.of(SharedSpark.session().sparkContext().hadoopConfiguration()));
        RicaPipeline.Outcome local = RicaPipeline.run(data, se.ricaDictionary(), se.ricaRun(), se.seed(),
                Path.of(se.dataRoot()));
        assertEquals(local.rica().finalObjective(), num(seRow, "rica_objective_final").doubleValue(),
                1e-9 * Math.abs(local.rica().finalObjective()));
        assertEquals(1 - local.testAccuracy(), num(seRow, "test_error").doubleValue(), 1e-12);
        assertEquals(local.weightDecay(), num(seRow, "classifier_weight_decay").doubleValue(), 0);

        SweepRunner.Result again = new SweepRunner(SharedSpark.session(),
                new PrintStream(new ByteArrayOutputStream())).run(sweep, out.toString(), true, false);
        assertEquals(0, again.ran(), "resume: every RICA trial is already committed");
    }

    /**
     * A {@code data_parallel} RICA trial: 9,000 patches in 3 blocks of at most 4,096 rows, one per
     * partition, L-BFGS on the driver over the
     * {@link org.paramprediction.distributed.rica.DistributedRicaFunction}; its row matches the same
     * trial's pipeline run locally on the same rows (objective within 1e-9 relative after 15
     * iterations: the partition sums associate differently), and its rounds rows, one per L-BFGS
     * iteration, carry V-sized bytes, not W-sized.
     */
    @Test
    void aDataParallelRicaTrialMovesOnlyVAndMatchesTheLocalRun() {
        SweepSpec sweep = SweepConfigLoader.parse(SWEEP.replace("name: rica", "name: rica-dp")
                .replace("method: [Full, SE, Downsized]", "method: [SE]").replace("patches: 2000", "patches: 9000")
                .replace("repeats: 1", "repeats: 1\ndistributed: {mode: data_parallel, partitions: 3}"), "rica-dp.yaml");
        TrialSpec t = sweep.trials().get(0);
        Path out = tmp.resolve("dp");
        SweepRunner.Result r = new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(sweep, out.toString(), false, false);
        assertEquals(0, r.failed(), () -> ParquetQueries.query(out, "SELECT error FROM {trials}").toString());
        Map<String, Object> row = ParquetQueries.query(out, "SELECT rica_objective_final, rica_iterations, test_error,"
                + " n_params_dynamic, distributed_mode FROM {trials}").get(0);
        assertEquals("data_parallel", row.get("distributed_mode"));
        DataSplits data = DatasetCache.get(TrialExecutor.dataRef(t),
                HadoopConf.of(SharedSpark.session().sparkContext().hadoopConfiguration()));
        RicaPipeline.Outcome local = RicaPipeline.run(data, t.ricaDictionary(), t.ricaRun(), t.seed(), Path.of(t.dataRoot()));
        assertEquals(local.rica().iterations(), num(row, "rica_iterations").intValue());
        assertEquals(local.rica().finalObjective(), num(row, "rica_objective_final").doubleValue(),
                1e-9 * Math.abs(local.rica().finalObjective()));
        assertEquals(1 - local.testAccuracy(), num(row, "test_error").doubleValue(), 1.0 / 200 + 1e-12,
                "at most one of the 200 test images may change its class");

        long v = num(row, "n_params_dynamic").longValue();
        long w = 36L * 8;
        List<Map<String, Object>> rounds = ParquetQueries.query(out, "SELECT round, epoch, workers, bytes_down,"
                + " bytes_up, full_bytes_down, full_bytes_up, train_loss FROM {rounds} ORDER BY round");
        assertEquals(local.rica().iterations() + 1, rounds.size(), "one row per iteration and one for the start");
        for (Map<String, Object> x : rounds) {
            long down = num(x, "bytes_down").longValue();
            long evaluations = down / (8 * v);
            assertEquals(8 * v * evaluations, down, "broadcast = V as doubles, per evaluation: " + x);
            assertEquals(evaluations * 3 * 8 * (v + 1), num(x, "bytes_up").longValue(), "3 messages of V + loss: " + x);
            assertEquals(evaluations * 8 * w, num(x, "full_bytes_down").longValue(), x.toString());
            assertTrue(evaluations >= 1, x.toString());
        }
        assertEquals(num(row, "rica_objective_final").doubleValue(),
                num(rounds.get(rounds.size() - 1), "train_loss").doubleValue(), 0, "the last round ends at the result");
    }

    static final String PHOTOS = "/usr/lib/python3/dist-packages/skimage/data/";

    /**
     * Figure 1 for real: RICA filters learned from patches of natural photographs (Debian's
     * python3-skimage, installed by .ci/run), kept in the weights table, and the report's picture of
     * them, of their alpha samples and of their SE prediction. The classifier still runs on the
     * Fashion-MNIST subset (self-taught features).
     */
    @Test
    void filtersFromPhotographsAreKeptAndDrawnAsFigureOne() throws Exception {
        SweepSpec sweep = SweepConfigLoader.parse(SWEEP.replace("name: rica", "name: rica-photos")
                .replace("weight_decays: [0.01, 0.1]", "weight_decays: [0.01], patch_source: photos, photos: ["
                        + PHOTOS + "astronaut.png, " + PHOTOS + "chelsea.png, " + PHOTOS + "coffee.png]")
                .replace("method: [Full, SE, Downsized]", "method: [Full, SE]")
                .replace("repeats: 1", "repeats: 1\noutput: {keep_weights: true}"), "rica-photos.yaml");
        assertTrue(sweep.trials().get(0).canonicalConfig().contains("\"patch_source\":\"photos\""));
        Path out = tmp.resolve("photos");
        SweepRunner.Result r = new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(sweep, out.toString(), false, false);
        assertEquals(0, r.failed(), () -> ParquetQueries.query(out, "SELECT error FROM {trials}").toString());
        List<Map<String, Object>> weights = ParquetQueries.query(out, "SELECT t.method, w.layer, w.\"column\", w.inputs,"
                + " w.atoms, w.units FROM {weights} w JOIN {trials} t USING (trial_id) ORDER BY t.method, w.\"column\"");
        assertEquals(3, weights.size(), weights.toString()); // Full: W (36 x 8); SE: 2 columns of V (9 x 4)
        assertEquals(List.of("Full", 36, 36, 8), List.of(weights.get(0).get("method"), num(weights.get(0), "inputs")
                .intValue(), num(weights.get(0), "atoms").intValue(), num(weights.get(0), "units").intValue()));
        assertEquals(List.of("SE", 36, 9, 4), List.of(weights.get(1).get("method"), num(weights.get(1), "inputs")
                .intValue(), num(weights.get(1), "atoms").intValue(), num(weights.get(1), "units").intValue()));

        Path report = tmp.resolve("photos-report");
        List<Figure> figures = new Report("rica-photos", out.toString(), report, 0.5).write(SharedSpark.session());
        Figure figure1 = figures.stream().filter(f -> f.title().contains("Figure 1")).findFirst().orElseThrow();
        assertTrue(figure1.written() && Files.size(report.resolve(figure1.file())) > 1_000, figure1.toString());
    }

    @Test
    void theRulesOfModelRicaNameTheKeyTheRuleAndTheValue() {
        assertError(SWEEP.replace("method: [Full, SE, Downsized]", "method: [LowRank]"), "method",
                "must be one of [Full, Downsized, SE, RandFixU, RandCon, DCT] with model.rica");
        assertError(SWEEP.replace("repeats: 1", "repeats: 1\ntraining: {learning_rate: 0.1}"),
                "training.learning_rate", "is not read by a RICA trial");
        assertError(SWEEP.replace("patch: 6,", "patch: 29,"), "model.rica.patch", "must be <= the images' side (28");
        assertError(SWEEP.replace("pool: 2,", "pool: 24,"), "model.rica.pool", "must be <= the feature maps' side (23");
        assertError(SWEEP.replace("features: 8,", ""), "model.rica.features", "must be set");
        assertError(SWEEP.replace("patches: 2000,", "patches: 2000, whiten: true,"), "model.rica", "whiten");
        assertError(SWEEP.replace("pool: 2,", "pool: 2, pooling: mean,"), "model.rica.pooling", "mean");
        assertError(SWEEP.replace("weight_decays: [0.01, 0.1]", "weight_decays: []"), "model.rica.weight_decays",
                "non-empty list");
        assertError(SWEEP.replace("columns: 2", "columns: 9"), "columns", "must be <= model.rica.features (8)");
        assertError(SWEEP + "distributed: {mode: columns}\n", "distributed.mode", "must be data_parallel (or unset)");
    }

    private static void assertError(String yaml, String path, String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> SweepConfigLoader.parse(yaml, "rica.yaml"));
        assertTrue(e.getMessage().contains("rica.yaml") && e.getMessage().contains(path)
                && e.getMessage().contains(text), e.getMessage());
    }

    private static Number num(Map<String, Object> row, String column) {
        return (Number) row.get(column);
    }
}
