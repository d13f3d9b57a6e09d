package org.paramprediction.layer;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.Shape;

/**
 * A feed-forward classifier: a stack of {@link Layer}s (dense, factored, convolutional, pooling)
 * and a softmax output. Minibatches arrive as row-major {@code float[]} rows (as {@link
 * org.paramprediction.data.Dataset#copyRows} writes them, features in {@link Shape} order) and are
 * copied into one reused input buffer.
 *
 * <p>The layers with weights ({@link WeightedLayer}) are the ones that get dictionary recipes; {@link
 * #weighted()} lists them in order, and "layer {@code l}" in recipes, covariances and results means
 * the {@code l}-th of them.
 */
public final class Network {

    private final List<Layer> layers;
    private final List<WeightedLayer> weighted;
    private final int[] position;
    private final SoftmaxOutputLayer output;
    private final DataType dtype;
    private final Shape inputShape;

    private int batch = -1;
    private INDArray input;

    public Network(List<? extends Layer> layers, SoftmaxOutputLayer output, DataType dtype) {
        this(layers.isEmpty() ? output.inputShape() : layers.get(0).inputShape(), layers, output, dtype);
    }

    public Network(Shape inputShape, List<? extends Layer> layers, SoftmaxOutputLayer output, DataType dtype) {
        this.layers = List.copyOf(layers);
        this.output = output;
        this.dtype = dtype;
        this.inputShape = inputShape;
        int width = inputShape.features();
        List<WeightedLayer> ws = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < this.layers.size(); i++) {
            Layer layer = this.layers.get(i);
            if (layer.inputs() != width) {
                throw new IllegalArgumentException(
                        "layer " + i + " expects " + layer.inputs() + " inputs but the previous layer gives " + width);
            }
            width = layer.outputs();
            if (layer instanceof WeightedLayer w) {
                ws.add(w);
                at.add(i);
            }
        }
        if (output.inputs() != width) {
            throw new IllegalArgumentException(
                    "output layer expects " + output.inputs() + " inputs but the last layer gives " + width);
        }
        this.weighted = List.copyOf(ws);
        this.position = at.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every layer below the output, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** The layers with weights, in order (for an MLP: the hidden layers). */
    public List<WeightedLayer> weighted() {
        return weighted;
    }

    /** How many layers of {@link #layers()} come before weighted layer {@code l}: its input is their output. */
    public int layersBefore(int l) {
        return l == weighted.size() ? layers.size() : position[l];
    }

    /** Features per example after the first {@code count} layers of {@link #layers()}. */
    public int widthAfter(int count) {
        if (count < 0 || count > layers.size()) {
            throw new IllegalArgumentException("count (layers) must be in [0, " + layers.size() + "] but was " + count);
        }
        return count == layers.size() ? output.inputs() : layers.get(count).inputs();
    }

    public SoftmaxOutputLayer output() {
        return output;
    }

    public DataType dtype() {
        return dtype;
    }

    public Shape inputShape() {
        return inputShape;
    }

    public int inputs() {
        return inputShape.features();
    }

    /** All learned arrays, layer by layer, in a fixed order. */
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        for (Layer layer : layers) {
            ps.addAll(layer.params());
        }
        ps.addAll(output.params());
        return ps;
    }

    /** Forward and backward on {@code b} rows: fills every parameter's gradient of the mean loss. */
    public BatchLoss trainStep(float[] rows, int[] labels, int b) {
        return trainStep(rows, labels, b, ParamUpdate.NONE);
    }

    /**
     * Forward and backward on {@code b} rows, handing each parameter to {@code update} as soon as its
     * gradient is final and backward is done with its value. When the loss is not finite, backward
     * is skipped and nothing is updated.
     */
    public BatchLoss trainStep(float[] rows, int[] labels, int b, ParamUpdate update) {
        return gradients(load(rows, b), labels, update);
    }

    /** Forward pass only: summed loss and error count of {@code b} rows. */
    public BatchLoss evaluate(float[] rows, int[] labels, int b) {
        return loss(load(rows, b), labels);
    }

    /** Forward and backward on an input array (tests, gradient checks). */
    public BatchLoss gradients(INDArray x, int[] labels) {
        return gradients(x, labels, ParamUpdate.NONE);
    }

    private BatchLoss gradients(INDArray x, int[] labels, ParamUpdate update) {
        INDArray a = x;
        for (Layer layer : layers) {
            a = layer.forward(a, true);
        }
        output.forward(a);
        BatchLoss loss = output.loss(labels, true);
        if (!Double.isFinite(loss.lossSum())) {
            return loss;
        }
        INDArray d = output.backward(update);
        for (int l = layers.size() - 1; l >= 0; l--) {
            d = layers.get(l).backward(d, update);
        }
        return loss;
    }

    /** Loss of an input array without gradients. */
    public BatchLoss loss(INDArray x, int[] labels) {
        output.forward(forward(x, layers.size()));
        return output.loss(labels, false);
    }

    /**
     * The output of the first {@code count} layers of {@link #layers()} for {@code b} rows (a buffer
     * owned by the last of them; the input buffer for {@code count = 0}).
     */
    public INDArray forward(float[] rows, int b, int count) {
        return forward(load(rows, b), count);
    }

    private INDArray forward(INDArray x, int count) {
        INDArray a = x;
        for (int l = 0; l < count; l++) {
            a = layers.get(l).forward(a, false);
        }
        return a;
    }

    private INDArray load(float[] rows, int b) {
        if (b != batch) {
            batch = b;
            input = Nd4j.create(dtype, new long[] {b, inputs()}, 'c');
        }
        HostBuffers.write(rows, b * inputs(), input);
        return input;
    }
}
