package org.paramprediction.train;

import java.util.SplittableRandom;
import org.paramprediction.data.DataSplits;
import org.paramprediction.layer.Network;

/**
 * The training updates of one epoch, wherever they run: {@link Trainer} owns the epochs,
 * evaluation and early stopping; a pass owns the minibatch updates. {@link #LOCAL} runs them in
 * this thread; the Spark module has a data-parallel pass. A pass is opened for one call of {@link
 * Trainer#fit} and closed at its end.
 */
public interface EpochPass extends AutoCloseable {

    /**
     * Updates the network's parameters in place with one epoch of minibatches.
     *
     * @param epoch 1-based
     */
    PassTotals train(int epoch, double learningRate, double momentum);

    @Override
    void close();

    /** Opens a pass over {@code net}; {@code shuffle} is the stream every epoch's shuffle seeds come from. */
    @FunctionalInterface
    interface Factory {
        EpochPass open(Network net, NetworkRecipe recipe, DataSplits data, TrainingConfig cfg,
                SplittableRandom shuffle, int stage);
    }

    /**
     * Single machine: each epoch draws one seed from the shuffle stream, shuffles all training rows
     * with it and runs every minibatch.
     */
    Factory LOCAL = (net, recipe, data, cfg, shuffle, stage) -> {
        MinibatchSgd sgd = new MinibatchSgd(net, data.train(), cfg);
        int n = data.train().size();
        return new EpochPass() {
            @Override
            public PassTotals train(int epoch, double learningRate, double momentum) {
                int[] order = MinibatchSgd.shuffledRows(0, n, shuffle.nextLong());
                return sgd.run(order, 0, sgd.batches(n), learningRate, momentum, stage, epoch);
            }

            @Override
            public void close() {
                sgd.close();
            }
        };
    };
}
