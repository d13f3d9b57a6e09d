package org.paramprediction.covariance;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.Shape;
import org.paramprediction.layer.Network;
import org.paramprediction.stats.Covariance;
import org.paramprediction.aggregate.OrderedTreeAggregate;
import org.paramprediction.train.ConvSpec;
import org.paramprediction.train.NetworkBuilder;
import org.paramprediction.train.PatchRows;
import org.paramprediction.train.Activations;
import org.paramprediction.stats.CovarianceAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The covariance of rows spread over a Spark cluster. Each partition adds its row blocks to a
 * {@link CovarianceAccumulator} (centred moments: count, mean, {@code M2}); the partial moments are
 * merged in a tree ({@link OrderedTreeAggregate}: like {@code treeAggregate}, but always in
 * partition order, so reruns agree bit for bit) with Chan, Golub and LeVeque's pairwise update, and
 * the result is the unbiased {@code M2 / (n - 1)}, what the accumulator gives on one machine (up to
 * the rounding of a different merge order).
 */
public final class DistributedCovariance {

    /** Default depth of the merge tree. */
    public static final int DEFAULT_DEPTH = 2;

    private static final Logger LOG = LoggerFactory.getLogger(DistributedCovariance.class);

    private DistributedCovariance() {}

    /** {@link #ofRows(JavaRDD, int, boolean, int)} with {@link #DEFAULT_DEPTH}. */
    public static Covariance ofRows(JavaRDD<float[]> blocks, int dimension, boolean squared) {
        return ofRows(blocks, dimension, squared, DEFAULT_DEPTH);
    }

    /**
     * Covariance of all rows of {@code blocks}.
     *
     * @param blocks    each element a block of rows, row-major, length a multiple of {@code dimension}
     *                  (0 allowed)
     * @param dimension values per row, {@code >= 1}
     * @param squared   accumulate the statistics of {@code x * x} (the empirical-squared kernel)
     * @param depth     depth of the merge tree, {@code >= 1}
     * @throws IllegalArgumentException if fewer than 2 rows were found in total
     * @throws org.apache.spark.SparkException (from the task) if a block's length is not a multiple
     *     of {@code dimension}
     */
    public static Covariance ofRows(JavaRDD<float[]> blocks, int dimension, boolean squared, int depth) {
        if (blocks == null) {
            throw new IllegalArgumentException("blocks must not be null");
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth (merge tree) must be >= 1 but was " + depth);
        }
        new CovarianceAccumulator(dimension, squared); // checks the dimension before any Spark work
        long start = System.nanoTime();
        CovarianceAccumulator total = OrderedTreeAggregate.aggregate(blocks,
                () -> new CovarianceAccumulator(dimension, squared), DistributedCovariance::add,
                CovarianceAccumulator::merge, depth);
        if (total.count() < 2) {
            throw new IllegalArgumentException("a covariance needs at least 2 rows but the "
                    + blocks.getNumPartitions() + " partitions of RDD " + blocks.id() + " held "
                    + total.count() + " rows of dimension " + dimension);
        }
        Covariance c = total.covariance();
        LOG.info("covariance d={} squared={} of {} rows from {} partitions (depth {}) in {} ms",
                dimension, squared, total.count(), blocks.getNumPartitions(), depth,
                (System.nanoTime() - start) / 1_000_000);
        return c;
    }

    private static CovarianceAccumulator add(CovarianceAccumulator acc, float[] block) {
        int d = acc.dimension();
        if (block == null || block.length % d != 0) {
            throw new IllegalArgumentException("block length " + (block == null ? "null" : block.length)
                    + " is not a multiple of dimension " + d + " in partition " + partition());
        }
        return acc.add(block, block.length / d);
    }

    private static String partition() {
        TaskContext task = TaskContext.get();
        return task == null ? "(driver)" : String.valueOf(task.partitionId());
    }

    /**
     * Covariance of the activations of {@code lower}'s first {@code layers} hidden layers over every
     * row of the supplied dataset: the inputs of hidden layer {@code layers}. The lower layers travel
     * as one broadcast of plain arrays, destroyed when the job ends; the dataset's shape is probed
     * with one small task first.
     *
     * @param lower      at least {@code layers} hidden layers; the first one's inputs must equal the
     *                   dataset's features
     * @param layers     how many of {@code lower}'s layers to apply, {@code >= 1}
     * @param partitions number of partitions of the row blocks, {@code >= 1}
     */
    public static Covariance ofActivations(JavaSparkContext sc, DatasetSupplier data, LowerLayers lower,
            int layers, boolean squared, int partitions) {
        RowBlocks.checkLayout(RowBlocks.DEFAULT_ROWS_PER_BLOCK, partitions);
        checkLower(lower, layers);
        return ofActivations(sc, data, DatasetShape.probe(sc, data), lower, layers, squared, partitions);
    }

    /** {@link #ofActivations(JavaSparkContext, DatasetSupplier, LowerLayers, int, boolean, int)} with a known shape. */
    static Covariance ofActivations(JavaSparkContext sc, DatasetSupplier data, DatasetShape shape,
            LowerLayers lower, int layers, boolean squared, int partitions) {
        LowerLayers used = checkLower(lower, layers);
        if (used.inputs() != shape.features()) {
            throw new IllegalArgumentException("the first lower layer takes " + used.inputs()
                    + " inputs but the dataset has " + shape.features() + " features");
        }
        LOG.info("activation covariance: {} lower layers ({} -> {}), {} broadcast bytes, {} rows, {} partitions",
                layers, used.inputs(), used.outputs(), used.payloadBytes(), shape.rows(), partitions);
        Broadcast<LowerLayers> weights = sc.broadcast(used);
        try {
            JavaRDD<float[]> activations = RowBlocks
                    .blocks(sc, data, shape, RowBlocks.DEFAULT_ROWS_PER_BLOCK, partitions)
                    .mapPartitions(blocks -> {
                        Activations pass = Activations.of(weights.value().layers());
                        return new MappedIterator<>(blocks, pass::apply);
                    });
            return ofRows(activations, used.outputs(), squared, DEFAULT_DEPTH);
        } finally {
            weights.destroy();
        }
    }

    /**
     * Covariance of the patches a conv layer sees ({@link PatchRows}) over the first {@link
     * PatchRows#IMAGES} rows of the supplied dataset, blocks of rows spread over the partitions:
     * the same rows and patches as {@code LocalCovarianceSource#patchCovariance}, merged in partition
     * order. The layer's input is the data itself ({@code lower} null) or the output of all of
     * {@code lower}'s layers, broadcast once as plain arrays.
     *
     * @param input the shape of the layer's input (the data's, or {@code lower}'s output)
     */
    public static Covariance ofPatches(JavaSparkContext sc, DatasetSupplier data, DatasetShape shape,
            LowerLayers lower, ConvSpec conv, Shape input, boolean squared, int partitions) {
        int features = lower == null ? shape.features() : lower.inputs();
        if (features != shape.features() || (lower == null ? shape.features() : lower.outputs()) != input.features()) {
            throw new IllegalArgumentException("patches of a " + input + " input from " + (lower == null ? "the data"
                    : "lower layers " + lower.inputs() + " -> " + lower.outputs()) + " with " + shape.features()
                    + " features per row do not fit");
        }
        int rows = Math.min(shape.rows(), PatchRows.IMAGES);
        PatchRows probe = new PatchRows(conv, input);
        LOG.info("patch covariance: {} patches of {} rows from {} examples, {} partitions", conv, probe.dimension(),
                rows, partitions);
        Broadcast<LowerLayers> weights = lower == null ? null : sc.broadcast(lower);
        try {
            JavaRDD<float[]> patches = RowBlocks.ranges(sc, rows, PATCH_BLOCK, partitions).mapPartitions(ranges -> {
                Dataset dataset = data.get();
                Network net = weights == null ? null : NetworkBuilder.frozen(weights.value().layers());
                PatchRows patchRows = new PatchRows(conv, input);
                return new MappedIterator<>(ranges, range -> {
                    int b = range[1] - range[0];
                    int[] order = new int[b];
                    for (int k = 0; k < b; k++) {
                        order[k] = range[0] + k;
                    }
                    float[] block = new float[b * dataset.features()];
                    dataset.copyRows(order, 0, b, block);
                    return net == null ? patchRows.rows(block, b)
                            : patchRows.rows(net.forward(block, b, net.layers().size()));
                });
            });
            return ofRows(patches, probe.dimension(), squared, DEFAULT_DEPTH);
        } finally {
            if (weights != null) {
                weights.destroy();
            }
        }
    }

    /** Examples per block of patches, as the local computation batches them. */
    private static final int PATCH_BLOCK = 100;

    private static LowerLayers checkLower(LowerLayers lower, int layers) {
        if (lower == null) {
            throw new IllegalArgumentException("lower must not be null for an activation covariance");
        }
        return lower.first(layers);
    }
}
