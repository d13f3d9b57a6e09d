package org.paramprediction.data;

import java.util.Objects;

/** Argument checks shared by the {@link Dataset} implementations of this package. */
final class DatasetChecks {

    private DatasetChecks() {
    }

    /** Checks {@code 0 <= from <= to <= size} for {@code slice(from, to)}. */
    static void checkSlice(int from, int to, int size) {
        if (from < 0 || from > to || to > size) {
            throw new IndexOutOfBoundsException(
                    "slice [" + from + ", " + to + ") out of bounds for size " + size);
        }
    }

    /** Returns {@code i} after checking {@code 0 <= i < size}. */
    static int checkRow(int size, int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("row " + i + " out of bounds for size " + size);
        }
        return i;
    }

    /** Checks the arguments of {@link Dataset#copyRows}. */
    static void checkCopy(int[] indices, int from, int to, float[] dst, int features) {
        Objects.checkFromToIndex(from, to, indices.length);
        long needed = (long) (to - from) * features;
        if (dst.length < needed) {
            throw new IllegalArgumentException(
                    "dst has length " + dst.length + ", needs at least " + needed
                            + " (" + (to - from) + " rows x " + features + " features)");
        }
    }

    /** Checks that every label is in {@code [0, numClasses)}, labels read as unsigned bytes. */
    static void checkLabels(byte[] labels, int numClasses) {
        for (int i = 0; i < labels.length; i++) {
            checkLabel(i, labels[i] & 0xFF, numClasses);
        }
    }

    /** Checks that every label is in {@code [0, numClasses)}. */
    static void checkLabels(int[] labels, int numClasses) {
        for (int i = 0; i < labels.length; i++) {
            checkLabel(i, labels[i], numClasses);
        }
    }

    static void checkNumClasses(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
        }
    }

    private static void checkLabel(int index, int value, int numClasses) {
        if (value < 0 || value >= numClasses) {
            throw new IllegalArgumentException("label at index " + index + " is " + value
                    + ", allowed range [0, " + numClasses + ")");
        }
    }
}
