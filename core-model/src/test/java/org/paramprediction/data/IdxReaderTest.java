package org.paramprediction.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    @Test
    void roundTripPlainImagesAndLabels() {
        Path img = IdxFixtures.write(dir, "img.idx", IdxFixtures.images(5, 3, 4));
        Path lab = IdxFixtures.write(dir, "lab.idx", IdxFixtures.labels(5, 3));

        IdxImages images = IdxReader.readImages(img);
        assertEquals(5, images.count());
        assertEquals(3, images.rows());
        assertEquals(4, images.cols());
        assertArrayEquals(IdxFixtures.rampPixels(60), images.pixels());
        assertArrayEquals(IdxFixtures.cyclicLabels(5, 3), IdxReader.readLabels(lab, 3));
    }

    @Test
    void roundTripGzipDetectedByMagicBytesNotByName() {
        // deliberately misleading names: gzip content without .gz, plain content with .gz
        Path img = IdxFixtures.write(dir, "img.idx", IdxFixtures.gzip(IdxFixtures.images(7, 2, 3)));
        Path lab = IdxFixtures.write(dir, "lab.gz", IdxFixtures.labels(7, 4));

        assertArrayEquals(IdxFixtures.rampPixels(42), IdxReader.readImages(img).pixels());
        assertArrayEquals(IdxFixtures.cyclicLabels(7, 4), IdxReader.readLabels(lab, 4));
        byte[] gzLabels = IdxFixtures.gzip(IdxFixtures.labels(7, 4));
        assertArrayEquals(IdxFixtures.cyclicLabels(7, 4),
                IdxReader.readLabels(new ByteArrayInputStream(gzLabels), "stream", 4));
    }

    @Test
    void truncatedFileReportsNameExpectedAndFoundByteCounts() {
        byte[] full = IdxFixtures.images(10, 4, 5); // 200 pixel bytes
        Path img = IdxFixtures.write(dir, "short-images.idx", Arrays.copyOf(full, 16 + 123));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(img));
        assertTrue(e.getMessage().contains("short-images.idx"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 200"), e.getMessage());
        assertTrue(e.getMessage().contains("found only 123"), e.getMessage());
    }

    @Test
    void truncatedGzipFileIsAFormatErrorNamingTheSource() {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(10, 4, 5));
        Path img = IdxFixtures.write(dir, "cut.gz", Arrays.copyOf(gz, gz.length / 2));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(img));
        assertTrue(e.getMessage().contains("cut.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 200"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsReported() {
        byte[] bytes = {0, 0, 8, 3, 0, 0};
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxReader.readImages(new ByteArrayInputStream(bytes), "tiny"));
        assertTrue(e.getMessage().contains("expected 12 header bytes after the magic number, found only 2"), e.getMessage());
    }

    @Test
    void wrongMagicReportsExpectedAndFoundValues() {
        Path lab = IdxFixtures.write(dir, "labels-not-images", IdxFixtures.labels(5, 3));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(lab));
        assertTrue(e.getMessage().contains("labels-not-images"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 2051"), e.getMessage());
        assertTrue(e.getMessage().contains("found 2049"), e.getMessage());
    }

    @Test
    void wrongLabelMagicReportsExpectedAndFoundValues() {
        byte[] bytes = IdxFixtures.labels(1234, 2, new byte[] {0, 1});
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxReader.readLabels(new ByteArrayInputStream(bytes), "lab", 2));
        assertTrue(e.getMessage().contains("expected 2049"), e.getMessage());
        assertTrue(e.getMessage().contains("found 1234"), e.getMessage());
    }

    @Test
    void labelOutOfRangeReportsIndexValueAndRange() {
        byte[] values = {0, 1, 2, 9, (byte) 200, 1};
        byte[] bytes = IdxFixtures.labels(IdxReader.LABELS_MAGIC, values.length, values);

        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxReader.readLabels(new ByteArrayInputStream(bytes), "labels.bin", 10));
        assertTrue(e.getMessage().contains("labels.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("index 4"), e.getMessage());
        assertTrue(e.getMessage().contains("value 200"), e.getMessage());
        assertTrue(e.getMessage().contains("[0, 10)"), e.getMessage());
    }

    @Test
    void trailingGarbageIsRejectedWithExtraByteCount() {
        byte[] good = IdxFixtures.images(2, 2, 2);
        Path img = IdxFixtures.write(dir, "long.idx", Arrays.copyOf(good, good.length + 3));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(img));
        assertTrue(e.getMessage().contains("long.idx"), e.getMessage());
        assertTrue(e.getMessage().contains("8 data bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("3 extra bytes"), e.getMessage());

        byte[] lab = IdxFixtures.labels(3, 2);
        byte[] longLab = IdxFixtures.gzip(Arrays.copyOf(lab, lab.length + 1));
        assertThrows(IdxFormatException.class,
                () -> IdxReader.readLabels(new ByteArrayInputStream(longLab), "lab", 2));
    }

    @Test
    void implausibleHeaderIsRejectedBeforeAllocating() {
        byte[] huge = IdxFixtures.images(IdxReader.IMAGES_MAGIC, 2_000_000_000, 28, 28, new byte[0]);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxReader.readImages(new ByteArrayInputStream(huge), "huge"));
        assertTrue(e.getMessage().contains("image count"), e.getMessage());
        assertTrue(e.getMessage().contains("found 2000000000"), e.getMessage());

        byte[] zeroRows = IdxFixtures.images(IdxReader.IMAGES_MAGIC, 1, 0, 28, new byte[0]);
        assertThrows(IdxFormatException.class,
                () -> IdxReader.readImages(new ByteArrayInputStream(zeroRows), "zero"));

        byte[] bigImage = IdxFixtures.images(IdxReader.IMAGES_MAGIC, 1, 2048, 2048, new byte[0]);
        assertThrows(IdxFormatException.class,
                () -> IdxReader.readImages(new ByteArrayInputStream(bigImage), "big"));
    }

    @Test
    void callersStreamIsNotClosed() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(IdxFixtures.gzip(IdxFixtures.labels(4, 2))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        IdxReader.readLabels(in, "s", 2);
        assertTrue(!closed[0]);
    }

    @Test
    void missingFileIsUncheckedIoExceptionNamingThePath() {
        Path absent = dir.resolve("absent.idx");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> IdxReader.readImages(absent));
        assertTrue(e.getMessage().contains("absent.idx"), e.getMessage());
    }
}
