package org.paramprediction.layer;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.random.Gaussians;

/**
 * The paper's factored filter bank for a convolution, with the dictionary tied across input
 * channels: filters of {@code kk = k*k} positions in each of {@code C_in} channels (row {@code c*kk
 * + s} of {@code W}), and a spatial dictionary {@code U_s} ({@code kk x a}) that predicts every
 * channel's {@code k x k} slice from that channel's {@code a} coefficients: {@code U = I_Cin (x) U_s}
 * (block diagonal, in this row order), {@code V} ({@code C_in*a x C_out}, row {@code c*a + alpha})
 * learned, {@code W = U V}.
 *
 * <p>Without building {@code U}: the column-major storage of {@code V} is also that of an {@code a x
 * (C_in*C_out)} matrix {@code V'} (column {@code c + C_in*o}), and that of {@code W} an {@code kk x
 * (C_in*C_out)} matrix {@code W'}; then {@code W' = U_s V'}, one gemm, and {@code dV' = U_s^T dW'}.
 *
 * <p>Columns, as in {@link FactoredMap}: column {@code j} owns the output channels {@code [hStart_j,
 * hStart_{j+1})} with its own {@code U_s,j}; its blocks of {@code V} and {@code W} are contiguous, so
 * the identity holds per column. Each step builds {@code W} into a buffer, then {@code Z = X W}
 * ({@code + beta Z}); backward {@code dW = X^T dZ}, {@code dV} by the identity, {@code dX = dZ W^T}.
 */
public final class TiedFactoredMap implements LinearMap {

    private final int positions;
    private final int channels;
    private final int outputs;
    private final int columns;
    private final int atoms;
    private final int[] hStart;
    private final DataType dtype;
    private final INDArray spatial;
    private final Param v;
    private final INDArray w;
    private final INDArray dw;
    private final INDArray[] uCols;
    private final INDArray[] vBlocks;
    private final INDArray[] dvBlocks;
    private final INDArray[] wBlocks;
    private final INDArray[] dwBlocks;

    /**
     * @param positions {@code k*k}, the rows of {@code U_s}
     * @param channels {@code C_in}
     * @param outputs {@code C_out}, the filters
     * @param spatialColumnMajor {@code [U_s,1 ... U_s,c]}, positions x (columns * atoms), column-major
     */
    public TiedFactoredMap(int positions, int channels, int outputs, int columns, int atoms, double[] spatialColumnMajor,
            DataType dtype) {
        if (positions < 1 || channels < 1 || outputs < 1 || atoms < 1) {
            throw new IllegalArgumentException("positions, channels, outputs and atoms must be >= 1 but were "
                    + positions + ", " + channels + ", " + outputs + ", " + atoms);
        }
        if (columns < 1 || columns > outputs) {
            throw new IllegalArgumentException("columns must be in [1, outputs=" + outputs + "] but was " + columns);
        }
        if (spatialColumnMajor.length != (long) positions * columns * atoms) {
            throw new IllegalArgumentException("U_s must have positions*columns*atoms = " + positions + "*" + columns
                    + "*" + atoms + " values but has " + spatialColumnMajor.length);
        }
        this.positions = positions;
        this.channels = channels;
        this.outputs = outputs;
        this.columns = columns;
        this.atoms = atoms;
        this.dtype = dtype;
        this.hStart = FactoredMap.columnStarts(outputs, columns);
        this.spatial = Nd4j.create(dtype, new long[] {positions, (long) columns * atoms}, 'f');
        HostBuffers.write(spatialColumnMajor, spatialColumnMajor.length, spatial);
        this.v = new Param("V", Nd4j.create(dtype, new long[] {(long) channels * atoms, outputs}, 'f'), true);
        this.w = Nd4j.create(dtype, new long[] {inputs(), outputs}, 'f');
        this.dw = w.ulike();
        this.uCols = new INDArray[columns];
        this.vBlocks = new INDArray[columns];
        this.dvBlocks = new INDArray[columns];
        this.wBlocks = new INDArray[columns];
        this.dwBlocks = new INDArray[columns];
        for (int j = 0; j < columns; j++) {
            uCols[j] = StorageViews.range(spatial, (long) j * atoms * positions, positions, atoms);
            vBlocks[j] = coefficientBlock(v.value(), j);
            dvBlocks[j] = coefficientBlock(v.grad(), j);
            wBlocks[j] = weightBlock(w, j);
            dwBlocks[j] = weightBlock(dw, j);
        }
    }

    @Override
    public int inputs() {
        return positions * channels;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    public int positions() {
        return positions;
    }

    public int channels() {
        return channels;
    }

    public int columns() {
        return columns;
    }

    public int atoms() {
        return atoms;
    }

    /** First output channel of column {@code j} (j = columns gives outputs). */
    public int columnStart(int j) {
        return hStart[j];
    }

    /** {@code [U_s,1 ... U_s,c]} (positions x columns*atoms); live, do not modify. */
    public INDArray spatialDictionary() {
        return spatial;
    }

    /** {@code V} (channels*atoms x outputs, row {@code c*atoms + alpha}); live. */
    public INDArray coefficients() {
        return v.value();
    }

    @Override
    public void forward(INDArray x, INDArray z, double beta, boolean training) {
        buildWeights(wBlocks);
        Gemm.mul(x, w, z, false, false, 1.0, beta);
    }

    /** Uses the {@code W} built by the last forward pass. */
    @Override
    public void backward(INDArray x, INDArray dz, INDArray dx) {
        Gemm.mul(x, dz, dw, true, false);
        for (int j = 0; j < columns; j++) {
            Gemm.mul(uCols[j], dwBlocks[j], dvBlocks[j], true, false, v.gradAlpha(), v.gradBeta());
        }
        if (dx != null) {
            Gemm.mul(dz, w, dx, false, true);
        }
    }

    @Override
    public List<Param> params() {
        return List.of(v);
    }

    @Override
    public long dynamicWeights() {
        return v.length();
    }

    /**
     * {@code V_j ~ N(0, s_j^2)} with {@code s_j^2 = targetVariance * kk / ||U_s,j||_F^2}: an entry of
     * row {@code (c, s)} of {@code W} has variance {@code ||U_s,j[s, :]||^2 s_j^2}, whose mean over
     * the {@code kk} positions is the target.
     */
    @Override
    public void initialize(SplittableRandom rng, double targetVariance) {
        double[] values = new double[(int) v.length()];
        int perChannelRows = channels * atoms;
        for (int j = 0; j < columns; j++) {
            double normSq = Math.pow(uCols[j].norm2Number().doubleValue(), 2);
            if (!(normSq > 0)) {
                throw new IllegalStateException("spatial dictionary of column " + j + " is all zeros");
            }
            double std = Math.sqrt(targetVariance * positions / normSq);
            double[] block = Gaussians.draw(rng, std, perChannelRows * (hStart[j + 1] - hStart[j]));
            System.arraycopy(block, 0, values, perChannelRows * hStart[j], block.length);
        }
        HostBuffers.write(values, values.length, v.value());
    }

    @Override
    public INDArray weights() {
        INDArray result = Nd4j.create(dtype, new long[] {inputs(), outputs}, 'f');
        INDArray[] blocks = new INDArray[columns];
        for (int j = 0; j < columns; j++) {
            blocks[j] = weightBlock(result, j);
        }
        buildWeights(blocks);
        return result;
    }

    private void buildWeights(INDArray[] blocks) {
        for (int j = 0; j < columns; j++) {
            Gemm.mul(uCols[j], vBlocks[j], blocks[j], false, false);
        }
    }

    /** Columns {@code [hStart_j, hStart_{j+1})} of {@code V} (or dV) as {@code a x (C_in * nh_j)}. */
    private INDArray coefficientBlock(INDArray a, int j) {
        long rows = (long) channels * atoms;
        return StorageViews.range(a, rows * hStart[j], atoms, (long) channels * (hStart[j + 1] - hStart[j]));
    }

    /** Columns {@code [hStart_j, hStart_{j+1})} of {@code W} (or dW) as {@code kk x (C_in * nh_j)}. */
    private INDArray weightBlock(INDArray a, int j) {
        return StorageViews.range(a, (long) inputs() * hStart[j], positions,
                (long) channels * (hStart[j + 1] - hStart[j]));
    }
}
