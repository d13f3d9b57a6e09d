package org.paramprediction.covariance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.paramprediction.data.Dataset;

/**
 * RDDs of row blocks of a dataset that lives on the executors. The RDD itself holds only block
 * ranges {@code int[]{from, to}} (a few bytes each); a partition obtains the dataset once through a
 * {@link DatasetSupplier} and converts each range to a row-major {@code float[]} only when the
 * consumer asks for it, so a partition holds one block at a time.
 */
public final class RowBlocks {

    /** Default rows per block: 1024 rows of 784 pixels are 3.2 MB of floats. */
    public static final int DEFAULT_ROWS_PER_BLOCK = 1024;

    private RowBlocks() {}

    /**
     * Consecutive ranges {@code [from, to)} of at most {@code rowsPerBlock} rows covering
     * {@code [0, rows)}, spread in order over {@code partitions} partitions.
     */
    public static JavaRDD<int[]> ranges(JavaSparkContext sc, int rows, int rowsPerBlock, int partitions) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0 but was " + rows);
        }
        checkLayout(rowsPerBlock, partitions);
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < rows; from += rowsPerBlock) {
            ranges.add(new int[] {from, (int) Math.min(rows, (long) from + rowsPerBlock)});
        }
        return sc.parallelize(ranges, partitions);
    }

    /**
     * Blocks of the supplied dataset: row-major {@code float[]} of {@code (to - from) *
     * shape.features()} values each, in row order.
     *
     * @param shape the dataset's shape (see {@link DatasetShape#probe}); each partition checks it
     */
    public static JavaRDD<float[]> blocks(
            JavaSparkContext sc, DatasetSupplier data, DatasetShape shape, int rowsPerBlock, int partitions) {
        if (data == null) {
            throw new IllegalArgumentException("data (DatasetSupplier) must not be null");
        }
        checkLayout(rowsPerBlock, partitions);
        return ranges(sc, shape.rows(), rowsPerBlock, partitions).mapPartitions(it -> {
            Dataset dataset = data.get();
            shape.check(dataset, "partition " + TaskContext.getPartitionId());
            return copying(dataset, it);
        });
    }

    /** {@link #blocks} with {@link #DEFAULT_ROWS_PER_BLOCK}; probes the shape with one small task. */
    public static JavaRDD<float[]> blocks(JavaSparkContext sc, DatasetSupplier data, int partitions) {
        return blocks(sc, data, DatasetShape.probe(sc, data), DEFAULT_ROWS_PER_BLOCK, partitions);
    }

    static void checkLayout(int rowsPerBlock, int partitions) {
        if (rowsPerBlock < 1) {
            throw new IllegalArgumentException("rowsPerBlock must be >= 1 but was " + rowsPerBlock);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 but was " + partitions);
        }
    }

    /** Converts each range to a fresh block when it is asked for (lazy, one block at a time). */
    private static Iterator<float[]> copying(Dataset dataset, Iterator<int[]> ranges) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ranges.hasNext();
            }

            @Override
            public float[] next() {
                int[] range = ranges.next();
                int[] rows = new int[range[1] - range[0]];
                for (int k = 0; k < rows.length; k++) {
                    rows[k] = range[0] + k;
                }
                float[] block = new float[rows.length * dataset.features()];
                dataset.copyRows(rows, 0, rows.length, block);
                return block;
            }
        };
    }
}
