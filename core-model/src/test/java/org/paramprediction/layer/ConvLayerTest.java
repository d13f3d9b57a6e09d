package org.paramprediction.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.Shape;

/** The convolution against nested loops in double, its shapes, and its float path against its double path. */
class ConvLayerTest {

    private static final double TOL = 1e-10;
    /** Float against double on O(1) values through a few hundred products. */
    private static final double FLOAT_TOL = 1e-4;
    private static final int BATCH = 4;

    static Stream<Arguments> geometries() {
        return Stream.of(
                Arguments.of(new ConvGeometry(new Shape(1, 7, 7), 3, 1, 0), 2),
                Arguments.of(new ConvGeometry(new Shape(1, 6, 9), 3, 1, 1), 3),
                Arguments.of(new ConvGeometry(new Shape(3, 8, 5), 5, 1, 2), 4),
                Arguments.of(new ConvGeometry(new Shape(3, 9, 7), 3, 2, 1), 2),
                Arguments.of(new ConvGeometry(new Shape(1, 10, 8), 5, 2, 0), 3),
                Arguments.of(new ConvGeometry(new Shape(3, 7, 6), 5, 2, 2), 2),
                Arguments.of(new ConvGeometry(new Shape(2, 5, 5), 1, 1, 0), 3),
                Arguments.of(new ConvGeometry(new Shape(2, 4, 6), 3, 3, 1), 2));
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void forwardEqualsDirectConvolutionForBothInputOrders(ConvGeometry g, int filters) {
        SplittableRandom rng = new SplittableRandom(41);
        DenseMap w = ConvFixtures.dense(g.patchSize(), filters, rng);
        for (Activation act : List.of(Activation.TANH, Activation.RELU)) {
            ConvLayer layer = ConvFixtures.conv(w, g, act, true, rng);
            for (char order : new char[] {'c', 'f'}) {
                INDArray x = ConvFixtures.input(rng, BATCH, g.input().features(), order);
                double[][] expected = directConvolution(x, w.weights(), layer.bias().value(), g, act);
                INDArray h = layer.forward(x, false);
                assertEquals(BATCH, h.rows());
                assertEquals(filters * g.positions(), h.columns());
                for (int b = 0; b < BATCH; b++) {
                    for (int f = 0; f < h.columns(); f++) {
                        assertEquals(expected[b][f], h.getDouble(b, f), TOL, g + " " + act + " order " + order
                                + " example " + b + " feature " + f);
                    }
                }
            }
        }
    }

    @Test
    void outputShapeFollowsTheGeometry() {
        ConvGeometry g = new ConvGeometry(new Shape(3, 28, 20), 5, 2, 2);
        ConvLayer layer = new ConvLayer(new DenseMap(75, 8, DataType.DOUBLE), g, Activation.RELU, false, DataType.DOUBLE);
        assertEquals(new Shape(8, 14, 10), layer.outputShape());
        assertEquals(3 * 28 * 20, layer.inputs());
        assertEquals(8 * 14 * 10, layer.outputs());
        assertEquals(75 * 8, layer.dynamicWeights());
        assertEquals(List.of("W", "b"), layer.params().stream().map(Param::name).toList());
        assertTrue(!layer.bias().decay(), "no weight decay on the bias");
    }

    @Test
    void filtersOfTheWrongSizeAreRejected() {
        ConvGeometry g = new ConvGeometry(new Shape(3, 8, 8), 3, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConvLayer(new DenseMap(9, 4, DataType.FLOAT), g, Activation.RELU, true, DataType.FLOAT));
        assertTrue(e.getMessage().contains("27"), e.getMessage());
    }

    @Test
    void outputBufferIsReusedWhileTheBatchSizeStays() {
        SplittableRandom rng = new SplittableRandom(42);
        ConvGeometry g = new ConvGeometry(new Shape(1, 6, 6), 3, 1, 1);
        ConvLayer layer = ConvFixtures.conv(ConvFixtures.dense(9, 2, rng), g, Activation.TANH, true, rng);
        INDArray first = layer.forward(ConvFixtures.input(rng, 3, 36, 'f'), true);
        assertSame(first, layer.forward(ConvFixtures.input(rng, 3, 36, 'c'), true));
        assertSame(first, layer.lastOutput());
        assertEquals('f', first.ordering());
    }

    @Test
    void floatPathMatchesDoublePathForwardAndBackward() {
        SplittableRandom rng = new SplittableRandom(43);
        ConvGeometry g = new ConvGeometry(new Shape(3, 9, 8), 3, 1, 1);
        ConvLayer d = ConvFixtures.conv(ConvFixtures.tied(g, 6, 2, 4, rng), g, Activation.RELU, true, rng);
        TiedFactoredMap tf = new TiedFactoredMap(9, 3, 6, 2, 4, spatialOf((TiedFactoredMap) d.filters()),
                DataType.FLOAT);
        tf.coefficients().assign(((TiedFactoredMap) d.filters()).coefficients());
        ConvLayer f = new ConvLayer(tf, g, Activation.RELU, true, DataType.FLOAT);
        f.bias().value().assign(d.bias().value());
        INDArray x = ConvFixtures.input(rng, BATCH, g.input().features(), 'c');
        INDArray dy = ConvFixtures.input(rng, BATCH, d.outputs(), 'f');
        assertClose(d.forward(x, true), f.forward(x.castTo(DataType.FLOAT), true), "output");
        INDArray dxD = d.backward(dy.dup('f'), ParamUpdate.NONE);
        INDArray dxF = f.backward(dy.castTo(DataType.FLOAT).dup('f'), ParamUpdate.NONE);
        assertClose(dxD, dxF, "dX");
        for (int i = 0; i < d.params().size(); i++) {
            assertClose(d.params().get(i).grad(), f.params().get(i).grad(), d.params().get(i).name());
        }
    }

    @Test
    void gradientOfAnotherLayoutIsAcceptedAndGivesTheSameResult() {
        SplittableRandom rng = new SplittableRandom(44);
        ConvGeometry g = new ConvGeometry(new Shape(2, 5, 6), 3, 1, 1);
        ConvLayer layer = ConvFixtures.conv(ConvFixtures.dense(g.patchSize(), 3, rng), g, Activation.TANH, true, rng);
        INDArray x = ConvFixtures.input(rng, BATCH, g.input().features(), 'f');
        INDArray dy = ConvFixtures.input(rng, BATCH, layer.outputs(), 'f');
        layer.forward(x, true);
        INDArray fromF = layer.backward(dy.dup('f'), ParamUpdate.NONE).dup();
        INDArray gradF = layer.params().get(0).grad().dup();
        layer.forward(x, true);
        INDArray fromC = layer.backward(dy.dup('c'), ParamUpdate.NONE);
        assertTrue(fromF.equalsWithEps(fromC, TOL), "dX from a row-major dY");
        assertTrue(gradF.equalsWithEps(layer.params().get(0).grad(), TOL), "dW from a row-major dY");
    }

    /** {@code g(b_o + sum_{c,i,j} x[c, y_o s - p + i, x_o s - p + j] W[c k k + i k + j, o])}, zero outside the input. */
    static double[][] directConvolution(INDArray x, INDArray w, INDArray bias, ConvGeometry g, Activation act) {
        Shape in = g.input();
        int k = g.kernel();
        int ho = g.outputHeight();
        int wo = g.outputWidth();
        int filters = (int) w.columns();
        double[][] out = new double[(int) x.rows()][filters * ho * wo];
        for (int b = 0; b < x.rows(); b++) {
            for (int o = 0; o < filters; o++) {
                for (int yo = 0; yo < ho; yo++) {
                    for (int xo = 0; xo < wo; xo++) {
                        double sum = bias.getDouble(0, o);
                        for (int c = 0; c < in.channels(); c++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int yy = yo * g.stride() - g.pad() + i;
                                    int xx = xo * g.stride() - g.pad() + j;
                                    if (yy >= 0 && yy < in.height() && xx >= 0 && xx < in.width()) {
                                        sum += x.getDouble(b, (c * in.height() + yy) * in.width() + xx)
                                                * w.getDouble((c * k + i) * k + j, o);
                                    }
                                }
                            }
                        }
                        double h = act == Activation.TANH ? Math.tanh(sum) : act == Activation.RELU
                                ? Math.max(0, sum) : 1 / (1 + Math.exp(-sum));
                        out[b][(o * ho + yo) * wo + xo] = h;
                    }
                }
            }
        }
        return out;
    }

    private static double[] spatialOf(TiedFactoredMap m) {
        return m.spatialDictionary().dup('f').data().asDouble();
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        INDArray e = expected.castTo(DataType.DOUBLE);
        INDArray a = actual.castTo(DataType.DOUBLE);
        double scale = Math.max(1, e.amaxNumber().doubleValue());
        assertTrue(e.equalsWithEps(a, FLOAT_TOL * scale), what + ": float and double paths differ by "
                + e.sub(a).amaxNumber() + " (scale " + scale + ")");
    }
}
