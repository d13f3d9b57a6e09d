package org.paramprediction.rica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.optim.LbfgsOptions;
import org.paramprediction.optim.LbfgsTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RICA on real data: 8x8 patches from the first 3,000 Fashion-MNIST training images
 * ({@code /usr/share/datasets/fashion-mnist}), ZCA-whitened, 32 features, 80 L-BFGS iterations, Full
 * and factored with an SE dictionary at fraction 0.5 (32 of the 64 positions).
 */
class RicaOnFashionMnistTest {

    private static final Logger LOG = LoggerFactory.getLogger(RicaOnFashionMnistTest.class);

    private static final int PATCH = 8;
    private static final int PATCHES = 8_000;
    private static final long PATCH_SEED = 1306L;
    private static final double ZCA_EPS = 0.01;
    private static final int FEATURES = 32;
    /** {@code lambda * m}: the sparsity weight per row, against a reconstruction error per row of at most 64. */
    private static final double LAMBDA_PER_ROW = 0.1;
    private static final double SMOOTH_L1_EPS = 1e-2;
    private static final int ITERATIONS = 80;
    private static final long INIT_SEED = 541L;

    private static Patches white;

    @BeforeAll
    static void samplePatches() {
        ByteImageDataset images = FashionMnist.loadTrainFile(FashionMnist.DEFAULT_ROOT).slice(0, 3_000);
        Patches raw = PatchSampler.sample(images, PATCH, PATCHES, PATCH_SEED);
        white = Zca.fit(raw.rows(), raw.count(), raw.dimension(), ZCA_EPS).whiten(raw);
    }

    private static RicaConfig config() {
        return new RicaConfig(LAMBDA_PER_ROW / PATCHES, SMOOTH_L1_EPS, 4_096, INIT_SEED,
                LbfgsOptions.defaults().withMaxIterations(ITERATIONS).withGradientTolerance(0)
                        .withRelativeFunctionTolerance(0));
    }

    @Test
    void factoredRicaWithAnSeDictionaryAtFractionHalfLowersTheObjectiveMonotonically() {
        FactoredWeightMap map = new FactoredWeightMap(RicaFixtures.seColumns(PATCH, PATCH * PATCH / 2, 1, 77L), 1, FEATURES);
        assertEquals(0.5, map.fraction(), 0.0);
        RicaResult r = RicaTrainer.train(white, map, config());
        assertDescends(r, "factored SE f=0.5");
        assertEquals(PATCH * PATCH * FEATURES, r.weights().length);
    }

    @Test
    void fullRicaLowersTheObjectiveMonotonically() {
        RicaResult r = RicaTrainer.train(white, new FullWeightMap(PATCH * PATCH, FEATURES), config());
        assertDescends(r, "Full");
    }

    private static void assertDescends(RicaResult r, String what) {
        LbfgsTrace trace = r.optimisation().trace();
        LOG.info("{}: objective {} -> {} in {} iterations, {} evaluations, {} s ({})", what, r.initialObjective(),
                r.finalObjective(), r.iterations(), r.optimisation().evaluations(),
                String.format("%.2f", r.seconds()), r.optimisation().reason());
        assertEquals(ITERATIONS, r.iterations(), what + " stopped early: " + r.optimisation().reason());
        for (int k = 1; k < trace.size(); k++) {
            assertTrue(trace.value(k) < trace.value(k - 1), what + ": objective rose at iteration " + k + ": "
                    + trace.value(k - 1) + " -> " + trace.value(k));
        }
        assertTrue(r.finalObjective() < 0.5 * r.initialObjective(), what + ": objective only went from "
                + r.initialObjective() + " to " + r.finalObjective());
        for (double w : r.weights()) {
            assertTrue(Double.isFinite(w));
        }
    }
}
