package org.paramprediction.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads headerless binary files made of fixed-size records (CIFAR-10, STL-10) from streams. Streams
 * are read but never closed (the caller owns them); the source name is used only in messages.
 */
final class FixedRecordInput {

    /** Largest byte array the JVM reliably allocates. */
    static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private FixedRecordInput() {
    }

    /**
     * Reads {@code in} to its end and checks that it holds a whole, positive number of
     * {@code recordBytes}-byte records.
     *
     * @param unit how a record is called in messages, e.g. {@code "3073-byte record"}
     * @param format the format rule quoted in messages, e.g. {@code "CIFAR-10 binary: 1 label byte
     *     + 3072 pixel bytes per record"}
     * @throws DatasetFormatException if the stream is empty, ends inside a record, or is longer
     *     than one Java array
     * @throws IOException if reading fails
     */
    static byte[] readAll(InputStream in, String source, int recordBytes, String unit, String format)
            throws IOException {
        int max = MAX_ARRAY_BYTES / recordBytes * recordBytes;
        byte[] data = in.readNBytes(max);
        if (data.length == max && in.read() >= 0) {
            throw new DatasetFormatException(source + ": too large: more than " + max
                    + " bytes do not fit in one Java array (" + format + ")");
        }
        checkWhole(data.length, source, recordBytes, unit, format);
        return data;
    }

    /**
     * Checks that {@code bytes} is a positive multiple of {@code recordBytes}.
     *
     * @throws DatasetFormatException naming the source, the size and the record size otherwise
     */
    static void checkWhole(long bytes, String source, int recordBytes, String unit, String format) {
        if (bytes == 0) {
            throw new DatasetFormatException(source + ": empty: expected at least one " + unit
                    + " (" + format + ")");
        }
        if (bytes % recordBytes != 0) {
            throw new DatasetFormatException(source + ": truncated: " + bytes
                    + " bytes is not a whole number of " + unit + "s (" + format + "; "
                    + bytes / recordBytes + " whole " + unit + "s and " + bytes % recordBytes
                    + " bytes left over)");
        }
    }

    /**
     * Skips up to {@code n} bytes without reading them into memory where the stream can seek
     * ({@link InputStream#skip}); returns how many were skipped, fewer only at the end of the
     * stream. Some streams (files) report skips past their end; a later read then finds nothing.
     */
    static long skipUpTo(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s > 0) {
                left -= s;
            } else if (in.read() < 0) {
                break;
            } else {
                left--;
            }
        }
        return n - left;
    }
}
