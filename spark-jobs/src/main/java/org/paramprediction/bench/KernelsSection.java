package org.paramprediction.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paramprediction.linalg.KernelComparison;
import org.paramprediction.linalg.Kernels;

/**
 * The Vector API elementwise kernels against the portable ones ({@link KernelComparison}): in this
 * JVM, at its preferred vector width, and in child JVMs with {@code -XX:UseAVX=2} (256-bit vectors, what an
 * AVX2 executor runs) and {@code -XX:UseAVX=0} (128-bit). Each row gives the fused kernel's ns per
 * element against the portable one's, and how far their results are apart in ulps.
 */
final class KernelsSection implements SectionRunner {

    /** JVM flags of the child runs and what they stand for. */
    static final List<String> WIDTH_FLAGS = List.of("-XX:UseAVX=2", "-XX:UseAVX=0");

    private static final Pattern LINE = Pattern.compile(
            "kernels: \\[(.+)] (.+): fused ([0-9.]+) ns, portable ([0-9.]+) ns, ([0-9.]+) ulps");
    private static final Pattern USES = Pattern.compile("kernels: training uses (.+)");

    @Override
    public List<BenchRow> run(BenchContext ctx) throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        String impl = KernelComparison.timedName();
        ctx.log().println("kernels: training uses " + Kernels.implementation());
        for (KernelComparison.Timing t : KernelComparison.measure(ctx.plan().gemmSeconds())) {
            ctx.log().printf(Locale.ROOT, "kernels: [%s] %s: fused %.4f ns, portable %.4f ns, %.1f ulps%n", impl,
                    t.kernel(), t.fusedNanosPerElement(), t.portableNanosPerElement(), t.maxUlps());
            rows.add(row(impl, "this JVM", Kernels.implementation(), t.kernel(), t.fusedNanosPerElement(),
                    t.portableNanosPerElement(), t.maxUlps()));
        }
        if (!ctx.plan().child()) {
            for (String flag : WIDTH_FLAGS) {
                rows.addAll(child(ctx, flag));
            }
        }
        return rows;
    }

    private static List<BenchRow> child(BenchContext ctx, String flag) throws Exception {
        String tag = flag.replaceAll("[^A-Za-z0-9]", "");
        try (ScratchDir scratch = ScratchDir.create("bench-kernels-" + tag + "-")) {
            List<String> args = List.of("bench", "--child", "--sections", "kernels", "--gemm-seconds",
                    String.valueOf(ctx.plan().gemmSeconds()), "--out", scratch.path().toString());
            Path log = ctx.plan().out().resolve("logs").resolve("kernels-" + tag + ".log");
            ChildJvm.requireSuccess(ChildJvm.run("1g", List.of(flag), java.util.Map.of(), args, log, false), args);
            List<BenchRow> rows = new ArrayList<>();
            String text = Files.readString(log);
            Matcher uses = USES.matcher(text);
            String used = uses.find() ? uses.group(1) : "unknown";
            Matcher m = LINE.matcher(text);
            while (m.find()) {
                rows.add(row(m.group(1), "child JVM " + flag, used, m.group(2), Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))));
            }
            if (rows.isEmpty()) {
                throw new IllegalStateException("no 'kernels: ...' lines in " + log);
            }
            ctx.log().printf("kernels: child JVM %s: %d kernels timed (log %s)%n", flag, rows.size(), log);
            return rows;
        }
    }

    private static BenchRow row(String impl, String where, String used, String kernel, double fused, double portable,
            double ulps) {
        return BenchRow.of(BenchSection.KERNELS, kernel + ", " + impl + ", " + where, "ns per element", fused, "ns")
                .withBaseline(portable, portable / fused)
                .withNote(String.format(Locale.ROOT, "baseline = the portable kernel's ns per element; ratio = portable"
                        + " / vector (speedup); results %.1f ulps apart at most; training in that JVM uses %s", ulps,
                        used));
    }
}
