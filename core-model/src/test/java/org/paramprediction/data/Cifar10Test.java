package org.paramprediction.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10Test {

    /** Records per training batch in the fixture; batch b holds images 3b, 3b+1, 3b+2. */
    private static final int PER_BATCH = 3;
    private static final int TEST_RECORDS = 4;

    @TempDir
    Path root;

    private static int label(int image) {
        return (7 * image + 2) % 10;
    }

    private static byte[] records(int first, int count) {
        int[] labels = new int[count];
        for (int k = 0; k < count; k++) {
            labels[k] = label(first + k);
        }
        return BinaryImageFixtures.cifarRecords(first, labels);
    }

    /** Five batches of 3 records (images 0..14) and a test batch of 4 (images 100..103). */
    private void writeFixture() {
        for (int b = 0; b < 5; b++) {
            IdxFixtures.write(root, Cifar10.TRAIN_BATCHES.get(b), records(PER_BATCH * b, PER_BATCH));
        }
        IdxFixtures.write(root, Cifar10.TEST_BATCH, records(100, TEST_RECORDS));
    }

    @Test
    void readDecodesEveryLabelAndPixelInChannelRowColumnOrder() {
        ByteImageDataset ds = Cifar10.read(new ByteArrayInputStream(records(20, 5)), "batch");
        assertEquals(5, ds.size());
        assertEquals(new Shape(3, 32, 32), ds.shape());
        assertEquals(3072, ds.features());
        assertEquals(10, ds.numClasses());
        for (int k = 0; k < 5; k++) {
            assertEquals(label(20 + k), ds.label(k));
        }
        BinaryImageFixtures.assertEncoded(ds, 20);
        float[] row = new float[3072];
        ds.copyRows(new int[] {4}, 0, 1, row);
        assertEquals(BinaryImageFixtures.code(24, 2, 31, 30) / 255f, row[(2 * 32 + 31) * 32 + 30]);
    }

    @Test
    void trainFileIsTheFiveBatchesInOrderAndTestIsTestBatch() {
        writeFixture();
        ByteImageDataset train = Cifar10.loadTrainFile(root);
        assertEquals(5 * PER_BATCH, train.size());
        BinaryImageFixtures.assertEncoded(train, 0);
        for (int i = 0; i < train.size(); i++) {
            assertEquals(label(i), train.label(i));
        }
        ByteImageDataset test = Cifar10.loadTestFile(root);
        assertEquals(TEST_RECORDS, test.size());
        BinaryImageFixtures.assertEncoded(test, 100);
    }

    @Test
    void loadSplitsTrainFileAndCanPermuteKeepingTheShape() {
        writeFixture();
        DataSplits s = Cifar10.load(root, new SplitSpec(10, 4), null);
        assertEquals(10, s.train().size());
        assertEquals(4, s.valid().size());
        assertEquals(TEST_RECORDS, s.test().size());
        assertEquals(label(10), s.valid().label(0));
        DataSplits p = Cifar10.load(root, new SplitSpec(10, 4), 3L);
        assertEquals(Cifar10.SHAPE, p.train().shape());
        ByteImageDataset permTest = (ByteImageDataset) p.test();
        InputPermutation perm = permTest.permutation().orElseThrow();
        assertEquals(((ByteImageDataset) s.test()).pixel(1, perm.sourceOf(77)), permTest.pixel(1, 77));
    }

    @Test
    void labelOutOfRangeNamesFileRecordAndValue() throws Exception {
        writeFixture();
        byte[] bytes = records(100, TEST_RECORDS);
        bytes[2 * Cifar10.RECORD_BYTES] = 10;
        Path file = IdxFixtures.write(root, Cifar10.TEST_BATCH, bytes);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Cifar10.loadTestFile(root));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("record 2") && e.getMessage().contains("value 10")
                && e.getMessage().contains("0..9"), e.getMessage());
    }

    @Test
    void lengthNotAWholeNumberOfRecordsIsRejectedNamingTheFile() {
        writeFixture();
        byte[] bytes = Arrays.copyOf(records(0, 3), 2 * Cifar10.RECORD_BYTES + 100);
        Path file = IdxFixtures.write(root, "data_batch_4.bin", bytes);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Cifar10.loadTrainFile(root));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated: 6246 bytes is not a whole number of 3073-byte records"),
                e.getMessage());
    }

    @Test
    void emptyStreamIsRejected() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Cifar10.read(new ByteArrayInputStream(new byte[0]), "empty.bin"));
        assertTrue(e.getMessage().startsWith("empty.bin: empty"), e.getMessage());
    }

    @Test
    void missingBatchIsNamedWithTheExpectedFiles() throws Exception {
        writeFixture();
        Files.delete(root.resolve("data_batch_3.bin"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Cifar10.load(root,
                new SplitSpec(10, 0), null));
        assertTrue(e.getMessage().contains("CIFAR-10 binary batch data_batch_3.bin not found under " + root),
                e.getMessage());
        assertTrue(e.getMessage().contains(
                "expected data_batch_1.bin..data_batch_5.bin and test_batch.bin (the 'CIFAR-10 binary version')"),
                e.getMessage());
        assertInstanceOf(NoSuchFileException.class, e.getCause());
    }

    @Test
    void rootAboveTheUnpackedArchiveIsPointedToIt() throws Exception {
        Files.createDirectory(root.resolve(Cifar10.ARCHIVE_DIR));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Cifar10.loadTestFile(root));
        assertTrue(e.getMessage().contains(root.resolve(Cifar10.ARCHIVE_DIR) + " exists: use it as the root"),
                e.getMessage());
    }

    @Test
    void classNamesAreOptionalAndMustBeTen() {
        assertEquals(Optional.empty(), Cifar10.classNames(root));
        String names = "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n";
        IdxFixtures.write(root, Cifar10.META, names.getBytes(StandardCharsets.UTF_8));
        List<String> read = Cifar10.classNames(root).orElseThrow();
        assertEquals(10, read.size());
        assertEquals("airplane", read.get(0));
        assertEquals("truck", read.get(9));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Cifar10.readClassNames(
                new ByteArrayInputStream("cat\ndog\n".getBytes(StandardCharsets.UTF_8)), "meta"));
        assertTrue(e.getMessage().contains("meta") && e.getMessage().contains("found 2"), e.getMessage());
    }
}
