package org.paramprediction.distributed.rica;

/**
 * The traffic of one L-BFGS iteration (its line search may evaluate the objective several times);
 * iteration 0 is the evaluation at the starting point.
 *
 * @param iteration      0 for the start, {@code k} for the step that produced {@code x_k}
 * @param evaluations    distributed evaluations in this iteration
 * @param broadcastBytes parameters broadcast, summed over those evaluations
 * @param uploadBytes    partition messages, summed over those evaluations
 * @param seconds        wall time of those evaluations
 */
public record RicaIterationTraffic(int iteration, int evaluations, long broadcastBytes, long uploadBytes,
        double seconds) {
}
