package org.paramprediction.covariance;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.paramprediction.layer.ConvLayer;
import org.paramprediction.layer.HiddenLayer;
import org.paramprediction.layer.Layer;
import org.paramprediction.layer.LayerWeights;
import org.paramprediction.layer.MaxPoolLayer;
import org.paramprediction.layer.Network;

/**
 * The first weighted layers (dense, or conv with their pooling) of a trained network as plain arrays, broadcast once per covariance job
 * so executors can compute the activations that feed the next layer. Built on the driver from a
 * {@link Network}; rebuilt into a network on the executors by {@link org.paramprediction.train.Activations#of}.
 *
 * <p>A final class holding an array, not a record holding a {@code List}: Spark 3.5's Kryo 4 can
 * carry neither a record nor an immutable {@code List.of}, and a broadcast uses
 * {@code spark.serializer}. Java serialisation works as well.
 */
public final class LowerLayers implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LayerWeights[] layers;

    /** @param layers in order, each one's inputs equal to the previous one's outputs; not empty */
    public LowerLayers(List<LayerWeights> layers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("layers must hold at least one hidden layer");
        }
        this.layers = layers.toArray(new LayerWeights[0]);
        for (int l = 0; l < this.layers.length; l++) {
            if (this.layers[l] == null) {
                throw new IllegalArgumentException("layer " + l + " must not be null");
            }
            if (l > 0 && this.layers[l].inputs() != this.layers[l - 1].outputs()) {
                throw new IllegalArgumentException("layer " + l + " has " + this.layers[l].inputs()
                        + " inputs but layer " + (l - 1) + " gives " + this.layers[l - 1].outputs() + " outputs");
            }
        }
    }

    /**
     * Copies the weights, biases and activations of {@code network}'s first {@code count} hidden
     * layers (the effective {@code W = U V} for factored layers), converted to float.
     */
    public static LowerLayers of(Network network, int count) {
        if (network == null) {
            throw new IllegalArgumentException("network must not be null for a layer >= 1 covariance");
        }
        int available = network.weighted().size();
        if (count < 1 || count > available) {
            throw new IllegalArgumentException("count (lower layers) must be in [1, " + available
                    + "] for a network with " + available + " hidden layers but was " + count);
        }
        LayerWeights[] out = new LayerWeights[count];
        List<Layer> layers = network.layers();
        int w = 0;
        for (int i = 0; i < layers.size() && w < count; i++) {
            Layer layer = layers.get(i);
            if (layer instanceof HiddenLayer dense) {
                out[w++] = LayerWeights.of(dense);
            } else if (layer instanceof ConvLayer conv) {
                boolean pooled = i + 1 < layers.size() && layers.get(i + 1) instanceof MaxPoolLayer;
                if (pooled && ((MaxPoolLayer) layers.get(i + 1)).size() != ((MaxPoolLayer) layers.get(i + 1)).stride()) {
                    throw new IllegalArgumentException("lower layers travel with square non-overlapping pooling only,"
                            + " but layer " + (w + 1) + " is followed by " + layers.get(i + 1));
                }
                out[w++] = LayerWeights.of(conv, pooled ? ((MaxPoolLayer) layers.get(i + 1)).size() : 1);
            } else if (!(layer instanceof MaxPoolLayer)) {
                throw new IllegalArgumentException("lower layers travel as dense or conv layers, but the network has a "
                        + layer.getClass().getSimpleName());
            }
        }
        return new LowerLayers(Arrays.asList(out));
    }

    /** The layers, in order (an unmodifiable view). */
    public List<LayerWeights> layers() {
        return List.of(layers);
    }

    /** The first {@code count} layers. */
    public LowerLayers first(int count) {
        if (count < 1 || count > layers.length) {
            throw new IllegalArgumentException("count (lower layers) must be in [1, " + layers.length
                    + "] (the layers held) but was " + count);
        }
        return count == layers.length ? this : new LowerLayers(Arrays.asList(layers).subList(0, count));
    }

    /** Values per input row (the first layer's inputs). */
    public int inputs() {
        return layers[0].inputs();
    }

    /** Values per output row (the last layer's outputs): the covariance dimension. */
    public int outputs() {
        return layers[layers.length - 1].outputs();
    }

    /** Bytes of weights and biases, what a broadcast of these layers costs. */
    public long payloadBytes() {
        long floats = 0;
        for (LayerWeights w : layers) {
            floats += w.weights().length + w.bias().length;
        }
        return floats * Float.BYTES;
    }

    @Override
    public String toString() {
        return "LowerLayers" + Arrays.toString(layers);
    }
}
