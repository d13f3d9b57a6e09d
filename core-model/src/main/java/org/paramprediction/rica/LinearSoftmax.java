package org.paramprediction.rica;

import org.paramprediction.optim.Lbfgs;
import org.paramprediction.optim.LbfgsOptions;
import org.paramprediction.optim.LbfgsResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A multinomial logistic regression on standardised features: training standardises the rows
 * ({@link FeatureStandardizer}, training statistics) and minimises the {@link SoftmaxObjective} with
 * weight decay {@code lambda} by full-batch {@link Lbfgs} from {@code W = 0, b = 0} (the problem is
 * convex, strictly so for {@code lambda > 0}, so the start only affects the path). A row is assigned
 * {@code argmax_k (x W + b)_k} of its standardised values.
 */
public final class LinearSoftmax {

    private static final Logger LOG = LoggerFactory.getLogger(LinearSoftmax.class);

    private final FeatureStandardizer standardizer;
    private final double[] params;
    private final int classes;
    private final double weightDecay;
    private final LbfgsResult optimisation;

    private LinearSoftmax(FeatureStandardizer standardizer, double[] params, int classes, double weightDecay,
            LbfgsResult optimisation) {
        this.standardizer = standardizer;
        this.params = params;
        this.classes = classes;
        this.weightDecay = weightDecay;
        this.optimisation = optimisation;
    }

    /** Fits the standardisation and the classifier to {@code train}. */
    public static LinearSoftmax train(FeatureRows train, double weightDecay, LbfgsOptions options) {
        FeatureStandardizer standardizer = FeatureStandardizer.fit(train);
        SoftmaxObjective objective = new SoftmaxObjective(standardizer.apply(train), weightDecay);
        double[] params = new double[objective.dimension()];
        long start = System.nanoTime();
        LbfgsResult result = new Lbfgs(options).minimize(objective, params);
        LOG.info("softmax: {} rows x {} features, {} classes, lambda={}: loss {} after {} iterations ({}), {} s",
                train.count(), train.dimension(), train.classes(), weightDecay, result.value(), result.iterations(),
                result.reason(), String.format("%.2f", (System.nanoTime() - start) / 1e9));
        return new LinearSoftmax(standardizer, params, train.classes(), weightDecay, result);
    }

    /** The predicted class of every row. */
    public int[] predict(FeatureRows rows) {
        FeatureRows x = standardizer.apply(rows);
        int d = x.dimension();
        int wk = d * classes;
        int[] out = new int[x.count()];
        double[] score = new double[classes];
        for (int i = 0; i < x.count(); i++) {
            System.arraycopy(params, wk, score, 0, classes);
            for (int t = 0; t < d; t++) {
                double v = x.rows()[i * d + t];
                for (int c = 0; c < classes; c++) {
                    score[c] += v * params[t * classes + c];
                }
            }
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (score[c] > score[best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** The fraction of rows whose predicted class is their label. */
    public double accuracy(FeatureRows rows) {
        int[] predicted = predict(rows);
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == rows.labels()[i]) {
                right++;
            }
        }
        return right / (double) predicted.length;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public LbfgsResult optimisation() {
        return optimisation;
    }

    /** A copy of the flat parameters: {@code W} row-major {@code D x K}, then {@code b}. */
    public double[] parameters() {
        return params.clone();
    }
}
