package org.paramprediction.rica;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.DatasetFormatException;
import org.paramprediction.data.Shape;
import org.paramprediction.data.Stl10;

class Stl10UnlabeledPatchesTest {

    private static final int IMAGES = 7;
    private static final int IMAGE_BYTES = 27648;

    @TempDir
    Path dir;

    /** {@value #IMAGES} images of random bytes, as an {@code unlabeled_X.bin} holds them. */
    private static byte[] fileBytes() {
        byte[] bytes = new byte[IMAGES * IMAGE_BYTES];
        new Random(2013L).nextBytes(bytes);
        return bytes;
    }

    private Path writeFile(byte[] bytes) throws IOException {
        return Files.write(dir.resolve(Stl10.UNLABELED_X), bytes);
    }

    /** The same images loaded whole by the STL-10 reader (same transpose, same floats). */
    private static ByteImageDataset inMemory(byte[] bytes) {
        return Stl10.unlabeledShards(new ByteArrayInputStream(bytes), "memory", IMAGES).next();
    }

    @Test
    void streamedPatchesEqualPatchSamplerOnTheImagesInMemoryBitForBit() throws IOException {
        byte[] bytes = fileBytes();
        Path file = writeFile(bytes);
        ByteImageDataset images = inMemory(bytes);
        assertEquals(IMAGES, images.size());
        int[][] cases = {{8, 300, 1}, {96, 5, 2}, {1, 50, 3}, {5, 1, 4}, {13, 64, -9}}; // p, count, seed
        for (int[] k : cases) {
            Patches expected = PatchSampler.sample(images, k[0], k[1], k[2]);
            Patches streamed = Stl10UnlabeledPatches.sample(file, k[0], k[1], k[2]);
            assertEquals(expected.shape(), streamed.shape());
            assertEquals(new Shape(3, k[0], k[0]), streamed.shape());
            assertEquals(expected.count(), streamed.count());
            assertEquals(expected.seed(), streamed.seed());
            // exact on purpose: both paths copy the same bytes through Stl10's one byte / 255f conversion and
            // PatchSampler.copyPatch; no BLAS, no summation, so every CPU gives the same floats
            assertArrayEquals(expected.rows(), streamed.rows(), 0.0, "p=" + k[0] + " count=" + k[1] + " seed=" + k[2]);
        }
    }

    /** Independent of the reader: each value is the file's column-major byte over 255. */
    @Test
    void eachValueIsTheDrawnFileByteOverTwoFiftyFive() throws IOException {
        byte[] bytes = fileBytes();
        int p = 6;
        Patches patches = Stl10UnlabeledPatches.sample(writeFile(bytes), p, 40, 11L);
        SplittableRandom rng = new SplittableRandom(11L);
        for (int t = 0; t < patches.count(); t++) {
            int image = rng.nextInt(IMAGES);
            int top = rng.nextInt(96 - p + 1);
            int left = rng.nextInt(96 - p + 1);
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        int y = top + i;
                        int x = left + j;
                        int raw = bytes[image * IMAGE_BYTES + c * 9216 + x * 96 + y] & 0xFF;
                        assertEquals(raw / 255f, patches.rows()[t * 3 * p * p + c * p * p + i * p + j],
                                "patch " + t + " c=" + c + " y=" + y + " x=" + x);
                    }
                }
            }
        }
    }

    @Test
    void streamOverloadReadsEachByteOnceAndGivesTheSamePatches() throws IOException {
        byte[] bytes = fileBytes();
        Path file = writeFile(bytes);
        CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(bytes));
        Patches streamed = Stl10UnlabeledPatches.sample(in, "hdfs://x/unlabeled_X.bin", IMAGES, 7, 120, 5L);
        assertEquals(bytes.length, in.bytesRead);
        assertArrayEquals(Stl10UnlabeledPatches.sample(file, 7, 120, 5L).rows(), streamed.rows(), 0.0);
        assertArrayEquals(PatchSampler.sample(inMemory(bytes), 7, 120, 5L).rows(), streamed.rows(), 0.0);
    }

    @Test
    void aFileThatIsNotAWholeNumberOfImagesIsRejectedNamingIt() throws IOException {
        Path file = writeFile(Arrays.copyOf(fileBytes(), IMAGES * IMAGE_BYTES - 100));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Stl10UnlabeledPatches.sample(file, 8, 10, 1L));
        assertTrue(e.getMessage().startsWith(file + ": truncated: " + (IMAGES * IMAGE_BYTES - 100)
                + " bytes is not a whole number of 27648-byte images"), e.getMessage());
    }

    @Test
    void anEmptyFileIsRejectedNamingIt() throws IOException {
        Path file = writeFile(new byte[0]);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Stl10UnlabeledPatches.sample(file, 8, 10, 1L));
        assertTrue(e.getMessage().startsWith(file + ": empty"), e.getMessage());
    }

    @Test
    void aStreamShorterThanItsImageCountIsRejectedNamingIt() {
        byte[] three = Arrays.copyOf(fileBytes(), 3 * IMAGE_BYTES);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Stl10UnlabeledPatches.sample(
                new ByteArrayInputStream(three), "part-00003", IMAGES, 8, 10, 1L));
        assertTrue(e.getMessage().startsWith("part-00003: ended after 3 images but 7 were expected"), e.getMessage());
        byte[] cut = Arrays.copyOf(fileBytes(), 3 * IMAGE_BYTES + 5);
        e = assertThrows(DatasetFormatException.class, () -> Stl10UnlabeledPatches.sample(
                new ByteArrayInputStream(cut), "part-00003", IMAGES, 8, 10, 1L));
        assertTrue(e.getMessage().startsWith("part-00003: truncated"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve(Stl10.UNLABELED_X);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Stl10UnlabeledPatches.sample(missing, 8, 10, 1L));
        assertTrue(e.getMessage().contains("STL-10 binary file " + missing + " not found"), e.getMessage());
        assertInstanceOf(NoSuchFileException.class, e.getCause());
    }

    @Test
    void outOfRangeArgumentsAreRejectedWithTheValue() {
        InputStream in = new ByteArrayInputStream(fileBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stl10UnlabeledPatches.sample(in, "u.bin", IMAGES, 97, 10, 1L));
        assertTrue(e.getMessage().contains("patchSize must be in [1, 96]") && e.getMessage().contains("was 97"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Stl10UnlabeledPatches.sample(in, "u.bin", IMAGES, 8, 0, 1L));
        assertTrue(e.getMessage().contains("count was 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Stl10UnlabeledPatches.sample(in, "u.bin", 0, 8, 10, 1L));
        assertTrue(e.getMessage().contains("imageCount must be >= 1 but was 0 for u.bin"), e.getMessage());
    }

    /** Counts the bytes read through it. */
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
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new UnsupportedOperationException("the sampler must read, not skip");
        }
    }
}
