package org.paramprediction.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.Shape;

/** Window maxima against loops, routing of the gradient, ties, shapes and bad sizes. */
class MaxPoolLayerTest {

    private static final double TOL = 0;

    @Test
    void forwardTakesTheMaximumOfEachWindowInBothPrecisionsAndOrders() {
        SplittableRandom rng = new SplittableRandom(61);
        Shape in = new Shape(3, 7, 6);
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (int[] sizeStride : new int[][] {{2, 2}, {3, 2}, {2, 1}, {3, 3}}) {
                MaxPoolLayer pool = new MaxPoolLayer(in, sizeStride[0], sizeStride[1], type);
                for (char order : new char[] {'c', 'f'}) {
                    INDArray x = ConvFixtures.input(rng, 4, in.features(), order).castTo(type);
                    INDArray y = pool.forward(x, false);
                    Shape out = pool.outputShape();
                    for (int b = 0; b < 4; b++) {
                        for (int c = 0; c < in.channels(); c++) {
                            for (int yo = 0; yo < out.height(); yo++) {
                                for (int xo = 0; xo < out.width(); xo++) {
                                    double max = Double.NEGATIVE_INFINITY;
                                    for (int i = 0; i < pool.size(); i++) {
                                        for (int j = 0; j < pool.size(); j++) {
                                            int yy = yo * pool.stride() + i;
                                            int xx = xo * pool.stride() + j;
                                            max = Math.max(max, x.getDouble(b, (c * in.height() + yy) * in.width() + xx));
                                        }
                                    }
                                    assertEquals(max, y.getDouble(b, (c * out.height() + yo) * out.width() + xo), TOL);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void backwardRoutesTheGradientToTheMaximumAndTiesGoToTheFirstInWindowOrder() {
        // one 1x2x4 example, two 2x2 windows: [5 1 | 2 2] over [3 0 | 2 -1]
        MaxPoolLayer pool = new MaxPoolLayer(new Shape(1, 2, 4), DataType.DOUBLE);
        INDArray x = Nd4j.create(new double[] {5, 1, 2, 2, 3, 0, 2, -1}, new long[] {1, 8}, 'c');
        INDArray y = pool.forward(x, true);
        assertEquals(5, y.getDouble(0, 0));
        assertEquals(2, y.getDouble(0, 1));
        INDArray dx = pool.backward(Nd4j.create(new double[] {10, 20}, new long[] {1, 2}, 'c'), ParamUpdate.NONE);
        double[] expected = {10, 0, 20, 0, 0, 0, 0, 0}; // the tie (2, 2, 2) goes to the first, row by row
        for (int f = 0; f < 8; f++) {
            assertEquals(expected[f], dx.getDouble(0, f), "dX feature " + f);
        }
    }

    @Test
    void overlappingWindowsAddTheirGradients() {
        // 3x3 input, 2x2 windows at stride 1: the centre (largest) wins all four
        MaxPoolLayer pool = new MaxPoolLayer(new Shape(1, 3, 3), 2, 1, DataType.FLOAT);
        INDArray x = Nd4j.create(new float[] {1, 2, 3, 4, 9, 5, 6, 7, 8}, new long[] {1, 9}, 'c');
        pool.forward(x, true);
        pool.backward(Nd4j.create(new float[] {5, 6, 7, 8}, new long[] {1, 4}, 'c'), ParamUpdate.NONE);
        pool.forward(x, true); // a second step forgets the first
        INDArray dx = pool.backward(Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {1, 4}, 'c'), ParamUpdate.NONE);
        assertEquals(10f, dx.getFloat(0, 4));
        assertEquals(0f, dx.sumNumber().floatValue() - 10f);
    }

    @Test
    void aNaNInTheWindowGivesNaNAndItsGradientStaysInTheWindow() {
        MaxPoolLayer pool = new MaxPoolLayer(new Shape(1, 2, 2), DataType.DOUBLE);
        INDArray y = pool.forward(Nd4j.create(new double[] {1, Double.NaN, 3, 2}, new long[] {1, 4}, 'c'), true);
        assertTrue(Double.isNaN(y.getDouble(0, 0)));
        INDArray dx = pool.backward(Nd4j.ones(DataType.DOUBLE, 1, 1), ParamUpdate.NONE);
        assertEquals(1.0, dx.sumNumber().doubleValue(), "routed to one element of the window");
    }

    @Test
    void backwardAfterAnInferencePassIsRefused() {
        MaxPoolLayer pool = new MaxPoolLayer(new Shape(1, 2, 2), DataType.FLOAT);
        pool.forward(Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {1, 4}, 'c'), false);
        assertThrows(IllegalStateException.class,
                () -> pool.backward(Nd4j.ones(DataType.FLOAT, 1, 1), ParamUpdate.NONE));
    }

    @Test
    void outputShapeDropsIncompleteWindows() {
        MaxPoolLayer pool = new MaxPoolLayer(new Shape(32, 7, 28), DataType.FLOAT);
        assertEquals(new Shape(32, 3, 14), pool.outputShape());
        assertEquals(new Shape(8, 2, 3), new MaxPoolLayer(new Shape(8, 7, 9), 3, 3, DataType.FLOAT).outputShape());
        assertEquals(0, pool.dynamicWeights());
        assertTrue(pool.params().isEmpty());
    }

    @Test
    void badSizesAreRejectedWithTheirValues() {
        Shape in = new Shape(2, 3, 5);
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> new MaxPoolLayer(in, 4, 4, DataType.FLOAT));
        assertTrue(big.getMessage().contains("pool size 4 is larger than the input 3x5"), big.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new MaxPoolLayer(in, 2, 0, DataType.FLOAT));
        assertTrue(zero.getMessage().contains("stride 0"), zero.getMessage());
    }
}
