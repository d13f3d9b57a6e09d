package org.paramprediction.distributed.rica;

import org.paramprediction.rica.RicaMapRecipe;
import java.io.Serializable;

/**
 * Broadcast once per {@link DistributedRicaFunction}: how to rebuild the weight map, the hash the
 * driver got for it, and the objective's constants. {@code key} names the problem (RDD, map hash,
 * constants) for the executors' caches.
 */
final class RicaSetup implements Serializable {

    private static final long serialVersionUID = 1L;

    final String key;
    final RicaMapRecipe recipe;
    final String hash;
    final double lambda;
    final double epsilon;
    final long totalRows;

    RicaSetup(int rddId, RicaMapRecipe recipe, String hash, double lambda, double epsilon, long totalRows) {
        this.key = "rdd" + rddId + "/" + hash + "/" + lambda + "/" + epsilon + "/" + totalRows;
        this.recipe = recipe;
        this.hash = hash;
        this.lambda = lambda;
        this.epsilon = epsilon;
        this.totalRows = totalRows;
    }
}
