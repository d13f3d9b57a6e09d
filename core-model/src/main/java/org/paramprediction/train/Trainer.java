package org.paramprediction.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Dataset;
import org.paramprediction.layer.BatchLoss;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.Param;

/**
 * The SGD loop: shuffled minibatches (Fisher-Yates from the given random stream), an update per
 * minibatch, evaluation after each epoch, early stopping on validation error with patience, and
 * restoration of the best epoch's parameters at the end.
 */
public final class Trainer {

    private Trainer() {}

    /**
     * Trains {@code net} in place.
     *
     * @param stage recorded in the metrics (0 = whole network, k = pre-training stage k)
     * @param earlyStopping false trains exactly {@code cfg.maxEpochs()} and keeps the last epoch
     */
    public static FitResult fit(Network net, DataSplits data, TrainingConfig cfg, SplittableRandom shuffle,
            int stage, boolean earlyStopping, EpochListener listener) {
        Dataset train = data.train();
        int n = train.size();
        int features = train.features();
        int batch = Math.min(cfg.batchSize(), n);
        int[] order = Dataset.identityOrder(n);
        float[] rows = new float[batch * features];
        int[] labels = new int[batch];
        List<Param> params = net.params();
        SgdMomentum sgd = new SgdMomentum(params);
        List<EpochMetrics> epochs = new ArrayList<>();
        List<INDArray> best = null;
        int bestEpoch = 0;
        double bestValid = Double.POSITIVE_INFINITY;
        double bestTest = Double.NaN;
        try {
            for (int e = 0; e < cfg.maxEpochs(); e++) {
                long start = System.nanoTime();
                shuffle(order, shuffle);
                double lr = cfg.learningRate(e);
                double momentum = cfg.momentum(e);
                double lossSum = 0;
                long errors = 0;
                for (int from = 0; from < n; from += batch) {
                    int to = Math.min(n, from + batch);
                    train.copyRows(order, from, to, rows);
                    for (int i = from; i < to; i++) {
                        labels[i - from] = train.label(order[i]);
                    }
                    sgd.prepare(lr, momentum);
                    BatchLoss b = net.trainStep(rows, labels, to - from);
                    if (!Double.isFinite(b.lossSum())) {
                        throw new DivergenceException("training loss became " + b.lossSum() + " in stage " + stage
                                + ", epoch " + (e + 1) + ", rows " + from + ".." + to + " (learning rate " + lr + ")");
                    }
                    lossSum += b.lossSum();
                    errors += b.errors();
                    sgd.step(lr, cfg.weightDecay());
                    if (cfg.maxColumnNorm() > 0) {
                        net.output().applyMaxColumnNorm(cfg.maxColumnNorm());
                    }
                }
                double trainSeconds = (System.nanoTime() - start) / 1e9;
                double valid = Evaluator.errorRate(net, data.valid());
                double test = Evaluator.errorRate(net, data.test());
                EpochMetrics m = new EpochMetrics(stage, e + 1, lr, momentum, lossSum / n, (double) errors / n,
                        valid, test, trainSeconds, (System.nanoTime() - start) / 1e9);
                epochs.add(m);
                listener.onEpoch(m);
                if (!earlyStopping || valid < bestValid || Double.isNaN(valid)) {
                    bestValid = valid;
                    bestTest = test;
                    bestEpoch = e + 1;
                    best = earlyStopping ? snapshot(params) : null;
                } else if (e + 1 - bestEpoch >= cfg.patience()) {
                    break;
                }
            }
        } finally {
            sgd.release();
        }
        if (best != null && bestEpoch < epochs.size()) {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).value().assign(best.get(i));
            }
        }
        return new FitResult(epochs, bestEpoch, bestValid, bestTest);
    }

    private static List<INDArray> snapshot(List<Param> params) {
        List<INDArray> copy = new ArrayList<>(params.size());
        for (Param p : params) {
            copy.add(p.value().dup());
        }
        return copy;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
