package org.paramprediction.results;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code weights} partition of one sweep, {@code <out>/weights/sweep_id=<id>/}, kept like the
 * epochs: rows are appended before their trial's commit row, and {@link #prepare} drops rows of
 * trials that are not committed (or about to be rerun) and duplicates. Unlike the small tables it
 * is never collected on the driver: the clean-up is a Spark job, and only runs when the key
 * columns show something to drop.
 */
final class WeightStore {

    private static final String[] KEY = {"trial_id", "layer", "column"};

    private final SparkSession spark;
    private final FileSystem fs;
    private final Path dir;
    private final Path staging;

    WeightStore(SparkSession spark, FileSystem fs, String out, String sweepId) {
        this.spark = spark;
        this.fs = fs;
        this.dir = new Path(out, "weights/sweep_id=" + sweepId);
        this.staging = new Path(out, "_staging/" + sweepId);
    }

    /** Rows of the learned parameters of {@code outcomes} (none when the sweep does not keep them). */
    static List<Row> rows(List<TrialOutcome> outcomes) {
        List<Row> rows = new ArrayList<>();
        outcomes.forEach(o -> rows.addAll(WeightTable.rows(o)));
        return rows;
    }

    Path dir() {
        return dir;
    }

    /** Keeps the rows of the trials in {@code kept}, one per (trial, layer, column); rewrites only if needed. */
    void prepare(Set<String> kept) {
        try {
            if (!fs.exists(dir) || fs.listStatus(dir, p -> p.getName().endsWith(".parquet")).length == 0) {
                return;
            }
            Dataset<Row> all = spark.read().parquet(dir.toString());
            Dataset<Row> keys = all.select(col(KEY[0]), col(KEY[1]), col(KEY[2]));
            Dataset<Row> ids = spark.createDataset(new ArrayList<>(kept), Encoders.STRING()).toDF(KEY[0]);
            long total = keys.count();
            long clean = keys.join(ids, KEY[0]).distinct().count();
            if (clean == total) {
                return;
            }
            Path fresh = new Path(staging, "weights-new-" + UUID.randomUUID());
            all.join(ids, all.col(KEY[0]).equalTo(ids.col(KEY[0])), "left_semi")
                    .dropDuplicates(KEY).write().mode(SaveMode.ErrorIfExists).parquet(fresh.toString());
            Path old = new Path(staging, "weights-old");
            fs.delete(old, true);
            if (!fs.rename(dir, old) || !fs.rename(fresh, dir)) {
                throw new IOException("swapping " + fresh + " into " + dir + " failed");
            }
            fs.delete(old, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }

    /** After a crash between the two renames of {@link #prepare}, puts the old partition back. */
    void repairSwap() throws IOException {
        Path old = new Path(staging, "weights-old");
        if (!fs.exists(dir) && fs.exists(old)) {
            fs.mkdirs(dir.getParent());
            fs.rename(old, dir);
        }
    }
}
