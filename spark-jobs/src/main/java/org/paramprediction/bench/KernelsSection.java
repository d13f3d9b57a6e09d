package org.paramprediction.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paramprediction.linalg.KernelComparison;
import org.paramprediction.linalg.Kernels;

/**
 * The Vector API elementwise kernels against the portable ones ({@link KernelComparison}): in this
 * JVM, at its preferred vector width, and in child JVMs with {@code -XX:UseAVX=2} (256-bit vectors, what an
 * AVX2 executor runs) and {@code -XX:UseAVX=0} (128-bit), whose rows come back through {@link
 * ChildBench}. Each row gives the Vector API kernel's ns per element against the portable one's, and
 * how far their results are apart in ulps.
 */
final class KernelsSection implements SectionRunner {

    /** JVM flags of the child runs: 256-bit vectors (what an AVX2 executor runs) and 128-bit (SSE). */
    static final List<String> WIDTH_FLAGS = List.of("-XX:UseAVX=2", "-XX:UseAVX=0");

    private static final String HERE = ", this JVM";

    @Override
    public List<BenchRow> run(BenchContext ctx) throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        String timed = KernelComparison.timedName();
        String used = Kernels.implementation();
        for (KernelComparison.Timing t : KernelComparison.measure(ctx.plan().gemmSeconds())) {
            ctx.log().printf(Locale.ROOT, "kernels: [%s] %s: vector %.4f ns, portable %.4f ns, %.1f ulps%n", timed,
                    t.kernel(), t.fusedNanosPerElement(), t.portableNanosPerElement(), t.maxUlps());
            rows.add(BenchRow.of(BenchSection.KERNELS, t.kernel() + ", " + timed + HERE, "ns per element",
                    t.fusedNanosPerElement(), "ns")
                    .withBaseline(t.portableNanosPerElement(), t.portableNanosPerElement() / t.fusedNanosPerElement())
                    .withNote(String.format(Locale.ROOT, "baseline = the portable kernel's ns per element; ratio = "
                            + "portable / vector (speedup); results %.1f ulps apart at most; training in that JVM uses "
                            + "%s", t.maxUlps(), used)));
        }
        if (!ctx.plan().child()) {
            for (String flag : WIDTH_FLAGS) {
                for (BenchRow r : ChildBench.run(ctx, BenchSection.KERNELS, flag.replaceAll("[^A-Za-z0-9]", ""),
                        List.of(flag), Map.of())) {
                    if (r.section().equals(BenchSection.KERNELS.id())) {
                        rows.add(r.withItem(r.item().replace(HERE, ", child JVM " + flag)));
                    }
                }
            }
        }
        return rows;
    }
}
