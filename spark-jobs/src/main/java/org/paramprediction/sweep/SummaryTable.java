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
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The end-of-sweep table: test error by method, fraction, columns and how the trial was trained
 * (in one task, or distributed: mode/partitions; with alternating U/V phases or a growing fraction),
 * over repeats, from the Parquet output.
 */
public final class SummaryTable {

    private SummaryTable() {}

    public static void print(SparkSession spark, String trialsDir, PrintStream out) {
        Dataset<Row> trials = spark.read().parquet(trialsDir);
        List<Row> rows = trials.withColumn("trained", trained(trials))
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
        out.println("| method     | fraction | columns | trained         | trials | failed | test error (mean ± sd) | valid error | dynamic params | s/trial |");
        out.println("|------------|----------|---------|-----------------|--------|--------|------------------------|-------------|----------------|---------|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %-10s | %8.3f | %7d | %-15s | %6d | %6d | %10.4f ± %-9s | %11.4f | %,14.0f | %7.1f |%n",
                    r.getString(0), r.getDouble(1), r.getInt(2), r.getString(3), r.getLong(4), r.getLong(5),
                    nan(r, 6), r.isNullAt(7) ? "-" : String.format(Locale.ROOT, "%.4f", r.getDouble(7)),
                    nan(r, 8), r.getDouble(9), r.getDouble(10));
        }
    }

    /**
     * How a trial was trained: {@code single task} or {@code mode/partitions}, then {@code , U/V v/u}
     * for alternating U/V phases and {@code , grow to t} for a growing fraction (columns that files
     * written before schema 5 lack are left out).
     */
    private static Column trained(Dataset<Row> trials) {
        List<String> names = List.of(trials.columns());
        Column c = coalesce(concat(col("distributed_mode"), lit("/"), col("partitions")), lit("single task"));
        if (names.contains("alternate_v_epochs")) {
            c = concat(c, coalesce(concat(lit(", U/V "), col("alternate_v_epochs"), lit("/"),
                    col("alternate_u_epochs")), lit("")));
        }
        if (names.contains("grow_to")) {
            c = concat(c, coalesce(concat(lit(", grow to "), col("grow_to")), lit("")));
        }
        return c;
    }

    private static double nan(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }
}
