package org.paramprediction.layer;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The patch matrix of a convolution and its adjoint, on column-major minibatches.
 *
 * <p>A column-major {@code B x (C*H*W)} minibatch keeps the {@code B} values of one input slot
 * {@code (c, y, x)} together, at {@code ((c*H + y)*W + x) * B}. The patch matrix {@code cols} is
 * {@code (P*B) x (k*k*C)} column-major, row {@code p*B + b} (output position {@code p = y_out*W_out +
 * x_out}, then example), column {@code c*k*k + i*k + j}: so its {@code B} values for one (column,
 * position) are also together, and each is a copy of one input slot or zeros (padding). Slots that
 * follow each other in both arrays (stride 1: a row of output positions) make one copy; the plan of
 * these runs is computed once per geometry, in slots, and scaled by {@code B} at run time.
 *
 * <p>{@link #gather} writes only the non-padding slots of {@code cols}, so the zeros of a freshly
 * allocated patch matrix stay in place across steps. {@link #scatter} is the adjoint (col2im): every
 * patch value is added back onto the input slot it came from.
 */
public final class Im2Col {

    private final ConvGeometry geometry;
    private final int positions;
    private final int patch;
    /** Runs in slots: input slot, patch-matrix slot ({@code column * P + p}), length. */
    private final int[] runSrc;
    private final int[] runDst;
    private final int[] runLen;
    /** Runs of patch-matrix column {@code q} are {@code [colRuns[q], colRuns[q + 1])}. */
    private final int[] colRuns;

    private int batch = -1;
    private DataType scratchType;
    private float[] chunkF;
    private float[] dxF;
    private double[] chunkD;
    private double[] dxD;

    public Im2Col(ConvGeometry geometry) {
        this.geometry = geometry;
        this.positions = geometry.positions();
        this.patch = geometry.patchSize();
        RunPlan plan = RunPlan.of(geometry);
        this.runSrc = plan.src;
        this.runDst = plan.dst;
        this.runLen = plan.len;
        this.colRuns = plan.colStart;
    }

    public ConvGeometry geometry() {
        return geometry;
    }

    /** Copy operations per minibatch (each moves {@code B} times a run's slots). */
    public int runs() {
        return runSrc.length;
    }

    /**
     * Fills the non-padding entries of {@code cols} ((P*B) x (k*k*C), dense column-major, zero at
     * the padding slots) from {@code x} (B x (C*H*W), dense column-major).
     */
    public void gather(INDArray x, INDArray cols) {
        int b = (int) x.rows();
        check(x, b, geometry.input().features(), "x");
        check(cols, (long) positions * b, patch, "cols");
        if (x.dataType() == DataType.FLOAT) {
            FloatBuffer src = x.data().asNioFloat();
            FloatBuffer dst = cols.data().asNioFloat();
            for (int r = 0; r < runSrc.length; r++) {
                dst.put(runDst[r] * b, src, runSrc[r] * b, runLen[r] * b);
            }
        } else {
            DoubleBuffer src = x.data().asNioDouble();
            DoubleBuffer dst = cols.data().asNioDouble();
            for (int r = 0; r < runSrc.length; r++) {
                dst.put(runDst[r] * b, src, runSrc[r] * b, runLen[r] * b);
            }
        }
    }

    /**
     * {@code dx = col2im(dcols)}: overwrites {@code dx} (B x (C*H*W), dense column-major) with the
     * sum, over the patch entries each input slot was copied to, of {@code dcols} ((P*B) x (k*k*C)).
     * One column of {@code dcols} at a time is copied to the heap and added onto a heap copy of
     * {@code dx} (loops the JIT vectorises; it does not vectorise loops over direct buffers).
     */
    public void scatter(INDArray dcols, INDArray dx) {
        int b = (int) dx.rows();
        int features = geometry.input().features();
        check(dx, b, features, "dx");
        check(dcols, (long) positions * b, patch, "dcols");
        ensureScratch(b, dx.dataType());
        int chunk = positions * b;
        if (dx.dataType() == DataType.FLOAT) {
            FloatBuffer src = dcols.data().asNioFloat();
            Arrays.fill(dxF, 0f);
            for (int q = 0; q < patch; q++) {
                src.get(q * chunk, chunkF, 0, chunk);
                int base = q * positions;
                for (int r = colRuns[q]; r < colRuns[q + 1]; r++) {
                    addF(chunkF, (runDst[r] - base) * b, dxF, runSrc[r] * b, runLen[r] * b);
                }
            }
            dx.data().asNioFloat().put(0, dxF, 0, features * b);
        } else {
            DoubleBuffer src = dcols.data().asNioDouble();
            Arrays.fill(dxD, 0.0);
            for (int q = 0; q < patch; q++) {
                src.get(q * chunk, chunkD, 0, chunk);
                int base = q * positions;
                for (int r = colRuns[q]; r < colRuns[q + 1]; r++) {
                    addD(chunkD, (runDst[r] - base) * b, dxD, runSrc[r] * b, runLen[r] * b);
                }
            }
            dx.data().asNioDouble().put(0, dxD, 0, features * b);
        }
    }

    private static void addF(float[] src, int from, float[] dst, int to, int n) {
        for (int t = 0; t < n; t++) {
            dst[to + t] += src[from + t];
        }
    }

    private static void addD(double[] src, int from, double[] dst, int to, int n) {
        for (int t = 0; t < n; t++) {
            dst[to + t] += src[from + t];
        }
    }

    private void ensureScratch(int b, DataType type) {
        if (b == batch && type == scratchType) {
            return;
        }
        batch = b;
        scratchType = type;
        int chunk = positions * b;
        int features = geometry.input().features() * b;
        if (type == DataType.FLOAT) {
            chunkF = new float[chunk];
            dxF = new float[features];
            chunkD = null;
            dxD = null;
        } else {
            chunkD = new double[chunk];
            dxD = new double[features];
            chunkF = null;
            dxF = null;
        }
    }

    private void check(INDArray a, long rows, long cols, String name) {
        if (a.rows() != rows || a.columns() != cols) {
            throw new IllegalArgumentException(name + " must be " + rows + "x" + cols + " but is " + a.rows() + "x"
                    + a.columns() + " (" + geometry + ")");
        }
        if (!StorageViews.denseColumnMajor(a)) {
            throw new IllegalArgumentException(name + " must be a dense column-major array at offset 0 but has order "
                    + a.ordering() + ", view=" + a.isView() + ", offset " + a.offset());
        }
        if (a.dataType() != DataType.FLOAT && a.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException(name + " must be FLOAT or DOUBLE but is " + a.dataType());
        }
        if ((long) rows * cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " has " + rows + "*" + cols
                    + " entries, more than a buffer index can reach; use a smaller batch");
        }
    }

    /** The copy runs of a geometry, in slots, merged where both sides are contiguous. */
    private static final class RunPlan {
        int[] src = new int[64];
        int[] dst = new int[64];
        int[] len = new int[64];
        int[] colStart;
        int n;
        /** First run of the column being planned: runs never merge across columns (scatter works per column). */
        int columnFirst;

        static RunPlan of(ConvGeometry g) {
            RunPlan plan = new RunPlan();
            int k = g.kernel();
            int h = g.input().height();
            int w = g.input().width();
            int ho = g.outputHeight();
            int wo = g.outputWidth();
            int positions = ho * wo;
            plan.colStart = new int[g.patchSize() + 1];
            for (int c = 0; c < g.input().channels(); c++) {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        int q = (c * k + i) * k + j;
                        plan.colStart[q] = plan.n;
                        plan.columnFirst = plan.n;
                        for (int yo = 0; yo < ho; yo++) {
                            int y = yo * g.stride() - g.pad() + i;
                            if (y < 0 || y >= h) {
                                continue;
                            }
                            for (int xo = 0; xo < wo; xo++) {
                                int x = xo * g.stride() - g.pad() + j;
                                if (x >= 0 && x < w) {
                                    plan.add((c * h + y) * w + x, q * positions + yo * wo + xo);
                                }
                            }
                        }
                    }
                }
            }
            plan.colStart[g.patchSize()] = plan.n;
            plan.src = Arrays.copyOf(plan.src, plan.n);
            plan.dst = Arrays.copyOf(plan.dst, plan.n);
            plan.len = Arrays.copyOf(plan.len, plan.n);
            return plan;
        }

        void add(int s, int d) {
            if (n > columnFirst && src[n - 1] + len[n - 1] == s && dst[n - 1] + len[n - 1] == d) {
                len[n - 1]++;
                return;
            }
            if (n == src.length) {
                src = Arrays.copyOf(src, 2 * n);
                dst = Arrays.copyOf(dst, 2 * n);
                len = Arrays.copyOf(len, 2 * n);
            }
            src[n] = s;
            dst[n] = d;
            len[n] = 1;
            n++;
        }
    }
}
