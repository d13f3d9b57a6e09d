package org.paramprediction.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stack of {@link Layer}s under a {@link SoftmaxOutputLayer}, chained by hand (forward, {@code
 * loss(labels, true)}, backward layer by layer), and a central-difference check in double precision
 * of the mean loss's gradient with respect to every parameter and, when the first layer produces
 * it, the input. An entry passes when {@code |a - n| / (|a| + |n|) <= MAX_REL_ERROR} or, for
 * gradients so small that rounding in the loss dominates the difference quotient, when {@code |a -
 * n| <= MAX_ABS_ERROR} (DL4J's {@code GradientCheckUtil} does the same). That rounding is about
 * {@code 1e-16 / EPS = 1e-10} for a loss near 1; the absolute bound is ten times it.
 */
final class ConvStackCheck {

    static final double EPS = 1e-6;
    static final double MAX_REL_ERROR = 1e-6;
    static final double MAX_ABS_ERROR = 1e-9;
    /** Arrays with more entries are sampled. */
    static final int MAX_ENTRIES = 150;

    /** Gradients from this size on are judged by the relative error alone. */
    static final double DECISIVE = MAX_ABS_ERROR / MAX_REL_ERROR;

    /**
     * What a check saw: entries compared, how many of them had gradients of at least {@link
     * #DECISIVE} (a check where all are tiny proves little), and the worst relative error among those.
     */
    record Result(int checked, int decisive, double maxRelError) {

        Result plus(Result other) {
            return new Result(checked + other.checked, decisive + other.decisive, Math.max(maxRelError, other.maxRelError));
        }
    }

    private final List<Layer> layers;
    private final SoftmaxOutputLayer output;

    ConvStackCheck(List<? extends Layer> layers, SoftmaxOutputLayer output) {
        this.layers = List.copyOf(layers);
        this.output = output;
    }

    /** Every parameter, layer by layer, then the output layer's. */
    List<Param> params() {
        List<Param> ps = new ArrayList<>();
        layers.forEach(l -> ps.addAll(l.params()));
        ps.addAll(output.params());
        return ps;
    }

    /** Mean loss of a forward pass. */
    double loss(INDArray x, int[] labels) {
        output.forward(top(x, false));
        return output.loss(labels, false).lossSum() / x.rows();
    }

    /** Forward and backward; fills every gradient and returns {@code dX} of the first layer (or null). */
    INDArray gradients(INDArray x, int[] labels) {
        output.forward(top(x, true));
        output.loss(labels, true);
        INDArray d = output.backward(ParamUpdate.NONE);
        for (int l = layers.size() - 1; l >= 0; l--) {
            d = layers.get(l).backward(d, ParamUpdate.NONE);
        }
        return d;
    }

    /** Checks every parameter and, if the first layer gives one, the input gradient; fails on the first bad entry. */
    Result check(INDArray x, int[] labels, long seed) {
        INDArray dx = gradients(x, labels);
        dx = dx == null ? null : dx.dup();
        List<INDArray> grads = new ArrayList<>();
        for (Param p : params()) {
            grads.add(p.grad().dup());
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Result total = new Result(0, 0, 0);
        List<Param> ps = params();
        for (int i = 0; i < ps.size(); i++) {
            total = total.plus(compare(ps.get(i).name() + "#" + i, ps.get(i).value(), grads.get(i), x, labels, rng));
        }
        if (dx != null) {
            total = total.plus(compare("input", x, dx, x, labels, rng));
        }
        return total;
    }

    private Result compare(String name, INDArray value, INDArray grad, INDArray x, int[] labels, SplittableRandom rng) {
        long rows = value.rows();
        long cols = value.columns();
        boolean all = value.length() <= MAX_ENTRIES;
        int n = all ? (int) value.length() : MAX_ENTRIES;
        double worst = 0;
        int decisive = 0;
        for (int s = 0; s < n; s++) {
            long r = all ? s % rows : rng.nextLong(rows);
            long c = all ? s / rows : rng.nextLong(cols);
            double original = value.getDouble(r, c);
            value.putScalar(r, c, original + EPS);
            double plus = loss(x, labels);
            value.putScalar(r, c, original - EPS);
            double minus = loss(x, labels);
            value.putScalar(r, c, original);
            double numeric = (plus - minus) / (2 * EPS);
            double analytic = grad.getDouble(r, c);
            double diff = Math.abs(analytic - numeric);
            double sum = Math.abs(analytic) + Math.abs(numeric);
            double rel = sum == 0 ? 0 : diff / sum;
            assertTrue(rel <= MAX_REL_ERROR || diff <= MAX_ABS_ERROR, () -> name + "[" + r + "," + c + "]: analytic "
                    + analytic + " numeric " + numeric + " relative error " + rel);
            if (sum >= DECISIVE) {
                decisive++;
                worst = Math.max(worst, rel);
            }
        }
        return new Result(n, decisive, worst);
    }

    private INDArray top(INDArray x, boolean training) {
        INDArray a = x;
        for (Layer layer : layers) {
            a = layer.forward(a, training);
        }
        return a;
    }
}
