package org.paramprediction.sweep;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.paramprediction.data.DataSplits;
import org.paramprediction.distributed.RoundMetrics;
import org.paramprediction.distributed.rica.DistributedRicaLearner;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.Machine;
import org.paramprediction.results.RicaMetrics;
import org.paramprediction.results.TrialOutcome;
import org.paramprediction.rica.RicaPipeline;
import org.paramprediction.rica.RicaWeights;
import org.paramprediction.sweep.config.TrialSpec;

/**
 * Runs a RICA trial ({@code model.rica}) inside one Spark task: {@link RicaPipeline} on the trial's
 * splits with the trial's seed. Its errors are the linear classifier's ({@code best_valid_error =
 * 1 - validation accuracy} at the weight decay chosen on validation, {@code test_error = 1 - test
 * accuracy}); {@code best_epoch} is the L-BFGS iteration count; its dynamic parameters are RICA's
 * ({@code |V|}, or {@code |W|} for Full and Downsized), not the classifier's. It has no epoch rows;
 * with {@code output.keep_weights} its filters go to the weights table ({@link RicaWeights}). The
 * dataset root and any {@code photos} are read as local paths (on a cluster, every executor's).
 */
final class RicaTrial {

    private RicaTrial() {
    }

    static TrialOutcome run(TrialSpec t, SweepContext ctx, long start) {
        return run(t, ctx, start, RicaPipeline.LOCAL);
    }

    /**
     * A {@code data_parallel} RICA trial, from the driver: the filters by L-BFGS over the patches
     * partitioned across the cluster ({@link DistributedRicaLearner}, {@code distributed.partitions}
     * and {@code tree_depth}); patches, ZCA, features and classifier on the driver. Its rounds rows
     * are the L-BFGS iterations with their bytes.
     */
    static TrialOutcome runDistributed(TrialSpec t, JavaSparkContext sc, SweepContext ctx, long start) {
        DistributedRicaLearner learner = new DistributedRicaLearner(sc, t.distributed().partitions(),
                t.distributed().treeDepth());
        try {
            return run(t, ctx, start, learner);
        } catch (RuntimeException | OutOfMemoryError e) {
            TrialOutcome f = TrialExecutor.failed(t, TrialExecutor.describe(e), List.of(), start);
            return new TrialOutcome(t, f.status(), f.error(), 0, Double.NaN, Double.NaN, f.seconds(), 0, 0, null, null,
                    null, null, List.of(), f.machine(), f.startMillis(), f.endMillis(), learner.rounds());
        }
    }

    private static TrialOutcome run(TrialSpec t, SweepContext ctx, long start, RicaPipeline.Learner learner) {
        DataSplits data = DatasetCache.get(TrialExecutor.dataRef(t), ctx.hadoop());
        RicaPipeline.Settings settings = t.ricaRun();
        long images = (long) data.train().size() + data.valid().size() + data.test().size();
        long needs = RicaPipeline.heapBytesLowerBound(settings, data.train().shape().channels(), images);
        long heap = Runtime.getRuntime().maxMemory();
        if (needs > heap) { // refused before allocating: an OutOfMemoryError would hit the JVM's other trials too
            return TrialExecutor.failed(t, "out of memory: this RICA trial needs at least " + needs / (1 << 20)
                    + " MiB of Java heap (patches, their whitened copies, the features of " + images + " images) but"
                    + " the JVM's -Xmx is " + heap / (1 << 20) + " MiB (raise spark.executor.memory, or the driver's"
                    + " -Xmx for local[N]; or lower model.rica.patches)", List.of(), start);
        }
        RicaPipeline.Outcome o = RicaPipeline.run(data, t.ricaDictionary(), settings, t.seed(),
                Path.of(t.dataRoot()), learner);
        List<RoundMetrics> rounds = learner instanceof DistributedRicaLearner d ? d.rounds() : List.of();
        double validError = 1 - o.validAccuracy();
        double testError = 1 - o.testAccuracy();
        if (!Double.isFinite(o.rica().finalObjective()) || !Double.isFinite(validError) || !Double.isFinite(testError)) {
            return TrialExecutor.failed(t, "non-finite RICA objective or classifier error", List.of(), start);
        }
        List<DictionaryRecipe> columns = o.map().columns();
        double[] fractionLearned = columns.isEmpty() ? null : new double[] {columns.get(0).fraction()};
        String recipes = columns.isEmpty() ? null : TrialExecutor.recipesText(List.of(columns));
        RicaMetrics metrics = new RicaMetrics(settings.features(), o.rica().initialObjective(),
                o.rica().finalObjective(), o.rica().iterations(), o.rica().optimisation().reason().name(),
                o.weightDecay(), o.featureDimension(), o.rica().seconds(), o.featureSeconds(), o.classifierSeconds());
        long end = System.currentTimeMillis();
        return new TrialOutcome(t, TrialOutcome.OK, null, o.rica().iterations(), validError, testError,
                (end - start) / 1e3, o.totalParameters(), o.dynamicParameters(), fractionLearned, null, null, recipes,
                List.of(), Machine.here(), start, end, rounds,
                ctx.keepWeights() ? RicaWeights.of(o.map(), o.rica()) : List.of(), metrics);
    }
}
