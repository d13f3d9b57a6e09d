package org.paramprediction.train;

import java.util.List;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.layer.Param;

/**
 * SGD with classical momentum and decoupled weight decay (the SGDW form of Loshchilov and Hutter):
 *
 * <pre>  v = m v - lr g;   w = (1 - lr wd) w + v        (no decay on biases)</pre>
 *
 * The momentum step is fused into the backward pass: each parameter's gradient buffer is its
 * velocity, and the gemm that produces the gradient writes {@code v = -lr g + m v} directly ({@link
 * Param#accumulateGradient}). What is left per step is one elementwise pass per parameter ({@code
 * w = c w + v}). The update is memory-bound, so passes over the 650k weights are what it costs.
 */
final class SgdMomentum {

    private final List<Param> params;
    private final OpExecutioner exec = Nd4j.getExecutioner();

    SgdMomentum(List<Param> params) {
        this.params = List.copyOf(params);
        for (Param p : params) {
            p.grad().assign(0);
        }
    }

    /** Call before the backward pass of a step: its gradients will land in the velocities. */
    void prepare(double learningRate, double momentum) {
        for (Param p : params) {
            p.accumulateGradient(-learningRate, momentum);
        }
    }

    /** After the backward pass: finishes the update. */
    void step(double learningRate, double weightDecay) {
        for (Param p : params) {
            double keep = p.decay() ? 1.0 - learningRate * weightDecay : 1.0;
            if (keep != 1.0) {
                exec.exec(new Axpy(p.value(), p.grad(), p.value(), keep)); // w = keep * w + v
            } else {
                p.value().addi(p.grad());
            }
        }
    }

    /** Gradients are plain gradients again (for evaluation code or checks after training). */
    void release() {
        for (Param p : params) {
            p.accumulateGradient(1.0, 0.0);
        }
    }
}
