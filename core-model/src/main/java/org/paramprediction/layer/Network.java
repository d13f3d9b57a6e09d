package org.paramprediction.layer;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multilayer perceptron: hidden layers (full or factored) and a softmax classifier. Minibatches
 * arrive as row-major {@code float[]} rows (as {@link org.paramprediction.data.Dataset#copyRows}
 * writes them) and are copied into one reused input buffer.
 */
public final class Network {

    private final List<HiddenLayer> hidden;
    private final SoftmaxOutputLayer output;
    private final DataType dtype;
    private final int inputs;

    private int batch = -1;
    private INDArray input;

    public Network(List<HiddenLayer> hidden, SoftmaxOutputLayer output, DataType dtype) {
        this.hidden = List.copyOf(hidden);
        this.output = output;
        this.dtype = dtype;
        int width = hidden.isEmpty() ? output.inputs() : hidden.get(0).inputs();
        for (HiddenLayer layer : hidden) {
            if (layer.inputs() != width) {
                throw new IllegalArgumentException(
                        "layer expects " + layer.inputs() + " inputs but the previous layer gives " + width);
            }
            width = layer.outputs();
        }
        if (output.inputs() != width) {
            throw new IllegalArgumentException(
                    "output layer expects " + output.inputs() + " inputs but the last hidden layer gives " + width);
        }
        this.inputs = hidden.isEmpty() ? output.inputs() : hidden.get(0).inputs();
    }

    public List<HiddenLayer> hiddenLayers() {
        return hidden;
    }

    public SoftmaxOutputLayer output() {
        return output;
    }

    public DataType dtype() {
        return dtype;
    }

    public int inputs() {
        return inputs;
    }

    /** All learned arrays, layer by layer, in a fixed order. */
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        for (HiddenLayer layer : hidden) {
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
        for (HiddenLayer layer : hidden) {
            a = layer.forward(a, true);
        }
        output.forward(a);
        BatchLoss loss = output.loss(labels, true);
        if (!Double.isFinite(loss.lossSum())) {
            return loss;
        }
        INDArray d = output.backward(update);
        for (int l = hidden.size() - 1; l >= 0; l--) {
            d = hidden.get(l).backward(d, update);
        }
        return loss;
    }

    /** Loss of an input array without gradients. */
    public BatchLoss loss(INDArray x, int[] labels) {
        output.forward(hiddenOutput(x, hidden.size()));
        return output.loss(labels, false);
    }

    /** The output of the first {@code layers} hidden layers for {@code b} rows (a reused buffer). */
    public INDArray hiddenOutput(float[] rows, int b, int layers) {
        return hiddenOutput(load(rows, b), layers);
    }

    private INDArray hiddenOutput(INDArray x, int layers) {
        INDArray a = x;
        for (int l = 0; l < layers; l++) {
            a = hidden.get(l).forward(a, false);
        }
        return a;
    }

    private INDArray load(float[] rows, int b) {
        if (b != batch) {
            batch = b;
            input = Nd4j.create(dtype, new long[] {b, inputs}, 'c');
        }
        HostBuffers.write(rows, b * inputs, input);
        return input;
    }
}
