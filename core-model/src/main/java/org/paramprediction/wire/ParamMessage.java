package org.paramprediction.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.paramprediction.train.PassTotals;

/**
 * The wire format of the distributed trainer: a flat vector of parameter values (optionally
 * followed by as many momentum velocities) and, going up, the worker's loss totals.
 *
 * <pre>
 * offset size
 *   0     4   magic 'PPW1'
 *   4     1   encoding code (1 = float32, 2 = fp16)
 *   5     1   flags: bit 0 = totals present, bit 1 = velocities present
 *   6     2   reserved, 0
 *   8     4   parameter count n (int)
 *  12    24   totals, if present: examples (long), loss sum (double), errors (long)
 *   .   n*b   parameter values, then n*b velocities if present (b = 4 or 2 bytes, little-endian)
 * </pre>
 *
 * The encoded length is exactly {@link #size}; it is what the trainer counts as bytes on the wire.
 */
public final class ParamMessage {

    public static final int MAGIC = 0x50505731;
    public static final int HEADER_BYTES = 12;
    public static final int TOTALS_BYTES = 24;

    private final Encoding encoding;
    private final int params;
    private final float[] values;
    private final boolean velocities;
    private final PassTotals totals;

    /**
     * @param values {@code params} values, then {@code params} velocities when {@code velocities}
     * @param totals null for a message going down
     */
    public ParamMessage(Encoding encoding, int params, float[] values, boolean velocities, PassTotals totals) {
        int expected = velocities ? 2 * params : params;
        if (values.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " values for " + params
                    + " parameters" + (velocities ? " with velocities" : "") + " but got " + values.length);
        }
        this.encoding = encoding;
        this.params = params;
        this.values = values;
        this.velocities = velocities;
        this.totals = totals;
    }

    public Encoding encoding() {
        return encoding;
    }

    public int params() {
        return params;
    }

    /** Parameter values, followed by velocities if {@link #hasVelocities()}; not copied. */
    public float[] values() {
        return values;
    }

    public boolean hasVelocities() {
        return velocities;
    }

    /** The worker's totals, or null. */
    public PassTotals totals() {
        return totals;
    }

    /** Encoded length in bytes of a message with these properties. */
    public static int size(Encoding encoding, int params, boolean velocities, boolean totals) {
        long n = HEADER_BYTES + (totals ? TOTALS_BYTES : 0)
                + (long) params * (velocities ? 2 : 1) * encoding.bytesPerValue();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(params + " parameters do not fit one message");
        }
        return (int) n;
    }

    public byte[] encode() {
        byte[] out = new byte[size(encoding, params, velocities, totals != null)];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).put(encoding.code()).put((byte) ((totals != null ? 1 : 0) | (velocities ? 2 : 0)))
                .putShort((short) 0).putInt(params);
        if (totals != null) {
            b.putLong(totals.examples()).putDouble(totals.lossSum()).putLong(totals.errors());
        }
        if (encoding == Encoding.FLOAT32) {
            b.asFloatBuffer().put(values);
        } else {
            for (float v : values) {
                b.putShort(Half.fromFloat(v));
            }
        }
        return out;
    }

    /**
     * The totals of an encoded message, or null if it has none, from its header alone (the
     * message's length is checked against the header; the values are not decoded).
     */
    public static PassTotals totalsOf(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_BYTES) {
            throw new IllegalArgumentException("a parameter message has at least " + HEADER_BYTES
                    + " bytes but got " + (bytes == null ? "null" : bytes.length));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt();
        if (magic != MAGIC) {
            throw new IllegalArgumentException(String.format("bad magic 0x%08x in a parameter message (expected 0x%08x)",
                    magic, MAGIC));
        }
        Encoding enc = Encoding.ofCode(b.get());
        int flags = b.get();
        b.getShort();
        int n = b.getInt();
        boolean hasTotals = (flags & 1) != 0;
        int expected = size(enc, n, (flags & 2) != 0, hasTotals);
        if (n < 0 || bytes.length != expected) {
            throw new IllegalArgumentException("a parameter message of " + n + " " + enc.configName()
                    + " parameters has " + expected + " bytes but got " + bytes.length);
        }
        // totals: examples (long), loss sum (double), errors (long), right after the header
        return hasTotals ? new PassTotals(b.getDouble(HEADER_BYTES + 8), b.getLong(HEADER_BYTES + 16),
                b.getLong(HEADER_BYTES)) : null;
    }

    /** Decodes what {@link #encode} wrote; a malformed message gets an exception saying what is wrong. */
    public static ParamMessage decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_BYTES) {
            throw new IllegalArgumentException("a parameter message has at least " + HEADER_BYTES
                    + " bytes but got " + (bytes == null ? "null" : bytes.length));
        }
        PassTotals totals = totalsOf(bytes); // checks magic, encoding and length
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.position(4);
        Encoding enc = Encoding.ofCode(b.get());
        int flags = b.get();
        b.getShort();
        int n = b.getInt();
        boolean vel = (flags & 2) != 0;
        b.position(HEADER_BYTES + (totals != null ? TOTALS_BYTES : 0));
        float[] values = new float[vel ? 2 * n : n];
        if (enc == Encoding.FLOAT32) {
            b.asFloatBuffer().get(values);
        } else {
            for (int i = 0; i < values.length; i++) {
                values[i] = Half.toFloat(b.getShort());
            }
        }
        return new ParamMessage(enc, n, values, vel, totals);
    }
}
