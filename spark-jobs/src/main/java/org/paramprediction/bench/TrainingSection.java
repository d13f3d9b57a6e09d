package org.paramprediction.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.benchmark.BenchConfig;
import org.paramprediction.benchmark.TrainingBenchmark;

/**
 * Core-model training speed, in this JVM on one BLAS thread: Full and SE+Emp at every fraction x
 * column count of the plan, via {@link TrainingBenchmark} (so these are the same figures its command
 * line, {@link TrainingBenchmarkCommand}, prints). Each configuration is compared with the gemm limit on its own step's shapes and
 * with Full's time per epoch; the results stay in the context for the MLlib section.
 */
final class TrainingSection implements SectionRunner {

    /** Issue 6: training reaches 85% of the gemm limit (Full network). */
    static final Target FULL_RATIO_TO_GEMM = Target.atLeast(0.85);

    /** Issue 6: a factored network at fraction 0.1 takes at most half of Full's time per epoch. */
    static final Target FACTORED_SHARE_OF_FULL = Target.atMost(0.5);

    static final double TARGET_FRACTION = 0.1;

    @Override
    public List<BenchRow> run(BenchContext ctx) {
        Nd4j.factory().blas().setMaxThreads(1);
        List<TrainingBenchmark.Measured> measured = TrainingBenchmark.run(ctx.trainingSettings(), ctx.splits(),
                new TrainingBenchmarkConsole(ctx.log()));
        ctx.trained(measured);
        TrainingBenchmark.Measured full = measured.stream().filter(m -> m.config() == BenchConfig.FULL).findFirst()
                .orElseThrow(() -> new IllegalStateException("the training section always trains Full"));
        List<BenchRow> rows = new ArrayList<>();
        for (TrainingBenchmark.Measured m : measured) {
            rows.addAll(rows(m, full));
        }
        return rows;
    }

    private static List<BenchRow> rows(TrainingBenchmark.Measured m, TrainingBenchmark.Measured full) {
        boolean isFull = m.config() == BenchConfig.FULL;
        String item = m.name();
        BenchRow perEpoch = BenchRow.of(BenchSection.TRAINING, item, "s/epoch", m.secondsPerEpoch(), "s")
                .withBaseline(full.secondsPerEpoch(), m.secondsPerEpoch() / full.secondsPerEpoch())
                .withNote(String.format(Locale.ROOT, "SGD pass only, steady state: median of epochs 2..%d "
                        + "(epoch 1, with JIT warm-up: %.3f s); ratio = s/epoch / Full's", m.epochs().size(),
                        m.epochs().isEmpty() ? Double.NaN : m.epochs().get(0).trainSeconds()));
        if (!isFull && Math.abs(m.fraction() - TARGET_FRACTION) < 1e-9) {
            perEpoch = perEpoch.withTarget(FACTORED_SHARE_OF_FULL);
        }
        BenchRow gflops = BenchRow.of(BenchSection.TRAINING, item, "training GFLOP/s", m.trainGflops(), "GFLOP/s")
                .withBaseline(m.gemmGflops(), m.ratioToGemm())
                .withNote(String.format(Locale.ROOT, "baseline = gemm limit on this configuration's own step shapes "
                        + "(Nd4j.gemm %.1f, cblas %.1f); ratio = training / limit", m.nd4jGemmGflops(),
                        m.cblasGemmGflops()));
        if (isFull) {
            gflops = gflops.withTarget(FULL_RATIO_TO_GEMM);
        }
        return List.of(perEpoch,
                BenchRow.of(BenchSection.TRAINING, item, "examples/s", m.examplesPerSecond(), "1/s"),
                gflops,
                BenchRow.of(BenchSection.TRAINING, item, "test accuracy", m.testAccuracy(), "fraction")
                        .withNote(String.format(Locale.ROOT, "at the best validation epoch (%d of %d)", m.bestEpoch(),
                                m.epochs().size())),
                BenchRow.of(BenchSection.TRAINING, item, "dynamic parameters", m.dynamicParams(), "count"));
    }
}
