package org.paramprediction.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.paramprediction.io.Provenance;

/**
 * The Parquet output of one sweep: {@code <out>/trials/sweep_id=<id>/} and {@code
 * <out>/epochs/sweep_id=<id>/} and, for data-parallel trials, {@code <out>/rounds/sweep_id=<id>/}.
 *
 * <p>Durability: finished trials are appended as they come (epoch rows first, then the trial row,
 * which is the commit mark: a trial counts as done only when its trial row exists; each append is a
 * Spark write job, whose committer makes files visible only when complete). At the start of a run
 * {@link #prepare} rewrites the partitions without duplicate rows, without orphan epoch rows of
 * uncommitted trials and without the rows of trials about to be rerun; at the end {@link #compact}
 * rewrites each partition as one file. A rewrite writes the new partition under {@code
 * <out>/_staging/} and swaps directories by rename; an interrupted swap is repaired on the next run.
 */
public final class ResultStore {

    private final SparkSession spark;
    private final String sweepId;
    private final Path trialsDir;
    private final Path epochsDir;
    private final Path roundsDir;
    private final Path staging;
    private final FileSystem fs;
    private final WeightStore weights;

    public ResultStore(SparkSession spark, String out, String sweepId) {
        this.spark = spark;
        this.sweepId = sweepId;
        this.trialsDir = new Path(out, "trials/sweep_id=" + sweepId);
        this.epochsDir = new Path(out, "epochs/sweep_id=" + sweepId);
        this.roundsDir = new Path(out, "rounds/sweep_id=" + sweepId);
        this.staging = new Path(out, "_staging/" + sweepId);
        // Standard Parquet timestamps (not Spark's legacy INT96), for pandas/pyarrow and DuckDB.
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        try {
            this.fs = trialsDir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            repairSwap(trialsDir);
            repairSwap(epochsDir);
            repairSwap(roundsDir);
            this.weights = new WeightStore(spark, fs, out, sweepId);
            weights.repairSwap();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open output " + out + ": " + e.getMessage(), e);
        }
    }

    public Path trialsDir() {
        return trialsDir;
    }

    /** Status (OK or FAILED) of every committed trial, the latest row winning. */
    public Map<String, String> committedStatus() {
        Map<String, String> status = new HashMap<>();
        Map<String, Timestamp> when = new HashMap<>();
        for (Row r : read(trialsDir, TrialTable.SCHEMA)) {
            String id = r.getAs("trial_id");
            Timestamp end = r.getAs("end_time");
            if (!when.containsKey(id) || end.after(when.get(id))) {
                when.put(id, end);
                status.put(id, r.getAs("status"));
            }
        }
        return status;
    }

    /** Rewrites the sweep's partitions: one row per committed trial, none for {@code rerun}, no orphans. */
    public void prepare(Set<String> rerun) {
        List<Row> trials = latestTrialRows(rerun);
        Set<String> kept = new HashSet<>();
        trials.forEach(r -> kept.add(r.getAs("trial_id")));
        List<Row> epochs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row r : read(epochsDir, EpochTable.SCHEMA)) {
            String key = r.getAs("trial_id") + "/" + r.getAs("stage") + "/" + r.getAs("epoch");
            if (kept.contains((String) r.getAs("trial_id")) && seen.add(key)) {
                epochs.add(r);
            }
        }
        List<Row> rounds = new ArrayList<>();
        for (Row r : read(roundsDir, RoundTable.SCHEMA)) {
            if (kept.contains((String) r.getAs("trial_id")) && seen.add(r.getAs("trial_id") + "/round/" + r.getAs("round"))) {
                rounds.add(r);
            }
        }
        rewrite(trialsDir, trials, TrialTable.SCHEMA);
        rewrite(epochsDir, epochs, EpochTable.SCHEMA);
        rewrite(roundsDir, rounds, RoundTable.SCHEMA);
        weights.prepare(kept);
    }

    /** Rewrites each partition as a single file, keeping one row per trial. */
    public void compact() {
        prepare(Set.of());
    }

    /** Appends finished trials: their epoch, round and weight rows, then their trial rows (the commit mark). */
    public void append(List<TrialOutcome> outcomes, Provenance provenance) {
        List<Row> epochs = new ArrayList<>();
        List<Row> trials = new ArrayList<>();
        List<Row> rounds = new ArrayList<>();
        for (TrialOutcome o : outcomes) {
            epochs.addAll(EpochTable.rows(o));
            rounds.addAll(RoundTable.rows(o));
            trials.add(TrialTable.row(o, provenance));
        }
        if (!epochs.isEmpty()) {
            write(epochsDir, epochs, EpochTable.SCHEMA, SaveMode.Append);
        }
        if (!rounds.isEmpty()) {
            write(roundsDir, rounds, RoundTable.SCHEMA, SaveMode.Append);
        }
        List<Row> learned = WeightStore.rows(outcomes);
        if (!learned.isEmpty()) {
            write(weights.dir(), learned, WeightTable.SCHEMA, SaveMode.Append);
        }
        write(trialsDir, trials, TrialTable.SCHEMA, SaveMode.Append);
    }

    private List<Row> latestTrialRows(Set<String> drop) {
        Map<String, Row> latest = new java.util.LinkedHashMap<>();
        for (Row r : read(trialsDir, TrialTable.SCHEMA)) {
            String id = r.getAs("trial_id");
            Row prev = latest.get(id);
            if (prev == null || ((Timestamp) r.getAs("end_time")).after(prev.getAs("end_time"))) {
                latest.put(id, r);
            }
        }
        drop.forEach(latest::remove);
        return new ArrayList<>(latest.values());
    }

    private List<Row> read(Path dir, StructType schema) {
        try {
            if (!fs.exists(dir) || fs.listStatus(dir, p -> p.getName().endsWith(".parquet")).length == 0) {
                return List.of();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<Row> rows = spark.read().schema(withoutSweepId(schema)).parquet(dir.toString()).collectAsList();
        List<Row> full = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Object[] values = new Object[schema.size()];
            values[0] = sweepId;
            for (int i = 1; i < values.length; i++) {
                values[i] = r.get(i - 1);
            }
            full.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values, schema));
        }
        return full;
    }

    /** Result writes run in their own FAIR pool, so they get the next free task slot ahead of queued trials. */
    public static final String POOL = "results";

    private void write(Path dir, List<Row> rows, StructType schema, SaveMode mode) {
        String previous = spark.sparkContext().getLocalProperty("spark.scheduler.pool");
        spark.sparkContext().setLocalProperty("spark.scheduler.pool", POOL);
        try {
            spark.createDataFrame(rows, schema).drop("sweep_id").coalesce(1).write().mode(mode)
                    .parquet(dir.toString());
        } finally {
            spark.sparkContext().setLocalProperty("spark.scheduler.pool", previous);
        }
    }

    private void rewrite(Path dir, List<Row> rows, StructType schema) {
        try {
            Path fresh = new Path(staging, dir.getParent().getName() + "-new-" + UUID.randomUUID());
            Path old = new Path(staging, dir.getParent().getName() + "-old");
            if (rows.isEmpty()) {
                fs.delete(dir, true);
                return;
            }
            write(fresh, rows, schema, SaveMode.ErrorIfExists);
            fs.delete(old, true);
            if (fs.exists(dir) && !fs.rename(dir, old)) {
                throw new IOException("rename " + dir + " -> " + old + " failed");
            }
            fs.mkdirs(dir.getParent());
            if (!fs.rename(fresh, dir)) {
                throw new IOException("rename " + fresh + " -> " + dir + " failed");
            }
            fs.delete(old, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + dir + ": " + e.getMessage(), e);
        }
    }

    /** After a crash between the two renames of a rewrite, put the old partition back. */
    private void repairSwap(Path dir) throws IOException {
        Path old = new Path(staging, dir.getParent().getName() + "-old");
        if (!fs.exists(dir) && fs.exists(old)) {
            fs.mkdirs(dir.getParent());
            fs.rename(old, dir);
        }
    }

    private static StructType withoutSweepId(StructType schema) {
        return new StructType(java.util.Arrays.stream(schema.fields())
                .filter(f -> !f.name().equals("sweep_id")).toArray(org.apache.spark.sql.types.StructField[]::new));
    }
}
