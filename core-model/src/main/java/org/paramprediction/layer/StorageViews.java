package org.paramprediction.layer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Column-major matrices over the storage of another array, without copying: the same values seen
 * with another shape ({@link #reshape}), or a contiguous range of them ({@link #range}). The
 * convolution layers use these to read one buffer both as {@code B x (C*P)} feature maps and as a
 * {@code (P*B) x C} gemm operand; the tied map to see a column block of {@code W} or {@code V} as a
 * wider, shorter matrix.
 */
final class StorageViews {

    private StorageViews() {}

    /** True for a dense column-major array at offset 0 (a single row or column counts whatever its flag). */
    static boolean denseColumnMajor(INDArray a) {
        return !a.isView() && a.offset() == 0 && a.elementWiseStride() == 1 && a.rank() == 2
                && (a.ordering() == 'f' || a.rows() == 1 || a.columns() == 1);
    }

    /**
     * The storage of dense column-major {@code a} as a {@code rows x cols} column-major array (not a
     * view in ND4J's sense: dense, offset 0, so bulk copies and the vector kernels take it).
     */
    static INDArray reshape(INDArray a, long rows, long cols) {
        if (!denseColumnMajor(a) || a.length() != rows * cols) {
            throw new IllegalArgumentException("cannot see a " + a.rows() + "x" + a.columns() + " array (order "
                    + a.ordering() + ", view=" + a.isView() + ") as " + rows + "x" + cols);
        }
        return Nd4j.create(a.data(), new long[] {rows, cols}, new long[] {1, rows}, 0, 'f');
    }

    /**
     * Entries {@code [offset, offset + rows*cols)} of the storage of dense {@code a} as a {@code
     * rows x cols} column-major matrix (a view).
     */
    static INDArray range(INDArray a, long offset, long rows, long cols) {
        if (a.isView() || a.offset() != 0 || offset < 0 || offset + rows * cols > a.length()) {
            throw new IllegalArgumentException("entries [" + offset + ", " + (offset + rows * cols) + ") are not in a dense "
                    + a.length() + "-entry array (view=" + a.isView() + ")");
        }
        return Nd4j.create(Nd4j.createBuffer(a.data(), offset, rows * cols), new long[] {rows, cols},
                new long[] {1, rows}, 0, 'f');
    }
}
