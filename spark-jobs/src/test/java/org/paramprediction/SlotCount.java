package org.paramprediction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs code as if the shared {@code local[2]} context had another number of task slots: in local
 * mode {@code sc.defaultParallelism()} reads {@code spark.default.parallelism} from the context's
 * live configuration on every call, so setting it there stands in for a cluster of another size.
 * The previous value is restored afterwards.
 */
public final class SlotCount {

    private static final String KEY = "spark.default.parallelism";

    private SlotCount() {}

    public static synchronized <T> T with(JavaSparkContext sc, int slots, Supplier<T> body) {
        SparkConf live = sc.sc().conf();
        String before = live.get(KEY, null);
        live.set(KEY, String.valueOf(slots));
        try {
            assertEquals(slots, sc.defaultParallelism(), "the live setting reaches defaultParallelism");
            return body.get();
        } finally {
            if (before == null) {
                live.remove(KEY);
            } else {
                live.set(KEY, before);
            }
        }
    }
}
