package org.paramprediction.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.DatasetFormat;
import org.paramprediction.data.Shape;

/**
 * The per-JVM dataset cache keeps what fits its byte budget and drops the least recently used
 * dataset beyond it. Fake datasets: 100 training and 20 test images of 4 x 4 pixels, so a dataset's
 * files weigh 100 * 17 + 20 * 17 = 2,040 bytes (pixels and a label byte per image).
 */
class DatasetCacheTest {

    private static final HadoopConf HADOOP = HadoopConf.of(new Configuration());
    private static final long FILES = 120 * 17;

    private final List<String> reads = new ArrayList<>();

    private DatasetCache cache(long budget) {
        return new DatasetCache(budget, (ref, conf) -> {
            reads.add(ref.root());
            return new ByteImageDataset[] {images(100), images(20)};
        });
    }

    private static ByteImageDataset images(int n) {
        return new ByteImageDataset(Shape.image(4, 4), new byte[n * 16], new byte[n], 10);
    }

    private static DataRef ref(String root) {
        return ref(root, null);
    }

    private static DataRef ref(String root, Long permutation) {
        return new DataRef(DatasetFormat.IDX, root, 80, 20, null, permutation);
    }

    @Test
    void aDatasetIsReadOnceAndItsSplitsAreShared() {
        DatasetCache c = cache(10 * FILES);
        DataSplits first = c.splits(ref("a"), HADOOP);
        assertSame(first, c.splits(ref("a"), HADOOP));
        DataSplits smaller = c.splits(new DataRef(DatasetFormat.IDX, "a", 50, 10, 5, null), HADOOP);
        assertEquals(50, smaller.train().size());
        assertEquals(5, smaller.test().size());
        assertEquals(List.of("a"), reads, "another split of the same files reads nothing");
        assertEquals(FILES, c.heldBytes(), "splits are views");
    }

    @Test
    void beyondTheBudgetTheLeastRecentlyUsedDatasetIsDroppedAndReadAgainWhenNeeded() {
        DatasetCache c = cache(2 * FILES + 100); // two datasets fit, three do not
        c.splits(ref("a"), HADOOP);
        c.splits(ref("b"), HADOOP);
        c.splits(ref("a"), HADOOP); // a is now the most recently used
        c.splits(ref("c"), HADOOP);
        assertEquals(List.of("idx|a", "idx|c"), c.datasets(), "b, the least recently used, was dropped");
        assertEquals(2 * FILES, c.heldBytes());
        c.splits(ref("b"), HADOOP);
        assertEquals(List.of("idx|c", "idx|b"), c.datasets());
        assertEquals(List.of("a", "b", "c", "b"), reads, "b was read again");
    }

    @Test
    void permutedCopiesCountAndTheSplitsInUseAreKeptEvenAboveTheBudget() {
        DatasetCache c = cache(FILES + 100);
        c.splits(ref("a"), HADOOP);
        DataSplits permuted = c.splits(ref("a", 7L), HADOOP);
        // the permuted copy of the 100 training/validation rows and the 20 test rows: as much again
        assertEquals(2 * FILES, c.heldBytes(), "above the budget, but in use");
        assertSame(permuted, c.splits(ref("a", 7L), HADOOP));
        c.splits(ref("b"), HADOOP);
        assertEquals(List.of("idx|b"), c.datasets());
        assertEquals(FILES, c.heldBytes());
        DatasetCache none = cache(0);
        DataSplits kept = none.splits(ref("z"), HADOOP);
        assertSame(kept, none.splits(ref("z"), HADOOP), "a budget of 0 still keeps the dataset in use");
    }

    @Test
    void theBudgetReadsBytesWithBinarySuffixes() {
        assertEquals(4L << 30, DatasetCache.parseBytes("4g"));
        assertEquals(512L << 20, DatasetCache.parseBytes(" 512M "));
        assertEquals(1024, DatasetCache.parseBytes("1024"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetCache.parseBytes("lots"));
        assertTrue(e.getMessage().startsWith(DatasetCache.BUDGET_KEY + " must be a byte count"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatasetCache.parseBytes("-1"));
    }
}
