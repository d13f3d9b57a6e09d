package org.paramprediction.optim;

/**
 * A line search along a descent direction {@code d} from {@code x} for a step {@code alpha > 0}
 * satisfying the strong Wolfe conditions on {@code phi(alpha) = f(x + alpha d)}:
 *
 * <pre>  phi(alpha) <= phi(0) + c1 alpha phi'(0)        (sufficient decrease)
 *  |phi'(alpha)| <= c2 |phi'(0)|                   (strong curvature)</pre>
 *
 * Nocedal and Wright, Numerical Optimization (2nd ed.), Algorithm 3.5 (bracketing, expanding the
 * step by cubic extrapolation clamped to {@code [1.1, 4]} times the last one) and Algorithm 3.6
 * ({@code zoom}: the minimiser of the cubic through both ends' values and slopes, safeguarded to
 * the middle 80% of the bracket, bisection when the cubic has none or an end is not finite). A
 * non-finite {@code phi} counts as failing sufficient decrease, so an overflowing trial step
 * shrinks the bracket.
 *
 * <p>The point, value and gradient of the last evaluation are those of the accepted step
 * ({@link #point()}, {@link #gradient()}), so an accepted step costs no extra evaluation. Buffers
 * are allocated once; a search allocates nothing.
 */
final class StrongWolfeLineSearch {

    /** Bracket ends closer than this (relative) are treated as one point: the search fails. */
    private static final double MIN_RELATIVE_WIDTH = 1e-16;

    private final DifferentiableFunction f;
    private final double c1;
    private final double c2;
    private final int maxEvaluations;
    private final double[] xTrial;
    private final double[] gTrial;

    private double[] x;
    private double[] d;
    private double value0;
    private double slope0;
    private int evaluations;
    private double lastValue;
    private double lastSlope;
    private double step;

    StrongWolfeLineSearch(DifferentiableFunction f, LbfgsOptions options) {
        this.f = f;
        this.c1 = options.sufficientDecrease();
        this.c2 = options.curvature();
        this.maxEvaluations = options.maxLineSearchEvaluations();
        this.xTrial = new double[f.dimension()];
        this.gTrial = new double[f.dimension()];
    }

    /**
     * Searches from {@code x} (value {@code value0}, slope {@code slope0 = g^T d < 0}) along
     * {@code d}, first trying {@code initialStep}. Returns true if a strong Wolfe step was found;
     * then {@link #step()}, {@link #value()}, {@link #point()} and {@link #gradient()} describe it.
     */
    boolean search(double[] x, double value0, double slope0, double[] d, double initialStep) {
        this.x = x;
        this.d = d;
        this.value0 = value0;
        this.slope0 = slope0;
        this.evaluations = 0;
        double prevStep = 0;
        double prevValue = value0;
        double prevSlope = slope0;
        double a = initialStep;
        while (evaluations < maxEvaluations) {
            evaluate(a);
            double va = lastValue;
            double sa = lastSlope;
            if (!Double.isFinite(va) || va > value0 + c1 * a * slope0 || (evaluations > 1 && va >= prevValue)) {
                return zoom(prevStep, prevValue, prevSlope, a, va, sa);
            }
            if (Math.abs(sa) <= -c2 * slope0) {
                return accept(a);
            }
            if (sa >= 0) {
                return zoom(a, va, sa, prevStep, prevValue, prevSlope);
            }
            double next = cubicMinimiser(prevStep, prevValue, prevSlope, a, va, sa);
            double lowest = a + 1.1 * (a - prevStep);
            double highest = a + 4.0 * (a - prevStep);
            prevStep = a;
            prevValue = va;
            prevSlope = sa;
            a = Double.isFinite(next) && next >= lowest && next <= highest ? next : highest;
        }
        return false;
    }

    /** Algorithm 3.6: {@code lo} satisfies sufficient decrease and has the lower value. */
    private boolean zoom(double lo, double loValue, double loSlope, double hi, double hiValue, double hiSlope) {
        while (evaluations < maxEvaluations) {
            double width = Math.abs(hi - lo);
            if (width <= MIN_RELATIVE_WIDTH * Math.max(Math.abs(lo), Math.abs(hi))) {
                return false;
            }
            double a = Double.isFinite(hiValue)
                    ? cubicMinimiser(lo, loValue, loSlope, hi, hiValue, hiSlope) : Double.NaN;
            double left = Math.min(lo, hi) + 0.1 * width;
            double right = Math.max(lo, hi) - 0.1 * width;
            if (!(a >= left && a <= right)) {
                a = 0.5 * (lo + hi);
            }
            evaluate(a);
            double va = lastValue;
            double sa = lastSlope;
            if (!Double.isFinite(va) || va > value0 + c1 * a * slope0 || va >= loValue) {
                hi = a;
                hiValue = va;
                hiSlope = sa;
            } else {
                if (Math.abs(sa) <= -c2 * slope0) {
                    return accept(a);
                }
                if (sa * (hi - lo) >= 0) {
                    hi = lo;
                    hiValue = loValue;
                    hiSlope = loSlope;
                }
                lo = a;
                loValue = va;
                loSlope = sa;
            }
        }
        return false;
    }

    /**
     * The minimiser of the cubic through {@code (a, fa, ga)} and {@code (b, fb, gb)} (Nocedal and
     * Wright eq. 3.59), or NaN when it has none.
     */
    static double cubicMinimiser(double a, double fa, double ga, double b, double fb, double gb) {
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - ga * gb;
        if (!(disc >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.copySign(Math.sqrt(disc), b - a);
        return b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
    }

    private void evaluate(double a) {
        int n = xTrial.length;
        for (int i = 0; i < n; i++) {
            xTrial[i] = x[i] + a * d[i];
        }
        lastValue = f.valueAndGradient(xTrial, gTrial);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += gTrial[i] * d[i];
        }
        lastSlope = s;
        evaluations++;
    }

    private boolean accept(double a) {
        step = a;
        return true;
    }

    /** The accepted step length. */
    double step() {
        return step;
    }

    /** {@code f} at the accepted point. */
    double value() {
        return lastValue;
    }

    /** The accepted point {@code x + step d} (this object's buffer). */
    double[] point() {
        return xTrial;
    }

    /** The gradient at the accepted point (this object's buffer). */
    double[] gradient() {
        return gTrial;
    }

    /** Evaluations of the last search. */
    int evaluations() {
        return evaluations;
    }
}
