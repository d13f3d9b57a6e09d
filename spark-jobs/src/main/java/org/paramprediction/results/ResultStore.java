package org.paramprediction.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.paramprediction.io.Provenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parquet output of one sweep: {@code <out>/trials/sweep_id=<id>/}, {@code
 * <out>/epochs/sweep_id=<id>/}, for data-parallel trials {@code <out>/rounds/sweep_id=<id>/} and,
 * when kept, {@code <out>/weights/sweep_id=<id>/}.
 *
 * <p>The commit protocol (README, "How a sweep runs", item 6): the driver writes every finished
 * trial itself, through parquet-hadoop and the Hadoop FileSystem API, with no Spark job and so
 * without waiting for a task slot: one new file per table (epochs, rounds, weights), then one file holding the trial
 * row, which is the commit mark (a trial is done when its trials row exists). Every file is written
 * under a hidden in-progress name and renamed when complete ({@link ParquetFiles}); no directory is
 * ever renamed. At the start of a run {@link #prepare} and at its end {@link #compact} write each
 * table's rows again as one new file (the latest row per trial, without the rows of trials about
 * to be rerun, without the epoch, round and weight rows of uncommitted trials) and then delete the
 * files they read. A crash in between leaves duplicates of identical rows, never a loss; the next
 * run removes them, and a reader that keeps the latest row per {@code trial_id} sees the same trials
 * at every moment.
 *
 * <p>A sweep with a {@code select} section also has {@code <out>/selections/sweep_id=<id>/} (one row
 * per configuration and candidate, {@link SelectionTable}), rewritten whenever the choice is made,
 * and sets the trials' {@code selected} column: rows committed after {@link #select} carry it, and
 * the next {@link #prepare} or {@link #compact} rewrites the rows committed before it.
 */
public final class ResultStore {

    private static final Logger LOG = LoggerFactory.getLogger(ResultStore.class);

    private final String sweepId;
    private final Path trialsDir;
    private final Path epochsDir;
    private final Path roundsDir;
    private final Path staging;
    private final FileSystem fs;
    private final Configuration conf;
    private final WeightStore weights;
    private final Path selectionsDir;
    private final Path rungsDir;
    private Map<String, Boolean> selection = Map.of();

    public ResultStore(SparkSession spark, String out, String sweepId) {
        this.sweepId = sweepId;
        this.trialsDir = new Path(out, "trials/sweep_id=" + sweepId);
        this.epochsDir = new Path(out, "epochs/sweep_id=" + sweepId);
        this.roundsDir = new Path(out, "rounds/sweep_id=" + sweepId);
        this.staging = new Path(out, "_staging/" + sweepId);
        this.selectionsDir = new Path(out, "selections/sweep_id=" + sweepId);
        this.rungsDir = new Path(out, "rungs/sweep_id=" + sweepId);
        // Standard Parquet timestamps (not Spark's legacy INT96) also for the weight compaction's Spark write.
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        this.conf = spark.sparkContext().hadoopConfiguration();
        try {
            this.fs = trialsDir.getFileSystem(conf);
            this.weights = new WeightStore(spark, fs, out, sweepId);
            for (Path dir : List.of(trialsDir, epochsDir, roundsDir, weights.dir())) {
                repairOldSwap(dir);
            }
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
        committedRows().forEach(r -> status.put(r.getAs("trial_id"), r.getAs("status")));
        return status;
    }

    /**
     * The latest committed row of every trial, with {@link TrialTable#SCHEMA}'s columns (a column that
     * an older schema version lacks, such as {@code selected}, reads as null).
     */
    public List<Row> committedRows() {
        return latestTrialRows(read(dataFiles(trialsDir), TrialTable.SCHEMA), Set.of());
    }

    /**
     * The choice of a {@code select} sweep, trial id -> selected: rows committed from now on carry it,
     * and the next {@link #prepare} or {@link #compact} writes it into the rows already committed.
     */
    public void select(Map<String, Boolean> selected) {
        this.selection = Map.copyOf(selected);
    }

    /** Replaces the {@code selections} table by {@code rows} ({@link SelectionTable#SCHEMA}). */
    public void writeSelections(List<Row> rows) {
        deleteInProgress(selectionsDir);
        List<FileStatus> old = dataFiles(selectionsDir);
        writeFile(selectionsDir, "selections", rows, SelectionTable.SCHEMA);
        delete(old);
    }

    /** Commits rows of the {@code rungs} table ({@link RungTable#SCHEMA}); durable when this returns. */
    public void appendRungs(List<Row> rows) {
        writeFile(rungsDir, "rungs", rows, RungTable.SCHEMA);
    }

    /** Every committed row of the {@code rungs} table, in {@code sequence} order (the order of the decisions). */
    public List<Row> committedRungs() {
        deleteInProgress(rungsDir);
        List<Row> rows = new ArrayList<>(read(dataFiles(rungsDir), RungTable.SCHEMA));
        rows.sort(java.util.Comparator.comparingInt(r -> r.<Integer>getAs("sequence")));
        return rows;
    }

    /**
     * Rewrites each table of the sweep as one file: one row per committed trial, none for {@code
     * rerun}, no rows of uncommitted trials, no duplicates, {@code selected} as last {@link #select}ed;
     * then deletes the files it read.
     */
    public void prepare(Set<String> rerun) {
        for (Path dir : List.of(trialsDir, epochsDir, roundsDir, weights.dir())) {
            deleteInProgress(dir);
        }
        // the trials table first: a crash after it leaves only rows that the next run drops again
        List<FileStatus> trialFiles = dataFiles(trialsDir);
        List<Row> all = read(trialFiles, TrialTable.SCHEMA);
        List<Row> trials = latestTrialRows(all, rerun);
        Set<String> kept = new HashSet<>();
        trials.forEach(r -> kept.add(r.getAs("trial_id")));
        boolean reselected = applySelection(trials);
        replace(trialsDir, trialFiles, reselected ? -1 : all.size(), trials, TrialTable.SCHEMA);

        List<FileStatus> epochFiles = dataFiles(epochsDir);
        List<Row> allEpochs = read(epochFiles, EpochTable.SCHEMA);
        replace(epochsDir, epochFiles, allEpochs.size(),
                distinct(allEpochs, kept, r -> r.getAs("stage") + "/" + r.getAs("epoch")), EpochTable.SCHEMA);

        List<FileStatus> roundFiles = dataFiles(roundsDir);
        List<Row> allRounds = read(roundFiles, RoundTable.SCHEMA);
        replace(roundsDir, roundFiles, allRounds.size(),
                distinct(allRounds, kept, r -> String.valueOf((Object) r.getAs("round"))), RoundTable.SCHEMA);

        weights.prepare(kept, dataFiles(weights.dir()));

        // every decision stays, also of trials not committed yet (a scheduler's record of its choices)
        deleteInProgress(rungsDir);
        List<FileStatus> rungFiles = dataFiles(rungsDir);
        List<Row> rungs = read(rungFiles, RungTable.SCHEMA);
        replace(rungsDir, rungFiles, rungs.size(), rungs, RungTable.SCHEMA);
    }

    /** Rewrites each table as a single file, keeping one row per trial. */
    public void compact() {
        prepare(Set.of());
    }

    /**
     * Commits finished trials from the driver (no Spark job): their epoch, round and weight rows,
     * then their trial rows, the commit mark. Durable when this returns.
     */
    public void append(List<TrialOutcome> outcomes, Provenance provenance) {
        long start = System.nanoTime();
        List<Row> epochs = new ArrayList<>();
        List<Row> trials = new ArrayList<>();
        List<Row> rounds = new ArrayList<>();
        for (TrialOutcome o : outcomes) {
            epochs.addAll(EpochTable.rows(o));
            rounds.addAll(RoundTable.rows(o));
            trials.add(TrialTable.row(o, provenance, selection.get(o.spec().trialId())));
        }
        writeFile(epochsDir, "trial", epochs, EpochTable.SCHEMA);
        writeFile(roundsDir, "trial", rounds, RoundTable.SCHEMA);
        writeFile(weights.dir(), "trial", WeightStore.rows(outcomes), WeightTable.SCHEMA);
        writeFile(trialsDir, "trial", trials, TrialTable.SCHEMA);
        LOG.info("committed {} trial(s) in {} ms", outcomes.size(),
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6));
    }

    /** Sets {@code selected} in the rows of {@link #select}ed trials; true if any row changed. */
    private boolean applySelection(List<Row> trials) {
        int at = TrialTable.SCHEMA.fieldIndex(TrialTable.SELECTED);
        boolean changed = false;
        for (int i = 0; i < trials.size(); i++) {
            Row r = trials.get(i);
            Boolean want = selection.get(r.<String>getAs("trial_id"));
            if (want != null && !want.equals(r.get(at))) {
                Object[] values = new Object[r.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = r.get(k);
                }
                values[at] = want;
                trials.set(i, new GenericRowWithSchema(values, TrialTable.SCHEMA));
                changed = true;
            }
        }
        return changed;
    }

    /** Writes the rows (without the partition column) as one new file of {@code dir}, if there are any. */
    private void writeFile(Path dir, String prefix, List<Row> rows, StructType schema) {
        if (rows.isEmpty()) {
            return;
        }
        StructType stored = withoutSweepId(schema);
        List<Row> stripped = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Object[] values = new Object[stored.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.get(i + 1);
            }
            stripped.add(new GenericRowWithSchema(values, stored));
        }
        ParquetFiles.write(fs, conf, dir, ParquetFiles.newName(prefix), stripped, stored);
    }

    /** Replaces {@code read} (holding {@code readRows} rows) by one file of {@code rows}, unless nothing changes. */
    private void replace(Path dir, List<FileStatus> read, int readRows, List<Row> rows, StructType schema) {
        if (read.size() <= 1 && rows.size() == readRows) {
            return;
        }
        long start = System.nanoTime();
        writeFile(dir, "compacted", rows, schema);
        long written = System.nanoTime();
        delete(read);
        LOG.info("compacted {}: {} file(s) of {} rows into one of {} rows; write {} ms, delete {} ms", dir.getParent().getName(),
                read.size(), readRows, rows.size(), (written - start) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
    }

    private void delete(List<FileStatus> files) {
        deleteAll(fs, files);
    }

    /** Deletes {@code files} (the files a compaction has replaced). */
    static void deleteAll(FileSystem fs, List<FileStatus> files) {
        for (FileStatus f : files) {
            try {
                fs.delete(f.getPath(), false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + f.getPath() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The complete data files of {@code dir}, none if it does not exist. */
    List<FileStatus> dataFiles(Path dir) {
        return list(dir, ParquetFiles::isDataFile);
    }

    private void deleteInProgress(Path dir) {
        delete(list(dir, ParquetFiles::isInProgress));
    }

    private List<FileStatus> list(Path dir, Predicate<Path> which) {
        try {
            if (!fs.exists(dir)) {
                return List.of();
            }
            return Arrays.asList(fs.listStatus(dir, which::test));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Row> latestTrialRows(List<Row> rows, Set<String> drop) {
        Map<String, Row> latest = new LinkedHashMap<>();
        for (Row r : rows) {
            String id = r.getAs("trial_id");
            Row prev = latest.get(id);
            if (prev == null || ((Timestamp) r.getAs("end_time")).after(prev.getAs("end_time"))) {
                latest.put(id, r);
            }
        }
        drop.forEach(latest::remove);
        return new ArrayList<>(latest.values());
    }

    /** The rows of trials in {@code kept}, the first of each (trial, key). */
    private static List<Row> distinct(List<Row> rows, Set<String> kept, Function<Row, String> key) {
        List<Row> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            String id = r.getAs("trial_id");
            if (kept.contains(id) && seen.add(id + "/" + key.apply(r))) {
                out.add(r);
            }
        }
        return out;
    }

    /** The rows of {@code files} with {@code schema}'s columns (the partition column filled in). */
    private List<Row> read(List<FileStatus> files, StructType schema) {
        long start = System.nanoTime();
        List<Row> rows = ParquetFiles.read(conf, files.stream().map(FileStatus::getPath).toList(), withoutSweepId(schema));
        if (!files.isEmpty()) {
            LOG.info("read {} file(s), {} rows, in {} ms", files.size(), rows.size(), (System.nanoTime() - start) / 1_000_000);
        }
        List<Row> full = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Object[] values = new Object[schema.size()];
            values[0] = sweepId;
            for (int i = 1; i < values.length; i++) {
                values[i] = r.get(i - 1);
            }
            full.add(new GenericRowWithSchema(values, schema));
        }
        return full;
    }

    /**
     * The committed trial rows of one sweep's trials directory (the latest row per trial), read on
     * the driver without a Spark job; none when it does not exist.
     */
    public static List<Row> committedTrials(Configuration conf, String trialsDir) {
        Path dir = new Path(trialsDir);
        try {
            FileSystem fs = dir.getFileSystem(conf);
            if (!fs.exists(dir)) {
                return List.of();
            }
            List<Path> files = Arrays.stream(fs.listStatus(dir, ParquetFiles::isDataFile)).map(FileStatus::getPath).toList();
            return latestTrialRows(ParquetFiles.read(conf, files, withoutSweepId(TrialTable.SCHEMA)), Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Outputs of versions before this commit protocol rewrote a partition by renaming directories
     * through {@code <out>/_staging/}; after a crash between the two renames the old partition is
     * put back here.
     */
    private void repairOldSwap(Path dir) throws IOException {
        Path old = new Path(staging, dir.getParent().getName() + "-old");
        if (!fs.exists(dir) && fs.exists(old)) {
            fs.mkdirs(dir.getParent());
            fs.rename(old, dir);
        }
    }

    static StructType withoutSweepId(StructType schema) {
        return new StructType(Arrays.stream(schema.fields())
                .filter(f -> !f.name().equals("sweep_id")).toArray(StructField[]::new));
    }
}
