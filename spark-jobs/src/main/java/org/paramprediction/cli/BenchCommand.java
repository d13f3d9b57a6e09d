package org.paramprediction.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.bench.BenchPlan;
import org.paramprediction.bench.BenchRun;
import org.paramprediction.bench.BenchSection;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.platform.CpuInfo;
import org.paramprediction.platform.OpenBlasCore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench [--sections ...] [--quick] --out DIR}: every performance figure of issue 6 measured in
 * one run and written as one table ({@code DIR/bench.csv}, {@code DIR/bench.parquet}); see
 * docs/PERFORMANCE.md. The options left out take the full run's budget, or the smoke-run budget with
 * {@code --quick}. Exit 0 when every section ran (whether or not its targets were met), 1 when a
 * section failed (its error is a row of the table), 2 for bad input.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed vs the gemm limit, the covariance job vs MLlib, our MLP vs MLlib's, "
                + "the local[1] -> local[2] sweep speedup and the quickstart's peak memory; print one table and write it "
                + "to OUT/bench.csv and OUT/bench.parquet.")
final class BenchCommand implements Callable<Integer>, WritesOutput {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--out", description = "Directory of bench.csv, bench.parquet and the child JVMs' logs "
            + "(default: ${DEFAULT-VALUE}; the last --out given wins).")
    Path out = Path.of("out/bench");

    @Option(names = "--sections", split = ",", paramLabel = "SECTION", converter = SectionConverter.class,
            description = "Sections to run, comma-separated: gemm, kernels, training, covariance, mllib, speedup, "
                    + "memory (default: all; the blas row of this JVM is always first).")
    List<BenchSection> sections = List.of(BenchSection.values());

    @Option(names = "--quick", description = "Smoke-run budgets: 1 epoch on 10,000 rows, fraction 0.1 only, "
            + "covariance of 10,000 rows once, 2 MLlib iterations, conf/bench/speedup-quick.yaml for the speedup and "
            + "memory sections. Options given explicitly still win.")
    boolean quick;

    @Option(names = "--epochs", description = "Training epochs per configuration; s/epoch is the median of epochs 2..N (default: 4; --quick: 1).")
    Integer epochs;

    @Option(names = "--train-size", description = "Training rows (default: 50000; --quick: 10000).")
    Integer trainSize;

    @Option(names = "--valid-size", description = "Validation rows (default: ${DEFAULT-VALUE}).")
    int validSize = 10_000;

    @Option(names = "--fractions", split = ",", description = "Fractions of the SE+Emp configurations "
            + "(default: 0.05,0.1,0.5; --quick: 0.1).")
    List<Double> fractions;

    @Option(names = "--columns", split = ",", description = "Column counts of the SE+Emp configurations "
            + "(default: 1,5).")
    List<Integer> columns;

    @Option(names = "--gemm-seconds", description = "Seconds each gemm path is timed, per shape list "
            + "(default: 3; --quick: 0.3).")
    Double gemmSeconds;

    @Option(names = "--gemm-kernels", split = ",", paramLabel = "KERNEL",
            description = "OpenBLAS kernels the gemm section also times, each in a child JVM with OPENBLAS_CORETYPE "
                    + "forced, or 'none' (default: every one of Prescott, Sandybridge, Haswell, Zen, SkylakeX this CPU "
                    + "can run; --quick: Prescott).")
    List<String> gemmKernels;

    @Option(names = "--child", hidden = true, description = "Run as a child JVM of another bench: start no children.")
    boolean child;

    @Option(names = "--covariance-rows", description = "Training rows whose covariance is timed "
            + "(default: 60000, the whole file; --quick: 10000).")
    Integer covarianceRows;

    @Option(names = "--covariance-partitions", description = "Partitions of the covariance RDDs (default: ${DEFAULT-VALUE}).")
    int covariancePartitions = 4;

    @Option(names = "--covariance-repeats", description = "Timed repeats per covariance method after a warm-up; the "
            + "median is reported (default: 3; --quick: 1).")
    Integer covarianceRepeats;

    @Option(names = "--mllib-iterations", description = "L-BFGS iteration budget of MLlib's MLP (default: 20; --quick: 2).")
    Integer mllibIterations;

    @Option(names = "--speedup-config", description = "Sweep run on local[1] and local[2] "
            + "(default: conf/bench/speedup.yaml; --quick: conf/bench/speedup-quick.yaml).")
    Path speedupConfig;

    @Option(names = "--memory-config", description = "Sweep whose peak memory is measured "
            + "(default: conf/sweeps/quickstart.yaml; --quick: conf/bench/speedup-quick.yaml).")
    Path memoryConfig;

    @Option(names = "--data-root", description = "Fashion-MNIST directory (default: ${DEFAULT-VALUE}).")
    Path dataRoot = FashionMnist.DEFAULT_ROOT;

    @Option(names = "--master", description = "Spark master of this JVM's session: the covariance and MLlib "
            + "sections (default: ${DEFAULT-VALUE}).")
    String master = "local[2]";

    @Option(names = "--seed", description = "Seed of our networks and MLlib's (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public String outputRoot() {
        return out == null ? null : out.toString();
    }

    @Override
    public Integer call() throws Exception {
        BenchPlan plan = plan();
        List<String> problems = plan.problems();
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join("\n", problems));
        }
        // Reuse a session that is already running (a test's shared one) and leave it running.
        SparkSession existing = Sessions.running();
        SparkSession spark = existing != null ? existing : Sessions.create("bench", master);
        try {
            BenchRun.Outcome outcome = BenchRun.run(spark, plan, Main.class.getName(), main.console());
            return outcome.failed().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_SECTIONS_FAILED;
        } finally {
            if (existing == null) {
                spark.stop();
            }
        }
    }

    private BenchPlan plan() {
        BenchPlan.Budget b = BenchPlan.Budget.of(quick);
        return new BenchPlan(EnumSet.copyOf(sections.isEmpty() ? EnumSet.noneOf(BenchSection.class) : sections),
                quick, out, dataRoot, master,
                epochs != null ? epochs : b.epochs(),
                trainSize != null ? trainSize : b.trainSize(),
                validSize,
                fractions != null ? fractions : b.fractions(),
                columns != null ? columns : b.columns(),
                gemmSeconds != null ? gemmSeconds : b.gemmSeconds(),
                covarianceRows != null ? covarianceRows : b.covarianceRows(),
                covariancePartitions,
                covarianceRepeats != null ? covarianceRepeats : b.covarianceRepeats(),
                mllibIterations != null ? mllibIterations : b.mllibIterations(),
                speedupConfig != null ? speedupConfig : b.speedupConfig(),
                memoryConfig != null ? memoryConfig : b.memoryConfig(),
                seed, kernels(), child);
    }

    private List<String> kernels() {
        if (gemmKernels == null) {
            return quick ? List.of(OpenBlasCore.GENERIC) : OpenBlasCore.comparable(CpuInfo.current());
        }
        return gemmKernels.equals(List.of("none")) ? List.of() : gemmKernels;
    }

    /** {@code --sections} values by their lower-case names; the message names the bad value and the choices. */
    static final class SectionConverter implements CommandLine.ITypeConverter<BenchSection> {
        @Override
        public BenchSection convert(String value) {
            try {
                return BenchSection.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
