package org.paramprediction.covariance;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.paramprediction.data.Dataset;

/**
 * Number of rows and features per row of a dataset that may exist only on the executors.
 *
 * @param rows     {@code >= 0}
 * @param features {@code >= 1}
 */
public record DatasetShape(int rows, int features) implements Serializable {

    private static final long serialVersionUID = 1L;

    public DatasetShape {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0 but was " + rows);
        }
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1 but was " + features);
        }
    }

    /** The shape of {@code data}. */
    public static DatasetShape of(Dataset data) {
        return new DatasetShape(data.size(), data.features());
    }

    /**
     * Asks one Spark task for the shape of the supplied dataset, so the driver never loads the data
     * itself (in local mode the task shares the driver's JVM and cache).
     */
    public static DatasetShape probe(JavaSparkContext sc, DatasetSupplier data) {
        // The task returns an int[]: task results use spark.serializer, and Kryo 4 cannot carry records.
        int[] shape = sc.parallelize(List.of(0), 1).map(i -> {
            Dataset d = data.get();
            return new int[] {d.size(), d.features()};
        }).first();
        return new DatasetShape(shape[0], shape[1]);
    }

    /** Throws if {@code data} (as seen by a task) does not have this shape. */
    void check(Dataset data, String where) {
        if (data.size() != rows || data.features() != features) {
            throw new IllegalStateException("the dataset supplied to " + where + " has " + data.size()
                    + " rows x " + data.features() + " features but the driver planned for "
                    + rows + " x " + features + " (does the DatasetSupplier give the same data in every JVM?)");
        }
    }
}
