package org.paramprediction.distributed;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.covariance.LayerWeights;
import org.paramprediction.covariance.LowerLayers;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.FloatMatrixDataset;
import org.paramprediction.layer.DenseMap;
import org.paramprediction.layer.HiddenLayer;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.SoftmaxOutputLayer;
import org.paramprediction.train.Evaluator;

/**
 * The features a layer's columns train on: the activations {@code H_l = g_l(H_{l-1} W_l + b_l)} of
 * the frozen lower layers for every row of a dataset, as a {@link FloatMatrixDataset} with the
 * same labels. Computed with the network's own forward pass, {@link Evaluator#BATCH} rows at a time.
 */
final class ColumnFeatures {

    private ColumnFeatures() {}

    /** Train and valid through the first {@code layers} hidden layers; test is left empty (tasks never look at it). */
    static DataSplits trainValid(Network net, int layers, DataSplits data) {
        FloatMatrixDataset valid = of(net, layers, data.valid());
        return new DataSplits(of(net, layers, data.train()), valid, valid.slice(0, 0));
    }

    /** All three splits through the first {@code layers} hidden layers (the driver's fine-tuning). */
    static DataSplits all(Network net, int layers, DataSplits data) {
        return new DataSplits(of(net, layers, data.train()), of(net, layers, data.valid()),
                of(net, layers, data.test()));
    }

    /** {@code data}'s rows through {@code net}'s first {@code layers} hidden layers ({@code >= 1}). */
    static FloatMatrixDataset of(Network net, int layers, Dataset data) {
        int n = data.size();
        int width = net.hiddenLayers().get(layers - 1).outputs();
        float[] out = new float[n * width];
        int[] labels = new int[n];
        int[] order = Dataset.identityOrder(n);
        float[] rows = new float[Math.min(Evaluator.BATCH, Math.max(n, 1)) * data.features()];
        for (int from = 0; from < n; from += Evaluator.BATCH) {
            int to = Math.min(n, from + Evaluator.BATCH);
            data.copyRows(order, from, to, rows);
            INDArray h = net.hiddenOutput(rows, to - from, layers).dup('c');
            h.data().asNioFloat().get(0, out, from * width, (to - from) * width);
            for (int i = from; i < to; i++) {
                labels[i] = data.label(i);
            }
        }
        return new FloatMatrixDataset(out, labels, width, data.numClasses());
    }

    /**
     * The broadcast lower layers rebuilt as dense hidden layers ({@code W = U V} as sent) under a
     * placeholder head, ready for {@link #of}.
     */
    static Network network(LowerLayers lower) {
        List<HiddenLayer> layers = new ArrayList<>();
        for (int l = 0; l < lower.layers().size(); l++) {
            LayerWeights w = lower.layers().get(l);
            DenseMap map = new DenseMap(w.inputs(), w.outputs(), DataType.FLOAT);
            map.params().get(0).value().assign(Nd4j.create(w.weights(), new long[] {w.inputs(), w.outputs()}, 'f'));
            HiddenLayer layer = new HiddenLayer(map, w.activation(), l > 0, DataType.FLOAT);
            layer.bias().value().assign(Nd4j.create(w.bias(), new long[] {1, w.outputs()}, 'c'));
            layers.add(layer);
        }
        return new Network(layers, new SoftmaxOutputLayer(lower.outputs(), 2, DataType.FLOAT), DataType.FLOAT);
    }
}
