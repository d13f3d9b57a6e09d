package org.paramprediction.sweep;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.sweep.config.ConfigError;
import org.paramprediction.sweep.config.ConfigException;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;

/**
 * Reads every dataset a sweep names, on the driver and before any Spark work, so a wrong path, a
 * malformed file or a split larger than the file is a bad-input error naming the config field.
 */
public final class DatasetPreflight {

    private DatasetPreflight() {}

    public static void check(SweepSpec sweep, Configuration hadoopConf) {
        HadoopConf conf = HadoopConf.of(hadoopConf);
        Set<DataRef> refs = new LinkedHashSet<>();
        for (TrialSpec t : sweep.trials()) {
            refs.add(TrialExecutor.dataRef(t));
        }
        for (DataRef ref : refs) {
            try {
                DatasetCache.get(ref, conf);
            } catch (RuntimeException e) {
                String field = e.getMessage() != null && e.getMessage().contains("trainSize + validSize")
                        ? "dataset.train_size + dataset.valid_size" : "dataset.root";
                throw new ConfigException(new ConfigError(sweep.file(), 0, field,
                        "must name readable " + ref.format().configName() + " data (" + e.getMessage() + ")",
                        ref.root()));
            }
        }
    }
}
