package org.paramprediction.sweep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.paramprediction.covariance.CovarianceStore;
import org.paramprediction.data.Dataset;
import org.paramprediction.io.DataRef;
import org.paramprediction.layer.Network;
import org.paramprediction.data.Shape;
import org.paramprediction.stats.Covariance;
import org.paramprediction.train.ConvSpec;
import org.paramprediction.train.PatchRows;
import org.paramprediction.train.CovarianceSource;
import org.paramprediction.train.LocalCovarianceSource;

/**
 * Covariances inside a trial task: the input-pixel covariance from the sweep's store (loaded once
 * per executor JVM); hidden-layer covariances computed locally, since they depend on the trial's own
 * trained lower layers.
 */
final class TrialCovarianceSource implements CovarianceSource {

    private static final Map<String, Covariance> LOADED = new ConcurrentHashMap<>();

    private final SweepContext ctx;
    private final DataRef ref;
    private final LocalCovarianceSource local;

    TrialCovarianceSource(SweepContext ctx, DataRef ref, Dataset train) {
        this.ctx = ctx;
        this.ref = ref;
        this.local = new LocalCovarianceSource(train);
    }

    /** Patches of the trial's own data or lower layers, computed in the task ({@link PatchRows#IMAGES} rows). */
    @Override
    public Covariance patchCovariance(Network lower, int layer, ConvSpec conv, Shape input, boolean squaredInputs) {
        return local.patchCovariance(lower, layer, conv, input, squaredInputs);
    }

    @Override
    public Covariance covariance(Network lower, int layer, boolean squaredInputs) {
        if (layer > 0) {
            return local.covariance(lower, layer, squaredInputs);
        }
        String key = InputCovariances.key(ctx.datasetSha256(), ref, squaredInputs);
        return LOADED.computeIfAbsent(ctx.outputRoot() + "|" + key, k -> new CovarianceStore(ctx.outputRoot(), ctx.hadoop())
                .load(key)
                .orElseGet(() -> local.covariance(null, 0, squaredInputs)));
    }
}
