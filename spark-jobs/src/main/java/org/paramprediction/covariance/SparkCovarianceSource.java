package org.paramprediction.covariance;

import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.paramprediction.layer.Network;
import org.paramprediction.data.Shape;
import org.paramprediction.stats.Covariance;
import org.paramprediction.train.ConvSpec;
import org.paramprediction.train.CovarianceSource;

/**
 * Covariances computed by Spark jobs over a dataset that lives on the executors: layer 0 from the
 * row blocks themselves ({@link DistributedCovariance#ofRows}), layer {@code l >= 1} from the
 * activations of the lower network's first {@code l} hidden layers
 * ({@link DistributedCovariance#ofActivations}). The dataset's shape is probed once; the
 * input covariances are cached (they do not depend on the network). Driver-side, not thread-safe.
 */
public final class SparkCovarianceSource implements CovarianceSource {

    private enum Inputs { PLAIN, SQUARED }

    private final JavaSparkContext sc;
    private final DatasetSupplier data;
    private final int partitions;
    private final Map<Inputs, Covariance> inputCache = new EnumMap<>(Inputs.class);
    private DatasetShape shape;

    /** @param partitions partitions of the row blocks, {@code >= 1} (e.g. 2 per task slot) */
    public SparkCovarianceSource(JavaSparkContext sc, DatasetSupplier data, int partitions) {
        if (sc == null || data == null) {
            throw new IllegalArgumentException("sc and data (DatasetSupplier) must not be null");
        }
        RowBlocks.checkLayout(RowBlocks.DEFAULT_ROWS_PER_BLOCK, partitions);
        this.sc = sc;
        this.data = data;
        this.partitions = partitions;
    }

    @Override
    public Covariance covariance(Network lower, int layer, boolean squaredInputs) {
        if (layer < 0) {
            throw new IllegalArgumentException("layer must be >= 0 (0 = the inputs) but was " + layer);
        }
        if (layer == 0) {
            return inputCache.computeIfAbsent(squaredInputs ? Inputs.SQUARED : Inputs.PLAIN,
                    k -> inputCovariance(squaredInputs));
        }
        if (lower == null) {
            throw new IllegalArgumentException("lower (the trained network) must not be null for layer " + layer);
        }
        return DistributedCovariance.ofActivations(
                sc, data, shape(), LowerLayers.of(lower, layer), layer, squaredInputs, partitions);
    }

    @Override
    public Covariance patchCovariance(Network lower, int layer, ConvSpec conv, Shape input, boolean squaredInputs) {
        if (layer > 0 && lower == null) {
            throw new IllegalArgumentException("lower (the trained network) must not be null for layer " + layer);
        }
        return DistributedCovariance.ofPatches(sc, data, shape(), layer == 0 ? null : LowerLayers.of(lower, layer),
                conv, input, squaredInputs, partitions);
    }

    private Covariance inputCovariance(boolean squared) {
        DatasetShape s = shape();
        return DistributedCovariance.ofRows(
                RowBlocks.blocks(sc, data, s, RowBlocks.DEFAULT_ROWS_PER_BLOCK, partitions),
                s.features(), squared);
    }

    private DatasetShape shape() {
        if (shape == null) {
            shape = DatasetShape.probe(sc, data);
        }
        return shape;
    }
}
