package org.paramprediction.distributed;

import java.io.Serializable;

/**
 * One round's broadcast: the encoded dynamic parameters (and velocities), and which minibatches of
 * which epoch each worker runs, with each partition's shuffle seed for that epoch.
 */
final class RoundTask implements Serializable {

    private static final long serialVersionUID = 1L;

    final byte[] message;
    final int epoch;
    final int firstBatch;
    final int endBatch;
    final double learningRate;
    final double momentum;
    final long[] shardSeeds;

    RoundTask(byte[] message, int epoch, int firstBatch, int endBatch, double learningRate, double momentum,
            long[] shardSeeds) {
        this.message = message;
        this.epoch = epoch;
        this.firstBatch = firstBatch;
        this.endBatch = endBatch;
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.shardSeeds = shardSeeds;
    }
}
