package org.paramprediction.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST / Fashion-MNIST format): unsigned-byte 3-D image files (magic 2051)
 * and unsigned-byte 1-D label files (magic 2049), plain or gzip-compressed.
 *
 * <p>Compression is detected from the gzip magic bytes {@code 0x1f 0x8b}, never from a file name.
 * Stream-taking methods read {@code in} to its end but do not close it (the caller owns it); the
 * {@code sourceName} is used only in messages. Format problems raise {@link IdxFormatException};
 * I/O failures raise {@link UncheckedIOException}; both name the source.
 */
public final class IdxReader {

    /** Magic number of an unsigned-byte 3-D (images) IDX file, {@code 0x00000803}. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte 1-D (labels) IDX file, {@code 0x00000801}. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Largest accepted {@code rows * cols} of one image. */
    public static final int MAX_PIXELS_PER_IMAGE = 1 << 20;
    /** Largest accepted item count in a header. */
    public static final int MAX_COUNT = 1 << 24;
    /** Largest accepted total data size in bytes (guards against corrupt headers). */
    public static final long MAX_DATA_BYTES = 1L << 28;

    private static final int BUFFER = 1 << 16;

    private IdxReader() {
    }

    /** Reads an image file from {@code path}; see {@link #readImages(InputStream, String)}. */
    public static IdxImages readImages(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return readImages(in, path.toString());
        } catch (IOException e) {
            throw ioFailure(path.toString(), e);
        }
    }

    /** Reads a label file from {@code path}; see {@link #readLabels(InputStream, String, int)}. */
    public static byte[] readLabels(Path path, int numClasses) {
        try (InputStream in = Files.newInputStream(path)) {
            return readLabels(in, path.toString(), numClasses);
        } catch (IOException e) {
            throw ioFailure(path.toString(), e);
        }
    }

    /**
     * Reads an IDX image file (magic 2051, header: count, rows, cols as big-endian ints).
     *
     * @throws IdxFormatException on a bad magic number, implausible dimensions, truncation or
     *     trailing bytes
     */
    public static IdxImages readImages(InputStream in, String sourceName) {
        try (InputStream data = open(in)) {
            ByteBuffer header = readHeader(data, IMAGES_MAGIC, 16, "images", sourceName);
            int count = header.getInt();
            int rows = header.getInt();
            int cols = header.getInt();
            checkImageDims(count, rows, cols, sourceName);
            byte[] pixels = readExactly(data, count * rows * cols, sourceName,
                    "pixel bytes (" + count + " x " + rows + " x " + cols + ") after the 16-byte header");
            checkAtEnd(data, sourceName, pixels.length);
            return new IdxImages(count, rows, cols, pixels);
        } catch (IOException e) {
            throw ioFailure(sourceName, e);
        }
    }

    /**
     * Reads an IDX label file (magic 2049, header: count as a big-endian int) and checks that every
     * label is in {@code [0, numClasses)}.
     *
     * @throws IdxFormatException on a bad magic number, implausible count, truncation, trailing
     *     bytes or an out-of-range label
     */
    public static byte[] readLabels(InputStream in, String sourceName, int numClasses) {
        if (numClasses < 1 || numClasses > 256) {
            throw new IllegalArgumentException("numClasses must be in [1, 256], got " + numClasses);
        }
        try (InputStream data = open(in)) {
            ByteBuffer header = readHeader(data, LABELS_MAGIC, 8, "labels", sourceName);
            int count = header.getInt();
            checkRange(count, 1, MAX_COUNT, "label count", sourceName);
            byte[] labels = readExactly(data, count, sourceName, "label bytes after the 8-byte header");
            checkAtEnd(data, sourceName, count);
            checkLabels(labels, numClasses, sourceName);
            return labels;
        } catch (IOException e) {
            throw ioFailure(sourceName, e);
        }
    }

    /** Wraps {@code in} (without taking ownership) and inserts a gzip decoder if needed. */
    private static InputStream open(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(new NonClosing(in), BUFFER);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        return (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(buffered, BUFFER) : buffered;
    }

    /** Reads and checks the magic number, then returns the rest of the header. */
    private static ByteBuffer readHeader(InputStream in, int magic, int headerBytes, String kind,
            String source) throws IOException {
        int found = ByteBuffer.wrap(readExactly(in, 4, source, "magic-number bytes")).getInt();
        checkMagic(found, magic, kind, source);
        return ByteBuffer.wrap(readExactly(in, headerBytes - 4, source,
                "header bytes after the magic number"));
    }

    /** Reads exactly {@code n} bytes in bulk, or reports how many were found. */
    private static byte[] readExactly(InputStream in, int n, String source, String what)
            throws IOException {
        byte[] buf = new byte[n];
        int got = 0;
        try {
            while (got < n) {
                int r = in.read(buf, got, n - got);
                if (r < 0) {
                    break;
                }
                got += r;
            }
        } catch (EOFException e) { // gzip stream cut short
            throw truncated(source, n, got, what, " (compressed stream ended early)");
        }
        if (got < n) {
            throw truncated(source, n, got, what, "");
        }
        return buf;
    }

    private static IdxFormatException truncated(String source, int n, int got, String what, String why) {
        return new IdxFormatException(source + ": truncated IDX file: expected " + n + " " + what
                + ", found only " + got + why);
    }

    private static void checkAtEnd(InputStream in, String source, long declared) throws IOException {
        byte[] buf = new byte[8192];
        long extra = 0;
        for (int r; (r = in.read(buf)) > 0; ) {
            extra += r;
        }
        if (extra > 0) {
            throw new IdxFormatException(source + ": trailing garbage: expected the file to end after the "
                    + declared + " data bytes declared in the header, found " + extra + " extra bytes");
        }
    }

    private static void checkMagic(int found, int expected, String kind, String source) {
        if (found != expected) {
            throw new IdxFormatException(String.format(
                    "%s: bad magic number: expected %d (0x%08x, IDX %s file), found %d (0x%08x)",
                    source, expected, expected, kind, found, found));
        }
    }

    private static void checkImageDims(int count, int rows, int cols, String source) {
        checkRange(count, 1, MAX_COUNT, "image count", source);
        checkRange(rows, 1, MAX_PIXELS_PER_IMAGE, "rows", source);
        checkRange(cols, 1, MAX_PIXELS_PER_IMAGE, "cols", source);
        long perImage = (long) rows * cols;
        if (perImage > MAX_PIXELS_PER_IMAGE || perImage * count > MAX_DATA_BYTES) {
            throw new IdxFormatException(source + ": implausible header: rows*cols=" + perImage
                    + " (max " + MAX_PIXELS_PER_IMAGE + "), count*rows*cols=" + perImage * count
                    + " (max " + MAX_DATA_BYTES + ")");
        }
    }

    private static void checkRange(int value, int min, int max, String field, String source) {
        if (value < min || value > max) {
            throw new IdxFormatException(source + ": implausible header: expected " + field + " in ["
                    + min + ", " + max + "], found " + value);
        }
    }

    private static void checkLabels(byte[] labels, int numClasses, String source) {
        for (int i = 0; i < labels.length; i++) {
            int v = labels[i] & 0xFF;
            if (v >= numClasses) {
                throw new IdxFormatException(source + ": label out of range at index " + i
                        + ": value " + v + ", allowed range [0, " + numClasses + ")");
            }
        }
    }

    private static UncheckedIOException ioFailure(String source, IOException e) {
        return new UncheckedIOException("I/O error reading IDX file " + source + ": " + e.getMessage(), e);
    }

    /** Shields the caller's stream from {@code close()}. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
