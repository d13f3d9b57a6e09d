package org.paramprediction.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paramprediction.SharedSpark;
import org.paramprediction.train.PassTotals;
import org.paramprediction.wire.Encoding;
import org.paramprediction.wire.ParamAverage;
import org.paramprediction.wire.ParamMessage;

/**
 * Workers' uploads combined level by level on Spark against the mean of all of them computed at once
 * on one machine, and against a rerun.
 */
class OrderedTreeAggregateTest {

    private static final int PARAMS = 40;

    /**
     * Each executor level and the driver round one weighted mean to float32: at most {@code 2^-24}
     * of the largest magnitude each, and the local mean once more; twice that bound leaves room for
     * the double sums.
     */
    private static double tolerance(int executorLevels, double max) {
        return 2 * (executorLevels + 2) * Math.pow(2, -24) * max;
    }

    @ParameterizedTest(name = "{0} workers, depth {1}: {2} executor levels, {3} messages up")
    @CsvSource({"9, 2, 1, 12", "4, 2, 0, 4", "27, 3, 2, 39", "9, 1, 0, 9"})
    void everyLevelSendsOneMessagePerGroupAndTheMeanMatchesTheLocalOne(int workers, int depth, int levels,
            int messages) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
        SplittableRandom rng = new SplittableRandom(workers);
        List<ParamAverage> uploads = new ArrayList<>();
        double max = 0;
        for (int p = 0; p < workers; p++) {
            float[] v = new float[PARAMS];
            for (int i = 0; i < PARAMS; i++) {
                v[i] = (float) (rng.nextGaussian() * 2);
                max = Math.max(max, Math.abs(v[i]));
            }
            uploads.add(ParamAverage.leaf(p, new ParamMessage(Encoding.FLOAT32, PARAMS, v, false,
                    new PassTotals(rng.nextDouble(), rng.nextInt(5), 1 + rng.nextInt(200))).encode()));
        }
        JavaRDD<ParamAverage> rdd = sc.parallelize(uploads, workers);
        ParamAverage spark = aggregate(rdd, depth);
        ParamAverage local = ParamAverage.combine(uploads);

        int size = ParamMessage.size(Encoding.FLOAT32, PARAMS, false, true);
        assertEquals(messages, spark.messagesSent());
        assertEquals((long) messages * size, spark.uploadBytes(), "uploads plus one message per group and level");
        assertEquals(workers, spark.leaves());
        assertEquals(local.mean().totals().examples(), spark.mean().totals().examples());
        float[] a = local.mean().values();
        float[] b = spark.mean().values();
        for (int i = 0; i < PARAMS; i++) {
            assertEquals(a[i], b[i], tolerance(levels, max), "value " + i);
        }
        // the same tree over the same partitions, in plain Java arithmetic: a rerun, not another computation
        assertArrayEquals(b, aggregate(rdd, depth).mean().values(), "a rerun agrees bit for bit");
    }

    private static ParamAverage aggregate(JavaRDD<ParamAverage> rdd, int depth) {
        return OrderedTreeAggregate.aggregateByLevel(rdd, () -> ParamAverage.EMPTY,
                (acc, u) -> acc.isEmpty() ? u : ParamAverage.merge(acc, u), ParamAverage::combine, depth);
    }
}
