package org.paramprediction.layer;

import org.paramprediction.data.Shape;

/**
 * Where a square {@code k x k} filter visits an input of shape {@code C x H x W}: with stride {@code
 * s} and {@code p} rows and columns of zeros around every side, the output has
 * {@code H_out = (H + 2p - k) / s + 1} rows (floor) and likewise {@code W_out} columns, and output
 * position {@code (y_out, x_out)} sees the input rows {@code y_out s - p + i}, {@code i < k} (and
 * columns alike). A patch has {@code k*k*C} values, ordered channel-major, then kernel row, then
 * kernel column: index {@code c*k*k + i*k + j}.
 *
 * @param input the shape of one input example
 * @param kernel the filter size {@code k}
 * @param stride the step {@code s} between output positions
 * @param pad the zero border {@code p}, at most {@code k - 1} (a wider border only adds outputs
 *     that see nothing but zeros)
 */
public record ConvGeometry(Shape input, int kernel, int stride, int pad) {

    public ConvGeometry {
        if (input == null) {
            throw new IllegalArgumentException("input shape must be given");
        }
        if (kernel < 1) {
            throw new IllegalArgumentException("kernel must be >= 1 but was " + kernel + " (input " + input + ")");
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1 but was " + stride + " (input " + input
                    + ", kernel " + kernel + ")");
        }
        if (pad < 0 || pad >= kernel) {
            throw new IllegalArgumentException("pad must be in [0, kernel - 1 = " + (kernel - 1) + "] but was "
                    + pad + " (input " + input + ", kernel " + kernel + ")");
        }
        checkFits("height", input.height(), kernel, pad, input);
        checkFits("width", input.width(), kernel, pad, input);
    }

    /** Stride 1 and the zero border that keeps {@code H x W} ({@code k} odd). */
    public static ConvGeometry same(Shape input, int kernel) {
        if (kernel % 2 == 0) {
            throw new IllegalArgumentException("a same-size convolution needs an odd kernel but kernel was " + kernel);
        }
        return new ConvGeometry(input, kernel, 1, kernel / 2);
    }

    public int outputHeight() {
        return (input.height() + 2 * pad - kernel) / stride + 1;
    }

    public int outputWidth() {
        return (input.width() + 2 * pad - kernel) / stride + 1;
    }

    /** Output positions per channel, {@code P = H_out * W_out}. */
    public int positions() {
        return outputHeight() * outputWidth();
    }

    /** Values in one patch, {@code k*k*C}: the rows of the filter matrix. */
    public int patchSize() {
        return kernel * kernel * input.channels();
    }

    /** {@code k*k}. */
    public int kernelArea() {
        return kernel * kernel;
    }

    /** The shape of the output for {@code channels} filters. */
    public Shape outputShape(int channels) {
        return new Shape(channels, outputHeight(), outputWidth());
    }

    private static void checkFits(String side, int size, int kernel, int pad, Shape input) {
        if (kernel > size + 2 * pad) {
            throw new IllegalArgumentException("kernel " + kernel + " is larger than the padded input " + side + " "
                    + size + " + 2*" + pad + " = " + (size + 2 * pad) + " (input " + input + ")");
        }
    }
}
