package org.paramprediction.io;

import java.io.Serializable;
import org.paramprediction.data.DatasetFormat;

/**
 * Which data a trial uses: the format and the directory (any Hadoop FileSystem path) holding its
 * files, the split, an optional test subset and an optional pixel permutation.
 */
public record DataRef(DatasetFormat format, String root, int trainSize, int validSize, Integer testSize,
        Long permutationSeed) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Fashion-MNIST IDX files under {@code root}. */
    public DataRef(String root, int trainSize, int validSize, Integer testSize, Long permutationSeed) {
        this(DatasetFormat.IDX, root, trainSize, validSize, testSize, permutationSeed);
    }
}
