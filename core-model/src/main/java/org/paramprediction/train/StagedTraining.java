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

    /**
     * A piece of a run that may pause: either the finished {@code result}, or the {@code checkpoint}
     * of a run paused after an epoch of its final training (exactly one is not null); {@code counts}
     * and {@code recipes} describe the network either way.
     */
    public record Segment(TrainingResult result, TrainingCheckpoint checkpoint, ParameterCounts counts,
            List<List<DictionaryRecipe>> recipes) {}

    /**
     * As {@link #run(ModelSpec, TrainingConfig, DataSplits, CovarianceSource, long, DataType,
     * EpochListener, Alternation, Growth)} without a growing fraction, in segments: continues from
     * {@code from} (null: from the start) and pauses after epoch {@code pauseAfter} of the final
     * training (1-based; {@code >= cfg.maxEpochs()}: runs to the end) unless early stopping ends it
     * first. A continued run rebuilds the network from the seed (dictionaries from their recipes, with
     * the covariances of layers {@code >= 2} taken from the checkpoint instead of repeating their
     * pre-training stages), replays the shuffle stream's draws of the epochs already trained, and
     * restores parameters, velocities and early-stopping state: every segment boundary leaves the
     * result exactly as an uninterrupted run's. {@code listener} hears only the epochs this call trains;
     * the result's epochs are all of them.
     */
    public static Segment runSegment(ModelSpec spec, TrainingConfig cfg, DataSplits data,
            CovarianceSource covariances, long seed, DataType dtype, EpochListener listener, Alternation alternation,
            TrainingCheckpoint from, int pauseAfter) {
        if (from != null && (from.seed() != seed || from.dtype() != dtype)) {
            throw new IllegalArgumentException("the checkpoint is of a run with seed " + from.seed() + " and "
                    + from.dtype() + ", not seed " + seed + " and " + dtype);
        }
        return run(spec, cfg, data, covariances, seed, dtype, listener, EpochPass.LOCAL, alternation, null, from,
                pauseAfter);
    }

    private static TrainingResult run(ModelSpec spec, TrainingConfig cfg, DataSplits data,
            CovarianceSource covariances, long seed, DataType dtype, EpochListener listener,
            EpochPass.Factory passes, Alternation alternation, Growth growth) {
        return run(spec, cfg, data, covariances, seed, dtype, listener, passes, alternation, growth, null,
                cfg.maxEpochs()).result();
    }

    private static Segment run(ModelSpec spec, TrainingConfig cfg, DataSplits data,
            CovarianceSource covariances, long seed, DataType dtype, EpochListener listener,
            EpochPass.Factory passes, Alternation alternation, Growth growth, TrainingCheckpoint from,
            int pauseAfter) {
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
        List<TrainingCheckpoint.LayerCovariance> staged = new ArrayList<>();
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
                    if (from == null) {
                        epochs.addAll(Trainer.fit(lower, lowerRecipe, data, stageCfg, passes, shuffle, l, false,
                                listener, alternation, null).epochs());
                    }
                }
                cov = l > 0 && from != null ? checkpointCovariance(from, l)
                        : ls.isConv() ? covariances.patchCovariance(lower, l, ls.conv(), shape, ds.squaredCovariance())
                        : covariances.covariance(lower, l, ds.squaredCovariance());
                covs.add(cov);
                if (l > 0) {
                    staged.add(new TrainingCheckpoint.LayerCovariance(l, cov));
                }
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
        if (from != null) {
            epochs.addAll(from.epochs().stream().filter(m -> m.stage() != 0).toList());
            for (int i = 0; i < from.epochs().size(); i++) {
                shuffle.nextLong(); // the draws of the epochs already trained: one per epoch (EpochPass.LOCAL)
            }
        }
        FitResult fit = Trainer.fit(net, recipe, data, cfg, passes, shuffle, 0, true, listener, alternation, grower,
                from, pauseAfter);
        epochs.addAll(fit.epochs());
        if (fit.paused() != null) {
            FitResult.Paused p = fit.paused();
            return new Segment(null, new TrainingCheckpoint(seed, dtype, epochs, fit.bestEpoch(), fit.bestValidError(),
                    fit.testError(), p.values(), p.velocities(), p.best(), p.uPhase(), staged),
                    ParameterCounts.of(net), recipes);
        }
        Network kept = fit.network();
        List<List<DictionaryRecipe>> keptRecipes = fit.recipe() == null ? recipes
                : fit.recipe().layers().stream().map(NetworkRecipe.Layer::columns).toList();
        int[] dead = DeadUnits.count(kept, data.train());
        TrainingResult result = new TrainingResult(seed, epochs, fit.bestEpoch(), fit.bestValidError(),
                fit.testError(), (System.nanoTime() - start) / 1e9, ParameterCounts.of(kept), keptRecipes, dead,
                excluded, kept, fit.fraction());
        return new Segment(result, null, result.counts(), result.recipes());
    }

    private static Covariance checkpointCovariance(TrainingCheckpoint from, int layer) {
        return from.covariances().stream().filter(c -> c.layer() == layer).map(TrainingCheckpoint.LayerCovariance::covariance)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the checkpoint holds no covariance for"
                        + " the inputs of hidden layer " + (layer + 1) + ", which its dictionary needs"));
    }

    /** The fraction of the factored layers (they share it), where a growing fraction starts. */
    private static double factoredFraction(ModelSpec spec) {
        return spec.hidden().stream().map(LayerSpec::dictionary).filter(d -> d.kind() != DictionaryKind.FULL)
                .mapToDouble(DictionarySpec::fraction).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a growing fraction needs a factored layer, but every"
                        + " layer of this model is full"));
    }
}
