package org.paramprediction.rica;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.KernelKind;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.train.DictionarySpec;
import org.paramprediction.train.LearnedWeights;

/**
 * {@link RicaPipeline} end to end on a Fashion-MNIST subset (1,500 training, 500 validation and 500
 * test images; 8x8 patches, 16 features, 40 L-BFGS iterations): the seeds are drawn in the documented
 * order, the parameter counts are those of {@code W} and {@code V}, a factored run's filters lie in the
 * span of its dictionaries, a rerun reproduces the run, and the classifier is far above chance.
 */
class RicaPipelineTest {

    private static final RicaPipeline.Settings SETTINGS = new RicaPipeline.Settings(16, 8, 4_000, 0.1, 40, 3,
            Pooling.SUM, 0.01, 0.01, List.of(1e-3, 1e-2), 100);
    private static final long SEED = 20131205L;
    /** Chance is 0.10; 16 RICA features on 1,500 images give about 0.75 here. */
    private static final double MIN_ACCURACY = 0.6;

    private static DataSplits data;

    @BeforeAll
    static void load() {
        ByteImageDataset file = FashionMnist.loadTrainFile(FashionMnist.DEFAULT_ROOT);
        data = new DataSplits(file.slice(0, 1_500), file.slice(1_500, 2_000),
                FashionMnist.loadTestFile(FashionMnist.DEFAULT_ROOT).slice(0, 500));
    }

    @Test
    void fullRicaLearnsClassifiesAndCountsW() {
        RicaPipeline.Outcome o = RicaPipeline.run(data, DictionarySpec.full(), SETTINGS, SEED, null);
        SplittableRandom root = new SplittableRandom(SEED);
        root.nextLong(); // Full has one column: its (unused) dictionary seed comes first
        assertEquals(root.nextLong(), o.patchSeed());
        assertEquals(root.nextLong(), o.initSeed());
        assertTrue(o.map().isFull());
        assertEquals(64L * 16, o.dynamicParameters());
        assertEquals(64L * 16, o.totalParameters());
        assertEquals(2 * 16 * 3 * 3, o.featureDimension());
        assertTrue(o.rica().finalObjective() < 0.9 * o.rica().initialObjective(),
                o.rica().initialObjective() + " -> " + o.rica().finalObjective());
        assertTrue(o.testAccuracy() >= MIN_ACCURACY, "test accuracy " + o.testAccuracy());
        assertTrue(o.validAccuracy() >= MIN_ACCURACY, "validation accuracy " + o.validAccuracy());
    }

    @Test
    void factoredFiltersLieInTheSpanOfTheirDictionariesAndARerunReproducesTheRun() {
        DictionarySpec se = new DictionarySpec(DictionaryKind.KERNEL_RIDGE, KernelKind.SE, 0.25, 2, 1e-3, 2.0, 0,
                true);
        RicaPipeline.Outcome o = RicaPipeline.run(data, se, SETTINGS, SEED, null);
        assertEquals(2, o.map().columns().size());
        int atoms = 16; // round(0.25 * 64)
        assertEquals((long) atoms * 16, o.dynamicParameters());
        assertEquals(64L * 16, o.totalParameters());
        SplittableRandom root = new SplittableRandom(SEED);
        assertEquals(root.nextLong(), o.map().columns().get(0).seed());
        assertEquals(root.nextLong(), o.map().columns().get(1).seed());
        assertEquals(root.nextLong(), o.patchSeed());

        // W_j = U_j V_j: the residual of projecting each column's filters on span(U_j) is rounding only
        double[] w = o.rica().weights();
        int[] starts = FactoredMap.columnStarts(16, 2);
        for (int j = 0; j < 2; j++) {
            Dictionary d = DictionaryBuilder.build(o.map().columns().get(j), null);
            INDArray u = Nd4j.create(d.u(), new long[] {d.inputs(), d.atoms()}, 'c');
            INDArray wj = Nd4j.create(DataType.DOUBLE, 64, starts[j + 1] - starts[j]);
            for (int i = 0; i < 64; i++) {
                for (int k = starts[j]; k < starts[j + 1]; k++) {
                    wj.putScalar(i, k - starts[j], w[i * 16 + k]);
                }
            }
            INDArray coef = InvertMatrix.invert(u.transpose().mmul(u), false)
                    .mmul(u.transpose()).mmul(wj);
            double residual = wj.sub(u.mmul(coef)).norm2Number().doubleValue();
            assertTrue(residual <= 1e-6 * wj.norm2Number().doubleValue(), "column " + j + " residual " + residual
                    + " of |W_j| " + wj.norm2Number());
        }
        // the weights-table rows rebuild W: column f of U_j V_j is filter starts[j] + f (one channel)
        List<LearnedWeights> rows = RicaWeights.of(o.map(), o.rica());
        assertEquals(2, rows.size());
        for (int j = 0; j < 2; j++) {
            LearnedWeights lw = rows.get(j);
            double[] u = DictionaryBuilder.build(lw.recipe(), null).u();
            assertEquals(64, lw.inputs());
            assertEquals(starts[j + 1] - starts[j], lw.units());
            for (int i = 0; i < 64; i++) {
                for (int h = 0; h < lw.units(); h++) {
                    double x = 0;
                    for (int a = 0; a < lw.atoms(); a++) {
                        x += u[i * lw.atoms() + a] * lw.v()[a * lw.units() + h];
                    }
                    double expected = w[i * 16 + starts[j] + h];
                    assertEquals(expected, x, 1e-5 * (1 + Math.abs(expected)), "W[" + i + "][" + (starts[j] + h) + "]");
                }
            }
        }
        RicaPipeline.Outcome again = RicaPipeline.run(data, se, SETTINGS, SEED, null);
        assertArrayEquals(o.rica().weights(), again.rica().weights(), "same data, settings and seed: same filters");
        assertEquals(o.testAccuracy(), again.testAccuracy());
        assertTrue(o.testAccuracy() >= MIN_ACCURACY, "test accuracy " + o.testAccuracy());
    }

    @Test
    void downsizedLearnsAsManyValuesAsTheFactoredMap() {
        assertEquals(6, RicaPipeline.downsizedFeatures(64, 8, 0.1)); // atoms round(6.4) = 6 of 64: 64 * 6 / 64
        assertEquals(16, RicaPipeline.downsizedFeatures(64, 8, 0.25));
        assertEquals(1, RicaPipeline.downsizedFeatures(4, 8, 0.02)); // at least one feature
        assertEquals(64, RicaPipeline.downsizedFeatures(64, 8, 1.0));
    }

    @Test
    void settingsAndPatchSizeAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> SETTINGS.withFeatures(0));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> RicaPipeline.run(data,
                DictionarySpec.full(), new RicaPipeline.Settings(4, 29, 10, 0.1, 1, 1, Pooling.SUM, 0.01, 0.01,
                        List.of(0.01), 1), SEED, null));
        assertTrue(big.getMessage().contains("patch must be <= the images' height and width"), big.getMessage());
    }
}
