package org.paramprediction.bench;

import java.util.List;
import java.util.Locale;
import org.paramprediction.platform.BlasCheck;
import org.paramprediction.platform.BlasReport;

/**
 * The first row of every run: this JVM's BLAS check (the OpenBLAS kernel, how it was chosen, the
 * CPU, a 512^3 sgemm probe, and the warning if the kernel is generic on a CPU that supports more).
 */
final class BlasSection implements SectionRunner {

    @Override
    public List<BenchRow> run(BenchContext ctx) {
        BlasReport r = BlasCheck.logOnce(); // on the console already: Sessions prints the summary
        String note = "kernel " + r.core() + " (" + r.choice().source().name().toLowerCase(Locale.ROOT) + ": "
                + r.choice().detail() + "), " + r.threads() + ", CPU " + r.cpuModel() + " (" + r.vectorLevel() + ")"
                + (r.warning() == null ? "" : "; WARNING: " + r.warning());
        return List.of(BenchRow.of(BenchSection.BLAS, ITEM_PREFIX + r.core() + ITEM_SUFFIX, PROBE, r.probeGflops(),
                "GFLOP/s").withNote(note));
    }

    /** The kernel named by a table's {@code blas} row (a child JVM's, say). */
    static String core(List<BenchRow> rows) {
        String item = ChildBench.find(rows, BenchSection.BLAS, PROBE).item();
        return item.substring(ITEM_PREFIX.length(), item.length() - ITEM_SUFFIX.length());
    }

    private static final String ITEM_PREFIX = "OpenBLAS ";
    private static final String ITEM_SUFFIX = " kernel";
    private static final String PROBE = "sgemm 512^3 probe";
}
