package org.paramprediction.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.random.Gaussians;

/** The one-gemm {@code W = U_s V'} against an explicit {@code (I (x) U_s) V}, and the map's bookkeeping. */
class TiedFactoredMapTest {

    private static final double TOL = 1e-12;

    @Test
    void weightsEqualTheKroneckerDictionaryTimesTheCoefficients() {
        SplittableRandom rng = new SplittableRandom(71);
        int kk = 9;
        int channels = 3;
        int atoms = 4;
        int outputs = 7;
        for (int columns : new int[] {1, 2, 3}) {
            double[] us = Gaussians.draw(rng, 1, kk * columns * atoms);
            TiedFactoredMap map = new TiedFactoredMap(kk, channels, outputs, columns, atoms, us, DataType.DOUBLE);
            map.initialize(rng, 0.1);
            INDArray v = map.coefficients();
            INDArray w = map.weights();
            for (int j = 0; j < columns; j++) {
                INDArray u = kronecker(channels, us, kk, atoms, j); // I_channels (x) U_s,j
                for (int o = map.columnStart(j); o < map.columnStart(j + 1); o++) {
                    INDArray expected = u.mmul(v.getColumn(o).reshape(channels * atoms, 1));
                    for (int r = 0; r < kk * channels; r++) {
                        assertEquals(expected.getDouble(r, 0), w.getDouble(r, o), TOL,
                                "columns " + columns + " W[" + r + "," + o + "]");
                    }
                }
            }
        }
    }

    @Test
    void forwardIsTheInputTimesTheWeightsAndAddsOntoZWithBetaOne() {
        SplittableRandom rng = new SplittableRandom(72);
        TiedFactoredMap map = new TiedFactoredMap(4, 2, 5, 2, 3, Gaussians.draw(rng, 1, 4 * 2 * 3), DataType.DOUBLE);
        map.initialize(rng, 0.2);
        INDArray x = ConvFixtures.input(rng, 6, 8, 'f');
        INDArray z = Nd4j.ones(DataType.DOUBLE, 6, 5).dup('f');
        map.forward(x, z, 1.0, true);
        assertTrue(z.equalsWithEps(x.mmul(map.weights()).add(1.0), TOL));
    }

    @Test
    void coefficientGradientIsTheDictionaryTransposeTimesTheWeightGradient() {
        // dV = U^T dW with U = I (x) U_s, dW = X^T dZ; dX = dZ W^T
        SplittableRandom rng = new SplittableRandom(73);
        int kk = 4;
        int channels = 3;
        int atoms = 2;
        double[] us = Gaussians.draw(rng, 1, kk * 2 * atoms);
        TiedFactoredMap map = new TiedFactoredMap(kk, channels, 5, 2, atoms, us, DataType.DOUBLE);
        map.initialize(rng, 0.2);
        INDArray x = ConvFixtures.input(rng, 6, kk * channels, 'f');
        INDArray dz = ConvFixtures.input(rng, 6, 5, 'f');
        INDArray dx = Nd4j.create(DataType.DOUBLE, new long[] {6, kk * channels}, 'f');
        map.forward(x, Nd4j.create(DataType.DOUBLE, new long[] {6, 5}, 'f'), true);
        map.backward(x, dz, dx);
        INDArray dw = x.transpose().mmul(dz);
        INDArray dv = map.params().get(0).grad();
        for (int j = 0; j < 2; j++) {
            INDArray u = kronecker(channels, us, kk, atoms, j);
            for (int o = map.columnStart(j); o < map.columnStart(j + 1); o++) {
                INDArray expected = u.transpose().mmul(dw.getColumn(o).reshape(kk * channels, 1));
                for (int r = 0; r < channels * atoms; r++) {
                    assertEquals(expected.getDouble(r, 0), dv.getDouble(r, o), TOL);
                }
            }
        }
        assertTrue(dx.equalsWithEps(dz.mmul(map.weights().transpose()), TOL));
    }

    @Test
    void initialisedWeightsHaveTheTargetVariance() {
        SplittableRandom rng = new SplittableRandom(74);
        TiedFactoredMap map = new TiedFactoredMap(25, 32, 64, 2, 10, Gaussians.draw(rng, 2, 25 * 2 * 10),
                DataType.DOUBLE);
        double target = 2.0 / (25 * 32);
        map.initialize(rng, target);
        assertEquals(target, map.weights().varNumber().doubleValue(), 0.1 * target);
    }

    @Test
    void countsLearnedCoefficientsAndSplitsOutputsLikeFactoredMap() {
        TiedFactoredMap map = new TiedFactoredMap(25, 32, 64, 3, 10, new double[25 * 3 * 10], DataType.FLOAT);
        assertEquals(32 * 10 * 64, map.dynamicWeights());
        assertEquals(25 * 32, map.inputs());
        assertEquals(22, map.columnStart(1)); // 64 = 22 + 21 + 21
        assertEquals(43, map.columnStart(2));
        assertThrows(IllegalStateException.class, () -> map.initialize(new SplittableRandom(1), 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TiedFactoredMap(25, 32, 64, 3, 10, new double[7], DataType.FLOAT));
        assertTrue(e.getMessage().contains("25*3*10"), e.getMessage());
    }

    /** {@code I_channels (x) U_s,j}: row {@code c*kk + s}, column {@code c*atoms + alpha}, built entry by entry. */
    private static INDArray kronecker(int channels, double[] us, int kk, int atoms, int j) {
        INDArray u = Nd4j.zeros(DataType.DOUBLE, (long) channels * kk, (long) channels * atoms);
        for (int c = 0; c < channels; c++) {
            for (int s = 0; s < kk; s++) {
                for (int a = 0; a < atoms; a++) {
                    u.putScalar(c * kk + s, c * atoms + a, us[(j * atoms + a) * kk + s]);
                }
            }
        }
        return u;
    }
}
