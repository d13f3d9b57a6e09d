package org.paramprediction.distributed.rica;

import org.paramprediction.rica.RicaMapRecipe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paramprediction.SharedSpark;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.optim.FunctionSum;
import org.paramprediction.optim.Lbfgs;
import org.paramprediction.optim.LbfgsOptions;
import org.paramprediction.optim.LbfgsResult;
import org.paramprediction.random.Gaussians;
import org.paramprediction.rica.PatchSampler;
import org.paramprediction.rica.Patches;
import org.paramprediction.rica.RicaObjective;
import org.paramprediction.rica.WeightMap;
import org.paramprediction.rica.Zca;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DistributedRicaFunction} against core-model's {@link FunctionSum} of the same row blocks:
 * 3,000 ZCA-whitened 6x6 Fashion-MNIST patches (first 1,000 training images, patch seed 2013, ZCA
 * eps 0.01), 12 blocks of 250 rows over 4 partitions of {@code local[2]}, 16 features,
 * {@code lambda m = 0.1}, {@code eps = 0.01}; Full (576 parameters) and factored with SE
 * dictionaries at fraction 0.5 (18 of 36 positions, ridge 1e-3, length scale 1), 2 columns with
 * seeds 7 and 8 (288 parameters).
 */
class DistributedRicaFunctionTest {

    private static final Logger LOG = LoggerFactory.getLogger(DistributedRicaFunctionTest.class);

    private static final int PATCHES = 3_000;
    private static final int BLOCK_ROWS = 250;
    private static final int PARTITIONS = 4;
    private static final int FEATURES = 16;
    private static final double EPSILON = 0.01;
    private static final long START_SEED = 41L;
    private static final int ITERATIONS = 20;

    /** Distributed vs local value and gradient: {@code |a - b| <= tol * max(|b|, floor)}, per entry. */
    private static final double EVAL_REL_TOL = 1e-12;
    /** Gradient entries are compared against the gradient's largest entry times this floor. */
    private static final double GRAD_FLOOR = 1e-3;
    /** Distributed vs local L-BFGS after 20 iterations: the value, relative. */
    private static final double LBFGS_VALUE_REL_TOL = 1e-9;
    /** ... and the minimiser, {@code |x_d - x_l|_2 / |x_l|_2}. */
    private static final double LBFGS_X_REL_TOL = 1e-6;

    private static double[] rows;
    private static List<double[]> blocks;
    private static JavaRDD<double[]> rdd;
    private static double lambda;

    @BeforeAll
    static void load() {
        ByteImageDataset images = FashionMnist.loadTrainFile(FashionMnist.DEFAULT_ROOT).slice(0, 1_000);
        Patches raw = PatchSampler.sample(images, 6, PATCHES, 2013L);
        Patches white = Zca.fit(raw.rows(), raw.count(), raw.dimension(), 0.01).whiten(raw);
        rows = white.rows();
        lambda = 0.1 / PATCHES;
        blocks = new ArrayList<>();
        int n = white.dimension();
        for (int from = 0; from < PATCHES; from += BLOCK_ROWS) {
            blocks.add(Arrays.copyOfRange(rows, from * n, Math.min(PATCHES, from + BLOCK_ROWS) * n));
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
        rdd = sc.parallelize(blocks, PARTITIONS).cache();
    }

    @AfterAll
    static void unpersist() {
        rdd.unpersist();
    }

    private static JavaSparkContext sc() {
        return JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
    }

    static RicaMapRecipe full() {
        return RicaMapRecipe.full(36, FEATURES);
    }

    static RicaMapRecipe factored() {
        return RicaMapRecipe.factored(List.of(DictionaryRecipe.seKernel(36, 18, 7L, 1e-3, 1.0, 6, 6),
                DictionaryRecipe.seKernel(36, 18, 8L, 1e-3, 1.0, 6, 6)), 1, FEATURES);
    }

    /** The same blocks, in the same order, summed on this JVM. */
    private static FunctionSum local(RicaMapRecipe recipe) {
        WeightMap map = recipe.build().map();
        List<RicaObjective> terms = new ArrayList<>();
        for (double[] b : blocks) {
            terms.add(new RicaObjective(b, b.length / 36, map, lambda, EPSILON, PATCHES));
        }
        return new FunctionSum(terms);
    }

    private static double[] start(int d) {
        return Gaussians.draw(new SplittableRandom(START_SEED), 0.3, d);
    }

    @Test
    void valueAndGradientEqualTheLocalSumForFullAndFactored() {
        for (RicaMapRecipe recipe : List.of(full(), factored())) {
            FunctionSum local = local(recipe);
            try (DistributedRicaFunction dist = new DistributedRicaFunction(sc(), rdd, recipe, lambda, EPSILON)) {
                assertEquals(PATCHES, dist.rows());
                assertEquals(local.dimension(), dist.dimension());
                double[] x = start(dist.dimension());
                double[] gl = new double[x.length];
                double[] gd = new double[x.length];
                double vl = local.valueAndGradient(x, gl);
                double vd = dist.valueAndGradient(x, gd);
                String what = recipe.build().map().describe() + ": local " + vl + ", distributed " + vd;
                LOG.info(what + ", |dv|/|v| = " + Math.abs(vd - vl) / Math.abs(vl));
                assertEquals(vl, vd, EVAL_REL_TOL * Math.abs(vl), what);
                double gmax = 0;
                for (double g : gl) {
                    gmax = Math.max(gmax, Math.abs(g));
                }
                for (int i = 0; i < x.length; i++) {
                    double tol = EVAL_REL_TOL * Math.max(Math.abs(gl[i]), GRAD_FLOOR * gmax);
                    assertEquals(gl[i], gd[i], tol, what + ", gradient[" + i + "]");
                }
            }
        }
    }

    @Test
    void messagesCarryVAndTheLossNeverW() {
        RicaMapRecipe recipe = factored();
        try (DistributedRicaFunction dist = new DistributedRicaFunction(sc(), rdd, recipe, lambda, EPSILON)) {
            double[] x = start(dist.dimension());
            dist.valueAndGradient(x, new double[x.length]);
            RicaEvaluation e = dist.evaluations().get(0);
            int v = 18 * FEATURES;
            int w = 36 * FEATURES;
            assertEquals(v, dist.dimension());
            assertEquals(8L * v, e.broadcastBytes(), "broadcast = V as doubles");
            assertEquals(8L * (v + 1), e.messageBytes(), "message = V's gradient + the loss, as doubles");
            assertNotEquals(8L * (w + 1), e.messageBytes());
            assertEquals(PARTITIONS, e.messages());
            assertEquals(PARTITIONS * 8L * (v + 1), e.uploadBytes());
        }
        try (DistributedRicaFunction dist = new DistributedRicaFunction(sc(), rdd, full(), lambda, EPSILON)) {
            dist.valueAndGradient(start(dist.dimension()), new double[dist.dimension()]);
            assertEquals(8L * (36 * FEATURES + 1), dist.evaluations().get(0).messageBytes(), "Full sends W");
        }
    }

    @Test
    void aWrongDictionaryHashFailsTheEvaluationClearly() {
        try (DistributedRicaFunction dist = new DistributedRicaFunction(sc(), rdd, factored(), lambda, EPSILON,
                DistributedRicaFunction.DEFAULT_DEPTH, "0000")) {
            Exception e = assertThrows(Exception.class,
                    () -> dist.valueAndGradient(start(dist.dimension()), new double[dist.dimension()]));
            String message = String.valueOf(e.getMessage());
            assertTrue(message.contains("but the driver's has 0000"), message);
        }
    }

    @Test
    void lbfgsDistributedReachesTheLocalObjectiveAndRerunsAreBitIdentical() {
        lbfgsAgainstLocal(full());
        lbfgsAgainstLocal(factored());
    }

    private static void lbfgsAgainstLocal(RicaMapRecipe recipe) {
        LbfgsOptions options = new LbfgsOptions(10, ITERATIONS, 0, 0, 20, 1e-4, 0.9);
        FunctionSum local = local(recipe);
        double[] xl = start(local.dimension());
        long l0 = System.nanoTime();
        LbfgsResult rl = new Lbfgs(options).minimize(local, xl);
        double localSeconds = (System.nanoTime() - l0) / 1e9;
        String name = recipe.build().map().describe();
        double[][] xd = new double[2][];
        LbfgsResult[] rd = new LbfgsResult[2];
        for (int run = 0; run < 2; run++) {
            try (DistributedRicaFunction dist = new DistributedRicaFunction(sc(), rdd, recipe, lambda, EPSILON)) {
                xd[run] = start(dist.dimension());
                long t0 = System.nanoTime();
                rd[run] = new Lbfgs(options).minimize(dist, xd[run]);
                double seconds = (System.nanoTime() - t0) / 1e9;
                List<RicaIterationTraffic> traffic = dist.perIteration(rd[run].trace());
                long down = 0;
                long up = 0;
                for (RicaIterationTraffic t : traffic) {
                    down += t.broadcastBytes();
                    up += t.uploadBytes();
                    assertEquals(t.evaluations() * 8L * dist.dimension(), t.broadcastBytes());
                    assertEquals(t.evaluations() * PARTITIONS * 8L * (dist.dimension() + 1), t.uploadBytes());
                }
                assertEquals(rd[run].evaluations(), dist.evaluations().size());
                LOG.info("distributed L-BFGS {} run {}: {} -> {} in {} iterations, {} evaluations, {} s ({} s/evaluation); "
                        + "{} bytes down, {} up ({} down + {} up per evaluation); first iterations {}", name, run,
                        rd[run].trace().value(0), rd[run].value(), rd[run].iterations(), rd[run].evaluations(),
                        String.format("%.2f", seconds), String.format("%.4f", seconds / rd[run].evaluations()), down,
                        up, 8L * dist.dimension(), PARTITIONS * 8L * (dist.dimension() + 1),
                        traffic.subList(0, Math.min(3, traffic.size())));
            }
        }
        LOG.info("local L-BFGS {}: {} -> {} in {} iterations, {} evaluations, {} s; distributed - local: {} relative",
                name, rl.trace().value(0), rl.value(), rl.iterations(), rl.evaluations(),
                String.format("%.2f", localSeconds), Math.abs(rd[0].value() - rl.value()) / Math.abs(rl.value()));
        assertEquals(ITERATIONS, rd[0].iterations());
        assertTrue(rd[0].value() < 0.8 * rd[0].trace().value(0), "the objective must fall");
        assertEquals(rl.value(), rd[0].value(), LBFGS_VALUE_REL_TOL * Math.abs(rl.value()));
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < xl.length; i++) {
            diff += (xd[0][i] - xl[i]) * (xd[0][i] - xl[i]);
            norm += xl[i] * xl[i];
        }
        LOG.info("{}: |x_d - x_l| / |x_l| = {}", name, Math.sqrt(diff / norm));
        assertTrue(Math.sqrt(diff / norm) <= LBFGS_X_REL_TOL, name + ": |x_d - x_l| / |x_l| = " + Math.sqrt(diff / norm));
        // exact on purpose: two runs of the same distributed path on this JVM (a determinism check); against the
        // local sum, a different association, the comparisons above use tolerances
        assertArrayEquals(xd[0], xd[1], 0.0, "rerun: the same minimiser bit for bit");
        assertArrayEquals(rd[0].trace().values(), rd[1].trace().values(), 0.0, "rerun: the same trace bit for bit");
    }
}
