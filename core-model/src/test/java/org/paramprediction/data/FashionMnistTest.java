package org.paramprediction.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @TempDir
    Path root;

    /** Training file: 12 images of 2x2; test file: 4 images of 2x2. */
    private void writeFixture(boolean gzip) {
        write(FashionMnist.TRAIN_IMAGES, IdxFixtures.images(12, 2, 2), gzip);
        write(FashionMnist.TRAIN_LABELS, IdxFixtures.labels(12, 10), gzip);
        write(FashionMnist.TEST_IMAGES, IdxFixtures.images(4, 2, 2), gzip);
        write(FashionMnist.TEST_LABELS, IdxFixtures.labels(4, 10), gzip);
    }

    private void write(String gzName, byte[] data, boolean gzip) {
        if (gzip) {
            IdxFixtures.write(root, gzName, IdxFixtures.gzip(data));
        } else {
            IdxFixtures.write(root, gzName.replace(".gz", ""), data);
        }
    }

    private static float[] row(Dataset ds, int i) {
        float[] out = new float[ds.features()];
        ds.copyRows(new int[] {i}, 0, 1, out);
        return out;
    }

    @Test
    void loadSplitsTrainFileIntoTrainThenValidAndKeepsTestWhole() {
        writeFixture(true);
        DataSplits s = FashionMnist.load(root, new SplitSpec(8, 3), null);
        assertEquals(8, s.train().size());
        assertEquals(3, s.valid().size());
        assertEquals(4, s.test().size());
        assertEquals(4, s.train().features());
        assertEquals(10, s.train().numClasses());
        assertEquals(8, s.valid().label(0));          // row 8 of the training file
        assertEquals(32 / 255f, row(s.valid(), 0)[0]); // pixel 8*4 of the ramp
    }

    @Test
    void uncompressedFilesAreUsedWhenGzIsAbsent() {
        writeFixture(false);
        DataSplits s = FashionMnist.load(root, new SplitSpec(12, 0), null);
        assertEquals(12, s.train().size());
        assertEquals(0, s.valid().size());
        assertEquals(3, s.test().label(3));
    }

    @Test
    void missingRootNamesThePathAndTheDebianPackage() {
        Path absent = root.resolve("nowhere");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> FashionMnist.load(absent, SplitSpec.DEFAULT, null));
        assertTrue(e.getMessage().contains(absent.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install -y dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void missingFileNamesThePathAndTheDebianPackage() throws Exception {
        writeFixture(true);
        Files.delete(root.resolve(FashionMnist.TEST_LABELS));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> FashionMnist.load(root, new SplitSpec(8, 3), null));
        assertTrue(e.getMessage().contains(root.resolve(FashionMnist.TEST_LABELS).toString()),
                e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install -y dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void imageLabelCountMismatchFromStreamsIsRejected() {
        ByteArrayInputStream img = new ByteArrayInputStream(IdxFixtures.images(5, 2, 2));
        ByteArrayInputStream lab = new ByteArrayInputStream(IdxFixtures.labels(4, 10));
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> FashionMnist.read(img, "imgs", lab, "labs"));
        assertTrue(e.getMessage().contains("5 images") && e.getMessage().contains("4 labels"),
                e.getMessage());
    }

    @Test
    void splitSpecValidationNamesFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SplitSpec(0, 5));
        assertTrue(e.getMessage().contains("trainSize") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SplitSpec(5, -1));
        assertTrue(e.getMessage().contains("validSize") && e.getMessage().contains("-1"), e.getMessage());
        writeFixture(true);
        e = assertThrows(IllegalArgumentException.class,
                () -> FashionMnist.load(root, new SplitSpec(10, 3), null));
        assertTrue(e.getMessage().contains("trainSize=10") && e.getMessage().contains("validSize=3")
                && e.getMessage().contains("12"), e.getMessage());
        assertEquals(new SplitSpec(50_000, 10_000), SplitSpec.DEFAULT);
    }

    @Test
    void permutationSeedAppliesTheSamePermutationToAllSplits() {
        writeFixture(true);
        DataSplits plain = FashionMnist.load(root, new SplitSpec(8, 3), null);
        DataSplits perm = FashionMnist.load(root, new SplitSpec(8, 3), 5L);
        int[] order = InputPermutation.random(4, 5L).order();
        Dataset[][] pairs = {{plain.train(), perm.train()}, {plain.valid(), perm.valid()},
            {plain.test(), perm.test()}};
        for (Dataset[] pair : pairs) {
            assertEquals(pair[0].size(), pair[1].size());
            for (int i = 0; i < pair[0].size(); i++) {
                assertEquals(pair[0].label(i), pair[1].label(i));
                float[] a = row(pair[0], i);
                float[] b = row(pair[1], i);
                for (int j = 0; j < 4; j++) {
                    assertEquals(a[order[j]], b[j]);
                }
            }
        }
    }
}
