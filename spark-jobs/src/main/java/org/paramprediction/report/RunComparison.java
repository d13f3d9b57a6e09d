package org.paramprediction.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Two outputs of one sweep compared trial by trial (a resumed run against an uninterrupted one, a
 * rerun on another day): trials in one output only, trials or epochs present more than once, and
 * trials whose status or metrics differ, exactly (a rerun on the same machine and kernel gives the
 * same bits; across kernels, expect differences in the last digits).
 */
public final class RunComparison {

    /** What differs; {@link #identical()} when nothing does. Each list holds up to 20 examples. */
    public record Result(long trialsA, long trialsB, long onlyInA, long onlyInB, long duplicateTrials,
            long duplicateEpochs, long trialMismatches, long epochMismatches, List<String> examples) {

        public boolean identical() {
            return onlyInA == 0 && onlyInB == 0 && duplicateTrials == 0 && duplicateEpochs == 0 && trialMismatches == 0
                    && epochMismatches == 0;
        }
    }

    private static final String TRIAL_METRICS = "status, best_epoch, best_valid_error, test_error, epochs_trained, "
            + "n_params_total, n_params_dynamic";
    private static final String EPOCH_METRICS = "learning_rate, momentum, train_loss, train_error, valid_error, test_error";

    private RunComparison() {}

    /** Compares sweep {@code sweepId} under output roots {@code a} and {@code b}. */
    public static Result compare(SparkSession spark, String sweepId, String a, String b) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        SweepTables.requireTables(a, sweepId, conf);
        SweepTables.requireTables(b, sweepId, conf);
        for (String side : new String[] {"a", "b"}) {
            String root = side.equals("a") ? a : b;
            spark.read().parquet(root + "/trials/sweep_id=" + sweepId).createOrReplaceTempView(side + "_trials");
            spark.read().parquet(root + "/epochs/sweep_id=" + sweepId).createOrReplaceTempView(side + "_epochs");
        }
        List<String> examples = new ArrayList<>();
        long trialsA = count(spark, "SELECT count(DISTINCT trial_id) FROM a_trials");
        long trialsB = count(spark, "SELECT count(DISTINCT trial_id) FROM b_trials");
        long onlyA = collect(spark, "SELECT DISTINCT trial_id, 'only in A' FROM a_trials LEFT ANTI JOIN b_trials "
                + "USING (trial_id)", examples);
        long onlyB = collect(spark, "SELECT DISTINCT trial_id, 'only in B' FROM b_trials LEFT ANTI JOIN a_trials "
                + "USING (trial_id)", examples);
        long dupTrials = collect(spark, "SELECT trial_id, concat('trial rows: ', string(n)) FROM ("
                + "SELECT trial_id, count(*) AS n FROM a_trials GROUP BY trial_id UNION ALL "
                + "SELECT trial_id, count(*) AS n FROM b_trials GROUP BY trial_id) WHERE n > 1", examples);
        long dupEpochs = collect(spark, "SELECT trial_id, concat('epoch rows of stage ', string(stage), ' epoch ', "
                + "string(epoch), ': ', string(n)) FROM (SELECT trial_id, stage, epoch, count(*) AS n FROM a_epochs "
                + "GROUP BY ALL UNION ALL SELECT trial_id, stage, epoch, count(*) AS n FROM b_epochs GROUP BY ALL) "
                + "WHERE n > 1", examples);
        long trialDiff = collect(spark, "SELECT trial_id, 'trial metrics differ' FROM ("
                + "SELECT trial_id, " + TRIAL_METRICS + " FROM a_trials EXCEPT SELECT trial_id, " + TRIAL_METRICS
                + " FROM b_trials) JOIN b_trials USING (trial_id)", examples);
        long epochDiff = collect(spark, "SELECT DISTINCT trial_id, concat('epoch metrics differ (stage ', string(stage), "
                + "', epoch ', string(epoch), ')') FROM ("
                + "SELECT trial_id, stage, epoch, " + EPOCH_METRICS + " FROM a_epochs WHERE trial_id IN "
                + "(SELECT trial_id FROM b_trials) EXCEPT SELECT trial_id, stage, epoch, " + EPOCH_METRICS
                + " FROM b_epochs WHERE trial_id IN (SELECT trial_id FROM a_trials))", examples);
        return new Result(trialsA, trialsB, onlyA, onlyB, dupTrials, dupEpochs, trialDiff, epochDiff,
                List.copyOf(examples));
    }

    private static long count(SparkSession spark, String sql) {
        return spark.sql(sql).first().getLong(0);
    }

    /** The number of rows of {@code sql} (trial id, what); the first few go to {@code examples}. */
    private static long collect(SparkSession spark, String sql, List<String> examples) {
        Dataset<Row> rows = spark.sql(sql).cache();
        long n = rows.count();
        for (Row r : rows.limit(Math.max(0, 20 - examples.size())).collectAsList()) {
            examples.add(r.getString(0) + ": " + r.getString(1));
        }
        rows.unpersist();
        return n;
    }
}
