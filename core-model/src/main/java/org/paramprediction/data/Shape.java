package org.paramprediction.data;

import java.io.Serializable;

/**
 * The shape of one example: {@code channels x height x width}, its features laid out channel by
 * channel, each channel row-major ({@code index = (c * height + y) * width + x}). A vector of
 * {@code n} features (hidden units, or inputs without topology) is {@code n x 1 x 1}.
 */
public record Shape(int channels, int height, int width) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Shape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("a shape needs channels, height and width >= 1 but was "
                    + channels + "x" + height + "x" + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("channels*height*width must fit in an int but was "
                    + channels + "*" + height + "*" + width);
        }
    }

    /** {@code n x 1 x 1}: features on a line. */
    public static Shape flat(int n) {
        return new Shape(n, 1, 1);
    }

    /** One grey-level {@code height x width} image. */
    public static Shape image(int height, int width) {
        return new Shape(1, height, width);
    }

    /** Features per example. */
    public int features() {
        return channels * height * width;
    }

    /** Pixels per channel. */
    public int area() {
        return height * width;
    }

    /** True for a spatial shape (an image or feature maps), false for a line of features. */
    public boolean spatial() {
        return height > 1 || width > 1;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
