package org.paramprediction.dictionary;

/** Layout changes of dense row-major {@code double[]} matrices. */
final class RowMajor {

    private RowMajor() {
    }

    /** The {@code cols x rows} transpose of the {@code rows x cols} matrix {@code x}. */
    static double[] transpose(double[] x, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = x[r * cols + c];
            }
        }
        return t;
    }
}
