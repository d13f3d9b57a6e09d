package org.paramprediction.distributed;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.covariance.LowerLayers;
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
import org.paramprediction.train.Activations;
import org.paramprediction.train.Trainer;
import org.paramprediction.train.TrainingConfig;

/**
 * Executor side of {@link ColumnTraining}: trains column {@code j} of one hidden layer as its own
 * network and returns only its learned values.
 *
 * <p>Task {@code j}, on one BLAS thread: rebuilds {@code U_j} from {@code recipes[j]} (with the
 * broadcast covariance when the dictionary needs one); maps the train and valid rows through the
 * broadcast frozen lower layers (none for layer 1); builds {@code [column j: units_j units] ->
 * softmax}; initialises it from {@code new SplittableRandom(seeds[j])} (first split: the column's
 * {@code V_j} then its head; second split: shuffling); trains it with {@link Trainer#fit} and
 * early stopping on validation; and returns {@code V_j}, the bias, the recipe, the hash of
 * {@code U_j} and the best validation error (plus the head when asked). Everything is a function
 * of the task's inputs, so a retried task returns the same values.
 */
final class ColumnTask implements Function<Integer, ColumnOutcome> {

    private static final long serialVersionUID = 1L;

    private final int layer;
    private final DictionaryRecipe[] recipes;
    private final int[] units;
    private final long[] seeds;
    private final Activation activation;
    private final int classes;
    private final TrainingConfig training;
    private final ColumnSplits splits;
    private final Broadcast<Covariance> covariance;
    private final Broadcast<LowerLayers> lower;
    private final int trainRows;
    private final int validRows;
    private final boolean returnHead;

    /**
     * @param covariance the layer inputs' covariance, or null when the dictionary needs none
     * @param lower      layers {@code 1..layer} as trained and assembled, or null for layer 0
     * @param trainRows  the driver's train size, checked against what the task loads (valid likewise)
     */
    ColumnTask(int layer, List<DictionaryRecipe> recipes, int[] units, long[] seeds, Activation activation,
            int classes, TrainingConfig training, ColumnSplits splits,
            Broadcast<Covariance> covariance, Broadcast<LowerLayers> lower,
            int trainRows, int validRows, boolean returnHead) {
        if (recipes.size() != units.length || units.length != seeds.length) {
            throw new IllegalArgumentException("recipes, units and seeds must have one entry per column but had "
                    + recipes.size() + ", " + units.length + ", " + seeds.length);
        }
        this.layer = layer;
        this.recipes = recipes.toArray(new DictionaryRecipe[0]);
        this.units = units.clone();
        this.seeds = seeds.clone();
        this.activation = activation;
        this.classes = classes;
        this.training = training;
        this.splits = splits;
        this.covariance = covariance;
        this.lower = lower;
        this.trainRows = trainRows;
        this.validRows = validRows;
        this.returnHead = returnHead;
    }

    @Override
    public ColumnOutcome call(Integer column) {
        Nd4j.factory().blas().setMaxThreads(1);
        long start = System.nanoTime();
        int j = column;
        Dictionary d = DictionaryBuilder.build(recipes[j], covariance == null ? null : covariance.value());
        DataSplits inputs = inputs(splits.get());
        SplittableRandom root = new SplittableRandom(seeds[j]);
        SplittableRandom init = root.split();
        SplittableRandom shuffle = root.split();
        HiddenLayer hidden = ColumnAssembler.columnLayer(d, units[j], activation, false);
        hidden.map().initialize(init, activation.initVariance(d.inputs()));
        SoftmaxOutputLayer head = new SoftmaxOutputLayer(units[j], classes, ColumnAssembler.DTYPE);
        head.initialize(init);
        Network net = new Network(List.of(hidden), head, ColumnAssembler.DTYPE);
        FitResult fit = Trainer.fit(net, inputs, training, shuffle, layer + 1, true, EpochListener.NONE);
        float[] v = ColumnAssembler.columnMajor(ColumnAssembler.learned(hidden.map()));
        float[] bias = ColumnAssembler.columnMajor(hidden.bias().value());
        float[] headW = returnHead ? ColumnAssembler.columnMajor(head.params().get(0).value()) : null;
        float[] headB = returnHead ? ColumnAssembler.columnMajor(head.params().get(1).value()) : null;
        return new ColumnOutcome(layer, j, recipes[j], d.sha256(), v.length / units[j], units[j], v, bias,
                headW, headB, fit.bestValidError(), fit.bestEpoch(), fit.epochs().size(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The column's train/valid inputs: the rows themselves for layer 0, else the lower layers' activations. */
    private DataSplits inputs(DataSplits data) {
        if (data.train().size() != trainRows || data.valid().size() != validRows) {
            throw new IllegalStateException("column task of layer " + (layer + 1) + " loaded " + data.train().size()
                    + " train / " + data.valid().size() + " valid rows but the driver has " + trainRows + " / "
                    + validRows + ": the task's ColumnSplits must give the driver's splits");
        }
        if (lower == null) {
            return new DataSplits(data.train(), data.valid(), data.valid().slice(0, 0));
        }
        LowerLayers frozen = lower.value();
        return Activations.of(frozen.layers()).trainValid(data);
    }
}
