package org.paramprediction.covariance;

import java.io.Serializable;
import org.paramprediction.data.Dataset;

/**
 * How a Spark task obtains its dataset: a serialisable recipe, not the data. A {@code Dataset} need
 * not be serialisable and is far too large to ship with every task, so the caller passes e.g. a
 * lambda that reads it from a static per-JVM cache keyed by path; each executor JVM then loads the
 * data once and every partition it runs shares it.
 */
@FunctionalInterface
public interface DatasetSupplier extends Serializable {

    /** The dataset, loaded or taken from this JVM's cache; called once per partition. */
    Dataset get();
}
