package org.paramprediction.rica;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.linalg.Blas;
import org.paramprediction.optim.DifferentiableFunction;

/**
 * The L2-regularised multinomial logistic loss of a linear classifier on {@code n} rows
 * {@code x_i} (dimension {@code D}) with labels {@code y_i} among {@code K} classes:
 *
 * <pre>  s_i = x_i W + b,   p_ik = exp(s_ik) / sum_l exp(s_il)
 *  J(W, b) = -(1/n) sum_i log p_{i y_i} + (lambda / 2) |W|_F^2
 *  dJ/dW = X^T (P - Y) / n + lambda W,   dJ/db = 1^T (P - Y) / n</pre>
 *
 * ({@code Y} one-hot; the bias is not decayed; log-sum-exp with the row maximum subtracted). The
 * parameters are flat: {@code W} row-major {@code D x K}, then {@code b} ({@code K}). The two
 * products are {@link Blas#gemm}s into buffers allocated here, once.
 */
public final class SoftmaxObjective implements DifferentiableFunction {

    private final int n;
    private final int d;
    private final int k;
    private final int[] labels;
    private final double lambda;
    private final INDArray x;
    private final INDArray w;
    private final INDArray scores;
    private final INDArray dw;
    private final double[] s;

    /**
     * @param rows   the (standardised) training rows; copied off-heap once
     * @param lambda weight decay {@code >= 0}
     */
    public SoftmaxObjective(FeatureRows rows, double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("weight decay lambda must be finite and >= 0 but was " + lambda);
        }
        this.n = rows.count();
        this.d = rows.dimension();
        this.k = rows.classes();
        this.labels = rows.labels();
        this.lambda = lambda;
        this.x = Nd4j.create(DataType.DOUBLE, new long[] {n, d}, 'c');
        x.data().asNioDouble().put(0, rows.rows(), 0, n * d);
        this.w = Nd4j.create(DataType.DOUBLE, new long[] {d, k}, 'c');
        this.scores = Nd4j.create(DataType.DOUBLE, new long[] {n, k}, 'c');
        this.dw = Nd4j.create(DataType.DOUBLE, new long[] {d, k}, 'c');
        this.s = new double[n * k];
    }

    @Override
    public int dimension() {
        return d * k + k;
    }

    @Override
    public double valueAndGradient(double[] params, double[] gradient) {
        int wk = d * k;
        w.data().asNioDouble().put(0, params, 0, wk);
        Blas.gemm(x, w, scores, false, false, 1.0, 0.0);
        scores.data().asNioDouble().get(0, s, 0, n * k);
        double loss = 0;
        Arrays.fill(gradient, wk, wk + k, 0.0);
        for (int i = 0; i < n; i++) {
            loss += residualRow(params, wk, i, gradient);
        }
        scores.data().asNioDouble().put(0, s, 0, n * k);
        Blas.gemm(x, scores, dw, true, false, 1.0, 0.0);
        dw.data().asNioDouble().get(0, gradient, 0, wk);
        double decay = 0;
        for (int t = 0; t < wk; t++) {
            decay += params[t] * params[t];
            gradient[t] += lambda * params[t];
        }
        return loss / n + 0.5 * lambda * decay;
    }

    /** Overwrites row {@code i} of {@code s} with {@code (p_i - y_i) / n}, adds it to {@code db}; returns {@code -log p_{i y_i}}. */
    private double residualRow(double[] params, int wk, int i, double[] gradient) {
        int row = i * k;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            s[row + c] += params[wk + c];
            max = Math.max(max, s[row + c]);
        }
        double z = 0;
        for (int c = 0; c < k; c++) {
            z += Math.exp(s[row + c] - max);
        }
        double logZ = max + Math.log(z);
        double nll = logZ - s[row + labels[i]];
        for (int c = 0; c < k; c++) {
            double r = (Math.exp(s[row + c] - logZ) - (c == labels[i] ? 1.0 : 0.0)) / n;
            s[row + c] = r;
            gradient[wk + c] += r;
        }
        return nll;
    }
}
