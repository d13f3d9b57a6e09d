package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;

/**
 * {@code dictionary.grow} and {@code training.alternate} in real sweeps on a Fashion-MNIST subset on
 * local Spark, checked through DuckDB: the fraction trajectory lands in the epochs rows, the trials row
 * holds the final fraction and counts (U for alternating trials), trial ids without the keys stay as
 * they were, and an output written before the new columns existed resumes and reads them as null.
 */
class FactorTrainingSweepTest {

    static final String SWEEP = """
            name: %s
            dataset: {train_size: 1000, valid_size: 200, test_size: 300}
            model: {hidden: [32, 32], activation: relu}
            training: {epochs: 4, stage_epochs: 1, learning_rate: 0.05, batch_size: 50%s}
            dictionary: {length_scale: 2.0%s}
            method: SE-Emp
            fraction: 0.05
            columns: 2
            repeats: 1
            output: {keep_weights: true}
            %s
            """;

    @TempDir
    Path tmp;

    private static SweepRunner.Result run(SweepSpec sweep, Path out, boolean resume) {
        return new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(sweep, out.toString(), resume, false);
    }

    @Test
    void growingTrialsRecordTheirFractionPerEpochAndTheFinalFractionAndResumeFromOldFiles() {
        SweepSpec sweep = SweepConfigLoader.parse(SWEEP.formatted("grow", "", "", """
                grid:
                  dictionary.grow: [null, {to: 0.2, every: 1, step: 0.05}]"""), "grow.yaml");
        SweepSpec plain = SweepConfigLoader.parse(SWEEP.formatted("grow", "", "", ""), "plain.yaml");
        TrialSpec fixed = plain.trials().get(0);
        assertEquals(fixed.trialId(), sweep.trials().get(0).trialId(), "no grow key: the trial id stays");
        assertFalse(fixed.canonicalConfig().contains("grow"), fixed.canonicalConfig());
        Path out = tmp.resolve("grow");
        SweepRunner.Result r = run(sweep, out, false);
        assertEquals(2, r.ran());
        assertEquals(0, r.failed());
        String growing = sweep.trials().get(1).trialId();
        List<Map<String, Object>> epochs = ParquetQueries.query(out, "SELECT stage, epoch, fraction FROM {epochs}"
                + " WHERE trial_id = '" + growing + "' ORDER BY stage DESC, epoch");
        assertNull(epochs.get(0).get("fraction"), "the pre-training stage does not grow: " + epochs);
        List<Map<String, Object>> last = epochs.stream().filter(e -> ((Number) e.get("stage")).intValue() == 0).toList();
        assertEquals(4, last.size(), epochs.toString());
        assertEquals(0.05, ((Number) last.get(0).get("fraction")).doubleValue(), 1e-12);
        double previous = 0.05;
        for (Map<String, Object> e : last) {
            double f = ((Number) e.get("fraction")).doubleValue();
            assertTrue(f >= previous - 1e-12 && f <= 0.2 + 1e-12, epochs.toString());
            previous = f;
        }
        assertTrue(previous > 0.05, "the fraction grew: " + epochs);
        Map<String, Object> trial = ParquetQueries.query(out, "SELECT final_fraction, best_epoch, n_params_dynamic,"
                + " grow_to, grow_every, grow_step, config FROM {trials} WHERE trial_id = '" + growing + "'").get(0);
        double kept = ((Number) last.get(((Number) trial.get("best_epoch")).intValue() - 1).get("fraction")).doubleValue();
        assertEquals(kept, ((Number) trial.get("final_fraction")).doubleValue(), 0.0);
        long a1 = Math.round(kept * 784);
        long a2 = Math.max(1, Math.round(kept * 32));
        assertEquals(a1 * 32 + 32 + a2 * 32 + 32 + 32 * 10 + 10, ((Number) trial.get("n_params_dynamic")).longValue(),
                "dynamic parameters counted at the final size");
        assertEquals(0.2, ((Number) trial.get("grow_to")).doubleValue(), 0.0);
        assertTrue(((String) trial.get("config")).contains("\"grow\":{\"every\":1,\"step\":0.05,\"to\":0.2}"),
                (String) trial.get("config"));
        assertNull(ParquetQueries.query(out, "SELECT final_fraction FROM {trials} WHERE trial_id = '"
                + fixed.trialId() + "'").get(0).get("final_fraction"));
        assertEquals(0, ParquetQueries.count(out, "SELECT count(*) FROM {epochs} WHERE trial_id = '" + fixed.trialId()
                + "' AND fraction IS NOT NULL"));

        String table = summary(out, "grow");
        assertTrue(table.contains("| single task, grow to 0.2 |") && table.contains("| single task     |"), table);
        rewriteWithout(out.resolve("epochs/sweep_id=grow"), "fraction");
        rewriteWithout(out.resolve("trials/sweep_id=grow"), "final_fraction", "grow_to", "grow_every", "grow_step",
                "alternate_v_epochs", "alternate_u_epochs");
        SweepSpec more = SweepConfigLoader.parse(SWEEP.formatted("grow", "", "", """
                grid:
                  dictionary.grow: [null, {to: 0.2, every: 1, step: 0.05}, {to: 0.15, every: 1, step: 0.05}]"""),
                "grow.yaml");
        String added = more.trials().get(2).trialId();
        SweepRunner.Result resumed = run(more, out, true);
        assertEquals(1, resumed.ran(), "the trials of the old files stay committed; only the new one runs");
        assertEquals(2, ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE final_fraction IS NULL"
                + " AND trial_id <> '" + added + "'"), "old rows read with null");
        assertEquals(0, ParquetQueries.count(out, "SELECT count(*) FROM {epochs} WHERE fraction IS NOT NULL"
                + " AND trial_id <> '" + added + "'"));
        assertEquals(4, ParquetQueries.count(out, "SELECT count(*) FROM {epochs} WHERE fraction IS NOT NULL"
                + " AND trial_id = '" + added + "'"));
        assertNotNull(ParquetQueries.query(out, "SELECT final_fraction FROM {trials} WHERE trial_id = '" + added
                + "'").get(0).get("final_fraction"));
    }

    @Test
    void alternatingTrialsCountUAsDynamicAndKeepItWithTheWeights() {
        SweepSpec sweep = SweepConfigLoader.parse(SWEEP.formatted("alternate",
                ", alternate: {v_epochs: 1, u_epochs: 1}", "", ""), "alternate.yaml");
        TrialSpec t = sweep.trials().get(0);
        assertTrue(t.canonicalConfig().contains("\"alternate\":{\"u_epochs\":1,\"v_epochs\":1}"), t.canonicalConfig());
        Path out = tmp.resolve("alternate");
        SweepRunner.Result r = run(sweep, out, false);
        assertEquals(0, r.failed());
        Map<String, Object> trial = ParquetQueries.query(out, "SELECT n_params_dynamic, alternate_v_epochs,"
                + " alternate_u_epochs, final_fraction FROM {trials}").get(0);
        long a1 = Math.round(0.05 * 784);
        long a2 = Math.round(0.05 * 32);
        long u = 2 * (784 * a1 + 32 * a2);
        assertEquals(u + a1 * 32 + 32 + a2 * 32 + 32 + 32 * 10 + 10, ((Number) trial.get("n_params_dynamic")).longValue(),
                "U counts as dynamic parameters");
        assertEquals(1, ((Number) trial.get("alternate_u_epochs")).intValue());
        assertNull(trial.get("final_fraction"));
        assertTrue(summary(out, "alternate").contains("| single task, U/V 1/1 |"), summary(out, "alternate"));
        List<Map<String, Object>> weights = ParquetQueries.query(out, "SELECT layer, \"column\", len(u) AS n FROM"
                + " read_parquet('" + out + "/weights/*/*.parquet') ORDER BY layer, \"column\"");
        assertEquals(4, weights.size(), weights.toString());
        assertEquals(784 * a1, ((Number) weights.get(0).get("n")).longValue(), "the learned U travels with the weights");
        assertNotNull(weights.get(3).get("n"));
    }

    /** The end-of-sweep summary table of a sweep's output. */
    private static String summary(Path out, String sweep) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        SummaryTable.print(SharedSpark.session().sparkContext().hadoopConfiguration(), out + "/trials/sweep_id=" + sweep, new PrintStream(text));
        return text.toString();
    }

    /** Rewrites a table's files without the given columns, as code from before they existed wrote them. */
    private static void rewriteWithout(Path dir, String... columns) {
        SparkSession spark = SharedSpark.session();
        Dataset<Row> rows = spark.read().parquet(dir.toString()).drop(columns);
        List<Row> all = rows.collectAsList();
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        spark.createDataFrame(all, rows.schema()).coalesce(1).write().parquet(old.toString());
        try {
            try (var walk = java.nio.file.Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
            java.nio.file.Files.move(old, dir);
            try (var files = java.nio.file.Files.list(dir)) {
                for (Path p : files.toList()) {
                    if (!p.getFileName().toString().endsWith(".parquet")) {
                        java.nio.file.Files.delete(p);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
