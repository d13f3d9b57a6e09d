package org.paramprediction.data;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loader for Fashion-MNIST in its original IDX layout: {@value #TRAIN_IMAGES}, {@value
 * #TRAIN_LABELS}, {@value #TEST_IMAGES}, {@value #TEST_LABELS} (each {@code .gz}, or uncompressed
 * under the same name without {@code .gz}) in one directory, by default {@link #DEFAULT_ROOT} as
 * installed by the Debian package {@value #DEBIAN_PACKAGE}.
 *
 * <p>Split: train = first {@code trainSize} rows of the training file, valid = the next
 * {@code validSize} rows, test = the whole test file. An optional permutation seed applies the same
 * {@link InputPermutation} to all three.
 */
public final class FashionMnist {

    /** Where {@value #DEBIAN_PACKAGE} installs the files. */
    public static final Path DEFAULT_ROOT = Path.of("/usr/share/datasets/fashion-mnist");
    /** The Debian package that provides the files. */
    public static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    /** Number of classes (T-shirt/top, ..., Ankle boot). */
    public static final int NUM_CLASSES = 10;

    private FashionMnist() {
    }

    /** {@code load(DEFAULT_ROOT, SplitSpec.DEFAULT, null)}. */
    public static DataSplits load() {
        return load(DEFAULT_ROOT, SplitSpec.DEFAULT, null);
    }

    /**
     * Loads and splits the data under {@code root}.
     *
     * @param permutationSeed seed of an {@link InputPermutation} applied to every split, or
     *     {@code null} for none
     * @throws UncheckedIOException if {@code root} or a file is missing (the message names the path
     *     and the package that provides it) or cannot be read
     */
    public static DataSplits load(Path root, SplitSpec split, Long permutationSeed) {
        return split(loadTrainFile(root), loadTestFile(root), split, permutationSeed);
    }

    /** The whole training file (60,000 rows) under {@code root}. */
    public static ByteImageDataset loadTrainFile(Path root) {
        return read(resolve(root, TRAIN_IMAGES), resolve(root, TRAIN_LABELS));
    }

    /** The whole test file (10,000 rows) under {@code root}. */
    public static ByteImageDataset loadTestFile(Path root) {
        return read(resolve(root, TEST_IMAGES), resolve(root, TEST_LABELS));
    }

    /**
     * Reads one image file and its label file from streams (plain or gzip; not closed here).
     *
     * @throws IllegalArgumentException if the counts differ or the files are malformed
     */
    public static ByteImageDataset read(InputStream images, String imagesName,
            InputStream labels, String labelsName) {
        return combine(IdxReader.readImages(images, imagesName), imagesName,
                IdxReader.readLabels(labels, labelsName, NUM_CLASSES), labelsName);
    }

    /**
     * Splits a training file into train/valid per {@code spec} and uses {@code testFile} as test,
     * all permuted by {@code InputPermutation.random(features, permutationSeed)} if the seed is not
     * {@code null}. Unpermuted splits are views; permuted ones are copied once. Same as {@link
     * DataSplits#fromFiles}.
     */
    public static DataSplits split(ByteImageDataset trainFile, ByteImageDataset testFile,
            SplitSpec spec, Long permutationSeed) {
        return DataSplits.fromFiles(trainFile, testFile, spec, permutationSeed);
    }

    private static ByteImageDataset read(Path images, Path labels) {
        return combine(IdxReader.readImages(images), images.toString(),
                IdxReader.readLabels(labels, NUM_CLASSES), labels.toString());
    }

    private static ByteImageDataset combine(IdxImages img, String imagesName, byte[] lab,
            String labelsName) {
        if (img.count() != lab.length) {
            throw new IdxFormatException("image/label count mismatch: " + imagesName + " has "
                    + img.count() + " images but " + labelsName + " has " + lab.length + " labels");
        }
        return new ByteImageDataset(img, lab, NUM_CLASSES);
    }

    /** {@code root/name}, or {@code root/name-without-.gz} if only that exists. */
    static Path resolve(Path root, String gzName) {
        if (!Files.isDirectory(root)) {
            throw missing(root, "data directory " + root + " does not exist");
        }
        Path gz = root.resolve(gzName);
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = root.resolve(gzName.substring(0, gzName.length() - ".gz".length()));
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw missing(gz, "Fashion-MNIST file " + gz + " not found (nor " + plain.getFileName() + ")");
    }

    private static UncheckedIOException missing(Path path, String what) {
        String msg = what + "; `apt-get install -y " + DEBIAN_PACKAGE + "` provides it under "
                + DEFAULT_ROOT;
        return new UncheckedIOException(msg, new NoSuchFileException(path.toString(), null, msg));
    }
}
