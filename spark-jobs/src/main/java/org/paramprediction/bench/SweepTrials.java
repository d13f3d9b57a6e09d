package org.paramprediction.bench;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a finished sweep's {@code trials} table says about its timing: every trial row carries its
 * {@code start_time}, {@code end_time} and {@code seconds}, so the sweep phase (first trial start to
 * last trial end) is read from the output rather than parsed from the console.
 */
record SweepTrials(long trials, long failed, Timestamp firstStart, Timestamp lastEnd, double meanTrialSeconds,
        double laterHalfSeconds) {

    /** First trial start to last trial end. */
    double phaseSeconds() {
        return (lastEnd.getTime() - firstStart.getTime()) / 1000.0;
    }

    static SweepTrials read(SparkSession spark, Path sweepOut) {
        String trials = sweepOut.resolve("trials").toUri().toString();
        Row r = spark.read().parquet(trials).agg(count(lit(1)), sum(when(col("status").equalTo("OK"), 0).otherwise(1)),
                min("start_time"), max("end_time"), avg("seconds")).first();
        if (r.getLong(0) == 0) {
            throw new IllegalStateException("no trial rows under " + trials);
        }
        return new SweepTrials(r.getLong(0), r.getLong(1), r.getTimestamp(2), r.getTimestamp(3), r.getDouble(4),
                laterHalf(spark.read().parquet(trials).select("start_time", "end_time").collectAsList()));
    }

    /**
     * The sweep phase of the later half of the trials by start time (first start to last end among
     * them): the same trials on every master, run after the JVM's JIT warm-up.
     */
    private static double laterHalf(List<Row> rows) {
        List<Row> byStart = new ArrayList<>(rows);
        byStart.sort(Comparator.comparing((Row x) -> x.getTimestamp(0)));
        List<Row> later = byStart.subList(byStart.size() / 2, byStart.size());
        long start = later.stream().mapToLong(x -> x.getTimestamp(0).getTime()).min().orElse(0);
        long end = later.stream().mapToLong(x -> x.getTimestamp(1).getTime()).max().orElse(0);
        return (end - start) / 1000.0;
    }
}
