package org.paramprediction.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Central-difference gradient check in double precision: for sampled entries {@code w} of every
 * parameter, {@code (L(w + eps) - L(w - eps)) / (2 eps)} against the analytic gradient of the mean
 * loss, with relative error {@code |a - n| / max(|a| + |n|, ABS_FLOOR)}.
 */
final class GradientCheck {

    static final double EPS = 1e-6;
    static final double MAX_REL_ERROR = 1e-5;
    static final double ABS_FLOOR = 1e-8;
    static final int ENTRIES_PER_PARAM = 40;

    private GradientCheck() {}

    /**
     * Checks every parameter of {@code net} that is not {@link Param#frozen() frozen} on one minibatch;
     * returns the number of entries checked.
     */
    static int check(Network net, INDArray x, int[] labels, long seed) {
        int b = (int) x.rows();
        net.gradients(x, labels);
        SplittableRandom rng = new SplittableRandom(seed);
        int checked = 0;
        for (Param p : net.params()) {
            if (p.frozen()) {
                continue;
            }
            INDArray grad = p.grad().dup();
            INDArray value = p.value();
            long rows = value.rows();
            long cols = value.columns();
            int samples = (int) Math.min(ENTRIES_PER_PARAM, value.length());
            for (int s = 0; s < samples; s++) {
                long r = rng.nextLong(rows);
                long c = rng.nextLong(cols);
                double original = value.getDouble(r, c);
                value.putScalar(r, c, original + EPS);
                double plus = net.loss(x, labels).lossSum() / b;
                value.putScalar(r, c, original - EPS);
                double minus = net.loss(x, labels).lossSum() / b;
                value.putScalar(r, c, original);
                double numeric = (plus - minus) / (2 * EPS);
                double analytic = grad.getDouble(r, c);
                double rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), ABS_FLOOR);
                assertTrue(rel <= MAX_REL_ERROR, () -> p.name() + "[" + r + "," + c + "]: analytic " + analytic
                        + " numeric " + numeric + " relative error " + rel);
                checked++;
            }
        }
        return checked;
    }
}
