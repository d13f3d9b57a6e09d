package org.paramprediction.train;

import java.util.List;
import java.util.SplittableRandom;
import org.paramprediction.data.Dataset;
import org.paramprediction.layer.BatchLoss;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.Param;

/**
 * The minibatch updates of SGD with momentum on one network: the inner loop that the
 * single-machine {@link Trainer} runs over the whole training set and that each worker of the
 * distributed trainer runs over its shard. One code path, so one partition with one step per round
 * reproduces single-machine training bit for bit.
 *
 * <p>The momentum velocity of each parameter lives in its gradient buffer ({@link SgdMomentum}); it
 * starts at zero and persists across calls of {@link #run}. Not thread-safe; reuses its buffers.
 */
public final class MinibatchSgd implements AutoCloseable {

    private final Network net;
    private final Dataset train;
    private final TrainingConfig cfg;
    private final int batch;
    private final float[] rows;
    private final int[] labels;
    private final List<Param> params;
    private final SgdMomentum sgd;

    public MinibatchSgd(Network net, Dataset train, TrainingConfig cfg) {
        this.net = net;
        this.train = train;
        this.cfg = cfg;
        this.batch = Math.min(cfg.batchSize(), train.size());
        this.rows = new float[batch * train.features()];
        this.labels = new int[batch];
        this.params = net.params();
        this.sgd = new SgdMomentum(params);
    }

    /**
     * Rows {@code from .. to-1} in a random order: Fisher-Yates with {@code new
     * SplittableRandom(seed)}. Every epoch's order comes from one recorded seed.
     */
    public static int[] shuffledRows(int from, int to, long seed) {
        int[] order = new int[to - from];
        for (int i = 0; i < order.length; i++) {
            order[i] = from + i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    public int batchSize() {
        return batch;
    }

    /** Minibatches needed for {@code rows} rows (the last one may be short). */
    public int batches(int rows) {
        return (rows + batch - 1) / batch;
    }

    /** The parameters in {@link Network#params()} order; their gradient buffers hold the velocities. */
    public List<Param> params() {
        return params;
    }

    /**
     * Runs minibatches {@code first .. end-1} of {@code order} (batch {@code k} = rows {@code order[k
     * B .. (k+1) B)}): for each, forward and backward with the momentum step fused in and each
     * parameter's update (weight decay, {@code w += v}) right after its gradient, then the output
     * layer's column-norm cap. A non-finite loss stops before anything is updated; an interrupted
     * thread stops before the next minibatch ({@link TrainingInterrupted}).
     *
     * @param stage, epoch (1-based) only for the message of a {@link DivergenceException}
     */
    public PassTotals run(int[] order, int first, int end, double learningRate, double momentum, int stage,
            int epoch) {
        double lossSum = 0;
        long errors = 0;
        long examples = 0;
        for (int k = first; k < end; k++) {
            if (Thread.currentThread().isInterrupted()) { // a volatile read per minibatch
                throw new TrainingInterrupted("stage " + stage + ", epoch " + epoch + ", minibatch " + (k + 1));
            }
            int from = k * batch;
            int to = Math.min(order.length, from + batch);
            train.copyRows(order, from, to, rows);
            for (int i = from; i < to; i++) {
                labels[i - from] = train.label(order[i]);
            }
            sgd.prepare(learningRate, momentum, cfg.weightDecay());
            BatchLoss b = net.trainStep(rows, labels, to - from, sgd); // updates each parameter in backward
            if (!Double.isFinite(b.lossSum())) {
                throw new DivergenceException("training loss became " + b.lossSum() + " in stage " + stage
                        + ", epoch " + epoch + ", rows " + from + ".." + to + " (learning rate " + learningRate + ")");
            }
            lossSum += b.lossSum();
            errors += b.errors();
            examples += to - from;
            if (cfg.maxColumnNorm() > 0) {
                net.output().applyMaxColumnNorm(cfg.maxColumnNorm());
            }
        }
        return new PassTotals(lossSum, errors, examples);
    }

    /** Gradient buffers hold plain gradients again. */
    @Override
    public void close() {
        sgd.release();
    }
}
