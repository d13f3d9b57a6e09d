package org.paramprediction.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.paramprediction.train.PassTotals;

/** The averaging math on hand-made parameters. */
class ParamAverageTest {

    private static int next;

    private static ParamAverage leaf(long examples, double loss, long errors, float... values) {
        return ParamAverage.leaf(next++, new ParamMessage(Encoding.FLOAT32, values.length, values, false,
                new PassTotals(loss, errors, examples)).encode());
    }

    @Test
    void threeWorkersAreAveragedWeightedByTheirExamples() {
        ParamAverage a = leaf(100, 10.0, 3, 1f, -2f, 0.5f);
        ParamAverage b = leaf(200, 30.0, 5, 4f, 2f, 0.5f);
        ParamAverage c = leaf(100, 20.0, 2, -3f, 0f, 2.5f);
        ParamAverage all = ParamAverage.merge(ParamAverage.merge(a, b), c);
        ParamMessage m = all.mean();
        // (100*1 + 200*4 + 100*-3) / 400 = 1.5; (-200 + 400 + 0) / 400 = 0.5; (50 + 100 + 250) / 400 = 1.0
        assertArrayEquals(new float[] {1.5f, 0.5f, 1.0f}, m.values());
        assertEquals(new PassTotals(60.0, 10, 400), m.totals());
        assertEquals(3, all.leaves());
        assertEquals(3L * ParamMessage.size(Encoding.FLOAT32, 3, false, true), all.uploadBytes());
        // the order of merging (which task finished first) does not change a single bit
        ParamMessage otherOrder = ParamAverage.merge(c, ParamAverage.merge(b, a)).mean();
        assertArrayEquals(m.values(), otherOrder.values());
    }

    @Test
    void theEmptyAverageIsTheIdentityAndOneWorkerComesBackBitForBit() {
        float[] v = {0.1f, 1e-30f, -7.25f, 3.4e38f, Float.MIN_VALUE};
        ParamAverage a = leaf(37, 1.0, 0, v);
        assertSame(a, ParamAverage.merge(ParamAverage.EMPTY, a));
        assertSame(a, ParamAverage.merge(a, ParamAverage.EMPTY));
        assertEquals(0, ParamAverage.EMPTY.leaves());
        assertArrayEquals(v, a.mean().values());
    }

    @Test
    void velocitiesAreAveragedLikeParameters() {
        ParamAverage a = ParamAverage.leaf(0, new ParamMessage(Encoding.FLOAT32, 1, new float[] {2f, 10f}, true,
                new PassTotals(0, 0, 1)).encode());
        ParamAverage b = ParamAverage.leaf(1, new ParamMessage(Encoding.FLOAT32, 1, new float[] {4f, 20f}, true,
                new PassTotals(0, 0, 3)).encode());
        assertArrayEquals(new float[] {3.5f, 17.5f}, ParamAverage.merge(a, b).mean().values());
    }

    @Test
    void messagesOfDifferentLayoutsOrWithoutExamplesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ParamAverage.merge(leaf(1, 0, 0, 1f), leaf(1, 0, 0, 1f, 2f)).mean());
        ParamAverage once = leaf(1, 0, 0, 1f);
        assertThrows(IllegalArgumentException.class, () -> ParamAverage.merge(once, once));
        assertThrows(IllegalArgumentException.class, () -> ParamAverage.leaf(7, 
                new ParamMessage(Encoding.FLOAT32, 1, new float[1], false, null).encode()));
        assertThrows(IllegalArgumentException.class, () -> leaf(0, 0, 0, 1f));
    }
}
