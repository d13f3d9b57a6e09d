package org.paramprediction.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests. */
final class IdxFixtures {

    private IdxFixtures() {
    }

    /** Image file bytes: header (magic, count, rows, cols) followed by {@code pixels}. */
    static byte[] images(int magic, int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length)
                .putInt(magic).putInt(count).putInt(rows).putInt(cols).put(pixels).array();
    }

    /** A well-formed image file whose pixel {@code k} has value {@code k % 256}. */
    static byte[] images(int count, int rows, int cols) {
        return images(IdxReader.IMAGES_MAGIC, count, rows, cols, rampPixels(count * rows * cols));
    }

    static byte[] rampPixels(int n) {
        byte[] p = new byte[n];
        for (int k = 0; k < n; k++) {
            p[k] = (byte) k;
        }
        return p;
    }

    /** Label file bytes: header (magic, count) followed by {@code labels}. */
    static byte[] labels(int magic, int count, byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(count).put(labels).array();
    }

    /** A well-formed label file with labels {@code i % numClasses}. */
    static byte[] labels(int count, int numClasses) {
        return labels(IdxReader.LABELS_MAGIC, count, cyclicLabels(count, numClasses));
    }

    static byte[] cyclicLabels(int count, int numClasses) {
        byte[] l = new byte[count];
        for (int i = 0; i < count; i++) {
            l[i] = (byte) (i % numClasses);
        }
        return l;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    static Path write(Path dir, String name, byte[] data) {
        try {
            return Files.write(dir.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
