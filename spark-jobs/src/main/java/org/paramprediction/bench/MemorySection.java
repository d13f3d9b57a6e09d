package org.paramprediction.bench;

import java.util.List;
import java.util.Locale;

/**
 * Peak resident memory of the quickstart: {@code sweep conf/sweeps/quickstart.yaml} on {@code
 * local[*]} with {@code -Xmx3g}, as {@code submit-scripts/quickstart.sh} runs it, in a child JVM
 * whose VmHWM is polled until it exits. ND4J's arrays live off-heap, so the heap limit alone does not
 * bound this figure.
 */
final class MemorySection implements SectionRunner {

    /** Issue 6: the quickstart stays under 3 GB resident. */
    static final Target PEAK_RSS_GB = Target.below(3);

    @Override
    public List<BenchRow> run(BenchContext ctx) throws Exception {
        String config = ctx.plan().memoryConfig().toString();
        try (ScratchDir scratch = ScratchDir.create("bench-memory-")) {
            List<String> args = List.of("sweep", config, "--out", scratch.path().resolve("out").toString(),
                    "--master", "local[*]");
            ctx.log().printf("memory: %s on local[*], -Xmx3g (child JVM)...%n", config);
            ChildJvm.Finished f = ChildJvm.requireSuccess(ChildJvm.run(ctx.childMain(), "3g", args,
                    ctx.plan().out().resolve("logs").resolve("memory.log"), true), args);
            double gb = f.peakRssBytes() / 1e9;
            ctx.log().printf(Locale.ROOT, "memory: peak RSS %.2f GB, wall %.1f s%n", gb, f.wallSeconds());
            String item = "sweep " + config + ", local[*], -Xmx3g";
            return List.of(
                    BenchRow.of(BenchSection.MEMORY, item, "peak RSS (VmHWM)", gb, "GB").withTarget(PEAK_RSS_GB)
                            .withNote("max of /proc/<pid>/status VmHWM of the child JVM, polled every "
                                    + PeakRss.POLL_MILLIS + " ms; GB = 10^9 bytes"),
                    BenchRow.of(BenchSection.MEMORY, item, "wall seconds", f.wallSeconds(), "s")
                            .withNote("child JVM start to exit; log " + f.log()));
        }
    }
}
