package org.paramprediction.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.Dataset;
import java.util.List;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.WeightedLayer;

/**
 * Counts, per weighted layer, the units (hidden units; output channels of a convolution) whose
 * activation is zero on every row of a dataset and every position (ReLU units that never fire; they
 * carry no information and make empirical kernels singular).
 */
public final class DeadUnits {

    private static final int BATCH = 1000;

    private DeadUnits() {}

    public static int[] count(Network net, Dataset data) {
        List<WeightedLayer> weighted = net.weighted();
        int layers = weighted.size();
        int[] dead = new int[layers];
        if (layers == 0) {
            return dead;
        }
        boolean[][] fired = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            fired[l] = new boolean[weighted.get(l).outputShape().channels()];
        }
        int n = data.size();
        int[] order = Dataset.identityOrder(n);
        float[] rows = new float[BATCH * data.features()];
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            data.copyRows(order, from, to, rows);
            net.forward(rows, to - from, net.layersBefore(layers));
            for (int l = 0; l < layers; l++) {
                INDArray maxAbs = weighted.get(l).lastOutput().amax(0);
                int area = weighted.get(l).outputShape().area();
                for (int f = 0; f < maxAbs.length(); f++) {
                    if (maxAbs.getDouble(f) != 0) {
                        fired[l][f / area] = true;
                    }
                }
            }
        }
        for (int l = 0; l < layers; l++) {
            for (boolean f : fired[l]) {
                dead[l] += f ? 0 : 1;
            }
        }
        return dead;
    }
}
