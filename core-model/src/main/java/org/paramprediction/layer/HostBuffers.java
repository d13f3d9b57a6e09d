package org.paramprediction.layer;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies between Java arrays and the off-heap buffer of a dense, non-view {@code FLOAT} or
 * {@code DOUBLE} array, in the array's own storage order. Filling through the NIO view costs a few
 * microseconds where {@code Nd4j.create(float[])} costs hundreds.
 */
final class HostBuffers {

    private HostBuffers() {}

    static void read(INDArray a, double[] dst, int n) {
        checkDense(a, n);
        if (a.dataType() == DataType.FLOAT) {
            FloatBuffer fb = a.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                dst[i] = fb.get(i);
            }
        } else {
            DoubleBuffer db = a.data().asNioDouble();
            db.get(0, dst, 0, n);
        }
    }

    static void write(double[] src, int n, INDArray a) {
        checkDense(a, n);
        if (a.dataType() == DataType.FLOAT) {
            FloatBuffer fb = a.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                fb.put(i, (float) src[i]);
            }
        } else {
            a.data().asNioDouble().put(0, src, 0, n);
        }
    }

    static void write(float[] src, int n, INDArray a) {
        checkDense(a, n);
        if (a.dataType() == DataType.FLOAT) {
            a.data().asNioFloat().put(0, src, 0, n);
        } else {
            DoubleBuffer db = a.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                db.put(i, src[i]);
            }
        }
    }

    /** Copies the first {@code n} values of {@code a} into {@code dst[off .. off+n)}. */
    static void read(INDArray a, float[] dst, int off, int n) {
        checkDense(a, n);
        if (a.dataType() == DataType.FLOAT) {
            a.data().asNioFloat().get(0, dst, off, n);
        } else {
            DoubleBuffer db = a.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                dst[off + i] = (float) db.get(i);
            }
        }
    }

    /** Copies {@code src[off .. off+n)} into the first {@code n} values of {@code a}. */
    static void write(float[] src, int off, int n, INDArray a) {
        checkDense(a, n);
        if (a.dataType() == DataType.FLOAT) {
            a.data().asNioFloat().put(0, src, off, n);
        } else {
            DoubleBuffer db = a.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                db.put(i, src[off + i]);
            }
        }
    }

    private static void checkDense(INDArray a, int n) {
        if (a.isView() || a.offset() != 0 || a.length() < n) {
            throw new IllegalArgumentException(
                    "expected a dense array of at least " + n + " elements but got view=" + a.isView()
                            + " offset=" + a.offset() + " length=" + a.length());
        }
    }
}
