package org.paramprediction.columns;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.DataSplits;
import org.paramprediction.layer.HiddenLayer;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.Param;
import org.paramprediction.layer.SoftmaxOutputLayer;
import org.paramprediction.train.Activations;
import org.paramprediction.train.EpochListener;
import org.paramprediction.train.EpochMetrics;
import org.paramprediction.train.Evaluator;
import org.paramprediction.train.FitResult;
import org.paramprediction.train.Trainer;
import org.paramprediction.train.TrainingConfig;

/**
 * The last step of training columns as tasks, on the driver: puts the head on the assembled
 * layers, measures it, and fine-tunes for {@link ColumnFineTune#epochs()} epochs with early
 * stopping, continuing the column tasks' learning-rate schedule ({@link #continued}). {@link
 * ColumnFineTuneScope#OUTPUT_LAYER} trains a network with no hidden layers on the top activations
 * (computed once), sharing the head's arrays; {@link ColumnFineTuneScope#ALL_LAYERS} trains the
 * whole assembled network. If the result validates worse than the starting point, the starting
 * parameters are restored.
 */
public final class ColumnFineTuning {

    /** The fine-tuned network and its errors before and after. */
    public record Outcome(Network network, double validBefore, double testBefore, double validAfter, double testAfter,
            boolean kept, List<EpochMetrics> epochs, double seconds) {}

    private ColumnFineTuning() {}

    /**
     * Fine-tunes {@code layers} under {@code head} on {@code data} as {@code ft} says.
     *
     * @param training the column tasks' settings, whose schedule the fine-tuning continues
     * @param shuffle  orders the fine-tuning's minibatches
     * @param listener called after every fine-tuning epoch
     */
    public static Outcome run(List<HiddenLayer> layers, SoftmaxOutputLayer head, DataSplits data,
            TrainingConfig training, ColumnFineTune ft, SplittableRandom shuffle, EpochListener listener) {
        long start = System.nanoTime();
        Network net = new Network(layers, head, ColumnAssembler.DTYPE);
        double validBefore = Evaluator.errorRate(net, data.valid());
        double testBefore = Evaluator.errorRate(net, data.test());
        if (ft.epochs() == 0) {
            return new Outcome(net, validBefore, testBefore, validBefore, testBefore, false, List.of(), 0);
        }
        List<INDArray> before = snapshot(net.params());
        TrainingConfig cfg = continued(training, ft.epochs());
        FitResult fit;
        if (ft.scope() == ColumnFineTuneScope.OUTPUT_LAYER) {
            DataSplits top = new Activations(net, net.layers().size()).all(data);
            Network classifier = new Network(List.of(), head, ColumnAssembler.DTYPE);
            fit = Trainer.fit(classifier, top, cfg, shuffle, 0, true, listener);
        } else {
            fit = Trainer.fit(net, data, cfg, shuffle, 0, true, listener);
        }
        double validAfter = Evaluator.errorRate(net, data.valid());
        boolean kept = !(validAfter > validBefore);
        if (!kept) {
            restore(net.params(), before);
            validAfter = validBefore;
        }
        double testAfter = kept ? Evaluator.errorRate(net, data.test()) : testBefore;
        return new Outcome(net, validBefore, testBefore, validAfter, testAfter, kept, fit.epochs(),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The column tasks' schedule continued: fine-tuning starts at the learning rate of epoch {@code
     * maxEpochs} (what a column would have used next) and decays from there; momentum ramps again.
     */
    static TrainingConfig continued(TrainingConfig training, int epochs) {
        return training.withLearningRate(training.learningRate(training.maxEpochs())).withMaxEpochs(epochs);
    }

    private static List<INDArray> snapshot(List<Param> params) {
        List<INDArray> copy = new ArrayList<>(params.size());
        for (Param p : params) {
            copy.add(p.value().dup());
        }
        return copy;
    }

    private static void restore(List<Param> params, List<INDArray> values) {
        for (int i = 0; i < params.size(); i++) {
            params.get(i).value().assign(values.get(i));
        }
    }
}
