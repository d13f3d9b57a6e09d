package org.paramprediction.optim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, 2nd ed., Algorithms 7.4 and
 * 7.5) with a strong Wolfe line search ({@link StrongWolfeLineSearch}), full batch, in double.
 *
 * <p>Iteration {@code k}: the direction {@code d = -H_k g_k} by the two-loop recursion over the
 * last {@code m} pairs {@code s_i = x_{i+1} - x_i}, {@code y_i = g_{i+1} - g_i},
 * {@code rho_i = 1 / (y_i^T s_i)}, with {@code H_k^0 = gamma I},
 * {@code gamma = s^T y / y^T y} of the newest pair; then a step {@code alpha} satisfying
 * {@code f(x + alpha d) <= f(x) + c1 alpha g^T d} and {@code |g(x + alpha d)^T d| <= c2 |g^T d|}
 * (first trial {@code alpha = 1}; on the first iteration, or after a reset, {@code d = -g} and
 * {@code alpha = 1 / |g|}). The strong Wolfe conditions give {@code s^T y > 0}, so {@code H_k}
 * stays positive definite and every step decreases {@code f}; a pair with
 * {@code s^T y <= 1e-12 |s| |y|} (rounding) is skipped all the same. If the line search fails,
 * the history is cleared and steepest descent is tried once; if that fails too the run stops
 * ({@link StopReason#LINE_SEARCH_FAILED}) at the last accepted point.
 *
 * <p>Stops on the first of: {@code |g|_2 <= gradientTolerance} (also checked at the start),
 * {@code |f_k - f_{k+1}| <= relativeFunctionTolerance * max(|f_k|, |f_{k+1}|, 1)},
 * {@code maxIterations} steps. All buffers (the {@code 2 m n} history ring, direction, trial
 * point, trace) are allocated when a run starts; an iteration allocates nothing.
 *
 * <p>Why not Breeze's {@code LBFGS}: Breeze is Scala and arrives with Spark MLlib; core-model
 * depends on neither (the build enforces it). The spark-jobs test {@code LbfgsAgainstBreezeTest}
 * checks that both reach the same minimum on the same problems.
 */
public final class Lbfgs {

    private static final Logger LOG = LoggerFactory.getLogger(Lbfgs.class);
    private static final double CURVATURE_FLOOR = 1e-12;

    private final LbfgsOptions options;

    public Lbfgs(LbfgsOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    public LbfgsOptions options() {
        return options;
    }

    /**
     * Minimises {@code f} from {@code x}, which is overwritten with the last accepted iterate.
     *
     * @param x starting point, length {@code f.dimension()}, all finite
     */
    public LbfgsResult minimize(DifferentiableFunction f, double[] x) {
        int n = f.dimension();
        if (x == null || x.length != n) {
            throw new IllegalArgumentException("x must have f.dimension()=" + n + " values but had "
                    + (x == null ? "null" : x.length));
        }
        return new Run(f, x).run();
    }

    /** The state of one minimisation: every buffer is allocated here, once. */
    private final class Run {
        private final DifferentiableFunction f;
        private final double[] x;
        private final int n;
        private final int m = options.historySize();
        private final double[][] s;
        private final double[][] y;
        private final double[] rho;
        private final double[] alpha;
        private final double[] g;
        private final double[] d;
        private final StrongWolfeLineSearch lineSearch;
        private final LbfgsTrace trace;
        private int stored;
        private int newest = -1;
        private int evaluations;

        Run(DifferentiableFunction f, double[] x) {
            this.f = f;
            this.x = x;
            this.n = x.length;
            this.s = new double[m][n];
            this.y = new double[m][n];
            this.rho = new double[m];
            this.alpha = new double[m];
            this.g = new double[n];
            this.d = new double[n];
            this.lineSearch = new StrongWolfeLineSearch(f, options);
            this.trace = new LbfgsTrace(options.maxIterations() + 1);
        }

        LbfgsResult run() {
            double value = f.valueAndGradient(x, g);
            evaluations = 1;
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("f is not finite at the starting point: " + value);
            }
            double gNorm = norm(g);
            trace.record(value, gNorm, evaluations, 0);
            int k = 0;
            StopReason reason = null;
            if (gNorm <= options.gradientTolerance()) {
                reason = StopReason.GRADIENT_NORM;
            }
            while (reason == null && k < options.maxIterations()) {
                if (!step(value)) {
                    reason = StopReason.LINE_SEARCH_FAILED;
                    break;
                }
                double previous = value;
                value = lineSearch.value();
                gNorm = norm(g);
                k++;
                trace.record(value, gNorm, evaluations, lineSearch.step());
                if (LOG.isDebugEnabled()) { // guarded: the varargs call would box and allocate
                    LOG.debug("L-BFGS iteration {}: f={} |g|={} step={} evaluations={}", k, value, gNorm,
                            lineSearch.step(), evaluations);
                }
                if (gNorm <= options.gradientTolerance()) {
                    reason = StopReason.GRADIENT_NORM;
                } else if (Math.abs(previous - value) <= options.relativeFunctionTolerance()
                        * Math.max(1.0, Math.max(Math.abs(previous), Math.abs(value)))) {
                    reason = StopReason.FUNCTION_CHANGE;
                }
            }
            if (reason == null) {
                reason = StopReason.MAX_ITERATIONS;
            }
            return new LbfgsResult(reason, k, value, gNorm, evaluations, trace);
        }

        /** One iteration: direction, line search, history update; false if no step was found. */
        private boolean step(double value) {
            for (int attempt = 0; attempt < 2; attempt++) {
                double initialStep = direction();
                double slope = dot(g, d);
                if (!(slope < 0)) { // not a descent direction (rounding): fall back to -g
                    stored = 0;
                    initialStep = direction();
                    slope = dot(g, d);
                }
                boolean found = lineSearch.search(x, value, slope, d, initialStep);
                evaluations += lineSearch.evaluations();
                if (found) {
                    accept();
                    return true;
                }
                if (stored == 0) {
                    return false;
                }
                stored = 0;
            }
            return false;
        }

        /** Writes {@code d = -H g} (two-loop recursion) and returns the first trial step. */
        private double direction() {
            System.arraycopy(g, 0, d, 0, n);
            if (stored == 0) {
                double gNorm = norm(g);
                for (int i = 0; i < n; i++) {
                    d[i] = -d[i];
                }
                return 1.0 / gNorm;
            }
            int slot = newest;
            for (int t = 0; t < stored; t++) {
                alpha[slot] = rho[slot] * dot(s[slot], d);
                axpy(-alpha[slot], y[slot], d);
                slot = (slot - 1 + m) % m;
            }
            double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
            for (int i = 0; i < n; i++) {
                d[i] *= gamma;
            }
            slot = (newest - stored + 1 + m) % m;
            for (int t = 0; t < stored; t++) {
                double beta = rho[slot] * dot(y[slot], d);
                axpy(alpha[slot] - beta, s[slot], d);
                slot = (slot + 1) % m;
            }
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
            }
            return 1.0;
        }

        /** Stores {@code (s, y)} of the accepted step and moves to the new point. */
        private void accept() {
            double[] xNew = lineSearch.point();
            double[] gNew = lineSearch.gradient();
            int slot = (newest + 1) % m;
            double[] sk = s[slot];
            double[] yk = y[slot];
            for (int i = 0; i < n; i++) {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }
            double sy = dot(sk, yk);
            if (sy > CURVATURE_FLOOR * norm(sk) * norm(yk)) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, m);
            } else if (stored == m) {
                stored = m - 1; // the skipped pair overwrote the oldest one
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }
}
