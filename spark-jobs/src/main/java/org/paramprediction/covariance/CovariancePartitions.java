package org.paramprediction.covariance;

/**
 * How many partitions a covariance job cuts its rows into: a function of the number of rows only,
 * never of the cluster (its task slots or {@code spark.default.parallelism}).
 *
 * <p>The partition count decides which rows each partial accumulator holds and the shape of the
 * merge tree, and floating-point merges are not associative: with a count that followed the slot
 * count, the same trial would get a covariance that differs in the last bits on another cluster, so
 * a different covariance id and a different {@code U}. With this rule the covariance, its id and
 * every recipe that names it are the same on a laptop and on a cluster (for the same CPU/BLAS
 * kernel).
 *
 * <p>{@code partitions(rows) = max(1, ceil(rows / rowsPerPartition))}: {@value #ROWS_PER_PARTITION}
 * rows (16 blocks of {@value RowBlocks#DEFAULT_ROWS_PER_BLOCK}) for rows of pixels or activations,
 * 4 partitions for Fashion-MNIST's 50,000 training rows; {@value #IMAGES_PER_PATCH_PARTITION} images
 * for conv patches (each image gives one row per position), 4 partitions for the
 * {@link org.paramprediction.train.PatchRows#IMAGES} images patch covariances use.
 */
public final class CovariancePartitions {

    /** Rows of pixels or activations per partition. */
    public static final int ROWS_PER_PARTITION = 16 * RowBlocks.DEFAULT_ROWS_PER_BLOCK;

    /** Images per partition of a patch covariance. */
    public static final int IMAGES_PER_PATCH_PARTITION = 1250;

    private CovariancePartitions() {}

    /** Partitions of a covariance over {@code rows} rows of pixels or activations. */
    public static int forRows(int rows) {
        return ceilDiv(rows, ROWS_PER_PARTITION, "rows");
    }

    /** Partitions of a patch covariance over the patches of {@code images} images. */
    public static int forPatchImages(int images) {
        return ceilDiv(images, IMAGES_PER_PATCH_PARTITION, "images");
    }

    private static int ceilDiv(int n, int per, String what) {
        if (n < 0) {
            throw new IllegalArgumentException(what + " must be >= 0 but was " + n);
        }
        return (int) Math.max(1, ((long) n + per - 1) / per);
    }
}
