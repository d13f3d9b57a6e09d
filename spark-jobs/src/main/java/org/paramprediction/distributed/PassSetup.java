package org.paramprediction.distributed;

import java.io.Serializable;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.train.NetworkRecipe;
import org.paramprediction.train.TrainingConfig;

/**
 * What workers need once per training stage, broadcast once: the network's recipe (dictionary
 * recipes and the covariances they name, so each worker rebuilds every {@code U} itself), the
 * training settings and where the data is. {@code key} is unique per stage and names the workers'
 * cached networks.
 */
final class PassSetup implements Serializable {

    private static final long serialVersionUID = 1L;

    final String key;
    final NetworkRecipe recipe;
    final TrainingConfig cfg;
    final DataRef data;
    final HadoopConf hadoop;
    final DataParallelSettings settings;
    final int stage;

    PassSetup(String key, NetworkRecipe recipe, TrainingConfig cfg, DataRef data, HadoopConf hadoop,
            DataParallelSettings settings, int stage) {
        this.key = key;
        this.recipe = recipe;
        this.cfg = cfg;
        this.data = data;
        this.hadoop = hadoop;
        this.settings = settings;
        this.stage = stage;
    }
}
