package org.paramprediction.covariance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.layer.LayerWeights;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.HiddenLayer;
import org.paramprediction.layer.Network;
import org.paramprediction.stats.CovarianceAccumulator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/** What crosses the wire: plain arrays that both of Spark's serializers carry. */
class LowerLayersTest {

    private static final ClassTag<Object> ANY = ClassTag$.MODULE$.apply(Object.class);

    @Test
    void weightsAreTheEffectiveMatrixColumnMajorAndBiasesInOrder() {
        Network net = ActivationCovarianceTest.network(3);
        LowerLayers lower = LowerLayers.of(net, 2);
        for (int l = 0; l < 2; l++) {
            HiddenLayer layer = (HiddenLayer) net.weighted().get(l);
            INDArray w = layer.map().weights();
            LayerWeights copy = lower.layers().get(l);
            assertEquals(layer.activation(), copy.activation());
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.outputs(); j++) {
                    assertEquals(w.getFloat(i, j), copy.weights()[j * layer.inputs() + i], "W[" + i + "][" + j + "]");
                }
            }
            for (int j = 0; j < layer.outputs(); j++) {
                assertEquals(layer.bias().value().getFloat(0, j), copy.bias()[j]);
            }
        }
        assertEquals(784, lower.inputs());
        assertEquals(12, lower.outputs());
        assertEquals(4L * (784 * 24 + 24 + 24 * 12 + 12), lower.payloadBytes());
    }

    @ParameterizedTest(name = "kryo={0}")
    @ValueSource(booleans = {false, true})
    void lowerLayersAndAccumulatorsSurviveSparksSerializer(boolean kryo) {
        SparkConf conf = new SparkConf();
        SerializerInstance s = kryo ? new KryoSerializer(conf).newInstance() : new JavaSerializer(conf).newInstance();
        LowerLayers lower = LowerLayers.of(ActivationCovarianceTest.network(5), 2);

        LowerLayers back = (LowerLayers) s.deserialize(s.serialize(lower, ANY), ANY);
        assertEquals(2, back.layers().size());
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(lower.layers().get(l).weights(), back.layers().get(l).weights());
            assertArrayEquals(lower.layers().get(l).bias(), back.layers().get(l).bias());
            assertEquals(lower.layers().get(l).activation(), back.layers().get(l).activation());
        }

        CovarianceAccumulator acc = new CovarianceAccumulator(2, true).add(new float[] {1, 2, 3, 6, 5, 10}, 3);
        CovarianceAccumulator accBack = (CovarianceAccumulator) s.deserialize(s.serialize(acc, ANY), ANY);
        assertEquals(acc.covariance(), accBack.covariance());
        assertEquals(acc.covariance(), accBack.add(new float[0], 0).covariance(), "transient scratch is rebuilt");
    }

    @Test
    void layersThatDoNotChainOrHaveWrongLengthsAreRejected() {
        LayerWeights a = new LayerWeights(3, 2, Activation.RELU, new float[6], new float[2]);
        LayerWeights b = new LayerWeights(4, 1, Activation.TANH, new float[4], new float[1]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LowerLayers(List.of(a, b)))
                .getMessage().contains("layer 1 has 4 inputs but layer 0 gives 2 outputs"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new LayerWeights(3, 2, Activation.RELU, new float[5], new float[2]))
                .getMessage().contains("inputs*outputs = 3*2 values but had 5"));
        assertThrows(IllegalArgumentException.class, () -> new LowerLayers(List.of()));
    }
}
