package org.paramprediction.distributed.rica;

import org.paramprediction.rica.RicaMapRecipe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.aggregate.OrderedTreeAggregate;
import org.paramprediction.optim.DifferentiableFunction;
import org.paramprediction.optim.LbfgsTrace;
import org.paramprediction.rica.RicaObjective;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The RICA objective of whitened rows spread over a Spark cluster, as a
 * {@link DifferentiableFunction} that core-model's {@code Lbfgs} minimises on the driver: the
 * objective of all {@code m} rows is the sum of {@link RicaObjective}s of row blocks with the same
 * normaliser {@code m} (README, "RICA (core-model)").
 *
 * <p>Data flow of one {@link #valueAndGradient} call (only {@code V} travels):
 * <ol>
 *   <li>the driver broadcasts the parameters {@code P} ({@code V} for a factored map, {@code W} for
 *       Full; a factored run never sends {@code W});
 *   <li>each partition takes its weight map from the JVM's cache (rebuilt once from the
 *       {@link RicaMapRecipe} broadcast at construction, its hash checked against the driver's),
 *       evaluates its blocks' objectives (one cached {@link RicaObjective} per block) and adds
 *       them in block order;
 *   <li>each partition sends one {@link LossGradientMessage} of {@code 8 (d + 1)} bytes; an
 *       {@link OrderedTreeAggregate} adds them in partition order, so reruns on the same machine are
 *       bit-identical. Against a local {@code FunctionSum} of the same blocks the sum is associated
 *       differently (per partition first), so the two agree to rounding, not bit for bit.
 * </ol>
 * Every evaluation's traffic is recorded ({@link #evaluations()}, {@link #perIteration}).
 * Not thread-safe (one optimiser drives it); {@link #close()} destroys the setup broadcast.
 */
public final class DistributedRicaFunction implements DifferentiableFunction, AutoCloseable {

    /** Depth of the merge tree, as the distributed covariance uses. */
    public static final int DEFAULT_DEPTH = 2;

    private static final Logger LOG = LoggerFactory.getLogger(DistributedRicaFunction.class);

    private final JavaSparkContext sc;
    private final JavaRDD<double[]> blocks;
    private final Broadcast<RicaSetup> setup;
    private final int dimension;
    private final long rows;
    private final int messages;
    private final int depth;
    private final List<RicaEvaluation> evaluations = new ArrayList<>();

    /**
     * @param blocks  whitened rows, each element a block of whole rows (row-major,
     *                {@code recipe.inputs()} values each); cache it; its partitions and their order
     *                fix the sum
     * @param recipe  how the weights are made from the parameters
     * @param lambda  sparsity weight, finite and {@code >= 0}
     * @param epsilon smoothing of {@code g}, finite and {@code > 0}
     */
    public DistributedRicaFunction(JavaSparkContext sc, JavaRDD<double[]> blocks, RicaMapRecipe recipe,
            double lambda, double epsilon) {
        this(sc, blocks, recipe, lambda, epsilon, DEFAULT_DEPTH, null);
    }

    /** With a merge tree of {@code depth} levels. */
    public DistributedRicaFunction(JavaSparkContext sc, JavaRDD<double[]> blocks, RicaMapRecipe recipe,
            double lambda, double epsilon, int depth) {
        this(sc, blocks, recipe, lambda, epsilon, depth, null);
    }

    /** With a given merge depth, and (tests only) a hash to send instead of the driver's. */
    DistributedRicaFunction(JavaSparkContext sc, JavaRDD<double[]> blocks, RicaMapRecipe recipe, double lambda,
            double epsilon, int depth, String hashOverride) {
        if (sc == null || blocks == null || recipe == null) {
            throw new IllegalArgumentException("sc, blocks and recipe must not be null");
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda) || !(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0 and epsilon finite and > 0 but were "
                    + lambda + ", " + epsilon);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth (merge tree) must be >= 1 but was " + depth);
        }
        RicaMapRecipe.Built built = recipe.build();
        this.sc = sc;
        this.blocks = blocks;
        this.depth = depth;
        this.dimension = built.map().parameters();
        long[] counts = rowsPerPartition(blocks, recipe.inputs());
        long total = 0;
        int nonEmpty = 0;
        for (long c : counts) {
            total += c;
            nonEmpty += c > 0 ? 1 : 0;
        }
        if (total < 1) {
            throw new IllegalArgumentException("the " + counts.length + " partitions of RDD " + blocks.id()
                    + " hold no rows");
        }
        this.rows = total;
        this.messages = nonEmpty;
        String hash = hashOverride == null ? built.hash() : hashOverride;
        this.setup = sc.broadcast(new RicaSetup(blocks.id(), recipe, hash, lambda, epsilon, total));
        LOG.info("distributed RICA: {}, {} parameters ({} bytes down, {} bytes up per partition), {} rows in {} "
                + "partitions, lambda={}, eps={}, U hash {}", built.map().describe(), dimension, 8L * dimension,
                LossGradientMessage.bytes(dimension), total, counts.length, lambda, epsilon, built.hash());
    }

    /** Rows per partition; checks every block holds whole rows (one job). */
    private static long[] rowsPerPartition(JavaRDD<double[]> blocks, int inputs) {
        List<Tuple2<Integer, Long>> counts = blocks.mapPartitionsWithIndex((Integer p, Iterator<double[]> it) -> {
            long n = 0;
            int k = 0;
            while (it.hasNext()) {
                double[] b = it.next();
                if (b == null || b.length == 0 || b.length % inputs != 0) {
                    throw new IllegalArgumentException("block " + k + " of partition " + p + " has "
                            + (b == null ? "null" : b.length) + " values, not a positive multiple of the "
                            + inputs + " inputs");
                }
                n += b.length / inputs;
                k++;
            }
            return List.of(new Tuple2<>(p, n)).iterator();
        }, true).collect();
        long[] out = new long[blocks.getNumPartitions()];
        for (Tuple2<Integer, Long> t : counts) {
            out[t._1()] = t._2();
        }
        return out;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** {@code m}, rows in all partitions. */
    public long rows() {
        return rows;
    }

    @Override
    public double valueAndGradient(double[] params, double[] gradient) {
        if (params.length != dimension || gradient.length != dimension) {
            throw new IllegalArgumentException("params and gradient must have " + dimension + " values but had "
                    + params.length + " and " + gradient.length);
        }
        long start = System.nanoTime();
        Broadcast<double[]> down = sc.broadcast(params.clone());
        int d = dimension;
        byte[] total;
        try {
            total = OrderedTreeAggregate.aggregateByLevel(partitionMessages(setup, down, blocks),
                    () -> new byte[0], (acc, m) -> m, list -> LossGradientMessage.sumInOrder(list, d), depth);
        } finally {
            down.destroy();
        }
        double value = LossGradientMessage.decode(total, gradient);
        evaluations.add(new RicaEvaluation(evaluations.size(), 8L * dimension, LossGradientMessage.bytes(dimension),
                messages, (System.nanoTime() - start) / 1e9));
        return value;
    }

    /** One message per partition holding rows: its blocks' loss and gradient summed in block order. */
    private static JavaRDD<byte[]> partitionMessages(Broadcast<RicaSetup> setup, Broadcast<double[]> down,
            JavaRDD<double[]> blocks) {
        return blocks.mapPartitionsWithIndex((Integer p, Iterator<double[]> it) -> {
            if (!it.hasNext()) {
                return Collections.emptyIterator();
            }
            Nd4j.factory().blas().setMaxThreads(1);
            RicaSetup s = setup.value();
            RicaMapRecipe.Built built = ExecutorRicaCache.map(s, p);
            double[] params = down.value();
            double[] sum = new double[params.length];
            double[] part = new double[params.length];
            double loss = 0;
            for (int k = 0; it.hasNext(); k++) {
                RicaObjective f = ExecutorRicaCache.objective(s, built, p, k, it.next());
                double l;
                synchronized (f) {
                    l = f.valueAndGradient(params, k == 0 ? sum : part);
                }
                if (k == 0) {
                    loss = l;
                } else {
                    loss += l;
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += part[i];
                    }
                }
            }
            return List.of(LossGradientMessage.encode(loss, sum)).iterator();
        }, true);
    }

    /** Partitions that send a message each evaluation (those holding rows). */
    public int messages() {
        return messages;
    }

    /** Every evaluation so far, in order. */
    public List<RicaEvaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    /**
     * The evaluations grouped by L-BFGS iteration, from the run's trace (cumulative evaluation
     * counts), assuming this function's evaluations began with that run.
     */
    public List<RicaIterationTraffic> perIteration(LbfgsTrace trace) {
        List<RicaIterationTraffic> out = new ArrayList<>(trace.size());
        int from = 0;
        for (int k = 0; k < trace.size(); k++) {
            int to = Math.min(trace.evaluations(k), evaluations.size());
            long down = 0;
            long up = 0;
            double seconds = 0;
            for (int e = from; e < to; e++) {
                down += evaluations.get(e).broadcastBytes();
                up += evaluations.get(e).uploadBytes();
                seconds += evaluations.get(e).seconds();
            }
            out.add(new RicaIterationTraffic(k, to - from, down, up, seconds));
            from = to;
        }
        return out;
    }

    @Override
    public void close() {
        setup.destroy();
    }
}
