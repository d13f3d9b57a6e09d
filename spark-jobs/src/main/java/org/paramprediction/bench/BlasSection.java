package org.paramprediction.bench;

import java.util.List;
import org.paramprediction.platform.BlasCheck;
import org.paramprediction.platform.BlasReport;

/**
 * The first row of every run: this JVM's BLAS check (the OpenBLAS kernel, how it was chosen, the
 * CPU, a 512^3 sgemm probe, and the warning if the kernel is generic on a CPU that supports more).
 */
final class BlasSection implements SectionRunner {

    @Override
    public List<BenchRow> run(BenchContext ctx) {
        BlasReport r = BlasCheck.logOnce();
        ctx.log().println(r.summary());
        String note = "kernel " + r.core() + " (" + r.choice().source().name().toLowerCase(java.util.Locale.ROOT) + ": "
                + r.choice().detail() + "), " + r.threads() + ", CPU " + r.cpuModel() + " (" + r.vectorLevel() + ")"
                + (r.warning() == null ? "" : "; WARNING: " + r.warning());
        return List.of(BenchRow.of(BenchSection.BLAS, "OpenBLAS " + r.core() + " kernel", "sgemm 512^3 probe",
                r.probeGflops(), "GFLOP/s").withNote(note));
    }
}
