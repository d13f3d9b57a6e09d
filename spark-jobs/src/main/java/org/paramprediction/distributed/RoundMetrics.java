package org.paramprediction.distributed;

/**
 * One round of data-parallel training, as the driver saw it.
 *
 * @param round         1-based, counted over the whole trial (all stages)
 * @param stage         0 = whole network, k = pre-training stage k (as in the epochs table)
 * @param epoch         1-based within the stage
 * @param workers       tasks that ran minibatches this round
 * @param examples      training rows the workers processed
 * @param bytesDown     encoded parameters broadcast, times the tasks that receive them
 * @param bytesUp       encoded messages the workers sent back
 * @param fullBytesDown what ordinary parameter averaging of the same architecture with dense
 *                      layers would broadcast in this round (same encoding and momentum handling)
 * @param fullBytesUp   what it would send back
 * @param seconds       wall time of the round on the driver (broadcast, job, averaging, decode)
 * @param trainLoss     mean cross-entropy over the round's minibatches (before each update)
 * @param validError    validation error after the round, for a stage's epoch-ending round; NaN for others
 */
public record RoundMetrics(int round, int stage, int epoch, int workers, long examples, long bytesDown,
        long bytesUp, long fullBytesDown, long fullBytesUp, double seconds, double trainLoss, double validError) {

    public RoundMetrics withValidError(double v) {
        return new RoundMetrics(round, stage, epoch, workers, examples, bytesDown, bytesUp, fullBytesDown,
                fullBytesUp, seconds, trainLoss, v);
    }

    /** Bytes this round moved (down + up) as a fraction of what full parameter averaging would move. */
    public double ratioToFull() {
        return (double) (bytesDown + bytesUp) / (fullBytesDown + fullBytesUp);
    }
}
