package org.paramprediction.rica;

import java.nio.DoubleBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.linalg.Blas;
import org.paramprediction.optim.DifferentiableFunction;

/**
 * The reconstruction-ICA objective (Le et al., NIPS 2011; METHOD.md section 6) over one block of
 * whitened rows {@code x_i} ({@code 1 x n}), as a function of the parameters {@code P} of a
 * {@link WeightMap} ({@code W = W(P)}, {@code n x F}):
 *
 * <pre>  J = lambda sum_i sum_j g(x_i W_j) + (1/m) sum_i |x_i W W^T - x_i|^2,   g(u) = sqrt(eps + u^2)</pre>
 *
 * where the sums run over this block's rows and {@code m} is the normaliser given at construction:
 * the number of rows of the whole problem, so that the objective of all rows is exactly the sum of
 * its blocks' objectives ({@link org.paramprediction.optim.FunctionSum}, or one block per Spark
 * partition). Note that the sparsity term is not divided by {@code m}: for a fixed balance between
 * the two terms, {@code lambda} scales as {@code 1/m}.
 *
 * <p>Gradient, with {@code X} the block ({@code b x n}), {@code Z = X W}, {@code R = Z W^T - X}:
 *
 * <pre>  A = lambda g'(Z) + (2/m) R W,   g'(u) = u / sqrt(eps + u^2)
 *  dJ/dW = X^T A + (2/m) R^T Z</pre>
 *
 * then {@code dJ/dP} by {@link WeightMap#backward}. Every product is one OpenBLAS dgemm
 * ({@link Blas#gemm}, transpose flags, preallocated DOUBLE Fortran-order buffers); the elementwise
 * {@code g}, {@code g'} and {@code |R|^2} are single loops. An evaluation allocates only a few
 * small view objects. Not thread-safe.
 */
public final class RicaObjective implements DifferentiableFunction {

    private final WeightMap map;
    private final double lambda;
    private final double epsilon;
    private final double normaliser;
    private final INDArray x;
    private final INDArray p;
    private final INDArray dp;
    private final INDArray w;
    private final INDArray dw;
    private final INDArray z;
    private final INDArray r;
    private final INDArray a;

    /**
     * @param rows      the block, {@code count * map.inputs()} values, row-major (copied)
     * @param count     rows in the block, {@code >= 1}
     * @param map       how {@code W} is made from the parameters
     * @param lambda    sparsity weight, finite and {@code >= 0}
     * @param epsilon   smoothing of {@code g}, finite and {@code > 0}
     * @param totalRows {@code m}, rows of the whole problem, {@code >= count}
     */
    public RicaObjective(double[] rows, int count, WeightMap map, double lambda, double epsilon, long totalRows) {
        if (map == null) {
            throw new IllegalArgumentException("map must not be null");
        }
        int n = map.inputs();
        if (count < 1 || rows == null || rows.length != (long) count * n) {
            throw new IllegalArgumentException("rows must hold count * inputs = " + count + " * " + n
                    + " values but had " + (rows == null ? "null" : rows.length));
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0 but was " + lambda);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0 but was " + epsilon);
        }
        if (totalRows < count) {
            throw new IllegalArgumentException("totalRows (m) must be >= this block's " + count + " rows but was "
                    + totalRows);
        }
        this.map = map;
        this.lambda = lambda;
        this.epsilon = epsilon;
        this.normaliser = totalRows;
        int f = map.features();
        this.x = Nd4j.create(rows, new long[] {count, n}, 'c').dup('f');
        this.p = Nd4j.create(DataType.DOUBLE, map.parameterShape(), 'f');
        this.dp = p.ulike();
        this.w = Nd4j.create(DataType.DOUBLE, new long[] {n, f}, 'f');
        this.dw = w.ulike();
        this.z = Nd4j.create(DataType.DOUBLE, new long[] {count, f}, 'f');
        this.a = z.ulike();
        this.r = x.ulike();
    }

    @Override
    public int dimension() {
        return map.parameters();
    }

    /** Rows in this block. */
    public int rows() {
        return (int) x.rows();
    }

    public WeightMap map() {
        return map;
    }

    @Override
    public double valueAndGradient(double[] params, double[] gradient) {
        int d = dimension();
        if (params.length != d || gradient.length != d) {
            throw new IllegalArgumentException("params and gradient must have " + d + " values but had "
                    + params.length + " and " + gradient.length);
        }
        p.data().asNioDouble().put(params, 0, d);
        map.weights(p, w);
        Blas.gemm(x, w, z, false, false, 1.0, 0.0);            // Z = X W
        r.assign(x);
        Blas.gemm(z, w, r, false, true, 1.0, -1.0);            // R = Z W^T - X
        double reconstruction = sumOfSquares(r.data().asNioDouble(), r.length());
        double sparsity = smoothL1(z.data().asNioDouble(), a.data().asNioDouble(), z.length());
        double scale = 2.0 / normaliser;
        Blas.gemm(r, w, a, false, false, scale, 1.0);          // A = lambda g'(Z) + (2/m) R W
        Blas.gemm(x, a, dw, true, false, 1.0, 0.0);            // dW = X^T A
        Blas.gemm(r, z, dw, true, false, scale, 1.0);          //    + (2/m) R^T Z
        map.backward(dw, dp);
        dp.data().asNioDouble().get(gradient, 0, d);
        return lambda * sparsity + reconstruction / normaliser;
    }

    /** Returns {@code sum g(z)} and writes {@code lambda g'(z)} into {@code out}. */
    private double smoothL1(DoubleBuffer zs, DoubleBuffer out, long length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double u = zs.get(i);
            double root = Math.sqrt(epsilon + u * u);
            sum += root;
            out.put(i, lambda * u / root);
        }
        return sum;
    }

    private static double sumOfSquares(DoubleBuffer values, long length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double v = values.get(i);
            sum += v * v;
        }
        return sum;
    }

    /** {@code W(P)} for the flat parameters {@code params}, row-major {@code n x F} (a new array). */
    public double[] weights(double[] params) {
        if (params.length != dimension()) {
            throw new IllegalArgumentException("params must have " + dimension() + " values but had " + params.length);
        }
        p.data().asNioDouble().put(params, 0, params.length);
        map.weights(p, w);
        return w.dup('c').data().asDouble();
    }
}
