package org.paramprediction.sweep;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.results.TrialTable;

/**
 * The end-of-sweep table: test error by method, fraction, columns and how the trial was trained
 * (in one task, or distributed: mode/partitions), over repeats, from the Parquet output.
 */
public final class SummaryTable {

    private SummaryTable() {}

    public static void print(SparkSession spark, String trialsDir, PrintStream out) {
        print(spark, trialsDir, out, false);
    }

    /**
     * With {@code selectedOnly} (a sweep with a {@code select} section), only the trials of the chosen
     * values ({@code selected = true}); the candidates' phase-1 trials are in the selection summary.
     */
    public static void print(SparkSession spark, String trialsDir, PrintStream out, boolean selectedOnly) {
        Dataset<Row> trials = spark.read().parquet(trialsDir);
        if (selectedOnly && Arrays.asList(trials.columns()).contains(TrialTable.SELECTED)) {
            trials = trials.filter(col(TrialTable.SELECTED).equalTo(true));
        }
        List<Row> rows = trials
                .withColumn("trained", coalesce(concat(col("distributed_mode"), lit("/"), col("partitions")),
                        lit("single task")))
                .groupBy("method", "fraction", "columns", "trained")
                .agg(count("*").as("n"),
                        sum(when(col("status").equalTo("FAILED"), 1).otherwise(0)).as("failed"),
                        avg(when(col("status").equalTo("OK"), col("test_error"))).as("test_error"),
                        stddev_samp(when(col("status").equalTo("OK"), col("test_error"))).as("sd"),
                        avg(when(col("status").equalTo("OK"), col("best_valid_error"))).as("valid_error"),
                        avg("n_params_dynamic").as("dynamic"),
                        avg("seconds").as("seconds"))
                .orderBy("method", "fraction", "columns", "trained")
                .collectAsList();
        out.println();
        if (selectedOnly) {
            out.println("chosen values only (selected = true):");
        }
        out.println("| method     | fraction | columns | trained         | trials | failed | test error (mean ± sd) | valid error | dynamic params | s/trial |");
        out.println("|------------|----------|---------|-----------------|--------|--------|------------------------|-------------|----------------|---------|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %-10s | %8.3f | %7d | %-15s | %6d | %6d | %10.4f ± %-9s | %11.4f | %,14.0f | %7.1f |%n",
                    r.getString(0), r.getDouble(1), r.getInt(2), r.getString(3), r.getLong(4), r.getLong(5),
                    nan(r, 6), r.isNullAt(7) ? "-" : String.format(Locale.ROOT, "%.4f", r.getDouble(7)),
                    nan(r, 8), r.getDouble(9), r.getDouble(10));
        }
    }

    private static double nan(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }
}
