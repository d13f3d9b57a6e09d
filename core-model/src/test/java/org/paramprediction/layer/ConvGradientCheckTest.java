package org.paramprediction.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paramprediction.layer.ConvFixtures.conv;
import static org.paramprediction.layer.ConvFixtures.dense;
import static org.paramprediction.layer.ConvFixtures.factored;
import static org.paramprediction.layer.ConvFixtures.hidden;
import static org.paramprediction.layer.ConvFixtures.input;
import static org.paramprediction.layer.ConvFixtures.labels;
import static org.paramprediction.layer.ConvFixtures.softmax;
import static org.paramprediction.layer.ConvFixtures.tied;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.Shape;

/**
 * Finite-difference checks (double precision, central differences) of the convolution and pooling
 * layers: every parameter and the input gradient, alone under a softmax classifier and in a stack
 * conv - pool - conv - pool - dense - softmax.
 */
class ConvGradientCheckTest {

    private static final int BATCH = 3;
    private static final int CLASSES = 3;

    @ParameterizedTest
    @ValueSource(chars = {'c', 'f'})
    void fullFiltersAndInputMatchFiniteDifferences(char order) {
        SplittableRandom rng = new SplittableRandom(31);
        ConvGeometry g = new ConvGeometry(new Shape(2, 5, 6), 3, 1, 1);
        check(List.of(conv(dense(g.patchSize(), 4, rng), g, Activation.TANH, true, rng)), order, rng);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void everyActivationWithStrideTwoMatchesFiniteDifferences(Activation act) {
        SplittableRandom rng = new SplittableRandom(32);
        ConvGeometry g = new ConvGeometry(new Shape(3, 7, 6), 3, 2, 1);
        check(List.of(conv(dense(g.patchSize(), 3, rng), g, act, true, rng)), 'f', rng);
    }

    @Test
    void firstLayerWithoutInputGradientStillGivesParameterGradients() {
        SplittableRandom rng = new SplittableRandom(33);
        ConvGeometry g = new ConvGeometry(new Shape(1, 6, 6), 5, 1, 2);
        ConvLayer layer = conv(dense(g.patchSize(), 2, rng), g, Activation.TANH, false, rng);
        ConvStackCheck stack = new ConvStackCheck(List.of(layer), softmax(layer.outputs(), CLASSES, rng));
        INDArray x = input(rng, BATCH, layer.inputs(), 'c');
        int[] y = labels(rng, BATCH, CLASSES);
        assertNull(stack.gradients(x, y), "the first layer gives no dX");
        assertTrue(stack.check(x, y, rng.nextLong()).checked() > 0);
    }

    @ParameterizedTest
    @EnumSource(value = ProductOrder.class, names = {"XU_FIRST", "UV_FIRST"})
    void channelWiseFactoredFiltersWithTwoColumnsMatchFiniteDifferences(ProductOrder order) {
        SplittableRandom rng = new SplittableRandom(34);
        ConvGeometry g = new ConvGeometry(new Shape(2, 6, 5), 3, 1, 1);
        FactoredMap filters = factored(g.patchSize(), 5, 2, 4, rng);
        filters.setProductOrder(order);
        check(List.of(conv(filters, g, Activation.TANH, true, rng)), 'f', rng);
        assertEquals(order, filters.lastProductOrder());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void tiedFactoredFiltersMatchFiniteDifferences(int columns) {
        SplittableRandom rng = new SplittableRandom(35);
        ConvGeometry g = new ConvGeometry(new Shape(3, 6, 7), 3, 1, 1);
        check(List.of(conv(tied(g, 5, columns, 4, rng), g, Activation.TANH, true, rng)), 'f', rng);
    }

    @Test
    void maxPoolInputGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(36);
        check(List.of(new MaxPoolLayer(new Shape(2, 6, 5), ConvFixtures.D)), 'f', rng);
    }

    @Test
    void overlappingMaxPoolInputGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(37);
        check(List.of(new MaxPoolLayer(new Shape(2, 7, 6), 3, 2, ConvFixtures.D)), 'c', rng);
    }

    @Test
    void convPoolConvPoolDenseSoftmaxStackMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(38);
        ConvGeometry g1 = new ConvGeometry(new Shape(2, 9, 8), 3, 1, 1);
        ConvLayer c1 = conv(tied(g1, 4, 2, 3, rng), g1, Activation.TANH, true, rng);
        MaxPoolLayer p1 = new MaxPoolLayer(c1.outputShape(), ConvFixtures.D);
        ConvGeometry g2 = new ConvGeometry(p1.outputShape(), 3, 1, 1);
        ConvLayer c2 = conv(factored(g2.patchSize(), 5, 2, 6, rng), g2, Activation.TANH, true, rng);
        MaxPoolLayer p2 = new MaxPoolLayer(c2.outputShape(), ConvFixtures.D);
        HiddenLayer h = hidden(p2.outputs(), 6, p2.outputShape(), rng);
        assertEquals(new Shape(5, 2, 2), p2.outputShape());
        check(List.of(c1, p1, c2, p2, h), 'c', rng);
    }

    private static void check(List<? extends Layer> layers, char order, SplittableRandom rng) {
        Layer top = layers.get(layers.size() - 1);
        ConvStackCheck stack = new ConvStackCheck(layers, softmax(top.outputs(), CLASSES, rng));
        ConvStackCheck.Result r = stack.check(input(rng, BATCH, layers.get(0).inputs(), order),
                labels(rng, BATCH, CLASSES), rng.nextLong());
        assertTrue(r.decisive() >= r.checked() / 5, () -> "only " + r.decisive() + " of " + r.checked()
                + " gradients are large enough for the relative error to decide");
    }
}
