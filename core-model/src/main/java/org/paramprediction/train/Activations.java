package org.paramprediction.train;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.FloatMatrixDataset;
import org.paramprediction.layer.LayerWeights;
import org.paramprediction.layer.Network;

/**
 * The output of a network's first {@code count} layers for given rows: the one forward pass that
 * feeds activation covariances (on executors, block by block) and the inputs of column tasks. It is
 * {@link Network#forward} itself, so the activations a dictionary is built from are the ones the
 * network computes. Not thread-safe; one per task or partition.
 */
public final class Activations {

    private final Network net;
    private final int count;
    private final int width;

    /** Through the first {@code count} layers of {@code net.layers()}. */
    public Activations(Network net, int count) {
        if (count < 1 || count > net.layers().size()) {
            throw new IllegalArgumentException("count (layers) must be in [1, " + net.layers().size()
                    + "] for this network but was " + count);
        }
        this.net = net;
        this.count = count;
        this.width = net.widthAfter(count);
    }

    /** Through all of {@code trained}, rebuilt by {@link NetworkBuilder#frozen}. */
    public static Activations of(List<LayerWeights> trained) {
        Network net = NetworkBuilder.frozen(trained);
        return new Activations(net, net.layers().size());
    }

    /** Features per output row. */
    public int width() {
        return width;
    }

    /**
     * The activations of a block of rows (row-major, the network's inputs per row) as a new
     * row-major array of {@link #width()} values per row.
     */
    public float[] apply(float[] block) {
        int in = net.inputs();
        if (block.length % in != 0) {
            throw new IllegalArgumentException("block length " + block.length
                    + " is not a multiple of the network's inputs " + in);
        }
        int b = block.length / in;
        float[] out = new float[b * width];
        if (b > 0) {
            copyRowMajor(net.forward(block, b, count), out, 0, b);
        }
        return out;
    }

    /** {@code data}'s rows through the layers, with the same labels, {@link Evaluator#BATCH} rows at a time. */
    public FloatMatrixDataset of(Dataset data) {
        int n = data.size();
        float[] out = new float[n * width];
        int[] labels = new int[n];
        int[] order = Dataset.identityOrder(n);
        float[] rows = new float[Math.min(Evaluator.BATCH, Math.max(n, 1)) * data.features()];
        for (int from = 0; from < n; from += Evaluator.BATCH) {
            int to = Math.min(n, from + Evaluator.BATCH);
            data.copyRows(order, from, to, rows);
            copyRowMajor(net.forward(rows, to - from, count), out, from * width, to - from);
            for (int i = from; i < to; i++) {
                labels[i] = data.label(i);
            }
        }
        return new FloatMatrixDataset(out, labels, width, data.numClasses());
    }

    /** Train and valid through the layers; test is left empty (for tasks that never look at it). */
    public DataSplits trainValid(DataSplits data) {
        FloatMatrixDataset valid = of(data.valid());
        return new DataSplits(of(data.train()), valid, valid.slice(0, 0));
    }

    /** All three splits through the layers. */
    public DataSplits all(DataSplits data) {
        return new DataSplits(of(data.train()), of(data.valid()), of(data.test()));
    }

    private void copyRowMajor(INDArray h, float[] out, int offset, int b) {
        h.dup('c').data().asNioFloat().get(0, out, offset, b * width);
    }
}
