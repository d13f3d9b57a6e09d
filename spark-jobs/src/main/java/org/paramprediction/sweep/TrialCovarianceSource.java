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
 *
 * <p>The input covariance is never recomputed here. The driver stores it before any trial starts
 * ({@link InputCovariances#prepare}, also on {@code --resume}), so a missing file means the task
 * cannot see the output root (a path local to the driver's machine) or the file was removed during
 * the run. A recomputation would hide that, cost every trial the computation, and give a covariance
 * merged in another order, whose id differs from the one the sweep's other trials name: the trial
 * fails instead, naming the file and what to do.
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
        return LOADED.computeIfAbsent(ctx.outputRoot() + "|" + key, k -> {
            CovarianceStore store = new CovarianceStore(ctx.outputRoot(), ctx.hadoop());
            return store.load(key).orElseThrow(() -> missing(store, key));
        });
    }

    private static IllegalStateException missing(CovarianceStore store, String key) {
        return new IllegalStateException("the input covariance this trial's first layer needs is missing: "
                + store.path(key) + " does not exist here. The sweep stores it before any trial starts, so this"
                + " executor cannot read the output root (use one every executor can read: hdfs://, s3a://, a"
                + " shared mount) or the file was removed during the run. It is not recomputed in the task (another"
                + " merge order would give another covariance id than the sweep's recipes name); rerun with"
                + " --resume --retry-failed and the driver stores it again.");
    }
}
