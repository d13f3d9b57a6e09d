package org.paramprediction.layer;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.Shape;

/**
 * One stage of a feed-forward network. A minibatch of {@code B} examples travels between layers as
 * a {@code B x features} array (features in {@link Shape} order); what a layer returns is a buffer it
 * owns and reuses while the batch size stays the same, column-major ({@code 'f'}) unless a layer says
 * otherwise. A layer accepts input in either order.
 *
 * <p>Backward runs after forward on the same input: it turns the gradient of the loss with respect
 * to the layer's output into the gradients of its {@link #params()} and, unless the layer was built
 * without one (the first layer), the gradient with respect to its input. It may overwrite {@code
 * dy}. At its end it hands each parameter to the given {@link ParamUpdate}.
 */
public interface Layer {

    Shape inputShape();

    Shape outputShape();

    /** Features per example in. */
    default int inputs() {
        return inputShape().features();
    }

    /** Features per example out. */
    default int outputs() {
        return outputShape().features();
    }

    /** The output for input {@code x} (B x inputs); a buffer owned by the layer. */
    INDArray forward(INDArray x, boolean training);

    /** Parameter gradients for {@code dy} (B x outputs), then {@code update}; returns {@code dX} or null. */
    INDArray backward(INDArray dy, ParamUpdate update);

    /** Learned arrays, in a fixed order (the order of the wire format and of checkpoints). */
    List<Param> params();

    /** Learned weights excluding biases (what the paper counts). */
    long dynamicWeights();

    /** The output buffer of the last forward pass. */
    INDArray lastOutput();
}
