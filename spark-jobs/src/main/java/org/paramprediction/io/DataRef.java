package org.paramprediction.io;

import java.io.Serializable;

/**
 * Which data a trial uses: the directory (any Hadoop FileSystem path) holding the four
 * Fashion-MNIST IDX files, the split, an optional test subset and an optional pixel permutation.
 */
public record DataRef(String root, int trainSize, int validSize, Integer testSize, Long permutationSeed)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
