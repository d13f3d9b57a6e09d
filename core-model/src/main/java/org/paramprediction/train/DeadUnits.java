package org.paramprediction.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.paramprediction.data.Dataset;
import org.paramprediction.layer.Network;

/**
 * Counts, per hidden layer, the units whose activation is zero on every row of a dataset (ReLU units
 * that never fire; they carry no information and make empirical kernels singular).
 */
public final class DeadUnits {

    private static final int BATCH = 1000;

    private DeadUnits() {}

    public static int[] count(Network net, Dataset data) {
        int layers = net.hiddenLayers().size();
        int[] dead = new int[layers];
        if (layers == 0) {
            return dead;
        }
        boolean[][] fired = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            fired[l] = new boolean[net.hiddenLayers().get(l).outputs()];
        }
        int n = data.size();
        int[] order = Dataset.identityOrder(n);
        float[] rows = new float[BATCH * data.features()];
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            data.copyRows(order, from, to, rows);
            net.hiddenOutput(rows, to - from, layers);
            for (int l = 0; l < layers; l++) {
                INDArray maxAbs = net.hiddenLayers().get(l).lastOutput().amax(0);
                for (int u = 0; u < fired[l].length; u++) {
                    if (maxAbs.getDouble(u) != 0) {
                        fired[l][u] = true;
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
