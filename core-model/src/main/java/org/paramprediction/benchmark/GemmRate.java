package org.paramprediction.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.layer.GemmShape;
import org.paramprediction.linalg.Blas;

/**
 * The machine's limit for a training step: matrix products alone on exactly the step's list of
 * shapes (same transposes, Fortran-order operands, preallocated outputs), timed over enough
 * repetitions to last about {@code seconds} per path. Two paths are timed: {@code Nd4j.gemm} (what
 * an ND4J user calls) and OpenBLAS {@code cblas_sgemm} called directly ({@link Blas}, what training
 * calls). The limit is the faster of the two, so the ratio training/limit is never flattered.
 */
public final class GemmRate {

    /** GFLOP/s of the shapes run back to back through each path. */
    public record Rates(double nd4j, double cblas) {
        public double limit() {
            return Math.max(nd4j, cblas);
        }
    }

    private GemmRate() {}

    public static Rates measure(List<GemmShape> shapes, double seconds) {
        List<INDArray[]> operands = new ArrayList<>();
        double flops = 0;
        for (GemmShape s : shapes) {
            INDArray a = Nd4j.rand(DataType.FLOAT, s.transA() ? s.k() : s.m(), s.transA() ? s.m() : s.k()).dup('f');
            INDArray b = Nd4j.rand(DataType.FLOAT, s.transB() ? s.n() : s.k(), s.transB() ? s.k() : s.n()).dup('f');
            INDArray c = Nd4j.create(DataType.FLOAT, new long[] {s.m(), s.n()}, 'f');
            operands.add(new INDArray[] {a, b, c});
            flops += s.flops();
        }
        double nd4j = rate(shapes, operands, flops, seconds, false);
        double cblas = rate(shapes, operands, flops, seconds, true);
        return new Rates(nd4j, cblas);
    }

    private static double rate(List<GemmShape> shapes, List<INDArray[]> operands, double flops, double seconds,
            boolean direct) {
        runOnce(shapes, operands, direct); // warm-up
        long start = System.nanoTime();
        int reps = 0;
        do {
            runOnce(shapes, operands, direct);
            reps++;
        } while ((System.nanoTime() - start) / 1e9 < seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return flops * reps / elapsed / 1e9;
    }

    private static void runOnce(List<GemmShape> shapes, List<INDArray[]> operands, boolean direct) {
        for (int i = 0; i < shapes.size(); i++) {
            GemmShape s = shapes.get(i);
            INDArray[] o = operands.get(i);
            if (direct) {
                Blas.gemm(o[0], o[1], o[2], s.transA(), s.transB(), 1.0, 0.0);
            } else {
                Nd4j.gemm(o[0], o[1], o[2], s.transA(), s.transB(), 1.0, 0.0);
            }
        }
    }
}
