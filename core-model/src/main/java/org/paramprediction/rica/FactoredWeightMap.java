package org.paramprediction.rica;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.linalg.Blas;

/**
 * RICA with predicted parameters: {@code W = U V}, only {@code V} optimised (METHOD.md sections 1,
 * 4 and 6). The {@code F} features are split into {@code c} columns as the dense layers split their
 * units ({@link FactoredMap#columnStarts}); column {@code j} has its own dictionary and
 * {@code W_j = U_j V_j}.
 *
 * <p>Tied across channels (the paper's conv layers, {@code layer.TiedFactoredMap}): each column's
 * dictionary {@code U_s,j} ({@code p*p x a}) is over the {@code p x p} positions of one channel, and
 * with patch rows in order {@code c*p*p + s} the column's dictionary is the block diagonal
 * {@code U_j = I_C (x) U_s,j} ({@code C*p*p x C*a}); {@code V} is {@code C*a x F} with row
 * {@code c*a + alpha}. The fraction learned is {@code a / (p*p)}. With one channel, or a dictionary
 * over all {@code n} patch values (pass {@code channels = 1}), {@code U_j} is the dictionary itself.
 * Here {@code U_j} is built densely once ({@code n x C*a}, small for patches), so each evaluation is
 * {@code c} gemms forward ({@code W_j = U_j V_j}) and {@code c} back ({@code dV_j = U_j^T dW_j}).
 */
public final class FactoredWeightMap implements WeightMap {

    private final int inputs;
    private final int features;
    private final int channels;
    private final int atoms;
    private final int columns;
    private final int[] starts;
    private final INDArray[] uBlocks;
    private final String description;

    /**
     * @param spatial  one dictionary per column, all over the same {@code positions} inputs with the
     *                 same number of atoms (FULL has no {@code U} and is refused: use {@link FullWeightMap})
     * @param channels {@code C >= 1}; the dictionaries are tied across them
     * @param features {@code F >= columns}
     */
    public FactoredWeightMap(List<Dictionary> spatial, int channels, int features) {
        if (spatial == null || spatial.isEmpty()) {
            throw new IllegalArgumentException("need one dictionary per column but got "
                    + (spatial == null ? "null" : "none"));
        }
        Dictionary first = spatial.get(0);
        for (int j = 0; j < spatial.size(); j++) {
            Dictionary d = spatial.get(j);
            if (d.u() == null) {
                throw new IllegalArgumentException("column " + j + "'s dictionary " + d.recipe().describe()
                        + " has no U: use FullWeightMap for Full RICA");
            }
            if (d.inputs() != first.inputs() || d.atoms() != first.atoms()) {
                throw new IllegalArgumentException("every column's dictionary must be " + first.inputs() + " x "
                        + first.atoms() + " (column 0) but column " + j + "'s is " + d.inputs() + " x " + d.atoms());
            }
        }
        if (channels < 1 || features < spatial.size()) {
            throw new IllegalArgumentException("channels must be >= 1 and features >= columns=" + spatial.size()
                    + " but were " + channels + ", " + features);
        }
        this.channels = channels;
        this.columns = spatial.size();
        this.atoms = first.atoms();
        this.inputs = Math.multiplyExact(channels, first.inputs());
        this.features = features;
        this.starts = FactoredMap.columnStarts(features, columns);
        this.uBlocks = new INDArray[columns];
        for (int j = 0; j < columns; j++) {
            uBlocks[j] = blockDiagonal(spatial.get(j), channels);
        }
        this.description = "Factored " + first.recipe().describe() + (channels > 1 ? " tied over " + channels
                + " channels" : "") + ", " + columns + " column" + (columns > 1 ? "s" : "") + ", " + features
                + " features";
    }

    /** {@code I_C (x) U_s} as a dense DOUBLE Fortran-order array. */
    private static INDArray blockDiagonal(Dictionary d, int channels) {
        int pp = d.inputs();
        int a = d.atoms();
        double[] us = d.u();
        INDArray u = Nd4j.create(DataType.DOUBLE, new long[] {(long) channels * pp, (long) channels * a}, 'f');
        for (int c = 0; c < channels; c++) {
            for (int s = 0; s < pp; s++) {
                for (int k = 0; k < a; k++) {
                    u.putScalar((long) c * pp + s, (long) c * a + k, us[s * a + k]);
                }
            }
        }
        return u;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public long[] parameterShape() {
        return new long[] {(long) channels * atoms, features};
    }

    /** Columns {@code c}. */
    public int columns() {
        return columns;
    }

    /** {@code a / (p*p)}: the fraction of {@code W}'s entries that is learned. */
    public double fraction() {
        return (double) channels * atoms / inputs;
    }

    @Override
    public void weights(INDArray p, INDArray w) {
        for (int j = 0; j < columns; j++) {
            Blas.gemm(uBlocks[j], columnsOf(p, j), columnsOf(w, j), false, false, 1.0, 0.0);
        }
    }

    @Override
    public void backward(INDArray dw, INDArray dp) {
        for (int j = 0; j < columns; j++) {
            Blas.gemm(uBlocks[j], columnsOf(dw, j), columnsOf(dp, j), true, false, 1.0, 0.0);
        }
    }

    private INDArray columnsOf(INDArray x, int j) {
        return columns == 1 ? x : x.get(NDArrayIndex.all(), NDArrayIndex.interval(starts[j], starts[j + 1]));
    }

    @Override
    public String describe() {
        return description;
    }
}
