package org.paramprediction.cli;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.executor.BlasKernelPlugin;
import org.paramprediction.platform.BlasCheck;

/**
 * The SparkSession of a command: under {@code spark-submit} the master and settings come from it;
 * run directly, an embedded {@code local[*]} (or the {@code --master} given) with the UI off. Every
 * session carries the BLAS-kernel plugin, so that each executor picks the kernel for its own CPU, and
 * the driver runs its own BLAS check first.
 */
final class Sessions {

    private Sessions() {}

    /**
     * The Hadoop configuration Spark would give its jobs (core-site.xml, HADOOP_CONF_DIR and the
     * {@code spark.hadoop.*} settings of spark-submit), for driver work done before Spark starts.
     */
    static Configuration hadoopConf() {
        return SparkHadoopUtil.get().newConfiguration(new SparkConf());
    }

    /**
     * The session already running in this JVM (a test's shared one), or null: a command reuses it and
     * leaves it running instead of creating its own and stopping it.
     */
    static SparkSession running() {
        return SparkSession.getActiveSession().isDefined() ? SparkSession.getActiveSession().get()
                : SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get() : null;
    }

    static SparkSession create(String appName, String master) {
        System.out.println(BlasCheck.logOnce().summary());
        SparkConf conf = new SparkConf();
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config(BlasKernelPlugin.PLUGINS, BlasKernelPlugin.addTo(conf));
        if (!conf.contains("spark.master")) {
            b.master(master == null ? "local[*]" : master)
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        } else if (master != null) {
            b.master(master);
        }
        // the trials table has more columns than Spark's default of 25 that a plan's text shows (it warns)
        return b.config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.debug.maxToStringFields", "500").getOrCreate();
    }
}
