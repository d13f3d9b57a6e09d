package org.paramprediction.bench;

import java.io.PrintStream;
import java.util.Locale;
import org.paramprediction.benchmark.BenchConfig;
import org.paramprediction.benchmark.TrainingBenchmark;
import org.paramprediction.train.EpochMetrics;

/**
 * The console of a {@link TrainingBenchmark} run: a line per epoch, a Markdown table row per
 * measured configuration (the table's {@link #HEADER} is printed by the caller), and the CSV form
 * of the same rows.
 */
final class TrainingBenchmarkConsole implements TrainingBenchmark.Listener {

    static final String HEADER = "| configuration          | test acc | best | s/epoch | examples/s | GFLOP/s  "
            + "| Nd4j.gemm| cblas    | ratio | dynamic   |\n"
            + "|------------------------|----------|------|---------|------------|----------|----------|----------|"
            + "-------|-----------|";

    static final String CSV_HEADER = "configuration,fraction,columns,test_accuracy,best_epoch,seconds_per_epoch,"
            + "examples_per_second,train_gflops,nd4j_gemm_gflops,cblas_gemm_gflops,ratio_to_gemm,dynamic_params";

    private final PrintStream out;

    TrainingBenchmarkConsole(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onEpoch(BenchConfig config, EpochMetrics m) {
        out.printf("  %-7s stage %d epoch %2d  loss %.4f  train %.4f  valid %.4f  test %.4f  %.2f s%n", config,
                m.stage(), m.epoch(), m.trainLoss(), m.trainError(), m.validError(), m.testError(), m.trainSeconds());
    }

    @Override
    public void onMeasured(TrainingBenchmark.Measured m) {
        out.println(markdown(m));
    }

    /** {@code m} as a row of the {@link #HEADER} table. */
    static String markdown(TrainingBenchmark.Measured m) {
        return String.format(Locale.ROOT,
                "| %-22s | %6.2f%% | %4d | %7.2f | %,8.0f | %8.1f | %8.1f | %8.1f | %5.0f%% | %,9d |",
                m.name(), 100 * m.testAccuracy(), m.bestEpoch(), m.secondsPerEpoch(), m.examplesPerSecond(),
                m.trainGflops(), m.nd4jGemmGflops(), m.cblasGemmGflops(), 100 * m.ratioToGemm(), m.dynamicParams());
    }

    /** {@code m} as a line under {@link #CSV_HEADER}. */
    static String csv(TrainingBenchmark.Measured m) {
        return String.format(Locale.ROOT, "%s,%s,%d,%.4f,%d,%.4f,%.1f,%.2f,%.2f,%.2f,%.4f,%d", m.name(), m.fraction(),
                m.columns(), m.testAccuracy(), m.bestEpoch(), m.secondsPerEpoch(), m.examplesPerSecond(),
                m.trainGflops(), m.nd4jGemmGflops(), m.cblasGemmGflops(), m.ratioToGemm(), m.dynamicParams());
    }
}
