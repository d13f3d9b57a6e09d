package org.paramprediction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class SharedSparkTest {

    @Test
    void localSessionRunsAJobOnTwoThreads() {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
        assertEquals("local[2]", sc.master());
        assertEquals(10, sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> x).reduce(Integer::sum));
    }
}
