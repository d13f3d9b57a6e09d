package org.paramprediction.columns;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.paramprediction.data.DataSplits;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.HiddenLayer;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.SoftmaxOutputLayer;
import org.paramprediction.stats.Covariance;
import org.paramprediction.train.EpochListener;
import org.paramprediction.train.FitResult;
import org.paramprediction.train.Trainer;
import org.paramprediction.train.TrainingConfig;

/**
 * Trains column {@code j} of one hidden layer as its own network and packages only its learned
 * values as a {@link ColumnOutcome}: the body of a column task.
 *
 * <p>{@link #train}: rebuilds {@code U_j} from its recipe (with the covariance when the dictionary
 * needs one); takes the column's train and valid inputs; builds {@code [column j: units units] ->
 * softmax}; initialises it from {@code new SplittableRandom(seed)} (first split: the column's
 * {@code V_j} then its head; second split: shuffling); trains it with {@link Trainer#fit} and early
 * stopping on validation; and returns {@code V_j}, the bias, the recipe, the hash of {@code U_j} and
 * the best validation error (plus the head when asked). Everything is a function of the inputs, so
 * a retried task returns the same values.
 */
public final class ColumnTrainer {

    private final int layer;
    private final Activation activation;
    private final int classes;
    private final TrainingConfig training;
    private final boolean returnHead;

    /**
     * @param layer      the hidden layer, 0-based (its 1-based number is the stage of the epochs)
     * @param returnHead whether the outcome carries the column's softmax head
     */
    public ColumnTrainer(int layer, Activation activation, int classes, TrainingConfig training,
            boolean returnHead) {
        this.layer = layer;
        this.activation = activation;
        this.classes = classes;
        this.training = training;
        this.returnHead = returnHead;
    }

    /**
     * Column {@code column} with {@code units} units over the dictionary of {@code recipe}.
     *
     * @param covariance the layer inputs' covariance, or null when the dictionary needs none
     * @param inputs     the column's train/valid inputs (the rows, or the lower layers' activations
     *                   of them), asked for once, after {@code U_j} is rebuilt; its time counts in
     *                   {@link ColumnOutcome#seconds()}
     */
    public ColumnOutcome train(int column, DictionaryRecipe recipe, int units, long seed, Covariance covariance,
            Supplier<DataSplits> inputs) {
        long start = System.nanoTime();
        Dictionary d = DictionaryBuilder.build(recipe, covariance);
        DataSplits data = inputs.get();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom init = root.split();
        SplittableRandom shuffle = root.split();
        HiddenLayer hidden = ColumnAssembler.columnLayer(d, units, activation, false);
        hidden.map().initialize(init, activation.initVariance(d.inputs()));
        SoftmaxOutputLayer head = new SoftmaxOutputLayer(units, classes, ColumnAssembler.DTYPE);
        head.initialize(init);
        Network net = new Network(List.of(hidden), head, ColumnAssembler.DTYPE);
        FitResult fit = Trainer.fit(net, data, training, shuffle, layer + 1, true, EpochListener.NONE);
        float[] v = ColumnAssembler.columnMajor(ColumnAssembler.learned(hidden.map()));
        float[] bias = ColumnAssembler.columnMajor(hidden.bias().value());
        float[] headW = returnHead ? ColumnAssembler.columnMajor(head.params().get(0).value()) : null;
        float[] headB = returnHead ? ColumnAssembler.columnMajor(head.params().get(1).value()) : null;
        return new ColumnOutcome(layer, column, recipe, d.sha256(), v.length / units, units, v, bias, headW, headB,
                fit.bestValidError(), fit.bestEpoch(), fit.epochs().size(), (System.nanoTime() - start) / 1e9);
    }
}
