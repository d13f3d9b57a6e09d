package org.paramprediction.platform;

import java.io.Serializable;
import java.util.Locale;

/**
 * What one JVM's BLAS check found: the CPU, the kernel OpenBLAS runs and how it was chosen, its
 * threads, a short gemm probe, and a warning when the kernel is slower than the CPU allows.
 *
 * @param cpuModel     the CPU's model name ({@code /proc/cpuinfo})
 * @param vectorLevel  the CPU's widest vector extension ("AVX-512", "AVX2", "AVX", "SSE", "none")
 * @param core         the kernel OpenBLAS runs, as {@code openblas_get_corename()} names it
 * @param choice       how it was chosen ({@link BlasKernel#configure()})
 * @param threads      OpenBLAS's thread setting, e.g. {@code OMP_NUM_THREADS=1} ({@link BlasKernel#threads()})
 * @param probeGflops  single-precision GFLOP/s of {@link BlasCheck#PROBE_SIZE}^3 sgemm, best of a few
 * @param warning      one line naming the problem and the fix, or null when the kernel suits the CPU
 */
public record BlasReport(String cpuModel, String vectorLevel, String core, BlasKernel.Choice choice, String threads,
        double probeGflops, String warning) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One line for a log or a console: kernel, how chosen, threads, probe, CPU. */
    public String summary() {
        String how = switch (choice.source()) {
            case USER -> "set by " + BlasKernel.VARIABLE;
            case AUTO -> "chosen for the CPU's " + vectorLevel;
            case OPENBLAS -> "OpenBLAS's own choice";
            case LATE -> "OpenBLAS's own choice (loaded before it could be set)";
        };
        return String.format(Locale.ROOT, "BLAS: OpenBLAS %s kernel (%s), %s, sgemm probe %.0f GFLOP/s, on %s",
                core, how, threads, probeGflops, cpuModel);
    }
}
