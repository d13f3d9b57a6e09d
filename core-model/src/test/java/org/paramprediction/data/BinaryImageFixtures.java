package org.paramprediction.data;

import java.io.ByteArrayOutputStream;

/**
 * Builds small CIFAR-10 and STL-10 binary files byte by byte as their official descriptions state,
 * with pixel values that encode where they belong, so that a transposed, flipped or
 * channel-swapped loader fails.
 */
final class BinaryImageFixtures {

    private BinaryImageFixtures() {
    }

    /**
     * The byte of image {@code i} at channel {@code c}, row {@code y}, column {@code x}:
     * {@code (11 i + 37 c + 5 y + 3 x) mod 251}. Swapping {@code x} and {@code y} changes it unless
     * {@code x == y} (251 is prime and larger than {@code 2 * 96}); changing the channel always
     * changes it.
     */
    static int code(int i, int c, int y, int x) {
        return (11 * i + 37 * c + 5 * y + 3 * x) % 251;
    }

    /**
     * CIFAR-10 binary records for images {@code first .. first + labels.length - 1}: per record
     * the label byte, then the red, green and blue 32x32 channels, each row by row.
     */
    static byte[] cifarRecords(int first, int... labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < labels.length; k++) {
            out.write(labels[k]);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        out.write(code(first + k, c, y, x));
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /**
     * STL-10 binary images {@code first .. first + count - 1} as MATLAB writes them: per image the
     * red, green and blue 96x96 channels, each column by column (byte {@code x * 96 + y}).
     */
    static byte[] stlImages(int first, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = first; i < first + count; i++) {
            for (int c = 0; c < 3; c++) {
                for (int x = 0; x < 96; x++) {
                    for (int y = 0; y < 96; y++) {
                        out.write(code(i, c, y, x));
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** Fails unless pixel {@code (c, y, x)} of row {@code k} is {@code code(firstImage + k, c, y, x)} everywhere. */
    static void assertEncoded(ByteImageDataset ds, int firstImage) {
        Shape s = ds.shape();
        for (int k = 0; k < ds.size(); k++) {
            for (int c = 0; c < s.channels(); c++) {
                for (int y = 0; y < s.height(); y++) {
                    for (int x = 0; x < s.width(); x++) {
                        int want = code(firstImage + k, c, y, x);
                        int got = ds.pixel(k, c, y, x);
                        if (got != want) {
                            throw new AssertionError("row " + k + " (image " + (firstImage + k) + ") at (c="
                                    + c + ", y=" + y + ", x=" + x + "): expected " + want + ", got " + got);
                        }
                    }
                }
            }
        }
    }
}
