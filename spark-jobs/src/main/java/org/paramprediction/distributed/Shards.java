package org.paramprediction.distributed;

/** Contiguous shards of the training rows: partition {@code p} of {@code P} holds rows {@code [p n / P, (p+1) n / P)}. */
final class Shards {

    private Shards() {}

    static int from(int rows, int partitions, int p) {
        return (int) ((long) p * rows / partitions);
    }

    static int to(int rows, int partitions, int p) {
        return (int) ((long) (p + 1) * rows / partitions);
    }
}
