package org.paramprediction.wire;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.paramprediction.train.PassTotals;

/**
 * Workers' uploads on their way to the driver, combined as they go: the value each level of an
 * ordered tree aggregation sends up. It holds one {@link ParamMessage}, the example-weighted mean of
 * the uploads below it, {@code sum_p n_p w_p / sum_p n_p} (parameters and velocities alike), with
 * their summed totals, in the workers' encoding; so every hop of the tree carries one message of the
 * size of one upload, however many workers are below it.
 *
 * <p>{@link #combine} takes values that each crossed the network, in partition order (it refuses any
 * other order), and computes the weighted mean in double, rounded once to the encoding. The result
 * is the same bit for bit whichever task finished first, as long as the tree is fixed (the
 * aggregation must merge in partition order, not in completion order as Spark's {@code
 * treeAggregate} does). Against the mean of all uploads at once it differs only by that one
 * rounding per tree level: at most {@code 2^-24} (float32) or {@code 2^-11} (fp16) times the largest
 * magnitude, per level. One worker's upload comes back bit for bit.
 *
 * <p>{@link #uploadBytes()} counts every message that crossed the network on the way: each worker's
 * upload, and each intermediate level's combined message.
 */
public final class ParamAverage implements Serializable {

    private static final long serialVersionUID = 2L;

    /** Nothing merged yet: the zero of the aggregation. */
    public static final ParamAverage EMPTY = new ParamAverage(-1, -1, 0, 0, 0, new byte[0]);

    private final int firstPartition;
    private final int lastPartition;
    private final int leaves;
    private final int messagesSent;
    private final long bytesSent;
    private final byte[] message;

    private ParamAverage(int firstPartition, int lastPartition, int leaves, int messagesSent, long bytesSent,
            byte[] message) {
        this.firstPartition = firstPartition;
        this.lastPartition = lastPartition;
        this.leaves = leaves;
        this.messagesSent = messagesSent;
        this.bytesSent = bytesSent;
        this.message = message;
    }

    /** Partition {@code p}'s upload: a message with totals whose example count is positive. */
    public static ParamAverage leaf(int partition, byte[] message) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0 but was " + partition);
        }
        PassTotals t = ParamMessage.totalsOf(message);
        if (t == null || t.examples() < 1) {
            throw new IllegalArgumentException("partition " + partition
                    + "'s message must carry totals with examples >= 1 but had " + t);
        }
        return new ParamAverage(partition, partition, 1, 0, 0, message);
    }

    public boolean isEmpty() {
        return leaves == 0;
    }

    /**
     * Bytes of the messages that crossed the network to build this value: every worker's upload and
     * every combined message of an intermediate level (not this value's own message, which has not
     * travelled yet).
     */
    public long uploadBytes() {
        return bytesSent;
    }

    /** How many messages {@link #uploadBytes()} counts. */
    public int messagesSent() {
        return messagesSent;
    }

    /** Length of the one message this value sends up: the size of one upload. */
    public int messageBytes() {
        return message.length;
    }

    /** Workers merged into this average. */
    public int leaves() {
        return leaves;
    }

    /** {@link #combine} of {@code a} then {@code b}. */
    public static ParamAverage merge(ParamAverage a, ParamAverage b) {
        return combine(List.of(a, b));
    }

    /**
     * One tree level: the values in partition order, each of which crossed the network to get here
     * (empty ones are skipped), combined into one weighted mean.
     *
     * @throws IllegalArgumentException if a value's partitions do not all come after the previous
     *     one's (a partition twice, or out of order), or if the messages' layouts differ
     */
    public static ParamAverage combine(List<ParamAverage> inOrder) {
        List<ParamAverage> parts = new ArrayList<>(inOrder.size());
        for (ParamAverage p : inOrder) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        if (parts.isEmpty()) {
            return EMPTY;
        }
        int leaves = 0;
        int sent = 0;
        long bytes = 0;
        for (int k = 0; k < parts.size(); k++) {
            ParamAverage p = parts.get(k);
            if (k > 0 && p.firstPartition <= parts.get(k - 1).lastPartition) {
                throw new IllegalArgumentException("partitions must be merged in order, each once, but partitions "
                        + p.range() + " came after " + parts.get(k - 1).range());
            }
            leaves += p.leaves;
            sent += p.messagesSent + 1;
            bytes += p.bytesSent + p.message.length;
        }
        byte[] combined = parts.size() == 1 ? parts.get(0).message : weightedMean(parts);
        return new ParamAverage(parts.get(0).firstPartition, parts.get(parts.size() - 1).lastPartition, leaves, sent,
                bytes, combined);
    }

    private static byte[] weightedMean(List<ParamAverage> parts) {
        ParamMessage first = ParamMessage.decode(parts.get(0).message);
        double[] sum = new double[first.values().length];
        PassTotals totals = PassTotals.ZERO;
        for (int k = 0; k < parts.size(); k++) {
            ParamMessage m = k == 0 ? first : ParamMessage.decode(parts.get(k).message);
            if (m.encoding() != first.encoding() || m.params() != first.params()
                    || m.hasVelocities() != first.hasVelocities()) {
                throw new IllegalArgumentException("cannot average messages of different layouts: partitions "
                        + parts.get(0).range() + " sent " + first.params() + " " + first.encoding() + " (velocities "
                        + first.hasVelocities() + "), partitions " + parts.get(k).range() + " sent " + m.params()
                        + " " + m.encoding() + " (velocities " + m.hasVelocities() + ")");
            }
            double n = m.totals().examples();
            float[] x = m.values();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += n * x[i];
            }
            totals = totals.plus(m.totals());
        }
        float[] mean = new float[sum.length];
        double n = totals.examples();
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (sum[i] / n);
        }
        return new ParamMessage(first.encoding(), first.params(), mean, first.hasVelocities(), totals).encode();
    }

    /** The example-weighted mean of the uploads with the summed totals, in the encoding the workers used. */
    public ParamMessage mean() {
        if (isEmpty()) {
            throw new IllegalStateException("no worker uploaded anything");
        }
        return ParamMessage.decode(message);
    }

    private String range() {
        return firstPartition == lastPartition ? "[" + firstPartition + "]"
                : "[" + firstPartition + ".." + lastPartition + "]";
    }

    @Override
    public String toString() {
        return isEmpty() ? "ParamAverage[]" : "ParamAverage" + range() + " of " + leaves + " workers";
    }
}
