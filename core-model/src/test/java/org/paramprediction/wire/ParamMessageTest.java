package org.paramprediction.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.train.PassTotals;

class ParamMessageTest {

    private static float[] values(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(-6, 3)));
        }
        return v;
    }

    @Test
    void float32RoundTripIsExactAndSizeIsWhatEncodeWrites() {
        float[] v = values(1001, 1);
        PassTotals t = new PassTotals(123.25, 7, 500);
        byte[] bytes = new ParamMessage(Encoding.FLOAT32, 1001, v, false, t).encode();
        assertEquals(12 + 24 + 1001 * 4, bytes.length);
        assertEquals(ParamMessage.size(Encoding.FLOAT32, 1001, false, true), bytes.length);
        ParamMessage m = ParamMessage.decode(bytes);
        assertArrayEquals(v, m.values());
        assertEquals(t, m.totals());
        assertEquals(t, ParamMessage.totalsOf(bytes), "the header alone gives the same totals");
        assertEquals(1001, m.params());
    }

    @Test
    void velocitiesDoubleThePayloadAndDownMessagesHaveNoTotals() {
        float[] v = values(2 * 300, 2);
        byte[] bytes = new ParamMessage(Encoding.FLOAT32, 300, v, true, null).encode();
        assertEquals(12 + 2 * 300 * 4, bytes.length);
        ParamMessage m = ParamMessage.decode(bytes);
        assertTrue(m.hasVelocities());
        assertNull(m.totals());
        assertArrayEquals(v, m.values());
    }

    @Test
    void fp16HalvesTheBytesAndKeepsThreeDigits() {
        float[] v = values(5000, 3);
        byte[] bytes = new ParamMessage(Encoding.FP16, 5000, v, false, null).encode();
        assertEquals(12 + 5000 * 2, bytes.length);
        float[] back = ParamMessage.decode(bytes).values();
        for (int i = 0; i < v.length; i++) {
            float a = Math.abs(v[i]);
            if (a > 6.2e-5f && a < 65000f) { // normal half range: relative error <= 2^-11
                assertEquals(v[i], back[i], a * 0x1p-11f, "value " + i);
            } else if (a <= 6.2e-5f) { // subnormal: absolute error <= half the smallest step
                assertEquals(v[i], back[i], 0x1p-25f, "value " + i);
            }
        }
    }

    @Test
    void halfConversionAgreesWithNd4jBitForBit() {
        float[] v = values(20000, 4);
        float[] special = {0f, -0f, 1f, -1f, 65504f, 65520f, 1e6f, -1e6f, 6.1035156e-5f, 5.9604645e-8f, 2.9802322e-8f,
            2.9802326e-8f, 1e-9f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1.0009765625f, 1.00048828125f,
            1.00146484375f, 0.333333f, 2049f, 2051f};
        float[] all = new float[v.length + special.length];
        System.arraycopy(v, 0, all, 0, v.length);
        System.arraycopy(special, 0, all, v.length, special.length);
        float[] nd4j = Nd4j.createFromArray(all).castTo(DataType.HALF).castTo(DataType.FLOAT).toFloatVector();
        for (int i = 0; i < all.length; i++) {
            float ours = Half.toFloat(Half.fromFloat(all[i]));
            assertEquals(Float.floatToIntBits(nd4j[i]), Float.floatToIntBits(ours),
                    "value " + all[i] + ": nd4j " + nd4j[i] + " ours " + ours);
        }
        assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(Float.NaN))));
    }

    @Test
    void malformedMessagesAreRejectedWithAReason() {
        byte[] ok = new ParamMessage(Encoding.FLOAT32, 3, new float[3], false, null).encode();
        byte[] shortOne = java.util.Arrays.copyOf(ok, ok.length - 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParamMessage.decode(shortOne)).getMessage()
                .contains("has 24 bytes but got 23"));
        byte[] badMagic = ok.clone();
        badMagic[0] = 0;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParamMessage.decode(badMagic)).getMessage()
                .contains("bad magic"));
        assertThrows(IllegalArgumentException.class,
                () -> new ParamMessage(Encoding.FLOAT32, 3, new float[4], false, null));
    }
}
