package org.paramprediction.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Stl10Test {

    @TempDir
    Path root;

    private static InputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    /** File labels 1..10 for {@code count} images: {@code (3 i mod 10) + 1}. */
    private static byte[] fileLabels(int count) {
        byte[] y = new byte[count];
        for (int i = 0; i < count; i++) {
            y[i] = (byte) (3 * i % 10 + 1);
        }
        return y;
    }

    /** Train: images 0..5, test: images 50..53, labelled. */
    private void writeLabelledFixture() {
        IdxFixtures.write(root, Stl10.TRAIN_X, BinaryImageFixtures.stlImages(0, 6));
        IdxFixtures.write(root, Stl10.TRAIN_Y, fileLabels(6));
        IdxFixtures.write(root, Stl10.TEST_X, BinaryImageFixtures.stlImages(50, 4));
        IdxFixtures.write(root, Stl10.TEST_Y, fileLabels(4));
    }

    @Test
    void fixtureIsNotSymmetricSoATransposeWouldBeCaught() {
        byte[] raw = BinaryImageFixtures.stlImages(0, 1);
        // column-major in the file: byte x*96 + y of channel 0; (y=0, x=1) and (y=1, x=0) differ
        assertEquals(BinaryImageFixtures.code(0, 0, 0, 1), raw[96] & 0xFF);
        assertNotEquals(raw[1], raw[96]);
    }

    @Test
    void readTransposesColumnMajorChannelsToRowMajorChw() {
        ByteImageDataset ds = Stl10.read(stream(BinaryImageFixtures.stlImages(7, 4)), "x.bin",
                stream(fileLabels(4)), "y.bin");
        assertEquals(4, ds.size());
        assertEquals(new Shape(3, 96, 96), ds.shape());
        assertEquals(27648, ds.features());
        BinaryImageFixtures.assertEncoded(ds, 7);
        float[] row = new float[27648];
        ds.copyRows(new int[] {2}, 0, 1, row);
        assertEquals(BinaryImageFixtures.code(9, 1, 10, 95) / 255f, row[(1 * 96 + 10) * 96 + 95]);
    }

    @Test
    void fileLabelsOneToTenBecomeZeroToNine() {
        byte[] y = {1, 10, 5, 3};
        ByteImageDataset ds = Stl10.read(stream(BinaryImageFixtures.stlImages(0, 4)), "x.bin", stream(y), "y.bin");
        assertEquals(10, ds.numClasses());
        assertEquals(0, ds.label(0));
        assertEquals(9, ds.label(1));
        assertEquals(4, ds.label(2));
        assertEquals(2, ds.label(3));
    }

    @Test
    void labelZeroOrAboveTenIsRejectedNamingFileAndIndex() {
        for (int bad : new int[] {0, 11}) {
            byte[] y = {1, 2, (byte) bad, 4};
            DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Stl10.read(
                    stream(BinaryImageFixtures.stlImages(0, 4)), "x.bin", stream(y), "train_y.bin"));
            assertTrue(e.getMessage().startsWith("train_y.bin: label out of range at index 2: value " + bad),
                    e.getMessage());
            assertTrue(e.getMessage().contains("1..10"), e.getMessage());
        }
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Stl10.read(
                stream(BinaryImageFixtures.stlImages(0, 4)), "train_X.bin", stream(fileLabels(3)), "train_y.bin"));
        assertTrue(e.getMessage().contains("train_X.bin has 4 images but train_y.bin has 3 labels"), e.getMessage());
    }

    @Test
    void imageFileNotAWholeNumberOfImagesIsRejectedNamingTheFile() {
        writeLabelledFixture();
        Path x = IdxFixtures.write(root, Stl10.TEST_X,
                Arrays.copyOf(BinaryImageFixtures.stlImages(0, 4), 3 * 27648 + 1));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Stl10.loadTestFile(root));
        assertTrue(e.getMessage().startsWith(x + ": truncated: 82945 bytes is not a whole number of "
                + "27648-byte images"), e.getMessage());
    }

    @Test
    void loadReadsTrainAndTestFilesUnderTheRoot() {
        writeLabelledFixture();
        DataSplits s = Stl10.load(root, new SplitSpec(4, 2), null);
        assertEquals(4, s.train().size());
        assertEquals(2, s.valid().size());
        assertEquals(4, s.test().size());
        assertEquals(Stl10.SHAPE, s.test().shape());
        assertEquals(3 * 4 % 10, s.valid().label(0));
        BinaryImageFixtures.assertEncoded((ByteImageDataset) s.valid(), 4);
        BinaryImageFixtures.assertEncoded((ByteImageDataset) s.test(), 50);
    }

    @Test
    void missingFileIsNamed() throws Exception {
        writeLabelledFixture();
        Files.delete(root.resolve(Stl10.TRAIN_Y));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Stl10.loadTrainFile(root));
        assertTrue(e.getMessage().contains("STL-10 binary file train_y.bin not found under " + root), e.getMessage());
        assertInstanceOf(NoSuchFileException.class, e.getCause());
    }

    @Test
    void unlabeledShardsCoverAllImagesInOrder() {
        var shards = Stl10.unlabeledShards(stream(BinaryImageFixtures.stlImages(0, 10)), "u.bin", 4);
        int[] sizes = {4, 4, 2};
        int first = 0;
        for (int size : sizes) {
            assertTrue(shards.hasNext());
            ByteImageDataset shard = shards.next();
            assertEquals(size, shard.size());
            assertFalse(shard.labelled());
            assertEquals(0, shard.numClasses());
            assertEquals(Stl10.SHAPE, shard.shape());
            BinaryImageFixtures.assertEncoded(shard, first);
            first += size;
        }
        assertFalse(shards.hasNext());
    }

    @Test
    void shardBySeekingEqualsShardByIterationAndReadsOnlyItsOwnBytes() throws Exception {
        byte[] file = BinaryImageFixtures.stlImages(0, 10);
        Path onDisk = IdxFixtures.write(root, Stl10.UNLABELED_X, file);
        var shards = Stl10.unlabeledShards(stream(file), "u.bin", 4);
        for (int k = 0; k < 3; k++) {
            ByteImageDataset iterated = shards.next();
            CountingInputStream counting = new CountingInputStream(stream(file));
            ByteImageDataset seeked = Stl10.unlabeledShard(counting, "u.bin", 4, k);
            assertEquals(iterated.size() * 27648L, counting.bytesRead);
            assertSamePixels(iterated, seeked);
            assertSamePixels(iterated, Stl10.unlabeledShard(root, 4, k));
            InputStream positioned = stream(file);
            positioned.skipNBytes(Stl10.shardOffset(k, 4));
            assertSamePixels(iterated, Stl10.readUnlabeledShard(positioned, "u.bin", 4, k));
        }
        assertEquals(10 * 27648L, Files.size(onDisk));
    }

    @Test
    void shardPastTheEndIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stl10.unlabeledShard(
                stream(BinaryImageFixtures.stlImages(0, 8)), "u.bin", 4, 2));
        assertTrue(e.getMessage().contains("shard 2") && e.getMessage().contains("image 8")
                && e.getMessage().contains("u.bin ends before it"), e.getMessage());
        InputStream atEnd = stream(new byte[0]);
        e = assertThrows(IllegalArgumentException.class, () -> Stl10.readUnlabeledShard(atEnd, "u.bin", 4, 2));
        assertTrue(e.getMessage().contains("byte offset " + 8 * 27648), e.getMessage());
        IdxFixtures.write(root, Stl10.UNLABELED_X, BinaryImageFixtures.stlImages(0, 8));
        e = assertThrows(IllegalArgumentException.class, () -> Stl10.unlabeledShard(root, 4, 2));
        assertTrue(e.getMessage().contains("[0, 2)") && e.getMessage().contains(Stl10.UNLABELED_X), e.getMessage());
    }

    @Test
    void unlabeledStreamEndingInsideAnImageIsRejected() {
        byte[] cut = Arrays.copyOf(BinaryImageFixtures.stlImages(0, 3), 2 * 27648 + 500);
        var shards = Stl10.unlabeledShards(stream(cut), "u.bin", 1);
        shards.next();
        shards.next();
        DatasetFormatException e = assertThrows(DatasetFormatException.class, shards::next);
        assertTrue(e.getMessage().startsWith("u.bin: truncated: 55796 bytes"), e.getMessage());
        e = assertThrows(DatasetFormatException.class,
                () -> Stl10.unlabeledShards(stream(new byte[0]), "u.bin", 1).hasNext());
        assertTrue(e.getMessage().startsWith("u.bin: empty"), e.getMessage());
    }

    @Test
    void shardOffsetsPastTwoGibAreExactLongs() {
        // 2^31 / 27648 = 77,672.4: image 77,673 is the first that starts past Integer.MAX_VALUE
        assertEquals(2_147_503_104L, Stl10.shardOffset(77_673, 1));
        assertTrue(Stl10.shardOffset(77_673, 1) > Integer.MAX_VALUE);
        assertEquals(99_999L * 27_648L, Stl10.shardOffset(99_999, 1));
        assertEquals(2_762_035_200L, Stl10.shardOffset(999, 100));
        assertEquals(2_147_475_456L, Stl10.shardOffset(1, Stl10.MAX_IMAGES_PER_SHARD)); // just below 2^31
        assertEquals(4_294_950_912L, Stl10.shardOffset(2, Stl10.MAX_IMAGES_PER_SHARD)); // past 2^32
        // the official unlabeled_X.bin: 100,000 images, 2,764,800,000 bytes
        assertEquals(100, Stl10.unlabeledShardCount(2_764_800_000L, "u.bin", 1_000));
        assertEquals(2, Stl10.unlabeledShardCount(2_764_800_000L, "u.bin", Stl10.MAX_IMAGES_PER_SHARD));
        assertEquals(77_672, Stl10.MAX_IMAGES_PER_SHARD);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Stl10.unlabeledShardCount(2_764_800_001L, "u.bin", 1_000));
        assertTrue(e.getMessage().startsWith("u.bin: truncated: 2764800001 bytes"), e.getMessage());
    }

    @Test
    void imagesPerShardMustFitOneArray() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stl10.shardOffset(0, Stl10.MAX_IMAGES_PER_SHARD + 1));
        assertTrue(e.getMessage().contains("imagesPerShard") && e.getMessage().contains("77673"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Stl10.unlabeledShards(stream(new byte[0]), "u", 0));
        assertThrows(IllegalArgumentException.class, () -> Stl10.shardOffset(-1, 4));
    }

    private static void assertSamePixels(ByteImageDataset a, ByteImageDataset b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.features(); j++) {
                if (a.pixel(i, j) != b.pixel(i, j)) {
                    throw new AssertionError("row " + i + " feature " + j + ": " + a.pixel(i, j) + " vs " + b.pixel(i, j));
                }
            }
        }
    }

    /** Counts the bytes handed out by {@code read}; {@code skip} passes through uncounted. */
    private static final class CountingInputStream extends FilterInputStream {
        long bytesRead;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        }
    }
}
