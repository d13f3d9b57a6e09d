package org.paramprediction.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
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

    /** Every binary16 pattern decodes to {@code (-1)^s 2^(e-15) (1 + m/1024)}, or {@code m 2^-24} when subnormal. */
    @Test
    void everyHalfDecodesToItsIeeeValue() {
        for (int bits = 0; bits < 0x10000; bits++) {
            int e = (bits >> 10) & 0x1F;
            int m = bits & 0x3FF;
            double sign = (bits & 0x8000) != 0 ? -1 : 1;
            float got = Half.toFloat((short) bits);
            if (e == 0x1F) {
                assertTrue(m == 0 ? got == sign * Double.POSITIVE_INFINITY : Float.isNaN(got), "bits " + bits);
            } else {
                double expected = sign * (e == 0 ? m * 0x1p-24 : Math.scalb(1 + m / 1024.0, e - 15));
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(got), "bits " + bits);
            }
        }
    }

    /**
     * The encoder is IEEE 754's float-to-binary16 conversion, rounding to nearest with ties to an even
     * significand, overflowing to infinity from 65520 on: checked against the nearest of all 63,488
     * finite halves, found by exact decimal arithmetic (not against another library's cast, whose
     * rounding may depend on the CPU's F16C instructions).
     */
    @Test
    void halfEncodingRoundsToTheNearestHalfTiesToEven() {
        float[] v = values(20000, 4);
        float[] special = {0f, -0f, 1f, -1f, 65504f, 65519.996f, 65520f, 1e6f, -1e6f, 6.1035156e-5f, 5.9604645e-8f,
            2.9802322e-8f, 2.9802326e-8f, 1e-9f, 1.0009765625f, 1.00048828125f, 1.00146484375f, 0.333333f, 2049f,
            2051f, 3.0517578e-5f, 4.4703484e-8f};
        float[] all = new float[v.length + special.length];
        System.arraycopy(v, 0, all, 0, v.length);
        System.arraycopy(special, 0, all, v.length, special.length);
        BigDecimal[] halves = new BigDecimal[0x7C00]; // every finite non-negative half, ascending with its bits
        for (int bits = 0; bits < halves.length; bits++) {
            halves[bits] = new BigDecimal(Half.toFloat((short) bits));
        }
        for (float x : all) {
            short got = Half.fromFloat(x);
            int sign = Float.floatToRawIntBits(x) < 0 ? 0x8000 : 0;
            assertEquals(sign | nearestHalf(halves, new BigDecimal(Math.abs(x))), got & 0xFFFF, "value " + x);
        }
        assertEquals(0x7C00, Half.fromFloat(Float.POSITIVE_INFINITY) & 0xFFFF);
        assertEquals(0xFC00, Half.fromFloat(Float.NEGATIVE_INFINITY) & 0xFFFF);
        assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(Float.NaN))));
    }

    private static int nearestHalf(BigDecimal[] halves, BigDecimal a) {
        BigDecimal overflow = new BigDecimal(65520); // halfway from 65504 to 2^16: ties to even, i.e. to infinity
        if (a.compareTo(overflow) >= 0) {
            return 0x7C00;
        }
        int hi = Arrays.binarySearch(halves, a);
        if (hi >= 0) {
            return hi;
        }
        hi = -hi - 1; // first half above a
        if (hi == halves.length) {
            return halves.length - 1;
        }
        int lo = hi - 1;
        int c = a.subtract(halves[lo]).compareTo(halves[hi].subtract(a));
        return c < 0 ? lo : c > 0 ? hi : (lo % 2 == 0 ? lo : hi);
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
