package org.paramprediction.covariance;

import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.paramprediction.layer.Network;
import org.paramprediction.data.Shape;
import org.paramprediction.stats.Covariance;
import org.paramprediction.train.ConvSpec;
import org.paramprediction.train.CovarianceSource;
import org.paramprediction.train.PatchRows;

/**
 * Covariances computed by Spark jobs over a dataset that lives on the executors: layer 0 from the
 * row blocks themselves ({@link DistributedCovariance#ofRows}), layer {@code l >= 1} from the
 * activations of the lower network's first {@code l} hidden layers
 * ({@link DistributedCovariance#ofActivations}). The dataset's shape is probed once; the
 * input covariances are cached (they do not depend on the network). Driver-side, not thread-safe.
 *
 * <p>Sweeps use {@link #SparkCovarianceSource(JavaSparkContext, DatasetSupplier)}, whose partition
 * counts follow the data only ({@link CovariancePartitions}), so a trial gets the same covariance,
 * bit for bit, on every cluster; a fixed count is for tests and benchmarks.
 */
public final class SparkCovarianceSource implements CovarianceSource {

    private enum Inputs { PLAIN, SQUARED }

    private final JavaSparkContext sc;
    private final DatasetSupplier data;
    /** A fixed partition count, or 0: {@link CovariancePartitions} of the rows. */
    private final int partitions;
    private final Map<Inputs, Covariance> inputCache = new EnumMap<>(Inputs.class);
    private DatasetShape shape;

    /** Partition counts from the number of rows ({@link CovariancePartitions}), the same on every cluster. */
    public SparkCovarianceSource(JavaSparkContext sc, DatasetSupplier data) {
        this(sc, data, 0, true);
    }

    /**
     * @param partitions partitions of every job, {@code >= 1}; the rounding of the result depends on
     *     it, so a covariance that recipes name should use the data-sized constructor
     */
    public SparkCovarianceSource(JavaSparkContext sc, DatasetSupplier data, int partitions) {
        this(sc, data, partitions, false);
    }

    private SparkCovarianceSource(JavaSparkContext sc, DatasetSupplier data, int partitions, boolean dataSized) {
        if (sc == null || data == null) {
            throw new IllegalArgumentException("sc and data (DatasetSupplier) must not be null");
        }
        if (!dataSized) {
            RowBlocks.checkLayout(RowBlocks.DEFAULT_ROWS_PER_BLOCK, partitions);
        }
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
                sc, data, shape(), LowerLayers.of(lower, layer), layer, squaredInputs, rowPartitions());
    }

    @Override
    public Covariance patchCovariance(Network lower, int layer, ConvSpec conv, Shape input, boolean squaredInputs) {
        if (layer > 0 && lower == null) {
            throw new IllegalArgumentException("lower (the trained network) must not be null for layer " + layer);
        }
        return DistributedCovariance.ofPatches(sc, data, shape(), layer == 0 ? null : LowerLayers.of(lower, layer),
                conv, input, squaredInputs, partitions > 0 ? partitions
                        : CovariancePartitions.forPatchImages(Math.min(shape().rows(), PatchRows.IMAGES)));
    }

    private Covariance inputCovariance(boolean squared) {
        DatasetShape s = shape();
        return DistributedCovariance.ofRows(
                RowBlocks.blocks(sc, data, s, RowBlocks.DEFAULT_ROWS_PER_BLOCK, rowPartitions()),
                s.features(), squared);
    }

    /** Partitions of a job over every row of the dataset. */
    int rowPartitions() {
        return partitions > 0 ? partitions : CovariancePartitions.forRows(shape().rows());
    }

    private DatasetShape shape() {
        if (shape == null) {
            shape = DatasetShape.probe(sc, data);
        }
        return shape;
    }
}
