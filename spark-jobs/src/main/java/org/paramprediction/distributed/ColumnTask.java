package org.paramprediction.distributed;

import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.columns.ColumnOutcome;
import org.paramprediction.columns.ColumnTrainer;
import org.paramprediction.covariance.LowerLayers;
import org.paramprediction.data.DataSplits;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.Activation;
import org.paramprediction.stats.Covariance;
import org.paramprediction.train.Activations;
import org.paramprediction.train.TrainingConfig;

/**
 * Executor side of {@link ColumnTraining}: the Spark function of column {@code j} of one hidden
 * layer. On one BLAS thread, it unwraps the broadcasts and has {@link ColumnTrainer} train the
 * column on the driver's splits as the broadcast frozen lower layers map them (the rows themselves
 * for layer 1), from {@code recipes[j]} and {@code seeds[j]}; only the {@link ColumnOutcome} comes
 * back. Everything is a function of the task's inputs, so a retried task returns the same values.
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
        int j = column;
        ColumnTrainer trainer = new ColumnTrainer(layer, activation, classes, training, returnHead);
        return trainer.train(j, recipes[j], units[j], seeds[j], covariance == null ? null : covariance.value(),
                () -> inputs(splits.get()));
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
