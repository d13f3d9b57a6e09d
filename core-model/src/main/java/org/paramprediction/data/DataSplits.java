package org.paramprediction.data;

import java.util.Objects;

/**
 * Train / validation / test datasets of one experiment. All three have the same {@code features()}
 * and {@code numClasses()}; {@code valid} may be empty.
 */
public record DataSplits(Dataset train, Dataset valid, Dataset test) {

    /** Checks non-null parts with matching {@code features()} and {@code numClasses()}. */
    public DataSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(test, "test");
        for (Dataset other : new Dataset[] {valid, test}) {
            if (other.features() != train.features() || other.numClasses() != train.numClasses()) {
                throw new IllegalArgumentException("splits disagree: train has " + train.features()
                        + " features / " + train.numClasses() + " classes, another split has "
                        + other.features() + " / " + other.numClasses());
            }
        }
    }
}
