package org.paramprediction.rica;

import org.paramprediction.data.Shape;

/**
 * Image patches as rows: {@code count} rows of {@code shape.features()} values, row-major, each in
 * {@link Shape} order ({@code c * p * p + i * p + j}, the patch order of the conv layers), with the
 * seed that drew them.
 *
 * @param shape {@code c x p x p}
 * @param count rows
 * @param rows  {@code count * shape.features()} values; not copied (the sampler hands over its array)
 * @param seed  the seed that drew them ({@link PatchSampler#sample}, {@link PhotoPatches#sample},
 *              {@link Stl10UnlabeledPatches#sample})
 */
public record Patches(Shape shape, int count, double[] rows, long seed) {

    public Patches {
        if (shape == null || rows == null) {
            throw new IllegalArgumentException("shape and rows must not be null");
        }
        if (count < 1 || rows.length != (long) count * shape.features()) {
            throw new IllegalArgumentException("rows must hold count * features = " + count + " * "
                    + shape.features() + " values but had " + rows.length);
        }
    }

    /** Values per row, {@code c * p * p}. */
    public int dimension() {
        return shape.features();
    }
}
