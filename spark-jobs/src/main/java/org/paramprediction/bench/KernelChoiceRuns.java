package org.paramprediction.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paramprediction.platform.BlasKernel;

/**
 * The gemm limit under each OpenBLAS kernel, measured the only way a kernel can be changed: a child
 * JVM per kernel ({@link ChildBench}), with {@code OPENBLAS_CORETYPE} forced, and one without it,
 * where the kernel is this project's own choice. The children run in turns, {@code rounds} times
 * over the list, and each keeps its best round, so that a noisy neighbour on a shared machine does
 * not decide the comparison.
 */
final class KernelChoiceRuns {

    /** A child JVM's kernel, as it reported it, and its gemm limit. */
    record Run(String core, double limit) {}

    /** The best run with the project's own choice, and of each forced kernel, in the order given. */
    record Result(Run chosen, Map<String, Run> forced) {}

    private KernelChoiceRuns() {}

    static Result measure(BenchContext ctx, List<String> forced, int rounds) throws Exception {
        List<String> order = new ArrayList<>();
        order.add(null); // the project's own choice
        order.addAll(forced);
        Run chosen = null;
        Map<String, Run> best = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String kernel : order) {
                Run r = once(ctx, kernel, round);
                ctx.log().printf(Locale.ROOT, "gemm: child JVM %s, round %d: kernel %s, limit %.1f GFLOP/s%n",
                        kernel == null ? "with the kernel chosen for this CPU" : BlasKernel.VARIABLE + "=" + kernel,
                        round, r.core(), r.limit());
                if (kernel == null) {
                    chosen = better(chosen, r);
                } else {
                    best.merge(kernel, r, KernelChoiceRuns::better);
                }
            }
        }
        return new Result(chosen, best);
    }

    private static Run once(BenchContext ctx, String kernel, int round) throws Exception {
        Map<String, String> env = kernel == null ? Map.of() : Map.of(BlasKernel.VARIABLE, kernel);
        List<BenchRow> rows = ChildBench.run(ctx, BenchSection.GEMM, (kernel == null ? "chosen" : kernel) + "-" + round,
                List.of(), env);
        return new Run(BlasSection.core(rows), ChildBench.find(rows, BenchSection.GEMM, GemmSection.LIMIT).value());
    }

    private static Run better(Run a, Run b) {
        return a == null || b.limit() > a.limit() ? b : a;
    }
}
