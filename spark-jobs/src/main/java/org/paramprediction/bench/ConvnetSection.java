package org.paramprediction.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.benchmark.BenchConfig;
import org.paramprediction.benchmark.TrainingBenchmark;
import org.paramprediction.data.DataSplits;

/**
 * Convnet training speed in this JVM on one BLAS thread: the Full convnet of {@code
 * conf/sweeps/convnet-full.yaml} and the same with tied SE filter banks at fraction 0.25, on the
 * first {@value #ROWS} training rows (s/epoch scales with the rows; the ratio does not). Each is
 * compared with the gemm limit on its own step's products (the im2col gemms included), measured in
 * the same run; what the ratio leaves is im2col, col2im, pooling, the activations and the update.
 */
final class ConvnetSection implements SectionRunner {

    /** Issue 13: the Full convnet step runs at 70% of the gemm limit on its own shapes. */
    static final Target FULL_RATIO_TO_GEMM = Target.atLeast(0.70);

    static final int ROWS = 10_000;
    static final double FRACTION = 0.25;

    @Override
    public List<BenchRow> run(BenchContext ctx) {
        Nd4j.factory().blas().setMaxThreads(1);
        DataSplits all = ctx.splits();
        int rows = Math.min(ROWS, all.train().size());
        DataSplits data = new DataSplits(all.train().slice(0, rows), all.valid(), all.test());
        TrainingBenchmark.Settings settings = TrainingBenchmark.Settings.of(
                List.of(BenchConfig.CONV_FULL, BenchConfig.CONV_SE), List.of(FRACTION), List.of(1),
                Math.min(ctx.plan().epochs(), 3), ctx.plan().seed(), ctx.plan().gemmSeconds());
        List<TrainingBenchmark.Measured> measured = TrainingBenchmark.run(settings, data,
                new TrainingBenchmarkConsole(ctx.log()));
        TrainingBenchmark.Measured full = measured.get(0);
        List<BenchRow> out = new ArrayList<>();
        for (TrainingBenchmark.Measured m : measured) {
            String note = String.format(Locale.ROOT, "%d training rows; SGD pass only, median of epochs 2..%d",
                    rows, m.epochs().size());
            out.add(BenchRow.of(BenchSection.CONVNET, m.name(), "s/epoch", m.secondsPerEpoch(), "s")
                    .withBaseline(full.secondsPerEpoch(), m.secondsPerEpoch() / full.secondsPerEpoch())
                    .withNote(note + "; ratio = s/epoch / Full's"));
            BenchRow gflops = BenchRow.of(BenchSection.CONVNET, m.name(), "training GFLOP/s", m.trainGflops(),
                    "GFLOP/s").withBaseline(m.gemmGflops(), m.ratioToGemm()).withNote(String.format(Locale.ROOT,
                            "baseline = gemm limit on this network's own step shapes (Nd4j.gemm %.1f, cblas %.1f);"
                                    + " ratio = training / limit", m.nd4jGemmGflops(), m.cblasGemmGflops()));
            out.add(m.config() == BenchConfig.CONV_FULL ? gflops.withTarget(FULL_RATIO_TO_GEMM) : gflops);
            out.add(BenchRow.of(BenchSection.CONVNET, m.name(), "dynamic parameters", m.dynamicParams(), "count"));
        }
        return out;
    }
}
