package org.paramprediction.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.io.BadInputException;
import org.paramprediction.results.EpochTable;

/**
 * One sweep's Parquet output on Spark: registers the temporary views {@code trials}, {@code
 * epochs} and {@code selections} (that sweep's rows only; selections empty without select) for the report's SQL, and reads the optional {@code weights}
 * table. Spark SQL reads any Hadoop path the sweep wrote to ({@code file:}, {@code hdfs://},
 * {@code s3a://}).
 */
public final class SweepTables {

    /**
     * Trials columns added by schema version 5 that the report's SQL reads, with their types: null
     * in the view of an older sweep's files, as in a newer file's rows that do not use them.
     */
    private static final String[][] LATER_TRIAL_COLUMNS = {{"selected", "boolean"}, {"alternate_v_epochs", "int"},
            {"grow_to", "double"}, {"final_fraction", "double"}, {"scheduler", "string"}, {"rung", "int"}};

    private final SparkSession spark;
    private final String results;
    private final String sweepId;
    private final FileSystem fs;

    /** Fails with an IllegalArgumentException naming the path when the sweep has no trials there. */
    public SweepTables(SparkSession spark, String results, String sweepId) {
        this.spark = spark;
        this.results = results;
        this.sweepId = sweepId;
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        requireTables(results, sweepId, conf);
        this.fs = fileSystem(partition(results, sweepId, "trials"), conf);
        view("trials");
        view("epochs");
        selectionsView();
    }

    /**
     * Checks, without Spark, that {@code results} holds the trials of {@code sweepId}; a
     * BadInputException names the missing path. (A sweep of RICA trials only has no epochs.)
     */
    public static void requireTables(String results, String sweepId, Configuration conf) {
        for (String table : new String[] {"trials"}) {
            Path dir = partition(results, sweepId, table);
            FileSystem fs = fileSystem(dir, conf);
            if (!hasParquet(fs, dir)) {
                throw new BadInputException("no " + table + " of sweep '" + sweepId + "' under " + results
                        + ": expected Parquet files in " + dir + " (run the sweep first, or pass --results)");
            }
        }
    }

    /** Runs {@code sql} over the views and collects its rows (report queries return small tables). */
    public QueryRows query(String sql) {
        Dataset<Row> df = spark.sql(sql);
        String[] names = df.columns();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                m.put(names[i], r.get(i));
            }
            rows.add(m);
        }
        return new QueryRows(rows);
    }

    /** Whether the sweep kept its learned parameters (the {@code weights} table exists). */
    public boolean hasWeights() {
        return hasParquet(fs, partition(results, sweepId, "weights"));
    }

    /** The weights rows of hidden layer {@code layer} of the given trials, or empty if the sweep kept none. */
    public Optional<List<Row>> weights(int layer, List<String> trialIds) {
        Path dir = partition(results, sweepId, "weights");
        if (!hasParquet(fs, dir)) {
            return Optional.empty();
        }
        return Optional.of(spark.read().parquet(dir.toString())
                .where(col("layer").equalTo(lit(layer)).and(col("trial_id").isin(trialIds.toArray())))
                .orderBy("trial_id", "column").collectAsList());
    }

    private void view(String table) {
        Path dir = partition(results, sweepId, table);
        if (table.equals("epochs") && !hasParquet(fs, dir)) { // RICA trials have no epochs; networks must have them
            boolean ricaOnly = List.of(spark.table("trials").columns()).contains("rica")
                    && spark.sql("SELECT count(*) FROM trials WHERE rica IS NULL").first().getLong(0) == 0;
            if (!ricaOnly) {
                throw new BadInputException("no epochs of sweep '" + sweepId + "' under " + results
                        + ": expected Parquet files in " + dir + " (its trials train networks, which write epochs)");
            }
            spark.createDataFrame(List.of(), EpochTable.SCHEMA).withColumn("sweep_id", lit(sweepId))
                    .createOrReplaceTempView(table);
            return;
        }
        Dataset<Row> rows = spark.read().parquet(dir.toString()).withColumn("sweep_id", lit(sweepId));
        if (table.equals("trials")) {
            for (String[] c : LATER_TRIAL_COLUMNS) {
                if (!List.of(rows.columns()).contains(c[0])) {
                    rows = rows.withColumn(c[0], lit(null).cast(c[1]));
                }
            }
        }
        rows.createOrReplaceTempView(table);
    }

    /** The {@code selections} table of a select sweep, or an empty view of the same columns. */
    private void selectionsView() {
        Path dir = partition(results, sweepId, "selections");
        if (hasParquet(fs, dir)) {
            spark.read().parquet(dir.toString()).createOrReplaceTempView("selections");
        } else {
            spark.sql("SELECT CAST(NULL AS STRING) AS configuration, CAST(NULL AS STRING) AS value, "
                    + "CAST(NULL AS INT) AS candidate, CAST(NULL AS STRING) AS trial_id, CAST(NULL AS STRING) AS status, "
                    + "CAST(NULL AS STRING) AS metric, CAST(NULL AS DOUBLE) AS metric_value, "
                    + "CAST(NULL AS BOOLEAN) AS selected WHERE false").createOrReplaceTempView("selections");
        }
    }

    private static Path partition(String results, String sweepId, String table) {
        return new Path(results, table + "/sweep_id=" + sweepId);
    }

    private static FileSystem fileSystem(Path dir, Configuration conf) {
        try {
            return dir.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasParquet(FileSystem fs, Path dir) {
        try {
            return fs.exists(dir) && fs.listStatus(dir, p -> p.getName().endsWith(".parquet")).length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
