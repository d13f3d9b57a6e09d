package org.paramprediction.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.benchmark.GemmRate;
import org.paramprediction.benchmark.TrainingBenchmark;
import org.paramprediction.layer.GemmShape;
import org.paramprediction.platform.BlasCheck;
import org.paramprediction.platform.BlasKernel;
import org.paramprediction.train.TrainingConfig;

/**
 * The machine's limit for training: {@link GemmRate} on the products of one Full 784-500-500-10
 * training step (recorded from the network itself), through {@code Nd4j.gemm} and through {@code
 * cblas_sgemm}, on one BLAS thread. Every "ratio to the gemm limit" of the training section is
 * measured against this kind of figure, for its own shapes. Then the same limit in child JVMs, with
 * the kernel this project chooses for the CPU and with each kernel of {@code --gemm-kernels} forced
 * ({@link KernelChoiceRuns}).
 */
final class GemmSection implements SectionRunner {

    /** Issue 12: the kernel chosen without any variable set reaches 90% of the best forced kernel's limit. */
    static final Target CHOSEN_VS_BEST = Target.atLeast(0.9);

    /** The metric of the limit rows. */
    static final String LIMIT = "gemm limit";

    /** Rounds over the kernels in a full run. */
    static final int KERNEL_ROUNDS = 2;

    @Override
    public List<BenchRow> run(BenchContext ctx) throws Exception {
        Nd4j.factory().blas().setMaxThreads(1);
        int batch = TrainingConfig.defaults().batchSize();
        List<GemmShape> shapes = TrainingBenchmark.fullStepShapes(batch);
        double seconds = ctx.plan().gemmSeconds();
        GemmRate.Rates rates = GemmRate.measure(shapes, seconds);
        String item = String.format(Locale.ROOT, "Full 784-500-500-10 step, batch %d (%d products, %.1f MFLOP)", batch,
                shapes.size(), TrainingBenchmark.flops(shapes) / 1e6);
        String how = String.format(Locale.ROOT, "1 BLAS thread, the step's products back to back for %s s", seconds);
        ctx.log().printf(Locale.ROOT, "gemm: Nd4j.gemm %.1f, cblas %.1f GFLOP/s%n", rates.nd4j(), rates.cblas());
        List<BenchRow> rows = new ArrayList<>(List.of(
                BenchRow.of(BenchSection.GEMM, item, "Nd4j.gemm rate", rates.nd4j(), "GFLOP/s").withNote(how),
                BenchRow.of(BenchSection.GEMM, item, "cblas_sgemm rate", rates.cblas(), "GFLOP/s").withNote(how),
                BenchRow.of(BenchSection.GEMM, item, LIMIT, rates.limit(), "GFLOP/s")
                        .withNote("the faster of the two paths; kernel " + BlasCheck.report().core())));
        if (!ctx.plan().child() && !ctx.plan().gemmKernels().isEmpty()) {
            rows.addAll(kernelRows(ctx));
        }
        return rows;
    }

    /** The same limit in child JVMs: the project's kernel choice against each forced kernel. */
    private static List<BenchRow> kernelRows(BenchContext ctx) throws Exception {
        int rounds = ctx.plan().quick() ? 1 : KERNEL_ROUNDS;
        KernelChoiceRuns.Result runs = KernelChoiceRuns.measure(ctx, ctx.plan().gemmKernels(), rounds);
        String how = "child JVM, best of " + rounds + " round" + (rounds == 1 ? "" : "s") + " in turns with the other"
                + " kernels; log in " + ctx.plan().out().resolve("logs");
        List<BenchRow> rows = new ArrayList<>();
        KernelChoiceRuns.Run chosen = runs.chosen();
        rows.add(BenchRow.of(BenchSection.GEMM, "kernel chosen for this CPU (" + chosen.core() + ")", LIMIT,
                chosen.limit(), "GFLOP/s").withNote(how + "; no " + BlasKernel.VARIABLE + " set"));
        KernelChoiceRuns.Run best = null;
        for (Map.Entry<String, KernelChoiceRuns.Run> e : runs.forced().entrySet()) {
            KernelChoiceRuns.Run r = e.getValue();
            rows.add(BenchRow.of(BenchSection.GEMM, BlasKernel.VARIABLE + "=" + e.getKey() + " (" + r.core() + ")",
                    LIMIT, r.limit(), "GFLOP/s").withNote(how));
            best = best == null || r.limit() > best.limit() ? r : best;
        }
        if (best != null) {
            rows.add(BenchRow.of(BenchSection.GEMM, "chosen kernel (" + chosen.core() + ") vs the best forced ("
                    + best.core() + ")", LIMIT, chosen.limit(), "GFLOP/s")
                    .withBaseline(best.limit(), chosen.limit() / best.limit()).withTarget(CHOSEN_VS_BEST)
                    .withNote("ratio = chosen / best forced kernel's, both from child JVMs of this run"));
        }
        return rows;
    }
}
