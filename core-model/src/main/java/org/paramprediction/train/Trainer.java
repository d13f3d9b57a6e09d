package org.paramprediction.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.DataSplits;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.Param;

/**
 * The SGD loop: each epoch's minibatch updates (by an {@link EpochPass}; locally, minibatches shuffled
 * with a seed drawn from the given random stream), evaluation after each epoch, early stopping on validation error with patience, and
 * restoration of the best epoch's parameters at the end.
 */
public final class Trainer {

    private Trainer() {}

    /**
     * Trains {@code net} in place on this thread.
     *
     * @param stage recorded in the metrics (0 = whole network, k = pre-training stage k)
     * @param earlyStopping false trains exactly {@code cfg.maxEpochs()} and keeps the last epoch
     */
    public static FitResult fit(Network net, DataSplits data, TrainingConfig cfg, SplittableRandom shuffle,
            int stage, boolean earlyStopping, EpochListener listener) {
        return fit(net, null, data, cfg, EpochPass.LOCAL, shuffle, stage, earlyStopping, listener);
    }

    /**
     * Trains {@code net} in place, each epoch's updates run by a pass from {@code passes}; {@code
     * recipe} describes {@code net} for passes that rebuild it elsewhere (may be null for {@link
     * EpochPass#LOCAL}). Evaluation, early stopping and the restoration of the best epoch happen here.
     */
    public static FitResult fit(Network net, NetworkRecipe recipe, DataSplits data, TrainingConfig cfg,
            EpochPass.Factory passes, SplittableRandom shuffle, int stage, boolean earlyStopping,
            EpochListener listener) {
        int n = data.train().size();
        List<Param> params = net.params();
        List<EpochMetrics> epochs = new ArrayList<>();
        List<INDArray> best = null;
        int bestEpoch = 0;
        double bestValid = Double.POSITIVE_INFINITY;
        double bestTest = Double.NaN;
        try (EpochPass pass = passes.open(net, recipe, data, cfg, shuffle, stage)) {
            for (int e = 0; e < cfg.maxEpochs(); e++) {
                long start = System.nanoTime();
                double lr = cfg.learningRate(e);
                double momentum = cfg.momentum(e);
                PassTotals t = pass.train(e + 1, lr, momentum);
                double trainSeconds = (System.nanoTime() - start) / 1e9;
                double valid = Evaluator.errorRate(net, data.valid());
                double test = Evaluator.errorRate(net, data.test());
                EpochMetrics m = new EpochMetrics(stage, e + 1, lr, momentum, t.lossSum() / n,
                        (double) t.errors() / n, valid, test, trainSeconds, (System.nanoTime() - start) / 1e9);
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
}
