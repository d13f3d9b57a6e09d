package org.paramprediction.optim.breeze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.DenseVector;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.Gradient;
import org.apache.spark.mllib.optimization.LBFGS;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import org.junit.jupiter.api.Test;
import org.paramprediction.SharedSpark;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.optim.DifferentiableFunction;
import org.paramprediction.optim.FunctionSum;
import org.paramprediction.optim.Lbfgs;
import org.paramprediction.optim.LbfgsOptions;
import org.paramprediction.optim.LbfgsResult;
import org.paramprediction.rica.FactoredWeightMap;
import org.paramprediction.rica.PatchSampler;
import org.paramprediction.rica.Patches;
import org.paramprediction.rica.RicaObjective;
import org.paramprediction.rica.Zca;
import org.paramprediction.random.Gaussians;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * core-model's {@link Lbfgs} against Breeze's {@code breeze.optimize.LBFGS} (Breeze 2.1.0, the one
 * Spark 3.5 MLlib ships) on the same problems from the same starting points: both must reach the
 * same minimum value and, within a tolerance, the same minimiser.
 *
 * <p>How Breeze is called: Breeze's {@code DiffFunction} cannot be implemented in Java. javac
 * rejects an implementing class because the Scala 2.12 trait declares {@code double apply(T)} where
 * {@code scala.Function1} declares {@code Object apply(T1)} (same erasure, incompatible returns);
 * subclassing a Breeze class that implements it ({@code CachedDiffFunction}) fails on the same kind
 * of clash among its {@code NumericOps} bridge methods; and {@code java.lang.reflect.Proxy} refuses
 * the interface ("methods with same signature apply(java.lang.Object) but incompatible return
 * types"). So the test goes through Spark MLlib's public {@code LBFGS.runLBFGS}, which wraps an
 * RDD and an MLlib {@code Gradient} (a plain abstract class, extensible from Java) in its own
 * {@code DiffFunction} ({@code CostFun}: the loss and gradient summed over the RDD by
 * {@code treeAggregate} and divided by the row count) and runs {@code breeze.optimize.LBFGS} on it
 * with {@code SimpleUpdater} (no regularisation). That is also how a distributed RICA would feed
 * Breeze. Each RDD element here stands for one row block of the objective.
 */
class LbfgsAgainstBreezeTest {

    private static final Logger LOG = LoggerFactory.getLogger(LbfgsAgainstBreezeTest.class);

    /** Breeze's L-BFGS history, and ours, for the comparison. */
    private static final int HISTORY = 10;

    /** Serializable source of the objective's blocks: Spark ships it to the tasks. */
    interface Blocks extends Serializable {
        int count();

        /** Identifies the problem (for the per-JVM cache of built blocks). */
        String key();

        DifferentiableFunction block(int k);
    }

    /**
     * {@code blocks.count() * f_k(w)} for the RDD element labelled {@code k}: CostFun averages over
     * the elements, so the average is the sum {@code sum_k f_k}, the objective itself.
     */
    static final class BlockGradient extends Gradient {
        private static final long serialVersionUID = 1L;
        /** Built blocks by problem key and block: Spark deserialises the gradient for every task; local mode shares this JVM. */
        private static final Map<String, DifferentiableFunction> BUILT = new java.util.concurrent.ConcurrentHashMap<>();
        private final Blocks blocks;

        BlockGradient(Blocks blocks) {
            this.blocks = blocks;
        }

        @Override
        public double compute(Vector data, double label, Vector weights, Vector cumGradient) {
            DifferentiableFunction f = BUILT.computeIfAbsent(blocks.key() + "/" + (int) label,
                    key -> blocks.block((int) label));
            double[] g = new double[f.dimension()];
            double value;
            synchronized (f) { // a block's objective keeps scratch buffers
                value = f.valueAndGradient(weights.toArray(), g);
            }
            double[] cum = ((DenseVector) cumGradient).values();
            for (int i = 0; i < g.length; i++) {
                cum[i] += blocks.count() * g[i];
            }
            return blocks.count() * value;
        }
    }

    /** Breeze's minimiser and the values it visited (entry 0 the start). */
    record BreezeRun(double[] x, double[] values) {
        double value() {
            return values[values.length - 1];
        }
    }

    private static BreezeRun breeze(Blocks blocks, double[] start, int maxIterations, double tolerance) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
        List<Tuple2<Object, Vector>> rows = new ArrayList<>();
        for (int k = 0; k < blocks.count(); k++) {
            rows.add(new Tuple2<>((double) k, Vectors.dense(new double[] {k})));
        }
        Tuple2<Vector, double[]> out = LBFGS.runLBFGS(sc.parallelize(rows, 1).rdd(),
                new BlockGradient(blocks), new SimpleUpdater(), HISTORY, tolerance, maxIterations, 0.0,
                Vectors.dense(start.clone()));
        return new BreezeRun(out._1().toArray(), out._2());
    }

    private static LbfgsResult ours(Blocks blocks, double[] x, int maxIterations, double gradientTolerance,
            double relativeTolerance) {
        List<DifferentiableFunction> parts = new ArrayList<>();
        for (int k = 0; k < blocks.count(); k++) {
            parts.add(blocks.block(k));
        }
        return new Lbfgs(new LbfgsOptions(HISTORY, maxIterations, gradientTolerance, relativeTolerance, 20, 1e-4, 0.9))
                .minimize(new FunctionSum(parts), x);
    }

    /** Chained Rosenbrock {@code sum 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2}, one block. */
    record Rosenbrock(int n) implements Blocks {
        @Override
        public int count() {
            return 1;
        }

        @Override
        public String key() {
            return "rosenbrock-" + n;
        }

        @Override
        public DifferentiableFunction block(int k) {
            return org.paramprediction.optim.TestFunctions.rosenbrock(n);
        }
    }

    /** Both at the minimum 0 within this, and at {@code (1, ..., 1)} within {@link #ROSENBROCK_X_TOL}. */
    private static final double ROSENBROCK_VALUE_TOL = 1e-10;
    private static final double ROSENBROCK_X_TOL = 1e-4;

    @Test
    void bothReachTheRosenbrockMinimumIn2And10Dimensions() {
        for (int n : new int[] {2, 10}) {
            double[] start = new double[n];
            for (int i = 0; i < n; i++) {
                start[i] = i % 2 == 0 ? -1.2 : 1.0;
            }
            start[0] = n > 2 ? 0 : start[0];
            BreezeRun b = breeze(new Rosenbrock(n), start, 500, 1e-12);
            double[] x = start.clone();
            LbfgsResult r = ours(new Rosenbrock(n), x, 500, 1e-9, 0);
            String what = n + "-D Rosenbrock: ours " + r.value() + " in " + r.iterations() + " iterations ("
                    + r.reason() + "), Breeze " + b.value() + " in " + (b.values().length - 1);
            LOG.info(what);
            assertEquals(0.0, r.value(), ROSENBROCK_VALUE_TOL, what);
            assertEquals(0.0, b.value(), ROSENBROCK_VALUE_TOL, what);
            for (int i = 0; i < n; i++) {
                assertEquals(1.0, x[i], ROSENBROCK_X_TOL, what + ", ours x[" + i + "]");
                assertEquals(1.0, b.x()[i], ROSENBROCK_X_TOL, what + ", Breeze x[" + i + "]");
            }
        }
    }

    /**
     * A small RICA problem split into two row blocks: 1,500 ZCA-whitened 6x6 Fashion-MNIST patches
     * (first 1,000 training images, seed 2013), 8 features, factored with an SE dictionary at fraction
     * 0.5 (18 of 36 positions), so 144 parameters; both optimisers start from the same {@code V}.
     */
    record SmallRica(double[] rows, int patches, Dictionary dictionary, double lambda) implements Blocks {
        static final int FEATURES = 8;

        @Override
        public int count() {
            return 2;
        }

        @Override
        public String key() {
            return "small-rica";
        }

        @Override
        public DifferentiableFunction block(int k) {
            int n = dictionary.inputs();
            int half = patches / 2;
            int from = k == 0 ? 0 : half;
            int to = k == 0 ? half : patches;
            double[] part = java.util.Arrays.copyOfRange(rows, from * n, to * n);
            return new RicaObjective(part, to - from, new FactoredWeightMap(List.of(dictionary), 1, FEATURES), lambda,
                    1e-2, patches);
        }

        static SmallRica load() {
            ByteImageDataset images = FashionMnist.loadTrainFile(FashionMnist.DEFAULT_ROOT).slice(0, 1_000);
            Patches raw = PatchSampler.sample(images, 6, 1_500, 2013L);
            Patches white = Zca.fit(raw.rows(), raw.count(), raw.dimension(), 0.01).whiten(raw);
            Dictionary se = DictionaryBuilder.build(DictionaryRecipe.seKernel(36, 18, 7L, 1e-3, 1.0, 6, 6), null);
            return new SmallRica(white.rows(), white.count(), se, 0.1 / white.count());
        }
    }

    /** Same minimum value, relative. */
    private static final double RICA_VALUE_REL_TOL = 1e-6;
    /** Same minimiser: {@code |V_ours - V_breeze|_2 / |V_ours|_2}. */
    private static final double RICA_X_REL_TOL = 1e-4;

    @Test
    void bothReachTheSameMinimumOfASmallFactoredRicaProblem() {
        SmallRica rica = SmallRica.load();
        int d = rica.block(0).dimension();
        double[] start = Gaussians.draw(new java.util.SplittableRandom(99L), 0.3, d);
        BreezeRun b = breeze(rica, start, 1_000, 1e-12);
        double[] x = start.clone();
        LbfgsResult r = ours(rica, x, 1_000, 1e-8, 1e-14);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < d; i++) {
            diff += (x[i] - b.x()[i]) * (x[i] - b.x()[i]);
            norm += x[i] * x[i];
        }
        double relX = Math.sqrt(diff / norm);
        String what = "RICA: start " + b.values()[0] + ", ours " + r.value() + " in " + r.iterations() + " iterations ("
                + r.reason() + ", |g| " + r.gradientNorm() + "), Breeze " + b.value() + " in "
                + (b.values().length - 1) + "; |V_ours - V_breeze| / |V_ours| = " + relX;
        LOG.info(what);
        assertEquals(r.value(), b.value(), RICA_VALUE_REL_TOL * Math.abs(r.value()), what);
        assertTrue(relX <= RICA_X_REL_TOL, what);
        assertTrue(r.value() < 0.5 * b.values()[0], what);
    }
}
