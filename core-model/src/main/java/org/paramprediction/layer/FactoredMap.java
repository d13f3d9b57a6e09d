package org.paramprediction.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.paramprediction.random.Gaussians;

/**
 * A factored weight matrix with {@code c} columns: column {@code j} owns the hidden units {@code
 * [hStart_j, hStart_{j+1})} and computes {@code Z_j = X U_j V_j}, with its own dictionary {@code
 * U_j} (inputs x na) and coefficients {@code V_j} (na x nh_j). The layer's output is the
 * concatenation of its columns.
 *
 * <p>Storage makes every block a contiguous column range of one Fortran-order array: {@code U =
 * [U_1 ... U_c]} (inputs x c na) and {@code V = [V_1 ... V_c]} (na x nh). So {@code X U} for all
 * columns is one gemm, and each {@code Z_j} is a gemm into a column-block view of {@code Z}.
 *
 * <p>Gradients: {@code dV_j = (X U_j)^T dZ_j}, {@code dX = sum_j dZ_j V_j^T U_j^T}, and when {@code
 * U} is learned (LowRank, or alternating optimisation) {@code dU_j = X^T dZ_j V_j^T = (dL/dW_j) V_j^T}
 * (for {@code W_j = U_j V_j}, the product order of the map). Each step computes either {@code (X U) V}
 * or {@code X (U V)}, whichever costs fewer flops for the batch size (see {@link ProductOrder}).
 * A {@link Param#frozen() frozen} {@code U} or {@code V} gets no gradient (the phases of alternating
 * optimisation).
 */
public final class FactoredMap implements LinearMap {

    private final int inputs;
    private final int outputs;
    private final int columns;
    private final int atoms;
    private final int[] hStart;
    private final DataType dtype;
    private final Param u;
    private final boolean trainableU;
    private final Param v;
    private final INDArray[] uCols;
    private final INDArray[] duCols;
    private final INDArray[] vCols;
    private final INDArray[] dvCols;

    private ProductOrder policy = ProductOrder.AUTO;
    private ProductOrder lastOrder = ProductOrder.XU_FIRST;
    private boolean inputGradientNeeded = true;

    private int batch = -1;
    private INDArray t;
    private INDArray dt;
    private INDArray[] tCols;
    private INDArray[] dtCols;
    private INDArray w;
    private INDArray dw;
    private INDArray[] wCols;
    private INDArray[] dwCols;
    private final ColumnViews zViews = new ColumnViews();
    private final ColumnViews dzViews = new ColumnViews();

    /**
     * @param uColumnMajor {@code [U_1 ... U_c]}, inputs x (columns * atoms), column-major
     * @param trainableU whether {@code U} is learned too (LowRank, alternating optimisation)
     */
    public FactoredMap(
            int inputs, int outputs, int columns, int atoms, double[] uColumnMajor, boolean trainableU,
            DataType dtype) {
        if (columns < 1 || columns > outputs) {
            throw new IllegalArgumentException(
                    "columns must be in [1, outputs=" + outputs + "] but was " + columns);
        }
        if (uColumnMajor.length != (long) inputs * columns * atoms) {
            throw new IllegalArgumentException("U must have inputs*columns*atoms = " + inputs + "*"
                    + columns + "*" + atoms + " values but has " + uColumnMajor.length);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.columns = columns;
        this.atoms = atoms;
        this.dtype = dtype;
        this.trainableU = trainableU;
        this.hStart = columnStarts(outputs, columns);
        INDArray uArray = Nd4j.create(dtype, new long[] {inputs, (long) columns * atoms}, 'f');
        HostBuffers.write(uColumnMajor, uColumnMajor.length, uArray);
        this.u = new Param("U", uArray, true);
        this.v = new Param("V", Nd4j.create(dtype, new long[] {atoms, outputs}, 'f'), true);
        this.uCols = new INDArray[columns];
        this.duCols = new INDArray[columns];
        this.vCols = new INDArray[columns];
        this.dvCols = new INDArray[columns];
        for (int j = 0; j < columns; j++) {
            uCols[j] = cols(u.value(), (long) j * atoms, (long) (j + 1) * atoms);
            duCols[j] = cols(u.grad(), (long) j * atoms, (long) (j + 1) * atoms);
            vCols[j] = cols(v.value(), hStart[j], hStart[j + 1]);
            dvCols[j] = cols(v.grad(), hStart[j], hStart[j + 1]);
        }
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    public int columns() {
        return columns;
    }

    public int atoms() {
        return atoms;
    }

    /**
     * How {@code outputs} units (or filters) split into {@code columns} contiguous columns, the first
     * {@code outputs mod columns} one larger: {@code starts[j]} is column {@code j}'s first unit,
     * {@code starts[columns] = outputs}.
     */
    public static int[] columnStarts(int outputs, int columns) {
        int[] starts = new int[columns + 1];
        for (int j = 0; j < columns; j++) {
            starts[j + 1] = starts[j] + outputs / columns + (j < outputs % columns ? 1 : 0);
        }
        return starts;
    }

    /** First hidden unit of column {@code j} (j = columns gives outputs). */
    public int columnStart(int j) {
        return hStart[j];
    }

    /** Forces a product order (tests) or lets each step choose (AUTO, the default). */
    public void setProductOrder(ProductOrder order) {
        this.policy = order;
    }

    /** The order the last forward pass used. */
    public ProductOrder lastProductOrder() {
        return lastOrder;
    }

    @Override
    public void setInputGradientNeeded(boolean needed) {
        this.inputGradientNeeded = needed;
    }

    /** Whether {@code U} is a learned parameter (LowRank, alternating optimisation) rather than fixed. */
    public boolean learnsDictionary() {
        return trainableU;
    }

    /** The {@code U} parameter (learned or not). */
    public Param dictionaryParam() {
        return u;
    }

    /** The {@code V} parameter. */
    public Param coefficientParam() {
        return v;
    }

    /** A copy of {@code [U_1 ... U_c]} in double, column-major (column {@code j}'s block at {@code j * atoms * inputs}). */
    public double[] dictionaryColumnMajor() {
        double[] out = new double[(int) u.length()];
        HostBuffers.read(u.value(), out, out.length);
        return out;
    }

    /** A copy of {@code [V_1 ... V_c]} in double, column-major (column {@code j}'s block at {@code columnStart(j) * atoms}). */
    public double[] coefficientsColumnMajor() {
        double[] out = new double[(int) v.length()];
        HostBuffers.read(v.value(), out, out.length);
        return out;
    }

    /** Sets {@code [V_1 ... V_c]} from column-major values (rounded to the map's data type). */
    public void setCoefficients(double[] columnMajor) {
        if (columnMajor.length != v.length()) {
            throw new IllegalArgumentException("V must have atoms*outputs = " + atoms + "*" + outputs + " values but has "
                    + columnMajor.length);
        }
        HostBuffers.write(columnMajor, columnMajor.length, v.value());
    }

    /** The dictionary {@code [U_1 ... U_c]} (inputs x columns*atoms); live, do not modify. */
    public INDArray dictionary() {
        return u.value();
    }

    /** The coefficients {@code [V_1 ... V_c]} (atoms x outputs); live. */
    public INDArray coefficients() {
        return v.value();
    }

    /** Flops of one step for batch size {@code b} in the given order (forward, plus backward if training). */
    public double stepFlops(ProductOrder order, int b, boolean training) {
        double nv = inputs;
        double nh = outputs;
        double na = atoms;
        double c = (double) columns * atoms;
        boolean dx = training && inputGradientNeeded;
        if (order == ProductOrder.XU_FIRST) {
            double f = b * nv * c + b * na * nh;
            if (!training) {
                return 2 * f;
            }
            f += b * na * nh + (dx || trainableU ? b * na * nh : 0) + (dx ? b * c * nv : 0)
                    + (trainableU ? nv * b * c : 0);
            return 2 * f;
        }
        double f = nv * na * nh + b * nv * nh;
        if (!training) {
            return 2 * f;
        }
        f += b * nv * nh + nv * na * nh + (dx ? b * nh * nv : 0) + (trainableU ? nv * nh * na : 0);
        return 2 * f;
    }

    private ProductOrder choose(int b, boolean training) {
        if (policy != ProductOrder.AUTO) {
            return policy;
        }
        return stepFlops(ProductOrder.XU_FIRST, b, training)
                        <= stepFlops(ProductOrder.UV_FIRST, b, training)
                ? ProductOrder.XU_FIRST
                : ProductOrder.UV_FIRST;
    }

    @Override
    public void forward(INDArray x, INDArray z, double beta, boolean training) {
        int b = (int) x.rows();
        lastOrder = choose(b, training);
        if (lastOrder == ProductOrder.XU_FIRST) {
            ensureProjectionBuffers(b);
            Gemm.mul(x, u.value(), t, false, false);
            INDArray[] zc = zViews.of(z);
            for (int j = 0; j < columns; j++) {
                Gemm.mul(tCols[j], vCols[j], zc[j], false, false, 1.0, beta);
            }
        } else {
            ensureWeightBuffers();
            for (int j = 0; j < columns; j++) {
                Gemm.mul(uCols[j], vCols[j], wCols[j], false, false);
            }
            Gemm.mul(x, w, z, false, false, 1.0, beta);
        }
    }

    @Override
    public void backward(INDArray x, INDArray dz, INDArray dx) {
        boolean du = trainableU && !u.frozen();
        boolean dv = !v.frozen();
        if (lastOrder == ProductOrder.XU_FIRST) {
            INDArray[] dzc = dzViews.of(dz);
            for (int j = 0; j < columns; j++) {
                if (dv) {
                    Gemm.mul(tCols[j], dzc[j], dvCols[j], true, false, v.gradAlpha(), v.gradBeta());
                }
                if (dx != null || du) {
                    Gemm.mul(dzc[j], vCols[j], dtCols[j], false, true);
                }
            }
            if (du) {
                Gemm.mul(x, dt, u.grad(), true, false, u.gradAlpha(), u.gradBeta());
            }
            if (dx != null) {
                Gemm.mul(dt, u.value(), dx, false, true);
            }
        } else {
            Gemm.mul(x, dz, dw, true, false);
            for (int j = 0; j < columns; j++) {
                if (dv) {
                    Gemm.mul(uCols[j], dwCols[j], dvCols[j], true, false, v.gradAlpha(), v.gradBeta());
                }
                if (du) {
                    Gemm.mul(dwCols[j], vCols[j], duCols[j], false, true, u.gradAlpha(), u.gradBeta());
                }
            }
            if (dx != null) {
                Gemm.mul(dz, w, dx, false, true);
            }
        }
    }

    private void ensureProjectionBuffers(int b) {
        if (b == batch) {
            return;
        }
        batch = b;
        long width = (long) columns * atoms;
        t = Nd4j.create(dtype, new long[] {b, width}, 'f');
        dt = Nd4j.create(dtype, new long[] {b, width}, 'f');
        tCols = new INDArray[columns];
        dtCols = new INDArray[columns];
        for (int j = 0; j < columns; j++) {
            tCols[j] = cols(t, (long) j * atoms, (long) (j + 1) * atoms);
            dtCols[j] = cols(dt, (long) j * atoms, (long) (j + 1) * atoms);
        }
    }

    private void ensureWeightBuffers() {
        if (w != null) {
            return;
        }
        w = Nd4j.create(dtype, new long[] {inputs, outputs}, 'f');
        dw = Nd4j.create(dtype, new long[] {inputs, outputs}, 'f');
        wCols = new INDArray[columns];
        dwCols = new INDArray[columns];
        for (int j = 0; j < columns; j++) {
            wCols[j] = cols(w, hStart[j], hStart[j + 1]);
            dwCols[j] = cols(dw, hStart[j], hStart[j + 1]);
        }
    }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>(2);
        if (trainableU) {
            ps.add(u);
        }
        ps.add(v);
        return ps;
    }

    @Override
    public long dynamicWeights() {
        return v.length() + (trainableU ? u.length() : 0);
    }

    @Override
    public void initialize(SplittableRandom rng, double targetVariance) {
        double[] values = new double[(int) v.length()];
        for (int j = 0; j < columns; j++) {
            double normSq = Math.pow(uCols[j].norm2Number().doubleValue(), 2);
            if (!(normSq > 0)) {
                throw new IllegalStateException("dictionary column block " + j + " is all zeros");
            }
            double std = Math.sqrt(targetVariance * inputs / normSq);
            double[] block = Gaussians.draw(rng, std, atoms * (hStart[j + 1] - hStart[j]));
            System.arraycopy(block, 0, values, atoms * hStart[j], block.length);
        }
        HostBuffers.write(values, values.length, v.value());
    }

    @Override
    public INDArray weights() {
        INDArray result = Nd4j.create(dtype, new long[] {inputs, outputs}, 'f');
        for (int j = 0; j < columns; j++) {
            Gemm.mul(uCols[j], vCols[j], cols(result, hStart[j], hStart[j + 1]), false, false);
        }
        return result;
    }

    private static INDArray cols(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    /** Column-block views of the last array seen (the caller's Z or dZ buffer), rebuilt when it changes. */
    private final class ColumnViews {
        private INDArray source;
        private INDArray[] views;

        INDArray[] of(INDArray a) {
            if (a != source) {
                source = a;
                views = new INDArray[columns];
                for (int j = 0; j < columns; j++) {
                    views[j] = cols(a, hStart[j], hStart[j + 1]);
                }
            }
            return views;
        }
    }
}
