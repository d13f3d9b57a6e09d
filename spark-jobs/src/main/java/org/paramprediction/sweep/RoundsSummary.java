package org.paramprediction.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The end-of-run traffic table of data-parallel trials, from the Parquet output: per trial, its
 * test error, rounds, bytes per round down and up and their ratio to full parameter averaging of
 * the same architecture (stage 0), seconds per round, and the bytes of all rounds against full
 * averaging's. Prints nothing when the sweep has no rounds.
 */
public final class RoundsSummary {

    private RoundsSummary() {}

    public static void print(SparkSession spark, String out, String sweepId, PrintStream console) {
        String rounds = out + "/rounds/sweep_id=" + sweepId;
        try {
            Path p = new Path(rounds);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + rounds + ": " + e.getMessage(), e);
        }
        spark.read().parquet(rounds).createOrReplaceTempView("pp_rounds");
        spark.read().parquet(out + "/trials/sweep_id=" + sweepId).createOrReplaceTempView("pp_trials");
        List<Row> rows = spark.sql("""
                SELECT t.method, t.fraction, t.columns, t.partitions, t.status, t.test_error, t.best_epoch,
                       count(*) AS rounds,
                       avg(CASE WHEN r.stage = 0 THEN r.bytes_down END) AS down,
                       avg(CASE WHEN r.stage = 0 THEN r.bytes_up END) AS up,
                       sum(CASE WHEN r.stage = 0 THEN r.bytes_down + r.bytes_up END)
                           / sum(CASE WHEN r.stage = 0 THEN r.full_bytes_down + r.full_bytes_up END) AS ratio,
                       avg(r.seconds) AS seconds,
                       sum(r.bytes_down + r.bytes_up) AS total,
                       sum(r.full_bytes_down + r.full_bytes_up) AS full_total
                FROM pp_rounds r JOIN pp_trials t ON r.trial_id = t.trial_id
                GROUP BY t.method, t.fraction, t.columns, t.partitions, t.status, t.test_error, t.best_epoch
                ORDER BY t.method, t.fraction, t.columns, t.partitions""").collectAsList();
        console.println();
        console.println("data-parallel trials (per round: stage 0, the whole network; totals: every stage):");
        console.println("| method     | fraction | columns | partitions | test error | best epoch | rounds | MB down/round"
                + " | MB up/round | per round vs full averaging | s/round | total MB | total MB, full averaging |");
        console.println("|------------|----------|---------|------------|------------|------------|--------|--------------"
                + "-|-------------|-----------------------------|---------|----------|--------------------------|");
        for (Row r : rows) {
            console.printf(Locale.ROOT, "| %-10s | %8.3f | %7d | %10d | %10s | %10d | %6d | %13.3f | %11.3f | %26.2f%% |"
                            + " %7.3f | %8.1f | %24.1f |%n", r.getString(0), r.getDouble(1), r.getInt(2), r.getInt(3),
                    r.isNullAt(5) || Double.isNaN(r.getDouble(5)) ? r.getString(4)
                            : String.format(Locale.ROOT, "%.4f", r.getDouble(5)),
                    r.getInt(6), r.getLong(7), r.getDouble(8) / 1e6, r.getDouble(9) / 1e6, 100 * r.getDouble(10),
                    r.getDouble(11), r.getLong(12) / 1e6, r.getLong(13) / 1e6);
        }
    }
}
