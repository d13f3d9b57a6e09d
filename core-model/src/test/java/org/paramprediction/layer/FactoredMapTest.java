package org.paramprediction.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.random.Gaussians;

class FactoredMapTest {

    private static final double TOL = 1e-12;

    @Test
    void bothProductOrdersAndTheMaterialisedWeightsGiveTheSameOutput() {
        SplittableRandom rng = new SplittableRandom(21);
        FactoredMap map = new FactoredMap(10, 7, 3, 4, Gaussians.draw(rng, 1, 10 * 3 * 4), false, DataType.DOUBLE);
        map.initialize(rng, 0.1);
        INDArray x = Nd4j.create(Gaussians.draw(rng, 1, 5 * 10), new long[] {5, 10}, 'c');
        INDArray zXu = Nd4j.create(DataType.DOUBLE, new long[] {5, 7}, 'f');
        INDArray zUv = zXu.ulike();
        map.setProductOrder(ProductOrder.XU_FIRST);
        map.forward(x, zXu, false);
        map.setProductOrder(ProductOrder.UV_FIRST);
        map.forward(x, zUv, false);
        INDArray expected = x.mmul(map.weights());
        assertTrue(zXu.equalsWithEps(expected, TOL), "(XU)V differs from X W");
        assertTrue(zUv.equalsWithEps(expected, TOL), "X(UV) differs from X W");
    }

    @Test
    void eachColumnOnlyUsesItsOwnDictionaryBlock() {
        SplittableRandom rng = new SplittableRandom(22);
        int inputs = 6;
        int atoms = 2;
        double[] u = Gaussians.draw(rng, 1, inputs * 2 * atoms);
        FactoredMap map = new FactoredMap(inputs, 5, 2, atoms, u, false, DataType.DOUBLE);
        map.initialize(rng, 0.1);
        INDArray w = map.weights();
        INDArray v = map.coefficients();
        // column 0 holds units 0..2 (5 = 3 + 2), column 1 units 3..4
        assertEquals(3, map.columnStart(1));
        for (int i = 0; i < inputs; i++) {
            for (int h = 0; h < 5; h++) {
                int j = h < 3 ? 0 : 1;
                double expected = 0;
                for (int a = 0; a < atoms; a++) {
                    expected += u[(j * atoms + a) * inputs + i] * v.getDouble(a, h);
                }
                assertEquals(expected, w.getDouble(i, h), TOL);
            }
        }
    }

    @Test
    void autoOrderPicksTheCheaperProduct() {
        SplittableRandom rng = new SplittableRandom(23);
        FactoredMap small = new FactoredMap(784, 500, 1, 78, Gaussians.draw(rng, 1, 784 * 78), false, DataType.FLOAT);
        assertTrue(small.stepFlops(ProductOrder.XU_FIRST, 100, true) < small.stepFlops(ProductOrder.UV_FIRST, 100, true));
        FactoredMap wide = new FactoredMap(100, 100, 5, 90, Gaussians.draw(rng, 1, 100 * 5 * 90), false, DataType.FLOAT);
        assertTrue(wide.stepFlops(ProductOrder.UV_FIRST, 1000, false) < wide.stepFlops(ProductOrder.XU_FIRST, 1000, false));
        INDArray x = Nd4j.create(DataType.FLOAT, new long[] {1000, 100}, 'c');
        wide.forward(x, Nd4j.create(DataType.FLOAT, new long[] {1000, 100}, 'f'), false);
        assertEquals(ProductOrder.UV_FIRST, wide.lastProductOrder());
    }

    @Test
    void initialisedWeightsHaveTheTargetVariance() {
        SplittableRandom rng = new SplittableRandom(24);
        FactoredMap map = new FactoredMap(400, 300, 3, 40, Gaussians.draw(rng, 3, 400 * 3 * 40), false, DataType.DOUBLE);
        double target = 2.0 / 400;
        map.initialize(rng, target);
        INDArray w = map.weights();
        double variance = w.varNumber().doubleValue();
        assertEquals(target, variance, 0.1 * target);
    }
}
