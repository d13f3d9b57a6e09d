package org.paramprediction.train;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.Shape;
import org.paramprediction.layer.Network;
import org.paramprediction.stats.Covariance;
import org.paramprediction.stats.CovarianceAccumulator;

/**
 * Covariances computed on this machine with {@link CovarianceAccumulator}, streaming the training
 * rows in batches. The input-pixel covariances are cached (they do not depend on the network).
 */
public final class LocalCovarianceSource implements CovarianceSource {

    private static final int BATCH = 1000;
    /** Examples per batch of patches (a batch of 28x28 images gives 78,400 patches). */
    private static final int PATCH_BATCH = 100;

    private final Dataset train;
    private final Map<Boolean, Covariance> inputCache = new HashMap<>();

    public LocalCovarianceSource(Dataset train) {
        this.train = train;
    }

    @Override
    public Covariance covariance(Network lower, int layer, boolean squaredInputs) {
        if (layer == 0) {
            return inputCache.computeIfAbsent(squaredInputs, this::inputCovariance);
        }
        int count = lower.layersBefore(layer);
        int width = lower.widthAfter(count);
        CovarianceAccumulator acc = new CovarianceAccumulator(width, squaredInputs);
        forEachBatch((rows, b) -> {
            INDArray h = lower.forward(rows, b, count);
            acc.add(h.dup('c').data().asFloat(), b);
        });
        return acc.covariance();
    }

    @Override
    public Covariance patchCovariance(Network lower, int layer, ConvSpec conv, Shape input, boolean squaredInputs) {
        PatchRows patches = new PatchRows(conv, input);
        CovarianceAccumulator acc = new CovarianceAccumulator(patches.dimension(), squaredInputs);
        int count = layer == 0 ? 0 : lower.layersBefore(layer);
        forEachBatch(PATCH_BATCH, Math.min(train.size(), PatchRows.IMAGES), (rows, b) -> {
            float[] p = layer == 0 ? patches.rows(rows, b) : patches.rows(lower.forward(rows, b, count));
            acc.add(p, b * patches.rowsPerExample());
        });
        return acc.covariance();
    }

    private Covariance inputCovariance(boolean squared) {
        CovarianceAccumulator acc = new CovarianceAccumulator(train.features(), squared);
        forEachBatch(acc::add);
        return acc.covariance();
    }

    private interface BatchConsumer {
        void accept(float[] rows, int count);
    }

    private void forEachBatch(BatchConsumer consumer) {
        forEachBatch(BATCH, train.size(), consumer);
    }

    /** The first {@code n} training rows, {@code batch} at a time. */
    private void forEachBatch(int batch, int n, BatchConsumer consumer) {
        int[] order = Dataset.identityOrder(n);
        float[] rows = new float[batch * train.features()];
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            train.copyRows(order, from, to, rows);
            consumer.accept(rows, to - from);
        }
    }
}
