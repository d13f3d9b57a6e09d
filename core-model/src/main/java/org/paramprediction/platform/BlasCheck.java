package org.paramprediction.platform;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BLAS check of a JVM that does math: {@link BlasKernel#configure()}, then which kernel OpenBLAS
 * loaded, a short sgemm probe, and a one-line warning when the kernel is slower than the CPU allows.
 * Done once per JVM ({@link #report()}); the driver and every executor log it, and every trial row
 * records the {@code blas_core} and {@code cpu_model} of the JVM that trained it.
 */
public final class BlasCheck {

    private static final Logger LOG = LoggerFactory.getLogger(BlasCheck.class);

    /** Side of the square sgemm of the probe: 512^3 is 0.27 GFLOP, 2-15 ms on current CPUs. */
    static final int PROBE_SIZE = 512;
    private static final int PROBE_RUNS = 3;

    private static BlasReport report;

    private BlasCheck() {}

    /** This JVM's check, run on the first call (about 0.1 s with the library's first load). */
    public static synchronized BlasReport report() {
        if (report == null) {
            report = check();
        }
        return report;
    }

    /** Runs the check once and logs it: the summary at INFO, a warning at WARN. */
    public static synchronized BlasReport logOnce() {
        boolean first = report == null;
        BlasReport r = report();
        if (first) {
            LOG.info(r.summary());
            if (r.warning() != null) {
                LOG.warn(r.warning());
            }
        }
        return r;
    }

    private static BlasReport check() {
        BlasKernel.Choice choice = BlasKernel.configure();
        CpuInfo cpu = CpuInfo.current();
        String core;
        double gflops;
        try {
            core = BlasKernel.activeCore();
            gflops = probeGflops();
        } catch (RuntimeException | LinkageError e) { // no usable OpenBLAS: say so, the math will fail loudly later
            LOG.warn("BLAS check failed: {}", e.toString());
            core = "unknown";
            gflops = Double.NaN;
        }
        return new BlasReport(cpu.modelName(), cpu.vectorLevel(), core, choice, BlasKernel.threads(), gflops,
                warning(cpu, core, choice));
    }

    /**
     * The warning for kernel {@code core} on {@code cpu}, or null if the kernel uses the widest vector
     * instructions the CPU has (or no better kernel is known for it).
     */
    static String warning(CpuInfo cpu, String core, BlasKernel.Choice choice) {
        String better = OpenBlasCore.forCpu(cpu).orElse(null);
        int have = OpenBlasCore.level(core);
        if (better == null || have >= OpenBlasCore.level(better)) {
            return null;
        }
        String fix = choice.source() == BlasKernel.Source.USER
                ? "unset " + BlasKernel.VARIABLE + " (now " + choice.requested() + ") or set it to " + better
                : "set " + BlasKernel.VARIABLE + "=" + better + " in this JVM's environment before it starts "
                        + "(spark.executorEnv." + BlasKernel.VARIABLE + " for executors)";
        return "OpenBLAS runs its " + core + " kernel on " + cpu.modelName() + ", which supports " + cpu.vectorLevel()
                + ": matrix products run several times slower than they can. Fix: " + fix + ".";
    }

    /** GFLOP/s of a {@code PROBE_SIZE}^3 sgemm on this thread, best of {@code PROBE_RUNS} after a warm-up. */
    static double probeGflops() {
        int n = PROBE_SIZE;
        try (FloatPointer a = new FloatPointer((long) n * n); FloatPointer b = new FloatPointer((long) n * n);
                FloatPointer c = new FloatPointer((long) n * n)) {
            float[] x = new float[n * n];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) ((i * 7919L % 1000) / 1000.0 - 0.5);
            }
            a.put(x);
            b.put(x);
            long best = Long.MAX_VALUE;
            for (int run = 0; run <= PROBE_RUNS; run++) {
                long start = System.nanoTime();
                openblas_nolapack.cblas_sgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1f, a, n, b, n, 0f,
                        c, n);
                long took = System.nanoTime() - start;
                if (run > 0) { // run 0 warms up
                    best = Math.min(best, took);
                }
            }
            return 2.0 * n * n * n / best;
        }
    }
}
