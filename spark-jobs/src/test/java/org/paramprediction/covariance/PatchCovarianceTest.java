package org.paramprediction.covariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.SharedSpark;
import org.paramprediction.data.Shape;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.ConvGeometry;
import org.paramprediction.layer.ConvLayer;
import org.paramprediction.layer.DenseMap;
import org.paramprediction.layer.MaxPoolLayer;
import org.paramprediction.layer.Network;
import org.paramprediction.stats.Covariance;
import org.paramprediction.train.ConvSpec;
import org.paramprediction.train.LocalCovarianceSource;
import org.paramprediction.train.NetworkBuilder;
import org.paramprediction.train.PatchRows;

/**
 * The patch covariance of a conv layer computed on Spark (row blocks over partitions, patches on the
 * executors, an ordered tree merge) equals the local computation on the same rows, for the data's
 * own patches and for patches of a trained conv layer's pooled feature maps, tied and channel-wise.
 */
class PatchCovarianceTest {

    /** Same float patches, merged in another order. */
    private static final double MERGE_ORDER_TOL = 1e-9;

    private static JavaSparkContext sc;
    private static Network lower;

    @BeforeAll
    static void build() {
        sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
        // conv 6 (5x5, pad 2) + 2x2 pool over 1x28x28, random filters and biases
        SplittableRandom rng = new SplittableRandom(3);
        DenseMap filters = new DenseMap(25, 6, DataType.FLOAT);
        filters.initialize(rng, Activation.RELU.initVariance(25));
        ConvLayer conv = new ConvLayer(filters, new ConvGeometry(Shape.image(28, 28), 5, 1, 2), Activation.RELU,
                false, DataType.FLOAT);
        for (int c = 0; c < 6; c++) {
            conv.bias().value().putScalar(c, 0.1 * rng.nextGaussian());
        }
        MaxPoolLayer pool = new MaxPoolLayer(conv.outputShape(), 2, 2, DataType.FLOAT);
        lower = new Network(Shape.image(28, 28), List.of(conv, pool), NetworkBuilder.head(6 * 14 * 14, 10,
                DataType.FLOAT, new SplittableRandom(4)), DataType.FLOAT);
    }

    @ParameterizedTest(name = "layer={0}, tied={1}, squared={2}, partitions={3}")
    @CsvSource({"0, true, false, 3", "0, false, true, 2", "1, true, false, 4", "1, false, false, 3"})
    void sparkPatchCovarianceEqualsTheLocalOne(int layer, boolean tied, boolean squared, int partitions) {
        ConvSpec conv = new ConvSpec(3, 1, 1, 1, tied);
        Shape input = layer == 0 ? Shape.image(28, 28) : new Shape(6, 14, 14);
        Covariance spark = new SparkCovarianceSource(sc, CovarianceFixtures.fashionSupplier(), partitions)
                .patchCovariance(layer == 0 ? null : lower, layer, conv, input, squared);
        Covariance local = new LocalCovarianceSource(CovarianceFixtures.fashion())
                .patchCovariance(layer == 0 ? null : lower, layer, conv, input, squared);
        PatchRows rows = new PatchRows(conv, input);
        assertEquals(tied ? 9 : 9 * input.channels(), spark.dimension());
        long examples = Math.min(CovarianceFixtures.FASHION_ROWS, PatchRows.IMAGES);
        assertEquals(examples * rows.rowsPerExample(), spark.count(), "every patch of every example");
        assertEquals(local.count(), spark.count());
        double diff = CovarianceFixtures.relativeMaxDifference(spark, local);
        assertTrue(diff <= MERGE_ORDER_TOL, "relative max difference " + diff);
        assertTrue(spark.matrix()[0] > 0, "patches vary");
    }
}
