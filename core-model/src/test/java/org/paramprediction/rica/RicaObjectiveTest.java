package org.paramprediction.rica;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.optim.FunctionSum;
import org.paramprediction.random.Gaussians;

/**
 * The RICA objective and its gradient, in double precision, on small seeded problems: 2-channel
 * 3x3 patches ({@code n = 18}), 6 features, 15 rows.
 */
class RicaObjectiveTest {

    /** Central-difference step. */
    private static final double H = 1e-5;
    /** Largest allowed {@code |analytic - numeric| / max(|analytic| + |numeric|, ABS_FLOOR)}. */
    private static final double MAX_REL_ERROR = 1e-6;
    private static final double ABS_FLOOR = 1e-8;
    /** Agreement of two evaluations of the same value by different operation orders. */
    private static final double SAME_VALUE_REL_TOL = 1e-12;

    private static final int P = 3;
    private static final int CHANNELS = 2;
    private static final int N = CHANNELS * P * P;
    private static final int F = 6;
    private static final int ROWS = 15;
    private static final double LAMBDA = 0.5 / ROWS;
    private static final double EPS = 1e-2;
    private static final long SEED = 20131206L;

    private static RicaObjective objective(WeightMap map, double[] rows, int count) {
        return new RicaObjective(rows, count, map, LAMBDA, EPS, ROWS);
    }

    @Test
    void fullObjectiveMatchesItsDefinitionAndFiniteDifferences() {
        double[] rows = RicaFixtures.gaussianRows(ROWS, N, SEED);
        WeightMap map = new FullWeightMap(N, F);
        double[] params = Gaussians.draw(new SplittableRandom(SEED + 1), 0.3, map.parameters());
        RicaObjective f = objective(map, rows, ROWS);
        double value = f.valueAndGradient(params, new double[params.length]);
        double expected = RicaFixtures.reference(rows, ROWS, RicaFixtures.rowMajor(params, N, F), N, F, LAMBDA, EPS, ROWS);
        assertEquals(expected, value, SAME_VALUE_REL_TOL * Math.abs(expected));
        assertGradientMatchesCentralDifferences(f, params);
    }

    @Test
    void factoredGradientWithOneColumnMatchesFiniteDifferencesInV() {
        checkFactored(1);
    }

    @Test
    void factoredGradientWithSeveralColumnsMatchesFiniteDifferencesInV() {
        checkFactored(3);
    }

    @Test
    void factoredGradientForDctAndRandFixUDictionariesMatchesFiniteDifferences() {
        List<Dictionary> dct = List.of(DictionaryBuilder.build(DictionaryRecipe.dct(P, P, 5), null),
                DictionaryBuilder.build(DictionaryRecipe.dct(P, P, 5), null));
        List<Dictionary> randFixU = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            randFixU.add(DictionaryBuilder.build(DictionaryRecipe.randFixU(P * P, 4, SEED + j), null));
        }
        double[] rows = RicaFixtures.gaussianRows(ROWS, N, SEED);
        for (List<Dictionary> dictionaries : List.of(dct, randFixU)) {
            WeightMap map = new FactoredWeightMap(dictionaries, CHANNELS, F);
            double[] v = Gaussians.draw(new SplittableRandom(SEED + 3), 0.3, map.parameters());
            assertGradientMatchesCentralDifferences(objective(map, rows, ROWS), v);
        }
    }

    private void checkFactored(int columns) {
        double[] rows = RicaFixtures.gaussianRows(ROWS, N, SEED);
        FactoredWeightMap map = new FactoredWeightMap(RicaFixtures.seColumns(P, 4, columns, SEED), CHANNELS, F);
        assertEquals(CHANNELS * 4 * F, map.parameters());
        double[] v = Gaussians.draw(new SplittableRandom(SEED + 2), 0.3, map.parameters());
        RicaObjective f = objective(map, rows, ROWS);
        assertGradientMatchesCentralDifferences(f, v);
    }

    /**
     * {@code J_factored(V) = J_full(U V)}, with {@code U V} built here from the dictionaries by the
     * definition {@code W[c*pp + s][h] = sum_k U_s,j[s][k] V[c*a + k][h]} for the column {@code j}
     * that owns feature {@code h}.
     */
    @Test
    void factoredObjectiveEqualsFullObjectiveAtTheProductWeights() {
        int columns = 2;
        int atoms = 4;
        List<Dictionary> dictionaries = RicaFixtures.seColumns(P, atoms, columns, SEED);
        FactoredWeightMap map = new FactoredWeightMap(dictionaries, CHANNELS, F);
        double[] v = Gaussians.draw(new SplittableRandom(SEED + 4), 0.3, map.parameters());
        int[] starts = org.paramprediction.layer.FactoredMap.columnStarts(F, columns);
        int vRows = CHANNELS * atoms;
        double[] wColumnMajor = new double[N * F];
        for (int j = 0; j < columns; j++) {
            double[] us = dictionaries.get(j).u();
            for (int h = starts[j]; h < starts[j + 1]; h++) {
                for (int c = 0; c < CHANNELS; c++) {
                    for (int s = 0; s < P * P; s++) {
                        double sum = 0;
                        for (int k = 0; k < atoms; k++) {
                            sum += us[s * atoms + k] * v[h * vRows + c * atoms + k];
                        }
                        wColumnMajor[h * N + c * P * P + s] = sum;
                    }
                }
            }
        }
        double[] rows = RicaFixtures.gaussianRows(ROWS, N, SEED);
        RicaObjective factored = objective(map, rows, ROWS);
        double jFactored = factored.valueAndGradient(v, new double[v.length]);
        double jFull = objective(new FullWeightMap(N, F), rows, ROWS).valueAndGradient(wColumnMajor, new double[N * F]);
        assertEquals(jFull, jFactored, SAME_VALUE_REL_TOL * Math.abs(jFull));
        assertArrayEquals(RicaFixtures.rowMajor(wColumnMajor, N, F), factored.weights(v), 1e-13);
    }

    /** The objective of all rows is the sum of its blocks' objectives (same normaliser {@code m}). */
    @Test
    void theObjectiveOfAllRowsIsTheSumOfItsRowBlocks() {
        double[] rows = RicaFixtures.gaussianRows(ROWS, N, SEED);
        WeightMap map = new FactoredWeightMap(RicaFixtures.seColumns(P, 4, 2, SEED), CHANNELS, F);
        double[] v = Gaussians.draw(new SplittableRandom(SEED + 5), 0.3, map.parameters());
        double[] whole = new double[v.length];
        double jWhole = objective(map, rows, ROWS).valueAndGradient(v, whole);
        int[] cuts = {0, 4, 11, ROWS};
        List<RicaObjective> blocks = new ArrayList<>();
        for (int b = 0; b + 1 < cuts.length; b++) {
            double[] part = java.util.Arrays.copyOfRange(rows, cuts[b] * N, cuts[b + 1] * N);
            blocks.add(objective(map, part, cuts[b + 1] - cuts[b]));
        }
        double[] summed = new double[v.length];
        double jSummed = new FunctionSum(blocks).valueAndGradient(v, summed);
        assertEquals(jWhole, jSummed, SAME_VALUE_REL_TOL * Math.abs(jWhole));
        double scale = maxAbs(whole);
        assertArrayEquals(whole, summed, SAME_VALUE_REL_TOL * 10 * scale);
    }

    private static void assertGradientMatchesCentralDifferences(RicaObjective f, double[] params) {
        double[] analytic = new double[params.length];
        f.valueAndGradient(params, analytic);
        double[] scratch = new double[params.length];
        double[] x = params.clone();
        for (int i = 0; i < x.length; i++) {
            double original = x[i];
            x[i] = original + H;
            double plus = f.valueAndGradient(x, scratch);
            x[i] = original - H;
            double minus = f.valueAndGradient(x, scratch);
            x[i] = original;
            double numeric = (plus - minus) / (2 * H);
            double rel = Math.abs(analytic[i] - numeric) / Math.max(Math.abs(analytic[i]) + Math.abs(numeric), ABS_FLOOR);
            int index = i;
            assertTrue(rel <= MAX_REL_ERROR, () -> f.map().describe() + " parameter " + index + ": analytic "
                    + analytic[index] + " numeric " + numeric + " relative error " + rel);
        }
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
