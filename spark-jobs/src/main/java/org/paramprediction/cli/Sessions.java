package org.paramprediction.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession of a command: under {@code spark-submit} the master and settings come from it;
 * run directly, an embedded {@code local[*]} (or the {@code --master} given) with the UI off.
 */
final class Sessions {

    private Sessions() {}

    static SparkSession create(String appName, String master) {
        SparkConf conf = new SparkConf();
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (!conf.contains("spark.master")) {
            b.master(master == null ? "local[*]" : master)
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        } else if (master != null) {
            b.master(master);
        }
        // FAIR: result writes (their own pool) must not wait behind queued trial jobs.
        SparkSession spark = b.config("spark.sql.shuffle.partitions", "8").config("spark.scheduler.mode", "FAIR")
                .getOrCreate();
        if (!conf.contains("spark.master")) {
            spark.sparkContext().setLogLevel("WARN"); // an embedded run prints our progress, not Spark's INFO log
        }
        return spark;
    }
}
