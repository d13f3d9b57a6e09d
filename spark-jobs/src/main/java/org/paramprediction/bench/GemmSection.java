package org.paramprediction.bench;

import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.layer.GemmShape;
import org.paramprediction.train.TrainingConfig;

/**
 * The machine's limit for training: {@link GemmRate} on the products of one Full 784-500-500-10
 * training step (recorded from the network itself), through {@code Nd4j.gemm} and through {@code
 * cblas_sgemm}, on one BLAS thread. Every "ratio to the gemm limit" of the training section is
 * measured against this kind of figure, for its own shapes.
 */
final class GemmSection implements SectionRunner {

    @Override
    public List<BenchRow> run(BenchContext ctx) {
        Nd4j.factory().blas().setMaxThreads(1);
        int batch = TrainingConfig.defaults().batchSize();
        List<GemmShape> shapes = TrainingBenchmark.fullStepShapes(batch);
        double seconds = ctx.plan().gemmSeconds();
        GemmRate.Rates rates = GemmRate.measure(shapes, seconds);
        String item = String.format(Locale.ROOT, "Full 784-500-500-10 step, batch %d (%d products, %.1f MFLOP)", batch,
                shapes.size(), TrainingBenchmark.flops(shapes) / 1e6);
        String how = String.format(Locale.ROOT, "1 BLAS thread, the step's products back to back for %s s", seconds);
        ctx.log().printf(Locale.ROOT, "gemm: Nd4j.gemm %.1f, cblas %.1f GFLOP/s%n", rates.nd4j(), rates.cblas());
        return List.of(
                BenchRow.of(BenchSection.GEMM, item, "Nd4j.gemm rate", rates.nd4j(), "GFLOP/s").withNote(how),
                BenchRow.of(BenchSection.GEMM, item, "cblas_sgemm rate", rates.cblas(), "GFLOP/s").withNote(how),
                BenchRow.of(BenchSection.GEMM, item, "gemm limit", rates.limit(), "GFLOP/s")
                        .withNote("the faster of the two paths"));
    }
}
