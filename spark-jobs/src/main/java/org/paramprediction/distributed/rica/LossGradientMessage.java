package org.paramprediction.distributed.rica;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The one message a partition sends per evaluation: its blocks' summed loss and gradient with
 * respect to the optimised parameters ({@code V} for factored RICA, {@code W} for Full), as
 * {@code 8 (d + 1)} bytes: the loss, then the {@code d} gradient entries, each the big-endian bits of
 * a double. Nothing else travels up, so the size is the parameters' size plus one value, whatever
 * the size of {@code W}.
 */
public final class LossGradientMessage {

    private LossGradientMessage() {}

    /** {@code 8 (d + 1)}: the size of every message for {@code d} parameters. */
    public static int bytes(int dimension) {
        return Math.multiplyExact(Double.BYTES, dimension + 1);
    }

    public static byte[] encode(double loss, double[] gradient) {
        ByteBuffer b = ByteBuffer.allocate(bytes(gradient.length));
        b.putDouble(loss);
        for (double g : gradient) {
            b.putDouble(g);
        }
        return b.array();
    }

    /** The loss; writes the gradient into {@code gradient} (its length gives {@code d}). */
    public static double decode(byte[] message, double[] gradient) {
        check(message, gradient.length);
        ByteBuffer b = ByteBuffer.wrap(message);
        double loss = b.getDouble();
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = b.getDouble();
        }
        return loss;
    }

    /**
     * The sum of {@code messages}, added in list order (loss and each entry: {@code ((m0 + m1) + m2)
     * ...}), as one message of the same size; empty messages (partitions without rows) are skipped,
     * and if all are empty the result is empty.
     *
     * @throws IllegalArgumentException if a non-empty message is not {@code 8 (d + 1)} bytes
     */
    public static byte[] sumInOrder(List<byte[]> messages, int dimension) {
        double[] sum = null;
        double[] part = new double[dimension];
        double loss = 0;
        for (int k = 0; k < messages.size(); k++) {
            byte[] m = messages.get(k);
            if (m.length == 0) {
                continue;
            }
            double l = decode(m, part);
            if (sum == null) {
                sum = part.clone();
                loss = l;
            } else {
                loss += l;
                for (int i = 0; i < dimension; i++) {
                    sum[i] += part[i];
                }
            }
        }
        return sum == null ? new byte[0] : encode(loss, sum);
    }

    private static void check(byte[] message, int dimension) {
        if (message == null || message.length != bytes(dimension)) {
            throw new IllegalArgumentException("a loss-and-gradient message for " + dimension + " parameters must be "
                    + bytes(dimension) + " bytes but was " + (message == null ? "null" : message.length));
        }
    }
}
