package org.paramprediction.results;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code weights} partition of one sweep, {@code <out>/weights/sweep_id=<id>/}, kept like the
 * epochs: a finished trial's rows are written by the driver before its commit row ({@link
 * ResultStore#append}), and {@link #prepare} drops rows of trials that are not committed (or about
 * to be rerun) and duplicates. Unlike the small tables it is never collected on the driver: the
 * compaction is a Spark job.
 */
final class WeightStore {

    private static final String[] KEY = {"trial_id", "layer", "column"};

    private final SparkSession spark;
    private final FileSystem fs;
    private final Path dir;

    WeightStore(SparkSession spark, FileSystem fs, String out, String sweepId) {
        this.spark = spark;
        this.fs = fs;
        this.dir = new Path(out, "weights/sweep_id=" + sweepId);
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

    /**
     * Keeps the rows of the trials in {@code kept}, one per (trial, layer, column), in one new file
     * appended by a Spark job, then deletes {@code files} (what it read); does nothing when they are
     * one file with nothing to drop.
     */
    void prepare(Set<String> kept, List<FileStatus> files) {
        if (files.isEmpty()) {
            return;
        }
        String[] paths = files.stream().map(f -> f.getPath().toString()).toArray(String[]::new);
        Dataset<Row> all = spark.read().schema(ResultStore.withoutSweepId(WeightTable.SCHEMA)).parquet(paths);
        Dataset<Row> ids = spark.createDataset(new ArrayList<>(kept), Encoders.STRING()).toDF(KEY[0]);
        if (files.size() == 1) {
            Dataset<Row> keys = all.select(col(KEY[0]), col(KEY[1]), col(KEY[2]));
            if (keys.count() == keys.join(ids, KEY[0]).distinct().count()) {
                return;
            }
        }
        all.join(ids, all.col(KEY[0]).equalTo(ids.col(KEY[0])), "left_semi")
                .dropDuplicates(KEY).coalesce(1).write().mode(SaveMode.Append).parquet(dir.toString());
        ResultStore.deleteAll(fs, files);
    }
}
