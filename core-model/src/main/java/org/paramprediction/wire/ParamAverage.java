package org.paramprediction.wire;

import java.io.Serializable;
import java.util.Arrays;
import org.paramprediction.train.PassTotals;

/**
 * Workers' uploads on their way to the driver, the value {@code treeAggregate} folds: the encoded
 * {@link ParamMessage} of each partition merged so far, kept sorted by partition. {@link #mean}
 * then averages them on the driver weighted by examples, {@code sum_p n_p w_p / sum_p n_p}, in
 * double and always in partition order, so the result does not depend on which task finished first
 * (floating-point addition is not associative) and one worker's parameters come back bit for bit.
 *
 * <p>{@link #uploadBytes()} sums the message lengths of the uploads: what the workers sent up.
 */
public final class ParamAverage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Nothing merged yet: the zero of the aggregation. */
    public static final ParamAverage EMPTY = new ParamAverage(new int[0], new byte[0][]);

    private final int[] partitions;
    private final byte[][] messages;

    private ParamAverage(int[] partitions, byte[][] messages) {
        this.partitions = partitions;
        this.messages = messages;
    }

    /** Partition {@code p}'s upload: a message with totals whose example count is positive. */
    public static ParamAverage leaf(int partition, byte[] message) {
        PassTotals t = ParamMessage.totalsOf(message);
        if (t == null || t.examples() < 1) {
            throw new IllegalArgumentException("partition " + partition
                    + "'s message must carry totals with examples >= 1 but had " + t);
        }
        return new ParamAverage(new int[] {partition}, new byte[][] {message});
    }

    public boolean isEmpty() {
        return partitions.length == 0;
    }

    public long uploadBytes() {
        long n = 0;
        for (byte[] m : messages) {
            n += m.length;
        }
        return n;
    }

    /** Workers merged into this average. */
    public int leaves() {
        return partitions.length;
    }

    /** The uploads of both, sorted by partition. */
    public static ParamAverage merge(ParamAverage a, ParamAverage b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        int n = a.partitions.length + b.partitions.length;
        int[] parts = new int[n];
        byte[][] msgs = new byte[n][];
        int i = 0;
        int j = 0;
        for (int k = 0; k < n; k++) {
            boolean takeA = j >= b.partitions.length || (i < a.partitions.length && a.partitions[i] < b.partitions[j]);
            if (!takeA && i < a.partitions.length && a.partitions[i] == b.partitions[j]) {
                throw new IllegalArgumentException("partition " + a.partitions[i] + " was uploaded twice");
            }
            parts[k] = takeA ? a.partitions[i] : b.partitions[j];
            msgs[k] = takeA ? a.messages[i++] : b.messages[j++];
        }
        return new ParamAverage(parts, msgs);
    }

    /**
     * The example-weighted mean of the uploads (parameters and velocities alike) with the summed
     * totals, in the encoding the workers used.
     */
    public ParamMessage mean() {
        if (isEmpty()) {
            throw new IllegalStateException("no worker uploaded anything");
        }
        ParamMessage first = ParamMessage.decode(messages[0]);
        double[] sum = new double[first.values().length];
        PassTotals totals = PassTotals.ZERO;
        for (int k = 0; k < messages.length; k++) {
            ParamMessage m = k == 0 ? first : ParamMessage.decode(messages[k]);
            if (m.encoding() != first.encoding() || m.params() != first.params()
                    || m.hasVelocities() != first.hasVelocities()) {
                throw new IllegalArgumentException("cannot average messages of different layouts: partition "
                        + partitions[0] + " sent " + first.params() + " " + first.encoding() + " (velocities "
                        + first.hasVelocities() + "), partition " + partitions[k] + " sent " + m.params() + " "
                        + m.encoding() + " (velocities " + m.hasVelocities() + ")");
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
        return new ParamMessage(first.encoding(), first.params(), mean, first.hasVelocities(), totals);
    }

    @Override
    public String toString() {
        return "ParamAverage" + Arrays.toString(partitions);
    }
}
