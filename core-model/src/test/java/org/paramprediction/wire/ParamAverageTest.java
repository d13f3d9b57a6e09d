package org.paramprediction.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.paramprediction.train.PassTotals;

/** The averaging math on hand-made parameters. */
class ParamAverageTest {

    /**
     * Tolerance for means whose true value is exactly representable (values of magnitude at most 20
     * here): a few float ulps, far below any wrong weighting (at least 0.25 off in these cases).
     */
    private static final float EXACT_AS_FLOAT = 1e-5f;

    private static final int FLOAT32_UP_3 = ParamMessage.size(Encoding.FLOAT32, 3, false, true);

    private static ParamAverage leaf(int partition, long examples, double loss, long errors, float... values) {
        return leaf(partition, Encoding.FLOAT32, examples, loss, errors, values);
    }

    private static ParamAverage leaf(int partition, Encoding enc, long examples, double loss, long errors,
            float... values) {
        return ParamAverage.leaf(partition, new ParamMessage(enc, values.length, values, false,
                new PassTotals(loss, errors, examples)).encode());
    }

    @Test
    void threeWorkersAreAveragedWeightedByTheirExamples() {
        ParamAverage a = leaf(0, 100, 10.0, 3, 1f, -2f, 0.5f);
        ParamAverage b = leaf(1, 200, 30.0, 5, 4f, 2f, 0.5f);
        ParamAverage c = leaf(2, 100, 20.0, 2, -3f, 0f, 2.5f);
        ParamAverage all = ParamAverage.combine(List.of(a, b, c));
        ParamMessage m = all.mean();
        // Means of small integers and halves, compared within EXACT_AS_FLOAT; only a rerun of the same
        // tree is compared bit for bit.
        // (100*1 + 200*4 + 100*-3) / 400 = 1.5; (-200 + 400 + 0) / 400 = 0.5; (50 + 100 + 250) / 400 = 1.0
        assertArrayEquals(new float[] {1.5f, 0.5f, 1.0f}, m.values(), EXACT_AS_FLOAT);
        assertEquals(new PassTotals(60.0, 10, 400), m.totals());
        assertEquals(3, all.leaves());
        assertEquals(3L * FLOAT32_UP_3, all.uploadBytes(), "three uploads reached the driver");
        assertEquals(FLOAT32_UP_3, all.messageBytes(), "one combined message");
    }

    @Test
    void anIntermediateLevelSendsOneCombinedMessageAndItsBytesAreCounted() {
        ParamAverage a = leaf(0, 100, 10.0, 3, 1f, -2f, 0.5f);
        ParamAverage b = leaf(1, 200, 30.0, 5, 4f, 2f, 0.5f);
        ParamAverage c = leaf(2, 100, 20.0, 2, -3f, 0f, 2.5f);
        ParamAverage ab = ParamAverage.merge(a, b);
        assertEquals(FLOAT32_UP_3, ab.messageBytes(), "a and b travel on as one message, not two");
        ParamAverage top = ParamAverage.merge(ab, c);
        // up: a, b (to the intermediate level), then ab and c (to the driver)
        assertEquals(4L * FLOAT32_UP_3, top.uploadBytes());
        assertEquals(4, top.messagesSent());
        assertEquals(3, top.leaves());
        assertEquals(new PassTotals(60.0, 10, 400), top.mean().totals());
        // ab's mean (3, 2/3, 0.5) is rounded to float once: within one rounding per level of the flat mean
        float[] flat = ParamAverage.combine(List.of(a, b, c)).mean().values();
        float[] tree = top.mean().values();
        for (int i = 0; i < flat.length; i++) {
            assertEquals(flat[i], tree[i], 2 * levelTolerance(Encoding.FLOAT32, 4f), "value " + i);
        }
    }

    /**
     * One rounding of a weighted mean to the encoding: at most half an ulp of values of magnitude
     * {@code max} ({@code 2^-24} or {@code 2^-11} relative), and as much again for the double sums.
     */
    private static double levelTolerance(Encoding enc, double max) {
        return 2 * max * (enc == Encoding.FLOAT32 ? Math.pow(2, -24) : Math.pow(2, -11));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aTreeOfNineWorkersMatchesTheFlatMeanWithinOneRoundingPerLevelAndRepeatsBitForBit(Encoding enc) {
        SplittableRandom rng = new SplittableRandom(5);
        int params = 50;
        List<ParamAverage> leaves = new ArrayList<>();
        double max = 0;
        for (int p = 0; p < 9; p++) {
            float[] v = new float[params];
            for (int i = 0; i < params; i++) {
                v[i] = (float) (rng.nextGaussian() * 3);
                max = Math.max(max, Math.abs(v[i]));
            }
            leaves.add(leaf(p, enc, 1 + rng.nextInt(300), rng.nextDouble(), rng.nextInt(10), v));
        }
        ParamAverage flat = ParamAverage.combine(leaves);
        ParamAverage tree = tree(leaves);
        int up = ParamMessage.size(enc, params, false, true);
        assertEquals(9L * up, flat.uploadBytes());
        assertEquals(12L * up, tree.uploadBytes(), "9 uploads and 3 combined messages");
        assertEquals(12, tree.messagesSent());
        assertEquals(9, tree.leaves());
        assertEquals(flat.mean().totals().examples(), tree.mean().totals().examples());
        float[] a = flat.mean().values();
        float[] b = tree.mean().values();
        for (int i = 0; i < params; i++) {
            assertEquals(a[i], b[i], 2 * levelTolerance(enc, max), enc + " value " + i);
        }
        assertArrayEquals(b, tree(leaves).mean().values(), "the same tree, the same bits");
    }

    private static ParamAverage tree(List<ParamAverage> leaves) {
        List<ParamAverage> level = new ArrayList<>();
        for (int g = 0; g < leaves.size(); g += 3) {
            level.add(ParamAverage.combine(leaves.subList(g, g + 3)));
        }
        return ParamAverage.combine(level);
    }

    @Test
    void theEmptyAverageIsTheIdentityAndOneWorkerComesBackBitForBit() {
        float[] v = {0.1f, 1e-30f, -7.25f, 3.4e38f, Float.MIN_VALUE};
        // bit for bit by design, not one computation against another: one worker's values are its
        // float32 message decoded, and the mean of one upload is that upload (x * n / n, exact in double)
        ParamAverage a = leaf(0, 37, 1.0, 0, v);
        assertArrayEquals(v, ParamAverage.merge(ParamAverage.EMPTY, a).mean().values());
        assertArrayEquals(v, ParamAverage.merge(a, ParamAverage.EMPTY).mean().values());
        assertEquals(ParamMessage.size(Encoding.FLOAT32, 5, false, true), ParamAverage.merge(a, ParamAverage.EMPTY)
                .uploadBytes());
        assertEquals(0, ParamAverage.EMPTY.leaves());
        assertTrue(ParamAverage.combine(List.of(ParamAverage.EMPTY, ParamAverage.EMPTY)).isEmpty());
        assertArrayEquals(v, a.mean().values());
    }

    @Test
    void velocitiesAreAveragedLikeParameters() {
        ParamAverage a = ParamAverage.leaf(0, new ParamMessage(Encoding.FLOAT32, 1, new float[] {2f, 10f}, true,
                new PassTotals(0, 0, 1)).encode());
        ParamAverage b = ParamAverage.leaf(1, new ParamMessage(Encoding.FLOAT32, 1, new float[] {4f, 20f}, true,
                new PassTotals(0, 0, 3)).encode());
        assertArrayEquals(new float[] {3.5f, 17.5f}, ParamAverage.merge(a, b).mean().values(), EXACT_AS_FLOAT);
    }

    @Test
    void outOfOrderOrRepeatedPartitionsAndMismatchedMessagesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ParamAverage.merge(leaf(0, 1, 0, 0, 1f), leaf(1, 1, 0, 0, 1f, 2f)));
        ParamAverage once = leaf(0, 1, 0, 0, 1f);
        assertThrows(IllegalArgumentException.class, () -> ParamAverage.merge(once, once));
        ParamAverage one = leaf(1, 1, 0, 0, 1f);
        ParamAverage two = leaf(2, 1, 0, 0, 1f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParamAverage.merge(two, ParamAverage.merge(once, one)));
        assertEquals("partitions must be merged in order, each once, but partitions [0..1] came after [2]",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParamAverage.leaf(7,
                new ParamMessage(Encoding.FLOAT32, 1, new float[1], false, null).encode()));
        assertThrows(IllegalArgumentException.class, () -> leaf(0, 0, 0, 0, 1f));
    }
}
