package org.paramprediction.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.Shape;
import org.paramprediction.layer.ConvGeometry;
import org.paramprediction.layer.Im2Col;

/**
 * The rows a conv layer's empirical dictionary and PCA are built from: every patch its filters see,
 * as row-major {@code float} rows. Channel-wise, a row is a whole patch ({@code k*k*C} values, in
 * patch order {@code c*k*k + i*k + j}); tied, each channel's {@code k x k} slice of a patch is a row
 * of its own, so {@code C} rows per patch. A row-major {@code (P*B) x (C*k*k)} array holds exactly
 * the row-major {@code (P*B*C) x (k*k)} rows, so both views share one copy.
 *
 * <p>Patches are taken from the first {@link #IMAGES} training rows at every position: for the
 * second layer of the paper's convnet channel-wise that is 980,000 patches of 800 values, enough for
 * a stable 800 x 800 covariance at a fraction of the cost of all 50,000 images. Not thread-safe.
 */
public final class PatchRows {

    /** Training rows whose patches feed a patch covariance. */
    public static final int IMAGES = 5000;

    private final ConvGeometry geometry;
    private final boolean tied;
    private final Im2Col im2col;
    private int batch = -1;
    private INDArray input;
    private INDArray cols;

    public PatchRows(ConvSpec conv, Shape input) {
        this.geometry = conv.geometry(input);
        this.tied = conv.tied();
        this.im2col = new Im2Col(geometry);
    }

    /** Values per row: {@code k*k} tied, {@code k*k*C} channel-wise. */
    public int dimension() {
        return tied ? geometry.kernel() * geometry.kernel() : geometry.patchSize();
    }

    /** Rows per example. */
    public int rowsPerExample() {
        return geometry.positions() * (tied ? geometry.input().channels() : 1);
    }

    /** The patch rows of the examples of {@code x} ({@code b x features}, any order), row-major. */
    public float[] rows(INDArray x) {
        int b = (int) x.rows();
        if (b != batch) {
            batch = b;
            input = Nd4j.create(DataType.FLOAT, new long[] {b, geometry.input().features()}, 'f');
            cols = Nd4j.create(DataType.FLOAT, new long[] {(long) geometry.positions() * b, geometry.patchSize()}, 'f');
        }
        input.assign(x);
        im2col.gather(input, cols);
        return cols.dup('c').data().asFloat();
    }

    /** The patch rows of {@code b} row-major examples {@code rows[0 .. b * features)}. */
    public float[] rows(float[] rows, int b) {
        int f = geometry.input().features();
        return rows(Nd4j.create(java.util.Arrays.copyOf(rows, b * f), new long[] {b, f}, 'c'));
    }
}
