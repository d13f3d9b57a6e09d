package org.paramprediction.train;

import org.paramprediction.data.Dataset;
import org.paramprediction.layer.BatchLoss;
import org.paramprediction.layer.Network;

/** Loss and error rate of a network on a whole dataset, forward passes only, in row order. */
public final class Evaluator {

    /** Rows per forward pass: large batches make the products efficient. */
    public static final int BATCH = 1000;

    private Evaluator() {}

    /** Summed loss, error count and row count over {@code data}. */
    public static BatchLoss evaluate(Network net, Dataset data) {
        int n = data.size();
        int[] order = Dataset.identityOrder(n);
        float[] rows = new float[Math.min(BATCH, Math.max(n, 1)) * data.features()];
        int[] labels = new int[Math.min(BATCH, Math.max(n, 1))];
        double loss = 0;
        int errors = 0;
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            data.copyRows(order, from, to, rows);
            for (int i = from; i < to; i++) {
                labels[i - from] = data.label(i);
            }
            BatchLoss b = net.evaluate(rows, labels, to - from);
            loss += b.lossSum();
            errors += b.errors();
        }
        return new BatchLoss(loss, errors, n);
    }

    /** Fraction of misclassified rows of {@code data}. */
    public static double errorRate(Network net, Dataset data) {
        BatchLoss b = evaluate(net, data);
        return b.rows() == 0 ? Double.NaN : (double) b.errors() / b.rows();
    }
}
