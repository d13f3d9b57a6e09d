package org.paramprediction.covariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paramprediction.covariance.CovarianceFixtures.relativeMaxDifference;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.SharedSpark;
import org.paramprediction.layer.LayerWeights;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.DenseMap;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.layer.HiddenLayer;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.SoftmaxOutputLayer;
import org.paramprediction.stats.Covariance;
import org.paramprediction.train.LocalCovarianceSource;

/**
 * Covariances of hidden activations computed by Spark equal {@link LocalCovarianceSource} on the same
 * rows and network. The network is 784 -> 24 (dense, ReLU) -> 12 (factored W = U V, tanh) -> 10,
 * with non-zero biases.
 */
class ActivationCovarianceTest {

    /**
     * Both sides compute float activations with gemm, but in different batch sizes (1000 vs 1024)
     * and, for the factored layer, as X (U V) here vs (X U) V or X (U V) locally: float rounding
     * (observed ~1e-15 on this machine; the bound leaves room for other BLAS kernels).
     */
    private static final double FLOAT_PATH_TOL = 1e-6;
    /** Layer 0: the same float rows, merged in another order. */
    private static final double MERGE_ORDER_TOL = 1e-9;

    private static JavaSparkContext sc;
    private static Network net;
    private static LocalCovarianceSource local;

    @BeforeAll
    static void build() {
        sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
        net = network(7);
        local = new LocalCovarianceSource(CovarianceFixtures.fashion());
    }

    @ParameterizedTest(name = "layers={0}, squared={1}, partitions={2}")
    @CsvSource({"1, false, 2", "1, true, 3", "2, false, 4", "2, true, 1"})
    void activationCovarianceMatchesTheLocalComputation(int layers, boolean squared, int partitions) {
        Covariance spark = DistributedCovariance.ofActivations(sc, CovarianceFixtures.fashionSupplier(),
                LowerLayers.of(net, 2), layers, squared, partitions);
        Covariance expected = local.covariance(net, layers, squared);

        assertEquals(expected.dimension(), spark.dimension());
        assertEquals(CovarianceFixtures.FASHION_ROWS, spark.count());
        assertEquals(squared, spark.squaredInputs());
        double diff = relativeMaxDifference(spark, expected);
        assertTrue(diff <= FLOAT_PATH_TOL, "relative max difference " + diff);
    }

    @Test
    void sparkCovarianceSourceMatchesTheLocalSourceOnEveryLayerAndCachesTheInputs() {
        SparkCovarianceSource source = new SparkCovarianceSource(sc, CovarianceFixtures.fashionSupplier(), 3);
        for (boolean squared : new boolean[] {false, true}) {
            Covariance inputs = source.covariance(null, 0, squared);
            assertTrue(relativeMaxDifference(inputs, local.covariance(null, 0, squared)) <= MERGE_ORDER_TOL);
            assertSame(inputs, source.covariance(net, 0, squared), "input covariance is cached");
            for (int layer = 1; layer <= 2; layer++) {
                double diff = relativeMaxDifference(source.covariance(net, layer, squared),
                        local.covariance(net, layer, squared));
                assertTrue(diff <= FLOAT_PATH_TOL, "layer " + layer + " squared " + squared + ": " + diff);
            }
        }
    }

    @Test
    void layersBeyondTheLowerNetworkOrAMismatchedInputWidthAreRejected() {
        LowerLayers lower = LowerLayers.of(net, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DistributedCovariance.ofActivations(
                sc, CovarianceFixtures.fashionSupplier(), lower, 2, false, 2)).getMessage().contains("[1, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LowerLayers.of(net, 3))
                .getMessage().contains("[1, 2]"));
        LowerLayers narrow = new LowerLayers(List.of(
                new LayerWeights(3, 2, Activation.RELU, new float[6], new float[2])));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DistributedCovariance.ofActivations(
                sc, CovarianceFixtures.fashionSupplier(), narrow, 1, false, 2))
                .getMessage().contains("takes 3 inputs but the dataset has 784 features"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SparkCovarianceSource(sc, CovarianceFixtures.fashionSupplier(), 2).covariance(null, 1, false))
                .getMessage().contains("lower"));
    }

    /** 784 -> 24 dense ReLU -> 12 factored tanh -> 10 softmax, every array drawn from {@code seed}. */
    static Network network(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DenseMap dense = new DenseMap(784, 24, DataType.FLOAT);
        dense.initialize(rng.split(), Activation.RELU.initVariance(784));
        int columns = 3;
        int atoms = 4;
        double[] u = new double[24 * columns * atoms];
        for (int t = 0; t < u.length; t++) {
            u[t] = rng.nextGaussian() / Math.sqrt(24);
        }
        FactoredMap factored = new FactoredMap(24, 12, columns, atoms, u, false, DataType.FLOAT);
        factored.initialize(rng.split(), Activation.TANH.initVariance(24));
        HiddenLayer first = new HiddenLayer(dense, Activation.RELU, false, DataType.FLOAT);
        HiddenLayer second = new HiddenLayer(factored, Activation.TANH, true, DataType.FLOAT);
        fillBias(first, rng, 0.1);
        fillBias(second, rng, 0.5);
        SoftmaxOutputLayer output = new SoftmaxOutputLayer(12, 10, DataType.FLOAT);
        output.initialize(rng.split());
        return new Network(List.of(first, second), output, DataType.FLOAT);
    }

    private static void fillBias(HiddenLayer layer, SplittableRandom rng, double scale) {
        FloatBuffer b = layer.bias().value().data().asNioFloat();
        for (int j = 0; j < layer.outputs(); j++) {
            b.put(j, (float) (scale * rng.nextGaussian()));
        }
    }
}
