package org.paramprediction.distributed.rica;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.paramprediction.distributed.RoundMetrics;
import org.paramprediction.rica.Patches;
import org.paramprediction.rica.RicaConfig;
import org.paramprediction.rica.RicaMapRecipe;
import org.paramprediction.rica.RicaPipeline;
import org.paramprediction.rica.RicaResult;
import org.paramprediction.rica.RicaTrainer;

/**
 * Learns a RICA trial's filters on the cluster: the whitened patches, in blocks of
 * {@code config.blockRows()} rows, are spread over {@code partitions} partitions (sent once, then
 * kept by the executors: a local checkpoint, so that later tasks do not carry the rows), and
 * core-model's L-BFGS ({@link RicaTrainer#train(org.paramprediction.optim.DifferentiableFunction,
 * org.paramprediction.rica.WeightMap, RicaConfig)}, the same start as a local run) minimises the
 * {@link DistributedRicaFunction} of them on the driver: only {@code V} goes down and {@code V}-sized
 * gradients come up. After a run, {@link #rounds()} holds one row per L-BFGS iteration for the
 * {@code rounds} table.
 */
public final class DistributedRicaLearner implements RicaPipeline.Learner {

    private final JavaSparkContext sc;
    private final int partitions;
    private final int depth;
    private final List<RoundMetrics> rounds = new ArrayList<>();

    public DistributedRicaLearner(JavaSparkContext sc, int partitions, int depth) {
        if (partitions < 1 || depth < 1) {
            throw new IllegalArgumentException("partitions and depth must be >= 1 but were " + partitions + ", " + depth);
        }
        this.sc = sc;
        this.partitions = partitions;
        this.depth = depth;
    }

    @Override
    public RicaResult learn(Patches white, RicaMapRecipe recipe, RicaConfig config) {
        int n = white.dimension();
        List<double[]> blocks = new ArrayList<>();
        for (int from = 0; from < white.count(); from += config.blockRows()) {
            int count = Math.min(config.blockRows(), white.count() - from);
            blocks.add(Arrays.copyOfRange(white.rows(), from * n, (from + count) * n));
        }
        JavaRDD<double[]> rdd = sc.parallelize(blocks, Math.min(partitions, blocks.size()));
        // a parallelized list's partitions carry their rows in every task; after this checkpoint (made by the
        // function's first job) the tasks refer to the executors' cached blocks, so evaluations ship only V
        rdd.rdd().localCheckpoint();
        try (DistributedRicaFunction f = new DistributedRicaFunction(sc, rdd, recipe, config.lambda(),
                config.epsilon(), depth)) {
            RicaResult r = RicaTrainer.train(f, recipe.build().map(), config);
            rounds.clear();
            rounds.addAll(rounds(f, r, recipe, white.count()));
            return r;
        } finally {
            rdd.unpersist(false);
        }
    }

    /**
     * One row per L-BFGS iteration {@code k} (round {@code k + 1}; iteration 0 is the evaluation at the
     * start): its evaluations' bytes, and what the same evaluations would move for Full RICA
     * ({@code W}, {@code n x F}, down and {@code W}-sized gradients up); {@code train_loss} is the
     * objective after the iteration; no validation error.
     */
    private static List<RoundMetrics> rounds(DistributedRicaFunction f, RicaResult r, RicaMapRecipe recipe, long rows) {
        long w = (long) recipe.inputs() * recipe.features();
        List<RoundMetrics> out = new ArrayList<>();
        for (RicaIterationTraffic t : f.perIteration(r.optimisation().trace())) {
            out.add(new RoundMetrics(t.iteration() + 1, 0, t.iteration(), f.messages(), rows * t.evaluations(),
                    t.broadcastBytes(), t.uploadBytes(), t.evaluations() * 8L * w,
                    t.evaluations() * f.messages() * LossGradientMessage.bytes(Math.toIntExact(w)), t.seconds(),
                    r.optimisation().trace().value(t.iteration()), Double.NaN));
        }
        return out;
    }

    /** The last run's rounds. */
    public List<RoundMetrics> rounds() {
        return List.copyOf(rounds);
    }
}
