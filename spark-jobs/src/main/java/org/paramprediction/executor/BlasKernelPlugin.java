package org.paramprediction.executor;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;
import org.paramprediction.platform.BlasCheck;

/**
 * A Spark plugin ({@code spark.plugins}) that gives every executor JVM the OpenBLAS kernel of its own
 * CPU: its {@code init} runs when the executor starts, before any task can load ND4J, and runs the
 * BLAS check there (logged in the executor's log; a warning if the kernel is generic). Nodes of one
 * cluster may differ, so each executor decides for itself. {@link #addTo} puts it in a session's
 * configuration, after any plugins the user set.
 */
public final class BlasKernelPlugin implements SparkPlugin {

    /** The Spark setting that lists plugins. */
    public static final String PLUGINS = "spark.plugins";

    @Override
    public DriverPlugin driverPlugin() {
        return null; // the driver configures itself in Main, before Spark starts
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            @Override
            public void init(PluginContext ctx, Map<String, String> extraConf) {
                BlasCheck.logOnce(); // configures the kernel first, then checks and logs it
            }
        };
    }

    /** The value of {@code spark.plugins} with this plugin appended (once) to what {@code conf} has. */
    public static String addTo(SparkConf conf) {
        String name = BlasKernelPlugin.class.getName();
        String existing = conf.get(PLUGINS, "").trim();
        if (existing.isEmpty()) {
            return name;
        }
        for (String p : existing.split(",")) {
            if (p.trim().equals(name)) {
                return existing;
            }
        }
        return existing + "," + name;
    }
}
