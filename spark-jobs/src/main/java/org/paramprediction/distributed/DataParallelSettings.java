package org.paramprediction.distributed;

import java.io.Serializable;
import org.paramprediction.wire.Encoding;

/**
 * How data-parallel training runs: the number of data partitions (one worker task each per round),
 * minibatches each worker runs per round, the wire encoding, whether momentum velocities travel
 * and are averaged with the parameters ({@code averageMomentum}) or every worker starts each round
 * with zero velocity, and the depth of the {@code treeAggregate} that averages.
 */
public final class DataParallelSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int partitions;
    private final int stepsPerRound;
    private final Encoding encoding;
    private final boolean averageMomentum;
    private final int treeDepth;
    private final double learningRateScale;

    /** Settings with the learning rate unscaled. */
    public DataParallelSettings(int partitions, int stepsPerRound, Encoding encoding, boolean averageMomentum,
            int treeDepth) {
        this(partitions, stepsPerRound, encoding, averageMomentum, treeDepth, 1.0);
    }

    /**
     * @param learningRateScale workers use {@code learningRateScale} times the schedule's learning
     *     rate (the linear scaling rule sets it to the number of partitions: averaging {@code P}
     *     workers makes {@code P} times fewer sequential updates per epoch)
     */
    public DataParallelSettings(int partitions, int stepsPerRound, Encoding encoding, boolean averageMomentum,
            int treeDepth, double learningRateScale) {
        if (partitions < 1 || stepsPerRound < 1 || encoding == null || treeDepth < 1 || !(learningRateScale > 0)) {
            throw new IllegalArgumentException("need partitions >= 1, steps per round >= 1, an encoding, tree depth"
                    + " >= 1 and a learning-rate scale > 0 but got " + partitions + ", " + stepsPerRound + ", "
                    + encoding + ", " + treeDepth + ", " + learningRateScale);
        }
        this.learningRateScale = learningRateScale;
        this.partitions = partitions;
        this.stepsPerRound = stepsPerRound;
        this.encoding = encoding;
        this.averageMomentum = averageMomentum;
        this.treeDepth = treeDepth;
    }

    public int partitions() {
        return partitions;
    }

    public int stepsPerRound() {
        return stepsPerRound;
    }

    public Encoding encoding() {
        return encoding;
    }

    public boolean averageMomentum() {
        return averageMomentum;
    }

    public int treeDepth() {
        return treeDepth;
    }

    public double learningRateScale() {
        return learningRateScale;
    }

    @Override
    public String toString() {
        return partitions + " partitions, " + stepsPerRound + " steps/round, " + encoding.configName()
                + (averageMomentum ? ", momentum averaged" : ", momentum reset each round") + ", tree depth "
                + treeDepth + ", learning rate x" + learningRateScale;
    }
}
