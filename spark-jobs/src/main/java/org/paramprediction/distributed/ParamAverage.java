package org.paramprediction.distributed;

import java.io.Serializable;
import org.paramprediction.train.PassTotals;
import org.paramprediction.wire.ParamMessage;

/**
 * A partial average of workers' parameters, the value {@code treeAggregate} folds: one encoded
 * {@link ParamMessage} holding the example-weighted mean of the parameters (and velocities) merged
 * so far and their summed totals. A leaf is one worker's upload; {@link #merge} combines two
 * partial averages as {@code (n_a a + n_b b) / (n_a + n_b)} in double and re-encodes the result in
 * the same encoding. Merging with {@link #EMPTY} returns the other side unchanged, so a single
 * worker's parameters come back bit for bit.
 *
 * <p>{@link #uploadBytes()} sums the message lengths of the leaves merged into this value: what the
 * workers sent up.
 */
public final class ParamAverage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Nothing merged yet: the zero of the aggregation. */
    public static final ParamAverage EMPTY = new ParamAverage(null, 0, 0);

    private final byte[] message;
    private final long uploadBytes;
    private final int leaves;

    private ParamAverage(byte[] message, long uploadBytes, int leaves) {
        this.message = message;
        this.uploadBytes = uploadBytes;
        this.leaves = leaves;
    }

    /** One worker's upload: a message with totals whose example count is positive. */
    public static ParamAverage leaf(byte[] message) {
        PassTotals t = ParamMessage.decode(message).totals();
        if (t == null || t.examples() < 1) {
            throw new IllegalArgumentException("a worker's message must carry totals with examples >= 1 but had "
                    + t);
        }
        return new ParamAverage(message, message.length, 1);
    }

    public boolean isEmpty() {
        return message == null;
    }

    /** The encoded average (null when empty). */
    public byte[] message() {
        return message;
    }

    public long uploadBytes() {
        return uploadBytes;
    }

    /** Workers merged into this average. */
    public int leaves() {
        return leaves;
    }

    public static ParamAverage merge(ParamAverage a, ParamAverage b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        ParamMessage ma = ParamMessage.decode(a.message);
        ParamMessage mb = ParamMessage.decode(b.message);
        if (ma.encoding() != mb.encoding() || ma.params() != mb.params()
                || ma.hasVelocities() != mb.hasVelocities()) {
            throw new IllegalArgumentException("cannot average messages of different layouts: " + ma.params() + " "
                    + ma.encoding() + " (velocities " + ma.hasVelocities() + ") and " + mb.params() + " "
                    + mb.encoding() + " (velocities " + mb.hasVelocities() + ")");
        }
        double na = ma.totals().examples();
        double nb = mb.totals().examples();
        float[] x = ma.values();
        float[] y = mb.values();
        float[] mean = new float[x.length];
        double n = na + nb;
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) ((na * x[i] + nb * y[i]) / n);
        }
        byte[] merged = new ParamMessage(ma.encoding(), ma.params(), mean, ma.hasVelocities(),
                ma.totals().plus(mb.totals())).encode();
        return new ParamAverage(merged, a.uploadBytes + b.uploadBytes, a.leaves + b.leaves);
    }
}
