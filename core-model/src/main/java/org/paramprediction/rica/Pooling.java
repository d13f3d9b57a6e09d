package org.paramprediction.rica;

/** How {@link RicaFeatures} summarises a feature map over one region of the pooling grid. */
public enum Pooling {
    /** {@code sum_{positions in region} a}: the usual choice for RICA/k-means features (Coates and Ng 2011). */
    SUM,
    /** {@code max_{positions in region} a}. */
    MAX
}
