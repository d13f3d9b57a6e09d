package org.paramprediction.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SoftmaxOutputLayerTest {

    @Test
    void lossOfUniformLogitsIsLogOfClassCountAndArgmaxCountsErrors() {
        SoftmaxOutputLayer out = new SoftmaxOutputLayer(2, 4, DataType.DOUBLE);
        // W = 0, b = (0, 0, 0, 1): every row predicts class 3
        out.params().get(1).value().putScalar(0, 3, 1.0);
        INDArray x = Nd4j.create(new double[] {1, 2, 3, 4, 5, 6}, new long[] {3, 2}, 'c');
        out.forward(x);
        BatchLoss loss = out.loss(new int[] {3, 0, 3}, false);
        double logSum = Math.log(3 + Math.E);
        assertEquals(2 * (logSum - 1) + (logSum - 0), loss.lossSum(), 1e-12);
        assertEquals(1, loss.errors());
        assertEquals(3, loss.rows());
    }

    @Test
    void maxColumnNormCapsEveryClassColumn() {
        SoftmaxOutputLayer out = new SoftmaxOutputLayer(50, 10, DataType.FLOAT);
        out.initialize(new SplittableRandom(3));
        out.params().get(0).value().muli(10);
        out.applyMaxColumnNorm(1.5);
        INDArray norms = out.params().get(0).value().norm2(0);
        for (int c = 0; c < 10; c++) {
            assertTrue(norms.getDouble(c) <= 1.5 + 1e-5, "column " + c + " norm " + norms.getDouble(c));
        }
    }
}
