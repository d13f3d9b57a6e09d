package org.paramprediction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paramprediction.platform.BlasKernel;

/**
 * The gemm limit under each OpenBLAS kernel, measured the only way a kernel can be changed: a child
 * JVM per kernel ({@code bench --child --sections gemm}), with {@code OPENBLAS_CORETYPE} forced, and
 * one without it, where the kernel is this project's own choice. The children run in turns, {@code
 * rounds} times over the list, and each kernel keeps its best round, so that a noisy neighbour on a
 * shared machine does not decide the comparison.
 */
final class KernelChoiceRuns {

    /** The child JVM's kernel choice: forced, or null for the project's own. */
    record Run(String forced, String core, double limit) {}

    private static final Pattern GEMM = Pattern.compile("gemm: Nd4j\\.gemm ([0-9.]+), cblas ([0-9.]+) GFLOP/s");
    private static final Pattern CORE = Pattern.compile("BLAS: OpenBLAS (\\S+) kernel");

    private KernelChoiceRuns() {}

    /** The best run of the project's own choice (key "") and of each forced kernel (its name), in that order. */
    static Map<String, Run> measure(BenchContext ctx, List<String> forced, int rounds) throws Exception {
        List<String> order = new ArrayList<>();
        order.add(null);
        order.addAll(forced);
        Map<String, Run> best = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String kernel : order) {
                Run r = once(ctx, kernel, round);
                ctx.log().printf(Locale.ROOT, "gemm: child JVM %s, round %d: kernel %s, limit %.1f GFLOP/s%n",
                        kernel == null ? "with the kernel chosen for this CPU" : BlasKernel.VARIABLE + "=" + kernel,
                        round, r.core(), r.limit());
                best.merge(kernel == null ? "" : kernel, r, (a, b) -> a.limit() >= b.limit() ? a : b);
            }
        }
        return best;
    }

    private static Run once(BenchContext ctx, String kernel, int round) throws Exception {
        String tag = kernel == null ? "chosen" : kernel;
        try (ScratchDir scratch = ScratchDir.create("bench-gemm-" + tag + "-")) {
            List<String> args = List.of("bench", "--child", "--sections", "gemm", "--gemm-seconds",
                    String.valueOf(ctx.plan().gemmSeconds()), "--out", scratch.path().toString());
            Map<String, String> env = kernel == null ? Map.of() : Map.of(BlasKernel.VARIABLE, kernel);
            Path log = ctx.plan().out().resolve("logs").resolve("gemm-" + tag + "-" + round + ".log");
            ChildJvm.requireSuccess(ChildJvm.run("2g", List.of(), env, args, log, false), args);
            return parse(kernel, log);
        }
    }

    /** The kernel and the gemm limit a child printed. */
    static Run parse(String kernel, Path log) throws IOException {
        String text = Files.readString(log);
        Matcher g = GEMM.matcher(text);
        Matcher c = CORE.matcher(text);
        if (!g.find() || !c.find()) {
            throw new IllegalStateException("no 'BLAS: OpenBLAS ... kernel' and 'gemm: ...' lines in " + log);
        }
        return new Run(kernel, c.group(1), Math.max(Double.parseDouble(g.group(1)), Double.parseDouble(g.group(2))));
    }
}
