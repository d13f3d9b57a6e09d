package org.paramprediction.layer;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.random.Gaussians;

/** Small random layers and minibatches for the convolution tests, in double precision. */
final class ConvFixtures {

    static final DataType D = DataType.DOUBLE;

    private ConvFixtures() {}

    /** A B x features minibatch of N(0, 1) values in the given storage order. */
    static INDArray input(SplittableRandom rng, int b, int features, char order) {
        return Nd4j.create(Gaussians.draw(rng, 1.0, b * features), new long[] {b, features}, 'c').dup(order);
    }
}
