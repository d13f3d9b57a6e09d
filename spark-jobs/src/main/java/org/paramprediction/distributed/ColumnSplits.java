package org.paramprediction.distributed;

import java.io.Serializable;
import org.paramprediction.data.DataSplits;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.HadoopConf;

/**
 * How a column task obtains the train/valid/test splits: a serialisable recipe, not the data. The
 * splits must be the driver's (same rows, same order); a task checks the sizes and fails loudly
 * when they differ. Implementations read a per-JVM cache, so each executor loads the data once.
 */
@FunctionalInterface
public interface ColumnSplits extends Serializable {

    /** The splits, loaded or taken from this JVM's cache; called once per task. */
    DataSplits get();

    /** The sweep's path: {@link DatasetCache#get} of {@code ref}, read with {@code conf}. */
    static ColumnSplits of(DataRef ref, HadoopConf conf) {
        if (ref == null || conf == null) {
            throw new IllegalArgumentException("ref (DataRef) and conf (HadoopConf) must not be null");
        }
        return () -> DatasetCache.get(ref, conf);
    }
}
