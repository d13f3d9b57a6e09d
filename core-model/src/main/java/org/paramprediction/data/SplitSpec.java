package org.paramprediction.data;

/**
 * How the training file is split: train = its first {@code trainSize} rows, valid = the next
 * {@code validSize} rows. The test file is always used whole.
 *
 * @param trainSize number of training rows, {@code > 0}
 * @param validSize number of validation rows, {@code >= 0}
 */
public record SplitSpec(int trainSize, int validSize) {

    /** 50,000 train rows and the last 10,000 rows of the 60,000-row training file as validation. */
    public static final SplitSpec DEFAULT = new SplitSpec(50_000, 10_000);

    /** Validates {@code trainSize > 0} and {@code validSize >= 0}. */
    public SplitSpec {
        if (trainSize <= 0) {
            throw new IllegalArgumentException("trainSize must be > 0, got " + trainSize);
        }
        if (validSize < 0) {
            throw new IllegalArgumentException("validSize must be >= 0, got " + validSize);
        }
    }

    /**
     * Checks that {@code trainSize + validSize <= rowsInFile}.
     *
     * @throws IllegalArgumentException naming both fields and the file size otherwise
     */
    public void checkFits(int rowsInFile) {
        if ((long) trainSize + validSize > rowsInFile) {
            throw new IllegalArgumentException("trainSize + validSize must be <= " + rowsInFile
                    + " (rows in the training file), got trainSize=" + trainSize
                    + " + validSize=" + validSize + " = " + ((long) trainSize + validSize));
        }
    }
}
