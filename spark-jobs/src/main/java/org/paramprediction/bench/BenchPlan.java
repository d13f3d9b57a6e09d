package org.paramprediction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.platform.CpuInfo;
import org.paramprediction.platform.OpenBlasCore;

/**
 * Everything a {@code bench} run does, resolved from the command line: which sections, the budgets
 * (full or {@code --quick}), where the data and configs are and where the table goes. {@link
 * #problems()} checks it all before any work starts, so bad input fails in a second, not after ten
 * minutes of measuring.
 *
 * @param covarianceRows first training images whose covariance is timed (60,000: the whole file)
 * @param speedupConfig sweep config run on {@code local[1]} and {@code local[2]}
 * @param memoryConfig sweep config whose peak memory is measured (the quickstart's)
 * @param gemmKernels OpenBLAS kernels the gemm section also times, each in a child JVM with {@code
 *     OPENBLAS_CORETYPE} forced (empty: none)
 * @param child this JVM is a child of another bench run: its sections start no children of their own
 */
public record BenchPlan(Set<BenchSection> sections, boolean quick, Path out, Path dataRoot, String master,
        int epochs, int trainSize, int validSize, List<Double> fractions, List<Integer> columns, double gemmSeconds,
        int covarianceRows, int covariancePartitions, int covarianceRepeats, int mllibIterations, Path speedupConfig,
        Path memoryConfig, long seed, List<String> gemmKernels, boolean child) {

    /** Rows in Fashion-MNIST's training file: the split must fit into it. */
    public static final int TRAIN_FILE_ROWS = 60_000;

    /**
     * The settings {@code --quick} changes, with their full-run and quick values. Quick is a smoke
     * run: every section runs its real code path, on budgets small enough for a test or a check
     * after a change.
     */
    public record Budget(int epochs, int trainSize, List<Double> fractions, List<Integer> columns, double gemmSeconds,
            int covarianceRows, int covarianceRepeats, int mllibIterations, Path speedupConfig, Path memoryConfig) {

        public static final Budget FULL = new Budget(4, 50_000, List.of(0.05, 0.1, 0.5), List.of(1, 5), 3.0,
                TRAIN_FILE_ROWS, 3, 20, Path.of("conf/bench/speedup.yaml"), Path.of("conf/sweeps/quickstart.yaml"));

        public static final Budget QUICK = new Budget(1, 10_000, List.of(0.1), List.of(1, 5), 0.3, 10_000, 1, 2,
                Path.of("conf/bench/speedup-quick.yaml"), Path.of("conf/bench/speedup-quick.yaml"));

        public static Budget of(boolean quick) {
            return quick ? QUICK : FULL;
        }
    }

    public BenchPlan {
        sections = Set.copyOf(sections);
        fractions = List.copyOf(fractions);
        columns = List.copyOf(columns);
        gemmKernels = List.copyOf(gemmKernels);
    }

    /** The selected sections in run order, always after the {@code blas} row of this JVM. */
    public List<BenchSection> orderedSections() {
        return List.of(BenchSection.values()).stream()
                .filter(s -> s == BenchSection.BLAS || sections.contains(s)).toList();
    }

    public boolean runs(BenchSection s) {
        return sections.contains(s);
    }

    /**
     * Everything wrong with this plan, one message per problem naming the option and the bad value;
     * empty when the run can start. Checks the output directory last, by creating it and a probe
     * file, and only when nothing else is wrong (bad input writes nothing).
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (sections.isEmpty()) {
            p.add("--sections: no section selected; choose from " + BenchSection.ids());
        }
        atLeast(p, "--epochs", epochs, 1);
        atLeast(p, "--train-size", trainSize, 1);
        atLeast(p, "--valid-size", validSize, 1);
        if ((long) trainSize + validSize > TRAIN_FILE_ROWS) {
            p.add(String.format(Locale.ROOT, "--train-size + --valid-size must be <= %d (the training file) but were"
                    + " %d + %d", TRAIN_FILE_ROWS, trainSize, validSize));
        }
        for (double f : fractions) {
            if (!(f > 0 && f <= 1)) {
                p.add("--fractions: each must be in (0, 1] but got " + f);
            }
        }
        for (int c : columns) {
            if (c < 1 || c > 500) {
                p.add("--columns: each must be in [1, 500] (the hidden layer width) but got " + c);
            }
        }
        if (!(gemmSeconds > 0 && Double.isFinite(gemmSeconds))) {
            p.add("--gemm-seconds must be > 0 but was " + gemmSeconds);
        }
        CpuInfo cpu = CpuInfo.current();
        List<String> runnable = OpenBlasCore.comparable(cpu);
        for (String k : gemmKernels) {
            if (OpenBlasCore.level(k) < 0) {
                p.add("--gemm-kernels: unknown OpenBLAS kernel '" + k + "'; choose from " + runnable + " or none");
            } else if (!runnable.contains(OpenBlasCore.canonical(k))) {
                p.add("--gemm-kernels: this CPU (" + cpu.modelName() + ", " + cpu.vectorLevel() + ") cannot run '" + k
                        + "' (it would die with SIGILL); choose from " + runnable);
            }
        }
        atLeast(p, "--covariance-rows", covarianceRows, 2);
        if (covarianceRows > TRAIN_FILE_ROWS) {
            p.add("--covariance-rows must be <= " + TRAIN_FILE_ROWS + " but was " + covarianceRows);
        }
        atLeast(p, "--covariance-partitions", covariancePartitions, 1);
        atLeast(p, "--covariance-repeats", covarianceRepeats, 1);
        atLeast(p, "--mllib-iterations", mllibIterations, 1);
        if (runs(BenchSection.TRAINING) || runs(BenchSection.COVARIANCE) || runs(BenchSection.MLLIB)) {
            Path images = dataRoot.resolve(FashionMnist.TRAIN_IMAGES);
            if (!Files.isRegularFile(images)) {
                p.add("--data-root: no Fashion-MNIST in '" + dataRoot + "' (missing " + FashionMnist.TRAIN_IMAGES
                        + "; install the Debian package " + FashionMnist.DEBIAN_PACKAGE + ")");
            }
        }
        if (runs(BenchSection.SPEEDUP)) {
            readable(p, "--speedup-config", speedupConfig);
        }
        if (runs(BenchSection.MEMORY)) {
            readable(p, "--memory-config", memoryConfig);
        }
        if (p.isEmpty()) {
            writable(p, out);
        }
        return p;
    }

    private static void atLeast(List<String> p, String option, long value, long min) {
        if (value < min) {
            p.add(option + " must be >= " + min + " but was " + value);
        }
    }

    private static void readable(List<String> p, String option, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            p.add(option + ": no readable file '" + file + "' (relative to " + Path.of("").toAbsolutePath() + ")");
        }
    }

    private static void writable(List<String> p, Path out) {
        try {
            Files.createDirectories(out);
            Files.delete(Files.createTempFile(out, ".bench-probe-", ".tmp"));
        } catch (IOException | SecurityException e) {
            p.add("--out: cannot write to '" + out + "' (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ")");
        }
    }
}
