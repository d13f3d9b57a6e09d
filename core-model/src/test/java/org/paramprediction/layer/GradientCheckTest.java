package org.paramprediction.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.random.Gaussians;

/** Finite-difference gradient checks of every layer kind, activation, product order and the softmax loss. */
class GradientCheckTest {

    private static final DataType D = DataType.DOUBLE;
    private static final int BATCH = 6;
    private static final int INPUTS = 12;
    private static final int CLASSES = 4;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void fullLayersMatchFiniteDifferences(Activation act) {
        SplittableRandom rng = new SplittableRandom(11);
        List<HiddenLayer> layers = List.of(
                new HiddenLayer(dense(INPUTS, 9, act, rng), act, false, D),
                new HiddenLayer(dense(9, 7, act, rng), act, true, D));
        assertChecks(network(layers, rng), rng);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void factoredLayersWithColumnsMatchFiniteDifferencesInBothProductOrders(Activation act) {
        for (ProductOrder order : new ProductOrder[] {ProductOrder.XU_FIRST, ProductOrder.UV_FIRST}) {
            SplittableRandom rng = new SplittableRandom(12);
            FactoredMap first = factored(INPUTS, 9, 3, 4, false, act, rng);
            FactoredMap second = factored(9, 8, 2, 5, false, act, rng);
            first.setProductOrder(order);
            second.setProductOrder(order);
            List<HiddenLayer> layers = List.of(new HiddenLayer(first, act, false, D), new HiddenLayer(second, act, true, D));
            assertChecks(network(layers, rng), rng);
            assertEquals(order, first.lastProductOrder());
        }
    }

    @ParameterizedTest
    @EnumSource(ProductOrder.class)
    void lowRankWithTrainableDictionaryMatchesFiniteDifferences(ProductOrder order) {
        SplittableRandom rng = new SplittableRandom(13);
        FactoredMap first = factored(INPUTS, 9, 1, 3, true, Activation.TANH, rng);
        FactoredMap second = factored(9, 6, 3, 2, true, Activation.TANH, rng);
        first.setProductOrder(order);
        second.setProductOrder(order);
        Network net = network(List.of(new HiddenLayer(first, Activation.TANH, false, D),
                new HiddenLayer(second, Activation.SIGMOID, true, D)), rng);
        assertTrue(net.params().stream().anyMatch(p -> p.name().equals("U")));
        assertChecks(net, rng);
    }

    /**
     * The U phase of alternating optimisation: every factored layer's U starts from a kernel-ridge
     * dictionary (one per column) and learns with V and everything else frozen. dL/dU_j = (dL/dW_j)
     * V_j^T must match central differences in both product orders, and the frozen V must get no
     * gradient at all (its buffer keeps a NaN sentinel).
     */
    @ParameterizedTest
    @EnumSource(value = ProductOrder.class, names = {"XU_FIRST", "UV_FIRST"})
    void uPhaseOfAlternatingOptimisationMatchesFiniteDifferencesWithColumns(ProductOrder order) {
        SplittableRandom rng = new SplittableRandom(16);
        FactoredMap first = kernelRidge(INPUTS, 9, 3, 4, 100);
        FactoredMap second = kernelRidge(9, 8, 2, 3, 200);
        first.initialize(rng, Activation.TANH.initVariance(INPUTS));
        second.initialize(rng, Activation.TANH.initVariance(9));
        first.setProductOrder(order);
        second.setProductOrder(order);
        Network net = network(List.of(new HiddenLayer(first, Activation.TANH, false, D),
                new HiddenLayer(second, Activation.TANH, true, D)), rng);
        org.paramprediction.train.Alternation.freeze(net, true);
        assertTrue(first.dictionaryParam().frozen() == false && first.coefficientParam().frozen());
        first.coefficientParam().grad().assign(Double.NaN);
        second.coefficientParam().grad().assign(Double.NaN);
        int checked = GradientCheck.check(net, input(rng), labels(rng), rng.nextLong());
        assertEquals(2 * GradientCheck.ENTRIES_PER_PARAM, checked, "only the two U's are checked");
        assertTrue(first.coefficientParam().grad().isNaN().all() && second.coefficientParam().grad().isNaN().all(),
                "a frozen V gets no gradient");
        assertEquals(order, first.lastProductOrder());
    }

    /** A map whose U starts from SE kernel-ridge dictionaries (one per column, on a line) and is learned. */
    private static FactoredMap kernelRidge(int in, int out, int columns, int atoms, long seed) {
        List<org.paramprediction.dictionary.Dictionary> dicts = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            dicts.add(org.paramprediction.dictionary.DictionaryBuilder.build(
                    org.paramprediction.dictionary.DictionaryRecipe.seKernel(in, atoms, seed + j, 1e-3, 2.0, 0, 0),
                    null));
        }
        FactoredMap m = (FactoredMap) org.paramprediction.train.NetworkBuilder.weightMap(dicts, out, D, true);
        assertTrue(m.learnsDictionary());
        return m;
    }

    @Test
    void softmaxLossAloneMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(14);
        assertChecks(network(List.of(), rng), rng);
    }

    @Test
    void softmaxLossIsFiniteForExtremeLogits() {
        SplittableRandom rng = new SplittableRandom(15);
        Network net = network(List.of(), rng);
        INDArray x = input(rng).muli(1e4);
        double loss = net.loss(x, labels(rng)).lossSum();
        assertTrue(Double.isFinite(loss), "loss " + loss);
    }

    private static void assertChecks(Network net, SplittableRandom rng) {
        int checked = GradientCheck.check(net, input(rng), labels(rng), rng.nextLong());
        assertTrue(checked >= net.params().size(), "checked " + checked + " entries");
    }

    static Network network(List<HiddenLayer> layers, SplittableRandom rng) {
        int top = layers.isEmpty() ? INPUTS : layers.get(layers.size() - 1).outputs();
        SoftmaxOutputLayer out = new SoftmaxOutputLayer(top, CLASSES, D);
        out.initialize(rng);
        for (HiddenLayer layer : layers) {
            double[] b = Gaussians.draw(rng, 0.1, layer.outputs());
            layer.bias().value().assign(Nd4j.create(b, new long[] {1, b.length}, 'f'));
        }
        double[] ob = Gaussians.draw(rng, 0.1, CLASSES);
        out.params().get(1).value().assign(Nd4j.create(ob, new long[] {1, CLASSES}, 'f'));
        return new Network(new ArrayList<>(layers), out, D);
    }

    static DenseMap dense(int in, int out, Activation act, SplittableRandom rng) {
        DenseMap m = new DenseMap(in, out, D);
        m.initialize(rng, act.initVariance(in));
        return m;
    }

    static FactoredMap factored(int in, int out, int columns, int atoms, boolean trainable, Activation act,
            SplittableRandom rng) {
        double[] u = Gaussians.draw(rng, 1.0, in * columns * atoms);
        FactoredMap m = new FactoredMap(in, out, columns, atoms, u, trainable, D);
        m.initialize(rng, act.initVariance(in));
        return m;
    }

    static INDArray input(SplittableRandom rng) {
        double[] x = Gaussians.draw(rng, 1.0, BATCH * INPUTS);
        return Nd4j.create(x, new long[] {BATCH, INPUTS}, 'c');
    }

    static int[] labels(SplittableRandom rng) {
        int[] y = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            y[i] = rng.nextInt(CLASSES);
        }
        return y;
    }
}
