package org.paramprediction.sweep;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.paramprediction.SharedSpark;
import org.paramprediction.report.ReportFixture;

/**
 * The end-of-sweep table, grouped on the driver, against the same aggregation done by Spark SQL on
 * the same committed rows: the same groups in the same order, the same counts, and every mean and
 * standard deviation within the table's printed precision (the two sum in different orders).
 */
class SummaryTableTest {

    @Test
    void driverTableMatchesSparkSqlOnTheSameRows() {
        SparkSession spark = SharedSpark.session();
        String trials = ReportFixture.output() + "/trials/sweep_id=" + ReportFixture.SWEEP;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SummaryTable.print(spark.sparkContext().hadoopConfiguration(), trials,
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        List<String[]> printed = buf.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| method"))
                .map(l -> Arrays.stream(l.split("\\|")).skip(1).map(String::trim).toArray(String[]::new)).toList();

        List<Row> expected = spark.read().parquet(trials)
                .groupBy("method", "fraction", "columns")
                .agg(count("*").as("n"),
                        sum(when(col("status").equalTo("FAILED"), 1).otherwise(0)).as("failed"),
                        avg(when(col("status").equalTo("OK"), col("test_error"))).as("test_error"),
                        stddev_samp(when(col("status").equalTo("OK"), col("test_error"))).as("sd"),
                        avg(when(col("status").equalTo("OK"), col("best_valid_error"))).as("valid_error"),
                        avg("n_params_dynamic").as("dynamic"),
                        avg("seconds").as("seconds"))
                .orderBy("method", "fraction", "columns").collectAsList();

        assertEquals(expected.size(), printed.size());
        assertTrue(expected.size() >= 10, "the fixture has " + expected.size() + " groups");
        for (int i = 0; i < expected.size(); i++) {
            Row e = expected.get(i);
            String[] p = printed.get(i);
            String where = "row " + i + ": " + String.join(" | ", p);
            assertEquals(e.getString(0), p[0], where);
            assertEquals(e.getDouble(1), Double.parseDouble(p[1]), 5e-4, where);
            assertEquals(e.getInt(2), Integer.parseInt(p[2]), where);
            assertEquals("single task", p[3], where);
            assertEquals(e.getLong(3), Long.parseLong(p[4]), where);
            assertEquals(e.getLong(4), Long.parseLong(p[5]), where);
            String[] testError = p[6].split("±");
            assertEquals(e.getDouble(5), Double.parseDouble(testError[0].trim()), 1.01e-4, where);
            assertEquals(e.getDouble(6), Double.parseDouble(testError[1].trim()), 1.01e-4, where);
            assertEquals(e.getDouble(7), Double.parseDouble(p[7]), 1.01e-4, where);
            assertEquals(e.getDouble(8), Double.parseDouble(p[8].replace(",", "")), 0.51, where);
            assertEquals(e.getDouble(9), Double.parseDouble(p[9]), 0.051, where);
        }
    }
}
