package org.paramprediction.rica;

import org.paramprediction.data.Shape;

/**
 * One photograph as floats in {@code [0, 1]}, in {@link Shape} order: channel by channel, each
 * channel row-major, so channel {@code c}, row {@code y}, column {@code x} is value
 * {@code (c * height + y) * width + x}. Made by {@link PhotoPatches#read}.
 *
 * @param name   where it came from (the file), for messages
 * @param shape  {@code 3 x H x W} (RGB) or {@code 1 x H x W} (grey)
 * @param values {@code shape.features()} values; not copied, callers must not modify them
 */
public record Photo(String name, Shape shape, float[] values) {

    public Photo {
        if (name == null || shape == null || values == null) {
            throw new IllegalArgumentException("name, shape and values must not be null");
        }
        if (values.length != shape.features()) {
            throw new IllegalArgumentException(name + ": values must hold " + shape + " = "
                    + shape.features() + " values but had " + values.length);
        }
    }

    /** The value of channel {@code c}, row {@code y}, column {@code x}. */
    public float value(int c, int y, int x) {
        if (c < 0 || c >= shape.channels() || y < 0 || y >= shape.height() || x < 0 || x >= shape.width()) {
            throw new IndexOutOfBoundsException("pixel (c=" + c + ", y=" + y + ", x=" + x
                    + ") out of bounds for shape " + shape + " of " + name);
        }
        return values[(c * shape.height() + y) * shape.width() + x];
    }
}
