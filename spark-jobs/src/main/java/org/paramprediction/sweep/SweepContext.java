package org.paramprediction.sweep;

import java.io.Serializable;
import org.paramprediction.io.HadoopConf;

/**
 * What every trial task of a sweep needs besides its own spec: the Hadoop settings to open paths,
 * where the sweep's precomputed input covariances are stored, and whether trials send back their
 * learned parameters ({@code output.keep_weights}).
 */
public record SweepContext(HadoopConf hadoop, String outputRoot, String datasetSha256, boolean keepWeights)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A context whose trials do not keep their weights. */
    public SweepContext(HadoopConf hadoop, String outputRoot, String datasetSha256) {
        this(hadoop, outputRoot, datasetSha256, false);
    }
}
