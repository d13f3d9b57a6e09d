package org.paramprediction.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Loader for the STL-10 binary files ({@code stl10_binary.tar.gz}, unpacked to {@value
 * #ARCHIVE_DIR}): {@value #TRAIN_X} / {@value #TRAIN_Y} (5,000 images), {@value #TEST_X} / {@value
 * #TEST_Y} (8,000) and {@value #UNLABELED_X} (100,000 images, 2.7 GB, no labels) in one root.
 *
 * <p>An {@code *_X.bin} file is a headerless sequence of {@value #IMAGE_BYTES}-byte images, each
 * written by MATLAB: the red channel, then green, then blue, each 96x96 channel in
 * <em>column-major</em> order (byte {@code x * 96 + y} of a channel is column {@code x}, row
 * {@code y}). The loader transposes every channel to row-major, giving images of shape
 * {@link #SHAPE} in {@link Shape} order. A {@code *_y.bin} file holds one byte per image, the
 * label {@code 1..10}, mapped here to {@code 0..9}.
 *
 * <p>{@value #UNLABELED_X} is larger than a Java array: read it in shards of at most {@link
 * #MAX_IMAGES_PER_SHARD} images ({@link #unlabeledShards}, or shard {@code k} alone by seeking,
 * {@link #unlabeledShard}); byte offsets are {@code long}s ({@link #shardOffset}).
 */
public final class Stl10 {

    public static final String TRAIN_X = "train_X.bin";
    public static final String TRAIN_Y = "train_y.bin";
    public static final String TEST_X = "test_X.bin";
    public static final String TEST_Y = "test_y.bin";
    public static final String UNLABELED_X = "unlabeled_X.bin";
    /** The directory {@code stl10_binary.tar.gz} unpacks to. */
    public static final String ARCHIVE_DIR = "stl10_binary";
    /** Images are 3 x 96 x 96 (RGB). */
    public static final Shape SHAPE = new Shape(3, 96, 96);
    public static final int IMAGE_BYTES = 3 * 96 * 96;
    /** Number of classes (airplane, bird, ..., truck); file labels are {@code 1..10}. */
    public static final int NUM_CLASSES = 10;
    /** The most images one shard (one byte array) can hold: 77,672. */
    public static final int MAX_IMAGES_PER_SHARD = FixedRecordInput.MAX_ARRAY_BYTES / IMAGE_BYTES;

    static final String FORMAT = "STL-10 binary: " + IMAGE_BYTES
            + " bytes per 3x96x96 image, channels column-major";
    static final String UNIT = IMAGE_BYTES + "-byte image";
    private static final String EXPECTED = TRAIN_X + ", " + TRAIN_Y + ", " + TEST_X + ", " + TEST_Y
            + " (and " + UNLABELED_X + " for unlabelled images), the STL-10 binary files";

    private Stl10() {
    }

    /**
     * Reads an image file and its label file from streams (read to their end, not closed).
     *
     * @throws DatasetFormatException if the image stream is empty or not a multiple of {@value
     *     #IMAGE_BYTES} bytes, a label is outside {@code 1..10}, or the counts differ
     * @throws UncheckedIOException if reading fails
     */
    public static ByteImageDataset read(InputStream images, String imagesName, InputStream labels,
            String labelsName) {
        byte[] pixels = readImages(images, imagesName);
        byte[] lab = readLabels(labels, labelsName);
        int count = pixels.length / IMAGE_BYTES;
        if (lab.length != count) {
            throw new DatasetFormatException("STL-10 image/label count mismatch: " + imagesName
                    + " has " + count + " images but " + labelsName + " has " + lab.length
                    + " labels (one label byte per image)");
        }
        return new ByteImageDataset(SHAPE, pixels, lab, NUM_CLASSES);
    }

    /** Loads and splits the labelled data under {@code root}; see {@link DataSplits#fromFiles}. */
    public static DataSplits load(Path root, SplitSpec split, Long permutationSeed) {
        return DataSplits.fromFiles(loadTrainFile(root), loadTestFile(root), split, permutationSeed);
    }

    /** {@value #TRAIN_X} with {@value #TRAIN_Y} under {@code root} (5,000 rows). */
    public static ByteImageDataset loadTrainFile(Path root) {
        return read(resolve(root, TRAIN_X), resolve(root, TRAIN_Y));
    }

    /** {@value #TEST_X} with {@value #TEST_Y} under {@code root} (8,000 rows). */
    public static ByteImageDataset loadTestFile(Path root) {
        return read(resolve(root, TEST_X), resolve(root, TEST_Y));
    }

    /**
     * The unlabelled images of {@code in} (positioned at image 0, not closed) as consecutive
     * {@linkplain ByteImageDataset#unlabelled unlabelled} datasets of {@code imagesPerShard} images,
     * the last one possibly smaller. Shards are read lazily, one at a time.
     *
     * @throws IllegalArgumentException if {@code imagesPerShard} is outside {@code [1,
     *     MAX_IMAGES_PER_SHARD]}; the iterator throws {@link DatasetFormatException} if the stream
     *     is empty or ends inside an image
     */
    public static Iterator<ByteImageDataset> unlabeledShards(InputStream in, String name,
            int imagesPerShard) {
        checkImagesPerShard(imagesPerShard);
        return new Stl10Shards(in, name, imagesPerShard);
    }

    /**
     * Shard {@code shard} of {@code in} (positioned at image 0, not closed): the images from
     * {@code shard * imagesPerShard} on, at most {@code imagesPerShard}. The bytes before it are
     * {@linkplain InputStream#skip skipped}, not read into memory (whether skipping seeks depends
     * on the stream; with a seekable one, seek and call {@link #readUnlabeledShard} instead).
     *
     * @throws IllegalArgumentException if the shard starts at or past the end of the stream
     * @throws DatasetFormatException if the stream ends inside an image
     */
    public static ByteImageDataset unlabeledShard(InputStream in, String name, int imagesPerShard,
            int shard) {
        long offset = shardOffset(shard, imagesPerShard);
        long skipped;
        try {
            skipped = FixedRecordInput.skipUpTo(in, offset);
        } catch (IOException e) {
            throw DataFiles.ioFailure("STL-10", name, e);
        }
        if (skipped < offset) {
            throw pastTheEnd(name, imagesPerShard, shard);
        }
        return readUnlabeledShard(in, name, imagesPerShard, shard);
    }

    /**
     * Shard {@code shard} read from {@code positioned}, a stream already at byte {@link
     * #shardOffset shardOffset(shard, imagesPerShard)} (e.g. a Hadoop {@code FSDataInputStream}
     * after {@code seek}; not closed): at most {@code imagesPerShard} images.
     *
     * @throws IllegalArgumentException if the stream is at its end
     * @throws DatasetFormatException if the stream ends inside an image
     */
    public static ByteImageDataset readUnlabeledShard(InputStream positioned, String name,
            int imagesPerShard, int shard) {
        long first = shardOffset(shard, imagesPerShard) / IMAGE_BYTES;
        ByteImageDataset images;
        try {
            images = Stl10Shards.read(positioned, name, imagesPerShard, first);
        } catch (IOException e) {
            throw DataFiles.ioFailure("STL-10", name, e);
        }
        if (images == null) {
            throw pastTheEnd(name, imagesPerShard, shard);
        }
        return images;
    }

    /** Shard {@code shard} of {@value #UNLABELED_X} under {@code root}, reached by seeking. */
    public static ByteImageDataset unlabeledShard(Path root, int imagesPerShard, int shard) {
        Path file = resolve(root, UNLABELED_X);
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            int shards = unlabeledShardCount(ch.size(), file.toString(), imagesPerShard);
            if (shard < 0 || shard >= shards) {
                throw new IllegalArgumentException("shard must be in [0, " + shards + ") for "
                        + file + " in shards of " + imagesPerShard + " images, got " + shard);
            }
            ch.position(shardOffset(shard, imagesPerShard));
            return readUnlabeledShard(Channels.newInputStream(ch), file.toString(), imagesPerShard, shard);
        } catch (IOException e) {
            throw DataFiles.ioFailure("STL-10", file.toString(), e);
        }
    }

    /**
     * Number of shards of {@code imagesPerShard} images in an image file of {@code fileBytes}
     * bytes (e.g. a Hadoop {@code FileStatus.getLen()}), the last one possibly smaller.
     *
     * @throws DatasetFormatException if {@code fileBytes} is not a positive multiple of {@value
     *     #IMAGE_BYTES}
     */
    public static int unlabeledShardCount(long fileBytes, String name, int imagesPerShard) {
        checkImagesPerShard(imagesPerShard);
        FixedRecordInput.checkWhole(fileBytes, name, IMAGE_BYTES, UNIT, FORMAT);
        long images = fileBytes / IMAGE_BYTES;
        return Math.toIntExact((images + imagesPerShard - 1) / imagesPerShard);
    }

    /**
     * Byte offset of shard {@code shard} of {@code imagesPerShard} images:
     * {@code shard * imagesPerShard * IMAGE_BYTES}, computed in {@code long} (past 2 GiB from
     * image 77,673 on).
     *
     * @throws IllegalArgumentException if {@code shard < 0} or {@code imagesPerShard} is outside
     *     {@code [1, MAX_IMAGES_PER_SHARD]}
     */
    public static long shardOffset(int shard, int imagesPerShard) {
        checkImagesPerShard(imagesPerShard);
        if (shard < 0) {
            throw new IllegalArgumentException("shard must be >= 0, got " + shard);
        }
        return (long) shard * imagesPerShard * IMAGE_BYTES;
    }

    /**
     * Transposes every channel of {@code count} images in {@code data} from column-major (as in
     * the file) to row-major, in place: afterwards byte {@code y * 96 + x} of a channel holds what
     * was byte {@code x * 96 + y}.
     */
    static void toRowMajor(byte[] data, int count) {
        int side = SHAPE.width();
        int area = SHAPE.area();
        byte[] channel = new byte[area];
        for (int base = 0; base < count * IMAGE_BYTES; base += area) {
            System.arraycopy(data, base, channel, 0, area);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    data[base + y * side + x] = channel[x * side + y];
                }
            }
        }
    }

    private static byte[] readImages(InputStream in, String name) {
        try {
            byte[] pixels = FixedRecordInput.readAll(in, name, IMAGE_BYTES, UNIT, FORMAT);
            toRowMajor(pixels, pixels.length / IMAGE_BYTES);
            return pixels;
        } catch (IOException e) {
            throw DataFiles.ioFailure("STL-10", name, e);
        }
    }

    /** Reads one byte per image and maps the file's labels {@code 1..10} to {@code 0..9}. */
    private static byte[] readLabels(InputStream in, String name) {
        byte[] labels;
        try {
            labels = FixedRecordInput.readAll(in, name, 1, "label byte", "STL-10 binary labels: one byte "
                    + "1.." + NUM_CLASSES + " per image");
        } catch (IOException e) {
            throw DataFiles.ioFailure("STL-10", name, e);
        }
        for (int i = 0; i < labels.length; i++) {
            int v = labels[i] & 0xFF;
            if (v < 1 || v > NUM_CLASSES) {
                throw new DatasetFormatException(name + ": label out of range at index " + i
                        + ": value " + v + ", allowed 1.." + NUM_CLASSES
                        + " (STL-10 labels are 1-based; they are mapped to 0.." + (NUM_CLASSES - 1) + ")");
            }
            labels[i] = (byte) (v - 1);
        }
        return labels;
    }

    private static void checkImagesPerShard(int imagesPerShard) {
        if (imagesPerShard < 1 || imagesPerShard > MAX_IMAGES_PER_SHARD) {
            throw new IllegalArgumentException("imagesPerShard must be in [1, " + MAX_IMAGES_PER_SHARD
                    + "] (one shard is one byte array of " + IMAGE_BYTES + " bytes per image), got "
                    + imagesPerShard);
        }
    }

    private static IllegalArgumentException pastTheEnd(String name, int imagesPerShard, int shard) {
        long first = (long) shard * imagesPerShard;
        return new IllegalArgumentException("shard " + shard + " of " + imagesPerShard
                + " images starts at image " + first + " (byte offset " + first * IMAGE_BYTES
                + ") but " + name + " ends before it");
    }

    private static Path resolve(Path root, String name) {
        return DataFiles.require(root, name, "STL-10 binary file", EXPECTED, ARCHIVE_DIR);
    }

    private static ByteImageDataset read(Path images, Path labels) {
        try (InputStream img = Files.newInputStream(images); InputStream lab = Files.newInputStream(labels)) {
            return read(img, images.toString(), lab, labels.toString());
        } catch (IOException e) {
            throw DataFiles.ioFailure("STL-10", images + " / " + labels, e);
        }
    }
}
