package org.paramprediction.rica;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.paramprediction.optim.DifferentiableFunction;
import org.paramprediction.optim.FunctionSum;
import org.paramprediction.optim.Lbfgs;
import org.paramprediction.optim.LbfgsResult;
import org.paramprediction.random.Gaussians;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RICA on one machine: full-batch L-BFGS ({@link Lbfgs}) on the {@link RicaObjective} of all rows,
 * evaluated as the sum of its row blocks in block order ({@link FunctionSum}), as a distributed run
 * would sum its partitions.
 *
 * <p>Initialisation: the parameters are i.i.d. {@code N(0, 1)} from {@code new
 * SplittableRandom(initSeed)}, then scaled so that {@code |W(P)|_F^2 = F} (the filters have unit norm
 * on average), the same rule for Full and factored maps, so both start from weights of the same size.
 */
public final class RicaTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(RicaTrainer.class);

    private RicaTrainer() {
    }

    /**
     * @param patches whitened rows ({@code patches.dimension() == map.inputs()})
     * @param map     Full or factored weights
     */
    public static RicaResult train(Patches patches, WeightMap map, RicaConfig config) {
        if (patches.dimension() != map.inputs()) {
            throw new IllegalArgumentException("patches have " + patches.dimension() + " values per row but the "
                    + "weights expect " + map.inputs() + " (" + map.describe() + ")");
        }
        List<RicaObjective> blocks = blocks(patches, map, config);
        DifferentiableFunction objective = blocks.size() == 1 ? blocks.get(0) : new FunctionSum(blocks);
        LOG.info("RICA: {} rows of {} in {} block(s)", patches.count(), patches.shape(), blocks.size());
        return train(objective, map, config);
    }

    /**
     * L-BFGS on any evaluation of the RICA objective of {@code map}'s parameters (the local sum of
     * blocks, or a distributed one), from the same initial parameters as {@link #train(Patches, WeightMap,
     * RicaConfig)}.
     */
    public static RicaResult train(DifferentiableFunction objective, WeightMap map, RicaConfig config) {
        if (objective.dimension() != map.parameters()) {
            throw new IllegalArgumentException("the objective has " + objective.dimension() + " parameters but "
                    + map.describe() + " has " + map.parameters());
        }
        RicaObjective shape = new RicaObjective(new double[map.inputs()], 1, map, config.lambda(), config.epsilon(), 1);
        double[] params = initialParameters(shape, map, config.initSeed());
        LOG.info("RICA: {}, {} parameters, lambda={}, eps={}, L-BFGS m={} up to {} iterations", map.describe(),
                params.length, config.lambda(), config.epsilon(), config.lbfgs().historySize(),
                config.lbfgs().maxIterations());
        long start = System.nanoTime();
        LbfgsResult result = new Lbfgs(config.lbfgs()).minimize(objective, params);
        double seconds = (System.nanoTime() - start) / 1e9;
        double initial = result.trace().value(0); // L-BFGS's own first evaluation: no extra pass over the rows
        LOG.info("RICA: objective {} -> {} in {} iterations ({} evaluations, {}), {} s", initial, result.value(),
                result.iterations(), result.evaluations(), result.reason(), String.format("%.2f", seconds));
        double[] weights = shape.weights(params);
        return new RicaResult(weights, params, initial, result.value(), result, seconds);
    }

    private static List<RicaObjective> blocks(Patches patches, WeightMap map, RicaConfig config) {
        int n = patches.dimension();
        List<RicaObjective> blocks = new ArrayList<>();
        for (int from = 0; from < patches.count(); from += config.blockRows()) {
            int count = Math.min(config.blockRows(), patches.count() - from);
            double[] rows = Arrays.copyOfRange(patches.rows(), from * n, (from + count) * n);
            blocks.add(new RicaObjective(rows, count, map, config.lambda(), config.epsilon(), patches.count()));
        }
        return blocks;
    }

    /** {@code P ~ N(0, 1)} scaled to {@code |W(P)|_F^2 = F}. */
    static double[] initialParameters(RicaObjective objective, WeightMap map, long seed) {
        double[] params = Gaussians.draw(new SplittableRandom(seed), 1.0, map.parameters());
        double[] w = objective.weights(params);
        double sumSq = 0;
        for (double v : w) {
            sumSq += v * v;
        }
        double scale = Math.sqrt(map.features() / sumSq);
        for (int i = 0; i < params.length; i++) {
            params[i] *= scale;
        }
        return params;
    }
}
