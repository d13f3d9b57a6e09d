package org.paramprediction.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.DataSplits;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.Param;

/**
 * The SGD loop (optionally alternating {@code U} and {@code V} phases, {@link Alternation}, and growing
 * the fraction learned, {@link NetworkGrowth}): each epoch's minibatch updates (by an {@link EpochPass}; locally, minibatches shuffled
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
        return fit(net, recipe, data, cfg, passes, shuffle, stage, earlyStopping, listener, null, null);
    }

    /**
     * As above, with alternating optimisation of {@code U} and {@code V} ({@code alternation}, or
     * null: every parameter learns every epoch) and a growing fraction ({@code growth} over {@code net}
     * and {@code recipe}, or null). When the fraction grows, training goes on in the grown network
     * (a new pass over it; momentum restarts) and the result's {@link FitResult#network()} is the
     * network of the best epoch, with its parameters of that epoch.
     */
    public static FitResult fit(Network net, NetworkRecipe recipe, DataSplits data, TrainingConfig cfg,
            EpochPass.Factory passes, SplittableRandom shuffle, int stage, boolean earlyStopping,
            EpochListener listener, Alternation alternation, NetworkGrowth growth) {
        int n = data.train().size();
        List<EpochMetrics> epochs = new ArrayList<>();
        Network current = net;
        NetworkRecipe currentRecipe = recipe;
        Double fraction = growth == null ? null : growth.fraction();
        List<INDArray> best = null;
        Network bestNet = net;
        NetworkRecipe bestRecipe = recipe;
        Double bestFraction = fraction;
        int bestEpoch = 0;
        double bestValid = Double.POSITIVE_INFINITY;
        double bestTest = Double.NaN;
        Boolean uPhase = null;
        EpochPass pass = passes.open(current, currentRecipe, data, cfg, shuffle, stage);
        try {
            for (int e = 0; e < cfg.maxEpochs(); e++) {
                if (alternation != null && !Boolean.valueOf(alternation.updatesU(e)).equals(uPhase)) {
                    uPhase = alternation.updatesU(e);
                    Alternation.freeze(current, uPhase);
                    for (Param p : current.params()) {
                        p.grad().assign(0); // the velocities: momentum restarts with each phase
                    }
                }
                long start = System.nanoTime();
                double lr = cfg.learningRate(e);
                double momentum = cfg.momentum(e);
                PassTotals t = pass.train(e + 1, lr, momentum);
                double trainSeconds = (System.nanoTime() - start) / 1e9;
                double valid = Evaluator.errorRate(current, data.valid());
                double test = Evaluator.errorRate(current, data.test());
                EpochMetrics m = new EpochMetrics(stage, e + 1, lr, momentum, t.lossSum() / n,
                        (double) t.errors() / n, valid, test, trainSeconds, (System.nanoTime() - start) / 1e9,
                        fraction);
                epochs.add(m);
                listener.onEpoch(m);
                if (!earlyStopping || valid < bestValid || Double.isNaN(valid)) {
                    bestValid = valid;
                    bestTest = test;
                    bestEpoch = e + 1;
                    best = earlyStopping ? snapshot(current.params()) : null;
                    bestNet = current;
                    bestRecipe = currentRecipe;
                    bestFraction = fraction;
                } else if (e + 1 - bestEpoch >= cfg.patience()) {
                    break;
                }
                if (growth != null && growth.due(e + 1, valid, cfg.maxEpochs())) {
                    pass.close();
                    pass = null;
                    current = growth.grow(current);
                    currentRecipe = growth.recipe();
                    fraction = growth.fraction();
                    pass = passes.open(current, currentRecipe, data, cfg, shuffle, stage);
                }
            }
        } finally {
            if (pass != null) {
                pass.close();
            }
            if (alternation != null) {
                Alternation.thaw(current);
            }
        }
        if (best != null && (bestEpoch < epochs.size() || bestNet != current)) {
            List<Param> params = bestNet.params();
            for (int i = 0; i < params.size(); i++) {
                params.get(i).value().assign(best.get(i));
            }
        }
        return growth == null ? new FitResult(epochs, bestEpoch, bestValid, bestTest, current, null, null)
                : new FitResult(epochs, bestEpoch, bestValid, bestTest, bestNet, bestRecipe, bestFraction);
    }

    private static List<INDArray> snapshot(List<Param> params) {
        List<INDArray> copy = new ArrayList<>(params.size());
        for (Param p : params) {
            copy.add(p.value().dup());
        }
        return copy;
    }
}
