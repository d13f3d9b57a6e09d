package org.paramprediction.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.FloatMatrixDataset;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.HiddenLayer;
import org.paramprediction.layer.SoftmaxOutputLayer;
import org.paramprediction.train.DictionarySpec;
import org.paramprediction.train.LayerSpec;
import org.paramprediction.train.TrainingConfig;

/**
 * A column trained on its own (no Spark) on 16 random inputs, 3 classes: what it returns, that the
 * same seed returns the same bits, and how columns are assembled into a layer and their heads
 * averaged.
 */
class ColumnTrainerTest {

    private static final int INPUTS = 16;
    private static final int ATOMS = 4;
    private static final int CLASSES = 3;
    private static final TrainingConfig TRAINING = TrainingConfig.defaults().withMaxEpochs(2);
    private static final DataSplits DATA = randomSplits(120, 30, 7);
    private static final List<DictionaryRecipe> RECIPES = List.of(
            DictionaryRecipe.randFixU(INPUTS, ATOMS, 101), DictionaryRecipe.randFixU(INPUTS, ATOMS, 102));
    /** A 5-unit layer in two columns: 3 + 2 units, as the factored map splits them. */
    private static final LayerSpec LAYER = new LayerSpec(5, Activation.RELU,
            DictionarySpec.of(DictionaryKind.RAND_FIX_U, 0.25, 2));

    private static ColumnOutcome train(int column, int units, long seed, boolean head) {
        return new ColumnTrainer(0, Activation.RELU, CLASSES, TRAINING, head)
                .train(column, RECIPES.get(column), units, seed, null, () -> DATA);
    }

    @Test
    void theSameSeedGivesTheSameBits() {
        ColumnOutcome a = train(0, 3, 42, true);
        ColumnOutcome b = train(0, 3, 42, true);
        // a retried task: the same code path on the same inputs in this JVM, so exact
        assertArrayEquals(a.v(), b.v());
        assertArrayEquals(a.bias(), b.bias());
        assertArrayEquals(a.headWeights(), b.headWeights());
        assertArrayEquals(a.headBias(), b.headBias());
        assertEquals(a.validError(), b.validError());
        assertEquals(a.bestEpoch(), b.bestEpoch());
    }

    @Test
    void theOutcomeCarriesVTheRecipeTheHashOfUAndTheHeadOnlyWhenAsked() {
        ColumnOutcome o = train(1, 2, 5, false);
        Dictionary d = DictionaryBuilder.build(RECIPES.get(1), null);
        assertEquals(0, o.layer());
        assertEquals(1, o.column());
        assertEquals(RECIPES.get(1), o.recipe());
        assertEquals(d.sha256(), o.uSha256());
        assertEquals(ATOMS, o.rows());
        assertEquals(2, o.units());
        assertEquals(ATOMS * 2, o.v().length);
        assertNull(o.headWeights());
        assertNull(o.headBias());
        assertEquals((long) (ATOMS * 2 + 2) * Float.BYTES, o.payloadBytes());
        assertEquals(2, o.epochsTrained());
        ColumnOutcome withHead = train(1, 2, 5, true);
        assertEquals(2 * CLASSES, withHead.headWeights().length);
        assertArrayEquals(o.v(), withHead.v(), "returning the head changes nothing else");
    }

    @Test
    void theAssembledLayerHoldsEachColumnsVAndBiasInItsBlock() {
        List<ColumnOutcome> outcomes = List.of(train(0, 3, 1, false), train(1, 2, 2, false));
        HiddenLayer layer = ColumnAssembler.layer(0, dictionaries(), outcomes, LAYER, false);
        int from = 0;
        for (ColumnOutcome o : outcomes) { // assembling copies values, no arithmetic: exact
            int to = from + o.units();
            assertArrayEquals(o.v(), ColumnAssembler.columnMajor(
                    ColumnAssembler.learned(layer.map()).get(all(), interval(from, to))), "V of column " + o.column());
            assertArrayEquals(o.bias(), ColumnAssembler.columnMajor(
                    layer.bias().value().get(all(), interval(from, to))), "bias of column " + o.column());
            from = to;
        }
    }

    @Test
    void aColumnWhoseUHashDiffersFromTheDriversFailsTheAssembly() {
        ColumnOutcome good = train(1, 2, 2, false);
        ColumnOutcome forged = new ColumnOutcome(0, 1, good.recipe(), "0".repeat(64), good.rows(), good.units(),
                good.v(), good.bias(), null, null, good.validError(), good.bestEpoch(), good.epochsTrained(), 0);
        List<ColumnOutcome> outcomes = List.of(train(0, 3, 1, false), forged);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ColumnAssembler.layer(0, dictionaries(), outcomes, LAYER, false));
        assertTrue(e.getMessage().contains("layer 1 column 1") && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void theAveragedHeadStacksTheColumnHeadsOverTheirCountAndAveragesTheBiases() {
        // Two 1-unit columns over 2 classes: W_1 = [2 4], b_1 = [1 3]; W_2 = [6 8], b_2 = [5 7].
        // W = [W_1; W_2] / 2 = [[1 2]; [3 4]], b = (b_1 + b_2) / 2 = [3 5]: small integers, exact in float.
        ColumnOutcome c0 = new ColumnOutcome(0, 0, RECIPES.get(0), "a", 1, 1, new float[] {1}, new float[] {0},
                new float[] {2, 4}, new float[] {1, 3}, 0, 1, 1, 0);
        ColumnOutcome c1 = new ColumnOutcome(0, 1, RECIPES.get(1), "b", 1, 1, new float[] {1}, new float[] {0},
                new float[] {6, 8}, new float[] {5, 7}, 0, 1, 1, 0);
        SoftmaxOutputLayer head = new SoftmaxOutputLayer(2, 2, ColumnAssembler.DTYPE);
        ColumnAssembler.averageHead(head, List.of(c0, c1));
        assertArrayEquals(new float[] {1, 3, 2, 4}, ColumnAssembler.columnMajor(head.params().get(0).value()));
        assertArrayEquals(new float[] {3, 5}, ColumnAssembler.columnMajor(head.params().get(1).value()));
    }

    private static List<Dictionary> dictionaries() {
        return RECIPES.stream().map(r -> DictionaryBuilder.build(r, null)).toList();
    }

    private static DataSplits randomSplits(int train, int valid, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new DataSplits(random(train, r), random(valid, r), random(0, r));
    }

    private static FloatMatrixDataset random(int rows, SplittableRandom r) {
        float[] x = new float[rows * INPUTS];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < INPUTS; j++) {
                x[i * INPUTS + j] = (float) r.nextDouble();
            }
            y[i] = r.nextInt(CLASSES);
        }
        return new FloatMatrixDataset(x, y, INPUTS, CLASSES);
    }
}
