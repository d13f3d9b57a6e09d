package org.paramprediction.train;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.layer.Param;

/**
 * SGD with classical momentum and L2 weight decay: {@code v = m v - lr (g + wd w); w = w + v}, in
 * place, with one velocity array per parameter.
 */
final class SgdMomentum {

    private final List<Param> params;
    private final List<INDArray> velocity = new ArrayList<>();
    private final OpExecutioner exec = Nd4j.getExecutioner();

    SgdMomentum(List<Param> params) {
        this.params = List.copyOf(params);
        for (Param p : params) {
            velocity.add(p.value().ulike().assign(0));
        }
    }

    void step(double learningRate, double momentum, double weightDecay) {
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            INDArray v = velocity.get(i);
            if (weightDecay > 0 && p.decay()) {
                exec.exec(new Axpy(p.value(), p.grad(), p.grad(), weightDecay));
            }
            v.muli(momentum);
            exec.exec(new Axpy(p.grad(), v, v, -learningRate));
            p.value().addi(v);
        }
    }
}
