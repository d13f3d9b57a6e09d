package org.paramprediction.bench;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.layer.GemmShape;

/**
 * The machine's limit for a training step: {@code Nd4j.gemm} alone on exactly the step's list of
 * product shapes (same transposes, Fortran-order operands, preallocated outputs), timed over enough
 * repetitions to last about {@code seconds}.
 */
final class GemmRate {

    private GemmRate() {}

    /** GFLOP/s of running {@code shapes} back to back. */
    static double measure(List<GemmShape> shapes, double seconds) {
        List<INDArray[]> operands = new ArrayList<>();
        double flops = 0;
        for (GemmShape s : shapes) {
            INDArray a = Nd4j.rand(DataType.FLOAT, s.transA() ? s.k() : s.m(), s.transA() ? s.m() : s.k()).dup('f');
            INDArray b = Nd4j.rand(DataType.FLOAT, s.transB() ? s.n() : s.k(), s.transB() ? s.k() : s.n()).dup('f');
            INDArray c = Nd4j.create(DataType.FLOAT, new long[] {s.m(), s.n()}, 'f');
            operands.add(new INDArray[] {a, b, c});
            flops += s.flops();
        }
        runOnce(shapes, operands); // warm-up
        long start = System.nanoTime();
        int reps = 0;
        do {
            runOnce(shapes, operands);
            reps++;
        } while ((System.nanoTime() - start) / 1e9 < seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return flops * reps / elapsed / 1e9;
    }

    private static void runOnce(List<GemmShape> shapes, List<INDArray[]> operands) {
        for (int i = 0; i < shapes.size(); i++) {
            GemmShape s = shapes.get(i);
            INDArray[] o = operands.get(i);
            Nd4j.gemm(o[0], o[1], o[2], s.transA(), s.transB(), 1.0, 0.0);
        }
    }
}
