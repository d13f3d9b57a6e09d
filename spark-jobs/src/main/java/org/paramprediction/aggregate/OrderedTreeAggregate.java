package org.paramprediction.aggregate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.Function0;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * Like {@code JavaRDD.treeAggregate}, but every merge happens in a fixed order, so the result is the
 * same bit for bit whichever task finishes first (Spark's {@code treeAggregate} merges partial
 * results on the driver in completion order, and floating-point merges are not associative).
 *
 * <p>Each partition folds its elements into one value; then, while more than {@code scale +
 * ceil(n / scale)} of the {@code n} values remain ({@code scale = ceil(P^(1/depth))}, Spark's own
 * rule), values {@code i} are grouped by {@code i / scale} on the executors and each group is
 * combined in index order into one value, which is what that level sends on; the last values are
 * collected and combined on the driver in index order. With {@code depth = 1} all partition values
 * go straight to the driver.
 */
public final class OrderedTreeAggregate {

    private OrderedTreeAggregate() {}

    /** The tree with each group folded pairwise from {@code zero} with {@code combOp}, in index order. */
    public static <T, U extends Serializable> U aggregate(JavaRDD<T> rdd, Function0<U> zero, Function2<U, T, U> seqOp,
            Function2<U, U, U> combOp, int depth) {
        return aggregateByLevel(rdd, zero, seqOp, values -> {
            U acc = zero.call();
            for (U v : values) {
                acc = combOp.call(acc, v);
            }
            return acc;
        }, depth);
    }

    /**
     * The tree with each group combined at once by {@code combineInOrder}: it receives the values of
     * one group (or of the driver's last level) in index order, each of which crossed the network to
     * get there, and returns the one value that level sends on.
     */
    public static <T, U extends Serializable> U aggregateByLevel(JavaRDD<T> rdd, Function0<U> zero,
            Function2<U, T, U> seqOp, Function<List<U>, U> combineInOrder, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1 but was " + depth);
        }
        int n = rdd.getNumPartitions();
        JavaPairRDD<Integer, U> values = rdd.mapPartitionsWithIndex((Integer p, Iterator<T> it) -> {
            U acc = zero.call();
            while (it.hasNext()) {
                acc = seqOp.call(acc, it.next());
            }
            return List.of(new Tuple2<>(p, acc)).iterator();
        }, true).mapToPair(t -> t);
        int scale = Math.max(2, (int) Math.ceil(Math.pow(n, 1.0 / depth)));
        // Spark's treeAggregate rule: a level on the executors only when it cuts the number of values
        // the driver receives by more than it costs (with 4 partitions it would not: a shuffle of 4
        // accumulators to save merging 2 on the driver).
        while (depth > 1 && n > scale + (n + scale - 1) / scale) {
            int groups = (n + scale - 1) / scale;
            int s = scale;
            values = values.mapToPair(t -> new Tuple2<>(t._1() / s, t))
                    .groupByKey(new HashPartitioner(groups))
                    .mapToPair(g -> new Tuple2<>(g._1(), combineInOrder.call(inOrder(g._2()))));
            n = groups;
        }
        List<U> last = inOrder(values.collect());
        try {
            return combineInOrder.call(last);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("merging on the driver failed: " + e.getMessage(), e);
        }
    }

    private static <U> List<U> inOrder(Iterable<Tuple2<Integer, U>> parts) {
        List<Tuple2<Integer, U>> sorted = new ArrayList<>();
        parts.forEach(sorted::add);
        sorted.sort(Comparator.comparing(Tuple2::_1));
        List<U> out = new ArrayList<>(sorted.size());
        for (Tuple2<Integer, U> t : sorted) {
            out.add(t._2());
        }
        return out;
    }
}
