package org.paramprediction.distributed.rica;

/**
 * The traffic of one distributed evaluation of the RICA objective.
 *
 * @param index          0 for the first evaluation of the function
 * @param broadcastBytes payload broadcast to the executors: the {@code d} parameters as doubles
 *                       ({@code 8 d}; Spark's torrent broadcast adds a small header and sends it
 *                       once per executor)
 * @param messageBytes   size of each partition's message, {@code 8 (d + 1)}
 *                       ({@link LossGradientMessage})
 * @param messages       partition messages (partitions holding rows)
 * @param seconds        wall time of the evaluation on the driver
 */
public record RicaEvaluation(int index, long broadcastBytes, long messageBytes, int messages, double seconds) {

    /** Bytes sent up in all: {@code messages * messageBytes}. */
    public long uploadBytes() {
        return messages * messageBytes;
    }
}
