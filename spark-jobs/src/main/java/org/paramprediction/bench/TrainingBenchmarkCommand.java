package org.paramprediction.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.benchmark.BenchConfig;
import org.paramprediction.benchmark.TrainingBenchmark;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.data.SplitSpec;
import org.paramprediction.platform.BlasKernel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of core-model's {@link TrainingBenchmark} ({@code submit-scripts/bench-training.sh};
 * no Spark): trains the configurations on Fashion-MNIST in this JVM, prints each epoch and a table
 * of test accuracy at the best validation epoch, seconds per epoch, and the achieved GFLOP/s of
 * training next to the gemm rate on the same shapes, and optionally writes the table as CSV.
 */
@Command(name = "training-benchmark", mixinStandardHelpOptions = true,
        description = "Train 784-500-500-10 ReLU networks on Fashion-MNIST and compare their speed with the gemm rate.")
public final class TrainingBenchmarkCommand implements Callable<Integer> {

    @Option(names = "--data-root", description = "Directory with the Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path dataRoot = FashionMnist.DEFAULT_ROOT;

    @Option(names = "--configs", split = ",", description = "Configurations: ${COMPLETION-CANDIDATES} (default: all).")
    List<BenchConfig> configs = List.of(BenchConfig.values());

    @Option(names = "--train-size", description = "Training rows (default: ${DEFAULT-VALUE}).")
    int trainSize = 50_000;

    @Option(names = "--valid-size", description = "Validation rows (default: ${DEFAULT-VALUE}).")
    int validSize = 10_000;

    @Option(names = "--epochs", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs = 20;

    @Option(names = "--learning-rate", description = "Initial learning rate (default: from TrainingConfig.defaults()).")
    Double learningRate;

    @Option(names = "--fraction", split = ",",
            description = "Fractions learned in factored layers, comma-separated (default: 0.1).")
    List<Double> fractions = List.of(0.1);

    @Option(names = "--columns", split = ",",
            description = "Columns in factored layers, comma-separated (default: 5).")
    List<Integer> columnCounts = List.of(5);

    @Option(names = "--csv", description = "Also write the table to this CSV file.")
    Path csv;

    @Option(names = "--ridge", description = "Relative kernel ridge (default: ${DEFAULT-VALUE}).")
    double ridge = TrainingBenchmark.DEFAULT_RIDGE;

    @Option(names = "--length-scale", description = "SE length scale in pixels (default: ${DEFAULT-VALUE}).")
    double lengthScale = TrainingBenchmark.DEFAULT_LENGTH_SCALE;

    @Option(names = "--orthonormal", arity = "1", description = "Orthonormalise U: true or false (default: ${DEFAULT-VALUE}).")
    boolean orthonormal = true;

    @Option(names = "--seed", description = "Run seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--threads", description = "BLAS threads (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--gemm-seconds", description = "Seconds spent timing the gemm baseline per configuration (default: ${DEFAULT-VALUE}).")
    double gemmSeconds = 3;

    public static void main(String[] args) {
        BlasKernel.configure(); // before OpenBLAS loads: the kernel for this CPU
        System.exit(new CommandLine(new TrainingBenchmarkCommand()).execute(args));
    }

    @Override
    public Integer call() {
        Nd4j.factory().blas().setMaxThreads(threads);
        DataSplits data = FashionMnist.load(dataRoot, new SplitSpec(trainSize, validSize), null);
        TrainingBenchmark.Settings settings = new TrainingBenchmark.Settings(configs, fractions, columnCounts, epochs,
                learningRate, ridge, lengthScale, orthonormal, seed, gemmSeconds);
        System.out.printf("training %s, %d train / %d valid / %d test rows, %d BLAS thread(s), seed %d%n",
                settings.trainingConfig(), data.train().size(), data.valid().size(), data.test().size(), threads, seed);
        List<TrainingBenchmark.Measured> rows = TrainingBenchmark.run(settings, data,
                new TrainingBenchmarkConsole(System.out));
        System.out.println();
        System.out.println(TrainingBenchmarkConsole.HEADER);
        rows.forEach(m -> System.out.println(TrainingBenchmarkConsole.markdown(m)));
        if (csv != null) {
            List<String> lines = new ArrayList<>();
            lines.add(TrainingBenchmarkConsole.CSV_HEADER);
            rows.forEach(m -> lines.add(TrainingBenchmarkConsole.csv(m)));
            try {
                Files.write(csv, lines);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
            }
            System.out.println("table written to " + csv);
        }
        return 0;
    }
}
