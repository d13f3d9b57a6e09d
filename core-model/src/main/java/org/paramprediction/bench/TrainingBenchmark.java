package org.paramprediction.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.data.SplitSpec;
import org.paramprediction.layer.Gemm;
import org.paramprediction.layer.GemmShape;
import org.paramprediction.layer.Network;
import org.paramprediction.platform.BlasKernel;
import org.paramprediction.train.EpochMetrics;
import org.paramprediction.train.LocalCovarianceSource;
import org.paramprediction.train.StagedTraining;
import org.paramprediction.train.TrainingConfig;
import org.paramprediction.train.TrainingResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains 784-500-500-10 ReLU on Fashion-MNIST for each configuration and prints test accuracy at the
 * best validation epoch, seconds per epoch, and the achieved GFLOP/s of training next to {@code
 * Nd4j.gemm}'s GFLOP/s on exactly the products of one training step, measured in the same run.
 *
 * <p>Two ways in: this class's own command line ({@code submit-scripts/bench-training.sh}), and
 * {@link #run(Settings, DataSplits, PrintStream)} for callers that want the figures as values (the
 * Spark {@code bench} command puts them into its table).
 */
@Command(name = "training-benchmark", mixinStandardHelpOptions = true,
        description = "Train 784-500-500-10 ReLU networks on Fashion-MNIST and compare their speed with the gemm rate.")
public final class TrainingBenchmark implements Callable<Integer> {

    /** Dictionary settings of the benchmark's factored networks (the sweeps' defaults). */
    static final double DEFAULT_RIDGE = 1e-3;
    static final double DEFAULT_LENGTH_SCALE = 2.0;

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
    double ridge = DEFAULT_RIDGE;

    @Option(names = "--length-scale", description = "SE length scale in pixels (default: ${DEFAULT-VALUE}).")
    double lengthScale = DEFAULT_LENGTH_SCALE;

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
        System.exit(new CommandLine(new TrainingBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        Nd4j.factory().blas().setMaxThreads(threads);
        DataSplits data = FashionMnist.load(dataRoot, new SplitSpec(trainSize, validSize), null);
        Settings settings = new Settings(configs, fractions, columnCounts, epochs, learningRate, ridge, lengthScale,
                orthonormal, seed, gemmSeconds);
        System.out.printf("training %s, %d train / %d valid / %d test rows, %d BLAS thread(s), seed %d%n",
                settings.trainingConfig(), data.train().size(), data.valid().size(), data.test().size(), threads, seed);
        List<Measured> rows = run(settings, data, System.out);
        System.out.println();
        System.out.println(header());
        rows.forEach(m -> System.out.println(m.markdown()));
        if (csv != null) {
            List<String> lines = new ArrayList<>();
            lines.add(Measured.CSV_HEADER);
            rows.forEach(m -> lines.add(m.csv()));
            try {
                Files.write(csv, lines);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
            }
            System.out.println("table written to " + csv);
        }
        return 0;
    }

    /**
     * What to train and how: the configurations (Full is trained once, at fraction 1 with 1 column;
     * each factored configuration at every fraction x column count), the epoch budget and the
     * dictionary settings, and how long to time the gemm baseline of each configuration.
     */
    public record Settings(List<BenchConfig> configs, List<Double> fractions, List<Integer> columns, int epochs,
            Double learningRate, double ridge, double lengthScale, boolean orthonormal, long seed,
            double gemmSeconds) {

        public Settings {
            configs = List.copyOf(configs);
            fractions = List.copyOf(fractions);
            columns = List.copyOf(columns);
        }

        /** The defaults of this class's command line, with the given configurations, grid, epochs and seed. */
        public static Settings of(List<BenchConfig> configs, List<Double> fractions, List<Integer> columns, int epochs,
                long seed, double gemmSeconds) {
            return new Settings(configs, fractions, columns, epochs, null, DEFAULT_RIDGE, DEFAULT_LENGTH_SCALE, true, seed,
                    gemmSeconds);
        }

        public TrainingConfig trainingConfig() {
            TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(epochs);
            return learningRate == null ? cfg : cfg.withLearningRate(learningRate);
        }
    }

    /**
     * Trains every configuration of {@code settings} on {@code data}, one after the other on the
     * calling thread, printing each epoch and each finished configuration to {@code log}.
     */
    public static List<Measured> run(Settings settings, DataSplits data, PrintStream log) {
        List<Measured> rows = new ArrayList<>();
        for (BenchConfig config : settings.configs()) {
            for (double fraction : config == BenchConfig.FULL ? List.of(1.0) : settings.fractions()) {
                for (int columns : config == BenchConfig.FULL ? List.of(1) : settings.columns()) {
                    rows.add(train(settings, config, fraction, columns, data, log));
                    log.println(rows.get(rows.size() - 1).markdown());
                }
            }
        }
        return rows;
    }

    /** Trains one configuration and measures it, including its own gemm baseline. */
    public static Measured train(Settings settings, BenchConfig config, double fraction, int columns, DataSplits data,
            PrintStream log) {
        TrainingConfig cfg = settings.trainingConfig();
        TrainingResult r = StagedTraining.run(
                config.model(fraction, columns, settings.ridge(), settings.lengthScale(), settings.orthonormal()), cfg,
                data, new LocalCovarianceSource(data.train()), settings.seed(), DataType.FLOAT,
                m -> log.printf("  %-7s stage %d epoch %2d  loss %.4f  train %.4f  valid %.4f"
                                + "  test %.4f  %.2f s%n", config, m.stage(), m.epoch(), m.trainLoss(),
                        m.trainError(), m.validError(), m.testError(), m.trainSeconds()));
        return measure(settings, config, fraction, columns, r, data.train(), cfg.batchSize());
    }

    /**
     * One configuration's figures. {@code secondsPerEpoch} is the steady state (median of epochs 2..N,
     * {@link TrainingResult#steadySecondsPerEpoch}); {@code epochs} are the final (whole-network)
     * training's epochs, with each epoch's test error and SGD seconds (the first one included).
     */
    public record Measured(String name, BenchConfig config, double fraction, int columns, double testAccuracy,
            int bestEpoch, double secondsPerEpoch, double examplesPerSecond, double trainGflops, double nd4jGemmGflops,
            double cblasGemmGflops, long dynamicParams, List<EpochMetrics> epochs) {

        public Measured {
            epochs = List.copyOf(epochs);
        }

        /** The gemm limit: the faster of the two gemm paths. */
        public double gemmGflops() {
            return Math.max(nd4jGemmGflops, cblasGemmGflops);
        }

        /** Achieved training GFLOP/s over the gemm limit on the same shapes. */
        public double ratioToGemm() {
            return trainGflops / gemmGflops();
        }

        static final String CSV_HEADER = "configuration,fraction,columns,test_accuracy,best_epoch,seconds_per_epoch,"
                + "examples_per_second,train_gflops,nd4j_gemm_gflops,cblas_gemm_gflops,ratio_to_gemm,dynamic_params";

        String markdown() {
            return String.format(Locale.ROOT,
                    "| %-22s | %6.2f%% | %4d | %7.2f | %,8.0f | %8.1f | %8.1f | %8.1f | %5.0f%% | %,9d |",
                    name, 100 * testAccuracy, bestEpoch, secondsPerEpoch, examplesPerSecond, trainGflops,
                    nd4jGemmGflops, cblasGemmGflops, 100 * ratioToGemm(), dynamicParams);
        }

        String csv() {
            return String.format(Locale.ROOT, "%s,%s,%d,%.4f,%d,%.4f,%.1f,%.2f,%.2f,%.2f,%.4f,%d", name, fraction,
                    columns, testAccuracy, bestEpoch, secondsPerEpoch, examplesPerSecond, trainGflops, nd4jGemmGflops,
                    cblasGemmGflops, ratioToGemm(), dynamicParams);
        }
    }

    private static Measured measure(Settings settings, BenchConfig config, double fraction, int columns,
            TrainingResult r, Dataset train, int batch) {
        Network net = r.network();
        int n = train.size();
        double epochFlops = 0;
        List<GemmShape> fullStep = stepShapes(net, train, batch);
        epochFlops += (n / batch) * flops(fullStep);
        if (n % batch != 0) {
            epochFlops += flops(stepShapes(net, train, n % batch));
        }
        double secondsPerEpoch = r.steadySecondsPerEpoch();
        double achieved = epochFlops / secondsPerEpoch / 1e9;
        GemmRate.Rates gemm = GemmRate.measure(fullStep, settings.gemmSeconds());
        String name = config == BenchConfig.FULL ? "Full"
                : String.format(Locale.ROOT, "SE+Emp f=%.2f c=%d%s", fraction, columns,
                        settings.orthonormal() ? " orth" : "");
        return new Measured(name, config, fraction, columns, 1 - r.testError(), r.bestEpoch(), secondsPerEpoch,
                n / secondsPerEpoch, achieved, gemm.nd4j(), gemm.cblas(), r.counts().dynamic(), r.finalEpochs());
    }

    private static String header() {
        return "| configuration          | test acc | best | s/epoch | examples/s | GFLOP/s  | Nd4j.gemm| cblas    | ratio | dynamic   |\n"
                + "|------------------------|----------|------|---------|------------|----------|----------|----------|-------|-----------|";
    }

    /** The products of one training step of {@code net} on the first {@code batch} rows of {@code train}. */
    public static List<GemmShape> stepShapes(Network net, Dataset train, int batch) {
        int[] order = Dataset.identityOrder(batch);
        float[] rows = new float[batch * train.features()];
        int[] labels = new int[batch];
        train.copyRows(order, 0, batch, rows);
        for (int i = 0; i < batch; i++) {
            labels[i] = train.label(i);
        }
        return Gemm.record(() -> net.trainStep(rows, labels, batch));
    }

    /**
     * The products of one training step of the Full 784-500-500-10 network on a minibatch of {@code
     * batch} rows. The shapes depend only on the architecture and the batch, so an untrained network
     * on zero inputs gives them without loading data.
     */
    public static List<GemmShape> fullStepShapes(int batch) {
        Network net = BenchConfig.untrainedFullNetwork();
        float[] rows = new float[batch * net.inputs()];
        int[] labels = new int[batch];
        return Gemm.record(() -> net.trainStep(rows, labels, batch));
    }

    public static double flops(List<GemmShape> shapes) {
        return shapes.stream().mapToDouble(GemmShape::flops).sum();
    }
}
