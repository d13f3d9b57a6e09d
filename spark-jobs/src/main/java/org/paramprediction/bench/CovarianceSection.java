package org.paramprediction.bench;

import java.util.List;
import java.util.Locale;

/**
 * The input covariance three ways on the same rows and partitions ({@link CovarianceBenchmark}):
 * core-model's accumulator on one thread, our Spark job, MLlib's {@code RowMatrix}. Times are the
 * median of the repeats after a warm-up; each is compared with MLlib's, and the results with the
 * local one.
 */
final class CovarianceSection implements SectionRunner {

    /** Issue 6: our covariance job is at least 3x faster than MLlib's. */
    static final Target OURS_VS_MLLIB = Target.atLeast(3);

    @Override
    public List<BenchRow> run(BenchContext ctx) {
        BenchPlan plan = ctx.plan();
        CovarianceBenchmark.Result r = CovarianceBenchmark.measure(ctx.sc(), plan.dataRoot().toString(),
                plan.covarianceRows(), plan.covariancePartitions(), plan.covarianceRepeats());
        String metric = "seconds (median of " + r.repeats() + ")";
        String ratioNote = String.format(Locale.ROOT, "%d x %d training rows; ratio = MLlib seconds / seconds",
                r.rows(), r.features());
        String master = ctx.spark().sparkContext().master();
        String ours = "our Spark covariance job, " + master + ", " + r.partitions() + " partitions";
        String mllib = "MLlib RowMatrix.computeCovariance, same partitions";
        String local = "core-model accumulator, 1 thread";
        ctx.log().printf(Locale.ROOT, "covariance: local %.3f s, ours %.3f s, MLlib %.3f s%n", r.localSeconds(),
                r.oursSeconds(), r.mllibSeconds());
        return List.of(
                BenchRow.of(BenchSection.COVARIANCE, local, metric, r.localSeconds(), "s")
                        .withBaseline(r.mllibSeconds(), r.mllibSeconds() / r.localSeconds()).withNote(ratioNote),
                BenchRow.of(BenchSection.COVARIANCE, ours, metric, r.oursSeconds(), "s")
                        .withBaseline(r.mllibSeconds(), r.mllibSeconds() / r.oursSeconds()).withNote(ratioNote)
                        .withTarget(OURS_VS_MLLIB),
                BenchRow.of(BenchSection.COVARIANCE, mllib, metric, r.mllibSeconds(), "s")
                        .withBaseline(r.mllibSeconds(), 1.0)
                        .withNote(ratioNote + "; rows cached as vectors first (conversion not timed); "
                                + MllibBlas.describe()),
                BenchRow.of(BenchSection.COVARIANCE, ours, "max abs diff vs local", r.oursMaxAbsDiff(), "")
                        .withNote("largest entry-wise difference from the core-model accumulator's matrix"),
                BenchRow.of(BenchSection.COVARIANCE, mllib, "max abs diff vs local", r.mllibMaxAbsDiff(), "")
                        .withNote("largest entry-wise difference from the core-model accumulator's matrix"));
    }
}
