package org.paramprediction.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Shape;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.Layer;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.WeightedLayer;
import org.paramprediction.stats.Covariance;

/**
 * Builds and trains a network from a {@link ModelSpec}, layer by layer, with all randomness drawn
 * from one seed.
 *
 * <p>Procedure. From {@code new SplittableRandom(seed)} draw, in order: one dictionary seed per
 * (layer, column), then a stream for initialisation and a stream for shuffling. Then for each hidden
 * layer {@code l = 1..L}:
 *
 * <ol>
 *   <li>if its dictionary needs the covariance of its inputs (empirical kernel, PCA) and {@code l >=
 *       2}: <b>stage l-1</b> trains layers {@code 1..l-1} (as built so far) under a fresh softmax head
 *       for {@code stageEpochs} epochs, without early stopping;
 *   <li>the covariance of the layer's inputs over the training set is computed (pixels for {@code l =
 *       1}, else the activations of the trained layers {@code 1..l-1});
 *   <li>the layer's recipes are made (covariance id included) and its dictionaries built; its
 *       learned arrays are initialised (He/LeCun variance for the predicted {@code W}).
 * </ol>
 *
 * Finally a fresh softmax head is put on top and the whole network is trained with early stopping
 * (stage 0). Lower layers keep the weights of their pre-training stage as a starting point, so the
 * covariance a dictionary was built from describes the features it starts with.
 */
public final class StagedTraining {

    private StagedTraining() {}

    public static TrainingResult run(ModelSpec spec, TrainingConfig cfg, DataSplits data,
            CovarianceSource covariances, long seed, DataType dtype, EpochListener listener) {
        return run(spec, cfg, data, covariances, seed, dtype, listener, EpochPass.LOCAL);
    }

    /**
     * As above, with every stage's epochs run by passes from {@code passes} (e.g. data-parallel on a
     * cluster); the result is identical to the local run when a pass reproduces local SGD exactly.
     */
    public static TrainingResult run(ModelSpec spec, TrainingConfig cfg, DataSplits data,
            CovarianceSource covariances, long seed, DataType dtype, EpochListener listener,
            EpochPass.Factory passes) {
        return run(spec, cfg, data, covariances, seed, dtype, listener, passes, null, null);
    }

    /**
     * As above, in this thread, with alternating optimisation of {@code U} and {@code V} in every
     * stage ({@code alternation}: every factored layer learns its {@code U}, starting from its
     * dictionary) and/or a fraction that grows during the final training ({@code growth}, from the
     * factored layers' fraction); either may be null. The result's network, recipes, counts and
     * dead units are those of the kept (best validation epoch's) network.
     */
    public static TrainingResult run(ModelSpec spec, TrainingConfig cfg, DataSplits data,
            CovarianceSource covariances, long seed, DataType dtype, EpochListener listener,
            Alternation alternation, Growth growth) {
        return run(spec, cfg, data, covariances, seed, dtype, listener, EpochPass.LOCAL, alternation, growth);
    }

    private static TrainingResult run(ModelSpec spec, TrainingConfig cfg, DataSplits data,
            CovarianceSource covariances, long seed, DataType dtype, EpochListener listener,
            EpochPass.Factory passes, Alternation alternation, Growth growth) {
        if (alternation != null && growth != null) {
            throw new IllegalArgumentException("alternating optimisation learns U, a growing fraction rebuilds U from"
                    + " its recipe: use one of the two");
        }
        long start = System.nanoTime();
        SplittableRandom root = new SplittableRandom(seed);
        int layers = spec.hidden().size();
        long[][] dictSeeds = NetworkBuilder.dictionarySeeds(spec, root);
        SplittableRandom init = root.split();
        SplittableRandom shuffle = root.split();
        List<Layer> built = new ArrayList<>();
        List<List<DictionaryRecipe>> recipes = new ArrayList<>();
        List<EpochMetrics> epochs = new ArrayList<>();
        List<NetworkRecipe.Layer> recipeLayers = new ArrayList<>();
        List<Covariance> covs = new ArrayList<>();
        int[] excluded = new int[layers];
        Shape shape = spec.inputShape();
        for (int l = 0; l < layers; l++) {
            LayerSpec ls = spec.hidden().get(l);
            DictionarySpec ds = ls.dictionary();
            int inputs = shape.features();
            Covariance cov = null;
            if (ds.needsCovariance()) {
                Network lower = null;
                if (l > 0) {
                    lower = new Network(spec.inputShape(), built,
                            NetworkBuilder.head(inputs, spec.classes(), dtype, init), dtype);
                    TrainingConfig stageCfg = cfg.withMaxEpochs(cfg.stageEpochs());
                    NetworkRecipe lowerRecipe = new NetworkRecipe(spec.inputShape(), recipeLayers, spec.classes(), covs);
                    epochs.addAll(Trainer.fit(lower, lowerRecipe, data, stageCfg, passes, shuffle, l, false, listener,
                            alternation, null).epochs());
                }
                cov = ls.isConv() ? covariances.patchCovariance(lower, l, ls.conv(), shape, ds.squaredCovariance())
                        : covariances.covariance(lower, l, ds.squaredCovariance());
                covs.add(cov);
            }
            List<DictionaryRecipe> layerRecipes = ds.recipes(spec.layerInputs(l), spec.layerGridRows(l),
                    spec.layerGridCols(l), dictSeeds[l], cov == null ? null : cov.id());
            List<Dictionary> dicts = new ArrayList<>();
            for (DictionaryRecipe r : layerRecipes) {
                Dictionary d = DictionaryBuilder.build(r, cov);
                excluded[l] = Math.max(excluded[l], d.excludedInputs());
                dicts.add(d);
            }
            NetworkRecipe.Layer recipeLayer = new NetworkRecipe.Layer(ls.units(), ls.activation(), layerRecipes,
                    ls.conv(), alternation != null);
            List<Layer> layerStack = NetworkBuilder.layers(recipeLayer, dicts, shape, l > 0, dtype);
            NetworkBuilder.initialize((WeightedLayer) layerStack.get(0), init);
            built.addAll(layerStack);
            recipes.add(layerRecipes);
            recipeLayers.add(recipeLayer);
            shape = layerStack.get(layerStack.size() - 1).outputShape();
        }
        Network net = new Network(spec.inputShape(), built,
                NetworkBuilder.head(shape.features(), spec.classes(), dtype, init), dtype);
        NetworkRecipe recipe = new NetworkRecipe(spec.inputShape(), recipeLayers, spec.classes(), covs);
        NetworkGrowth grower = growth == null ? null
                : new NetworkGrowth(growth, factoredFraction(spec), recipe, dtype);
        FitResult fit = Trainer.fit(net, recipe, data, cfg, passes, shuffle, 0, true, listener, alternation, grower);
        epochs.addAll(fit.epochs());
        Network kept = fit.network();
        List<List<DictionaryRecipe>> keptRecipes = fit.recipe() == null ? recipes
                : fit.recipe().layers().stream().map(NetworkRecipe.Layer::columns).toList();
        int[] dead = DeadUnits.count(kept, data.train());
        return new TrainingResult(seed, epochs, fit.bestEpoch(), fit.bestValidError(), fit.testError(),
                (System.nanoTime() - start) / 1e9, ParameterCounts.of(kept), keptRecipes, dead, excluded, kept,
                fit.fraction());
    }

    /** The fraction of the factored layers (they share it), where a growing fraction starts. */
    private static double factoredFraction(ModelSpec spec) {
        return spec.hidden().stream().map(LayerSpec::dictionary).filter(d -> d.kind() != DictionaryKind.FULL)
                .mapToDouble(DictionarySpec::fraction).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a growing fraction needs a factored layer, but every"
                        + " layer of this model is full"));
    }
}
