package org.paramprediction.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.sweep.SweepRunner;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;

/**
 * {@code compare}: two runs of one sweep on this machine are identical; a changed metric, a missing
 * trial and a duplicated one are each found.
 */
class RunComparisonTest {

    private static final String CONFIG = """
            name: compared
            dataset: {train_size: 1000, valid_size: 300, test_size: 300}
            model: {hidden: [16], activation: relu}
            training: {epochs: 2}
            method: [Full, RandFixU]
            fraction: 0.2
            columns: 1
            repeats: 2
            """;

    @TempDir
    Path tmp;

    @Test
    void twoRunsAreIdenticalAndEveryKindOfDifferenceIsFound() throws Exception {
        SparkSession spark = SharedSpark.session();
        SweepSpec sweep = SweepConfigLoader.load(Files.writeString(tmp.resolve("c.yaml"), CONFIG));
        for (String run : new String[] {"a", "b"}) {
            new SweepRunner(spark, new PrintStream(new ByteArrayOutputStream()))
                    .run(sweep, tmp.resolve(run).toString(), false, false);
        }
        String a = tmp.resolve("a").toString();
        RunComparison.Result same = RunComparison.compare(spark, "compared", a, tmp.resolve("b").toString());
        assertTrue(same.identical(), same.toString());
        assertEquals(4, same.trialsA());

        // c: b with one trial's test error changed, one trial left out and one trial twice
        Dataset<Row> trials = spark.read().parquet(tmp.resolve("b/trials/sweep_id=compared").toString());
        java.util.List<String> ids = trials.select("trial_id").orderBy("trial_id").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList();
        Dataset<Row> changed = trials.where(col("trial_id").notEqual(lit(ids.get(0))))
                .withColumn("test_error", when(col("trial_id").equalTo(lit(ids.get(1))), col("test_error").plus(1e-9))
                        .otherwise(col("test_error")))
                .union(trials.where(col("trial_id").equalTo(lit(ids.get(2)))));
        changed.write().parquet(tmp.resolve("c/trials/sweep_id=compared").toString());
        spark.read().parquet(tmp.resolve("b/epochs/sweep_id=compared").toString())
                .write().parquet(tmp.resolve("c/epochs/sweep_id=compared").toString());
        RunComparison.Result diff = RunComparison.compare(spark, "compared", a, tmp.resolve("c").toString());
        assertFalse(diff.identical());
        assertEquals(1, diff.onlyInA(), diff.toString());
        assertEquals(0, diff.onlyInB(), diff.toString());
        assertEquals(1, diff.duplicateTrials(), diff.toString());
        assertEquals(1, diff.trialMismatches(), diff.toString());
        assertEquals(0, diff.epochMismatches(), diff.toString());
        assertTrue(diff.examples().contains(ids.get(1) + ": trial metrics differ"), diff.examples().toString());
    }
}
