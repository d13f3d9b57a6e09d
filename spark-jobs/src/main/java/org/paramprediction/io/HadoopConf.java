package org.paramprediction.io;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration as plain strings, so tasks open {@code hdfs://} or {@code s3a://}
 * paths with the same settings (credentials, endpoints) the user gave Spark.
 */
public record HadoopConf(Map<String, String> entries) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static HadoopConf of(Configuration conf) {
        Map<String, String> m = new TreeMap<>();
        for (Map.Entry<String, String> e : conf) {
            m.put(e.getKey(), e.getValue());
        }
        return new HadoopConf(m);
    }

    public Configuration toConfiguration() {
        Configuration c = new Configuration(false);
        entries.forEach(c::set);
        return c;
    }
}
