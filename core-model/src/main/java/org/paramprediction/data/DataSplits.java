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

    /**
     * Splits a training file into train = its first {@code spec.trainSize()} rows and valid = the
     * next {@code spec.validSize()} rows, and uses {@code testFile} whole as test; all three are
     * permuted by {@code InputPermutation.random(features, permutationSeed)} if the seed is not
     * {@code null}. Unpermuted splits are views; permuted ones are copied once.
     *
     * @throws IllegalArgumentException if the split does not fit the training file or the two
     *     files differ in shape
     */
    public static DataSplits fromFiles(ByteImageDataset trainFile, ByteImageDataset testFile,
            SplitSpec spec, Long permutationSeed) {
        spec.checkFits(trainFile.size());
        if (!trainFile.shape().equals(testFile.shape())) {
            throw new IllegalArgumentException("training file has shape " + trainFile.shape() + " ("
                    + trainFile.features() + " features), test file has " + testFile.shape() + " ("
                    + testFile.features() + ")");
        }
        ByteImageDataset used = trainFile.slice(0, spec.trainSize() + spec.validSize());
        ByteImageDataset test = testFile;
        if (permutationSeed != null) {
            InputPermutation p = InputPermutation.random(trainFile.features(), permutationSeed);
            used = used.permuted(p);
            test = test.permuted(p);
        }
        int t = spec.trainSize();
        return new DataSplits(used.slice(0, t), used.slice(t, used.size()), test);
    }
}
