package org.paramprediction.layer;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.Shape;
import org.paramprediction.random.Gaussians;

/** Small random layers and minibatches for the convolution tests, in double precision. */
final class ConvFixtures {

    static final DataType D = DataType.DOUBLE;

    private ConvFixtures() {}

    /** A B x features minibatch of N(0, 1) values in the given storage order. */
    static INDArray input(SplittableRandom rng, int b, int features, char order) {
        return Nd4j.create(Gaussians.draw(rng, 1.0, b * features), new long[] {b, features}, 'c').dup(order);
    }

    static int[] labels(SplittableRandom rng, int b, int classes) {
        int[] y = new int[b];
        for (int i = 0; i < b; i++) {
            y[i] = rng.nextInt(classes);
        }
        return y;
    }

    static DenseMap dense(int in, int out, SplittableRandom rng) {
        DenseMap m = new DenseMap(in, out, D);
        m.initialize(rng, 1.0 / in);
        return m;
    }

    static FactoredMap factored(int in, int out, int columns, int atoms, SplittableRandom rng) {
        FactoredMap m = new FactoredMap(in, out, columns, atoms, Gaussians.draw(rng, 1.0, in * columns * atoms), false, D);
        m.initialize(rng, 1.0 / in);
        return m;
    }

    static TiedFactoredMap tied(ConvGeometry g, int out, int columns, int atoms, SplittableRandom rng) {
        int kk = g.kernelArea();
        TiedFactoredMap m = new TiedFactoredMap(kk, g.input().channels(), out, columns, atoms,
                Gaussians.draw(rng, 1.0, kk * columns * atoms), D);
        m.initialize(rng, 1.0 / g.patchSize());
        return m;
    }

    /** A conv layer with random N(0, 0.1^2) biases. */
    static ConvLayer conv(LinearMap filters, ConvGeometry g, Activation act, boolean inputGradient, SplittableRandom rng) {
        ConvLayer layer = new ConvLayer(filters, g, act, inputGradient, D);
        randomize(layer.bias(), rng);
        return layer;
    }

    static HiddenLayer hidden(int in, int out, Shape inputShape, SplittableRandom rng) {
        HiddenLayer layer = new HiddenLayer(dense(in, out, rng), Activation.TANH, true, D, inputShape);
        randomize(layer.bias(), rng);
        return layer;
    }

    static SoftmaxOutputLayer softmax(int in, int classes, SplittableRandom rng) {
        SoftmaxOutputLayer out = new SoftmaxOutputLayer(in, classes, D);
        out.initialize(rng);
        randomize(out.params().get(1), rng);
        return out;
    }

    static void randomize(Param p, SplittableRandom rng) {
        double[] v = Gaussians.draw(rng, 0.1, (int) p.length());
        p.value().assign(Nd4j.create(v, p.value().shape(), 'f'));
    }
}
