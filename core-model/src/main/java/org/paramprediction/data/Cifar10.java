package org.paramprediction.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loader for the "CIFAR-10 binary version" ({@code cifar-10-binary.tar.gz}, unpacked to
 * {@value #ARCHIVE_DIR}): the training batches {@code data_batch_1.bin .. data_batch_5.bin} and
 * {@value #TEST_BATCH} in one root directory, plus the optional {@value #META} (class names).
 *
 * <p>Each file is a headerless sequence of {@value #RECORD_BYTES}-byte records (10,000 per
 * official file): one label byte in {@code 0..9}, then {@value #IMAGE_BYTES} pixel bytes, the 1024
 * red values, then the 1024 green, then the 1024 blue, each channel a row-major 32x32 image. This
 * is already {@link Shape} order, so images of shape {@link #SHAPE} are copied unchanged.
 *
 * <p>Training file = the five batches concatenated in order (50,000 rows); test file =
 * {@value #TEST_BATCH} (10,000 rows). Reading a batch holds its raw bytes and the decoded images
 * at once (about twice its size).
 */
public final class Cifar10 {

    /** The training batches, in the order they are concatenated. */
    public static final List<String> TRAIN_BATCHES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_BATCH = "test_batch.bin";
    /** Optional: the ten class names, one a line. */
    public static final String META = "batches.meta.txt";
    /** The directory {@code cifar-10-binary.tar.gz} unpacks to. */
    public static final String ARCHIVE_DIR = "cifar-10-batches-bin";
    /** Images are 3 x 32 x 32 (RGB). */
    public static final Shape SHAPE = new Shape(3, 32, 32);
    public static final int IMAGE_BYTES = 3 * 32 * 32;
    /** One label byte and the image. */
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    /** Number of classes (airplane, automobile, ..., truck). */
    public static final int NUM_CLASSES = 10;

    private static final String FORMAT = "CIFAR-10 binary: 1 label byte + " + IMAGE_BYTES
            + " pixel bytes per record";
    private static final String UNIT = RECORD_BYTES + "-byte record";
    private static final String EXPECTED = "data_batch_1.bin..data_batch_5.bin and " + TEST_BATCH
            + " (the 'CIFAR-10 binary version')";

    private Cifar10() {
    }

    /**
     * Reads one batch file from {@code in} (read to its end, not closed).
     *
     * @param name the file's name or path, used in messages
     * @throws DatasetFormatException if the stream is empty, its length is not a multiple of
     *     {@value #RECORD_BYTES}, or a label is outside {@code 0..9}
     * @throws UncheckedIOException if reading fails
     */
    public static ByteImageDataset read(InputStream in, String name) {
        byte[] raw;
        try {
            raw = FixedRecordInput.readAll(in, name, RECORD_BYTES, UNIT, FORMAT);
        } catch (IOException e) {
            throw DataFiles.ioFailure("CIFAR-10", name, e);
        }
        int n = raw.length / RECORD_BYTES;
        byte[] labels = new byte[n];
        byte[] pixels = new byte[n * IMAGE_BYTES];
        for (int i = 0; i < n; i++) {
            int at = i * RECORD_BYTES;
            int label = raw[at] & 0xFF;
            if (label >= NUM_CLASSES) {
                throw new DatasetFormatException(name + ": label out of range in record " + i
                        + " (byte offset " + at + "): value " + label + ", allowed 0.." + (NUM_CLASSES - 1)
                        + " (" + FORMAT + ")");
            }
            labels[i] = (byte) label;
            System.arraycopy(raw, at + 1, pixels, i * IMAGE_BYTES, IMAGE_BYTES);
        }
        return new ByteImageDataset(SHAPE, pixels, labels, NUM_CLASSES);
    }

    /**
     * Loads and splits the data under {@code root}; see {@link DataSplits#fromFiles}.
     *
     * @throws UncheckedIOException if a batch is missing (the message names it) or unreadable
     */
    public static DataSplits load(Path root, SplitSpec split, Long permutationSeed) {
        return DataSplits.fromFiles(loadTrainFile(root), loadTestFile(root), split, permutationSeed);
    }

    /**
     * The five training batches under {@code root}, concatenated in order (50,000 rows). All five
     * are checked to exist before any is read; the batches and their concatenation are held at
     * once while loading (about 300 MB).
     */
    public static ByteImageDataset loadTrainFile(Path root) {
        List<Path> files = new ArrayList<>();
        for (String batch : TRAIN_BATCHES) {
            files.add(resolve(root, batch));
        }
        List<ByteImageDataset> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(read(f));
        }
        return ByteImageDataset.concat(parts);
    }

    /** {@value #TEST_BATCH} under {@code root} (10,000 rows). */
    public static ByteImageDataset loadTestFile(Path root) {
        return read(resolve(root, TEST_BATCH));
    }

    /**
     * The class names in {@value #META} under {@code root}, or empty if there is no such file.
     *
     * @throws DatasetFormatException if the file does not hold exactly ten non-blank lines
     */
    public static Optional<List<String>> classNames(Path root) {
        Path meta = root.resolve(META);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(meta)) {
            return Optional.of(readClassNames(in, meta.toString()));
        } catch (IOException e) {
            throw DataFiles.ioFailure("CIFAR-10", meta.toString(), e);
        }
    }

    /**
     * Reads {@value #META}: the ten class names in label order, one a line (UTF-8, surrounding
     * blanks and blank lines ignored).
     *
     * @throws DatasetFormatException if there are not exactly ten names
     */
    public static List<String> readClassNames(InputStream in, String name) {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DataFiles.ioFailure("CIFAR-10", name, e);
        }
        List<String> names = text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.size() != NUM_CLASSES) {
            throw new DatasetFormatException(name + ": expected " + NUM_CLASSES
                    + " class names (one a non-blank line), found " + names.size() + ": " + names);
        }
        return names;
    }

    /** {@code root/name}, or an {@link UncheckedIOException} naming the file and the expected set. */
    static Path resolve(Path root, String name) {
        return DataFiles.require(root, name, "CIFAR-10 binary batch", EXPECTED, ARCHIVE_DIR);
    }

    private static ByteImageDataset read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw DataFiles.ioFailure("CIFAR-10", file.toString(), e);
        }
    }
}
