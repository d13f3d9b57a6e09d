package org.paramprediction.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
        return fit(net, recipe, data, cfg, passes, shuffle, stage, earlyStopping, listener, alternation, growth, null,
                cfg.maxEpochs());
    }

    /**
     * As above, continuing from {@code from} (a fit paused earlier, or null to start at epoch 1) and
     * pausing after epoch {@code pauseAfter} (1-based; {@code >= cfg.maxEpochs()} runs to the end) unless
     * training ends before. A paused result carries the optimizer state ({@link FitResult#paused()}) and
     * leaves the last epoch's parameters in {@code net}; continuing from it gives exactly the result of a
     * fit without the pause. When continuing, {@code net} must be built as before and {@code shuffle}
     * must have given the draws of the epochs already trained; the velocities and alternation phase are
     * restored once the pass is open. Not with a growing fraction.
     */
    public static FitResult fit(Network net, NetworkRecipe recipe, DataSplits data, TrainingConfig cfg,
            EpochPass.Factory passes, SplittableRandom shuffle, int stage, boolean earlyStopping,
            EpochListener listener, Alternation alternation, NetworkGrowth growth, TrainingCheckpoint from,
            int pauseAfter) {
        boolean segmented = from != null || pauseAfter < cfg.maxEpochs();
        if (segmented && (growth != null || stage != 0 || !earlyStopping)) {
            throw new IllegalArgumentException("only the final training (stage 0, early stopping) of a network whose "
                    + "fraction does not grow can pause and continue");
        }
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
        int first = 0;
        EpochPass pass = passes.open(current, currentRecipe, data, cfg, shuffle, stage);
        try {
            if (from != null) {
                epochs.addAll(from.epochs().stream().filter(m -> m.stage() == 0).toList());
                first = epochs.size();
                bestEpoch = from.bestEpoch();
                bestValid = from.bestValidError();
                bestTest = from.bestTestError();
                TrainingCheckpoint.restore(from.values(), net.params(), false);
                // no copy in the checkpoint: the best epoch is the last one trained, whose parameters these are
                best = from.best() == null ? snapshot(net.params()) : arrays(from.best(), net.params());
                TrainingCheckpoint.restore(from.velocities(), net.params(), true); // after open(), which zeroes them
                uPhase = from.uPhase();
                if (uPhase != null) {
                    Alternation.freeze(current, uPhase);
                }
            }
            for (int e = first; e < cfg.maxEpochs(); e++) {
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
                if (e + 1 == pauseAfter && e + 1 < cfg.maxEpochs()) {
                    List<double[]> bestArrays = best == null || bestEpoch == e + 1 ? null : doubles(best);
                    return new FitResult(epochs, bestEpoch, bestValid, bestTest, current, null, null,
                            new FitResult.Paused(TrainingCheckpoint.copy(current.params(), false),
                                    TrainingCheckpoint.copy(current.params(), true), bestArrays, uPhase));
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
        return growth == null ? new FitResult(epochs, bestEpoch, bestValid, bestTest, current, null, null, null)
                : new FitResult(epochs, bestEpoch, bestValid, bestTest, bestNet, bestRecipe, bestFraction, null);
    }

    /** The best-epoch copies of a checkpoint as arrays shaped like {@code params}. */
    private static List<INDArray> arrays(List<double[]> values, List<Param> params) {
        List<INDArray> out = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            INDArray v = params.get(i).value();
            out.add(Nd4j.create(values.get(i), v.shape(), 'c').castTo(v.dataType()));
        }
        return out;
    }

    private static List<double[]> doubles(List<INDArray> arrays) {
        List<double[]> out = new ArrayList<>(arrays.size());
        for (INDArray a : arrays) {
            out.add(a.dup('c').data().asDouble());
        }
        return out;
    }

    private static List<INDArray> snapshot(List<Param> params) {
        List<INDArray> copy = new ArrayList<>(params.size());
        for (Param p : params) {
            copy.add(p.value().dup());
        }
        return copy;
    }
}
