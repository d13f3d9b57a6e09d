package org.paramprediction.train;

import java.io.Serializable;
import org.paramprediction.data.Shape;
import org.paramprediction.layer.ConvGeometry;

/**
 * The convolution part of a weighted layer: square {@code kernel x kernel} filters visiting the input
 * with {@code stride} and a zero border {@code pad}, then {@code pool x pool} max pooling with the
 * same stride ({@code 1} = none). {@code tied} says how a factored filter bank is predicted: from a
 * dictionary over the {@code k x k} positions shared by every input channel ({@code U = I_C (x) U_s},
 * the paper), or from one over all {@code k*k*C} patch values (channel-wise, reviewer 7).
 */
public record ConvSpec(int kernel, int stride, int pad, int pool, boolean tied) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ConvSpec {
        if (kernel < 1 || stride < 1 || pad < 0 || pool < 1) {
            throw new IllegalArgumentException("a conv layer needs kernel >= 1, stride >= 1, pad >= 0 and pool >= 1"
                    + " but got kernel " + kernel + ", stride " + stride + ", pad " + pad + ", pool " + pool);
        }
    }

    /** Where the filters visit an input of shape {@code input}. */
    public ConvGeometry geometry(Shape input) {
        return new ConvGeometry(input, kernel, stride, pad);
    }

    /** The shape after the convolution with {@code filters} filters and the pooling. */
    public Shape outputShape(Shape input, int filters) {
        Shape conv = geometry(input).outputShape(filters);
        if (pool == 1) {
            return conv;
        }
        if (conv.height() < pool || conv.width() < pool) {
            throw new IllegalArgumentException("pool " + pool + " is larger than the " + conv
                    + " feature maps of a " + kernel + "x" + kernel + " convolution of " + input);
        }
        return new Shape(filters, (conv.height() - pool) / pool + 1, (conv.width() - pool) / pool + 1);
    }

    /** Values a dictionary of this layer's filters spans: {@code k*k} when tied, else {@code k*k*C_in}. */
    public int dictionaryInputs(Shape input) {
        return tied ? kernel * kernel : kernel * kernel * input.channels();
    }

    /** {@code k x k} is the grid of a tied dictionary, and of a channel-wise one over a single channel. */
    public boolean hasGrid(Shape input) {
        return tied || input.channels() == 1;
    }
}
