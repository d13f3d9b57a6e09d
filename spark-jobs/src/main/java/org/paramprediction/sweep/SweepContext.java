package org.paramprediction.sweep;

import java.io.Serializable;
import org.paramprediction.io.HadoopConf;

/**
 * What every trial task of a sweep needs besides its own spec: the Hadoop settings to open paths,
 * and where the sweep's precomputed input covariances are stored.
 */
public record SweepContext(HadoopConf hadoop, String outputRoot, String datasetSha256) implements Serializable {

    private static final long serialVersionUID = 1L;
}
