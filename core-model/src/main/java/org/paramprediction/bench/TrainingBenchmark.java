package org.paramprediction.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 */
@Command(name = "training-benchmark", mixinStandardHelpOptions = true,
        description = "Train 784-500-500-10 ReLU networks on Fashion-MNIST and compare their speed with the gemm rate.")
public final class TrainingBenchmark implements Callable<Integer> {

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

    @Option(names = "--fraction", description = "Fraction learned in factored layers (default: ${DEFAULT-VALUE}).")
    double fraction = 0.1;

    @Option(names = "--columns", description = "Columns in factored layers (default: ${DEFAULT-VALUE}).")
    int columns = 5;

    @Option(names = "--ridge", description = "Relative kernel ridge (default: ${DEFAULT-VALUE}).")
    double ridge = 1e-3;

    @Option(names = "--length-scale", description = "SE length scale in pixels (default: ${DEFAULT-VALUE}).")
    double lengthScale = 2.0;

    @Option(names = "--orthonormal", arity = "1", description = "Orthonormalise U: true or false (default: ${DEFAULT-VALUE}).")
    boolean orthonormal = true;

    @Option(names = "--seed", description = "Run seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--threads", description = "BLAS threads (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--gemm-seconds", description = "Seconds spent timing the gemm baseline per configuration (default: ${DEFAULT-VALUE}).")
    double gemmSeconds = 3;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainingBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        Nd4j.factory().blas().setMaxThreads(threads);
        DataSplits data = FashionMnist.load(dataRoot, new SplitSpec(trainSize, validSize), null);
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(epochs);
        if (learningRate != null) {
            cfg = cfg.withLearningRate(learningRate);
        }
        System.out.printf("training %s, %d train / %d valid / %d test rows, %d BLAS thread(s), seed %d%n",
                cfg, data.train().size(), data.valid().size(), data.test().size(), threads, seed);
        List<String> rows = new ArrayList<>();
        for (BenchConfig config : configs) {
            TrainingResult r = StagedTraining.run(config.model(fraction, columns, ridge, lengthScale, orthonormal),
                    cfg, data, new LocalCovarianceSource(data.train()), seed, DataType.FLOAT,
                    m -> System.out.printf("  %-7s stage %d epoch %2d  loss %.4f  train %.4f  valid %.4f  test %.4f  %.2f s%n",
                            config, m.stage(), m.epoch(), m.trainLoss(), m.trainError(), m.validError(),
                            m.testError(), m.trainSeconds()));
            rows.add(row(config, r, data.train(), cfg.batchSize()));
            System.out.println(rows.get(rows.size() - 1));
        }
        System.out.println();
        System.out.println(header());
        rows.forEach(System.out::println);
        return 0;
    }

    private String row(BenchConfig config, TrainingResult r, Dataset train, int batch) {
        Network net = r.network();
        int n = train.size();
        double epochFlops = 0;
        List<GemmShape> fullStep = stepShapes(net, train, batch);
        epochFlops += (n / batch) * flops(fullStep);
        if (n % batch != 0) {
            epochFlops += flops(stepShapes(net, train, n % batch));
        }
        double secondsPerEpoch = r.secondsPerEpoch();
        double achieved = epochFlops / secondsPerEpoch / 1e9;
        double gemm = GemmRate.measure(fullStep, gemmSeconds);
        String name = config == BenchConfig.FULL ? "Full" : String.format("SE+Emp f=%.2f c=%d%s", fraction, columns,
                orthonormal ? " orth" : "");
        return String.format("| %-22s | %6.2f%% | %4d | %7.2f | %8.1f | %8.1f | %5.0f%% | %,9d |", name,
                100 * (1 - r.testError()), r.bestEpoch(), secondsPerEpoch, achieved, gemm, 100 * achieved / gemm,
                r.counts().dynamic());
    }

    private static String header() {
        return "| configuration          | test acc | best | s/epoch | GFLOP/s  | gemm GF/s| ratio | dynamic   |\n"
                + "|------------------------|----------|------|---------|----------|----------|-------|-----------|";
    }

    private static List<GemmShape> stepShapes(Network net, Dataset train, int batch) {
        int[] order = Dataset.identityOrder(batch);
        float[] rows = new float[batch * train.features()];
        int[] labels = new int[batch];
        train.copyRows(order, 0, batch, rows);
        for (int i = 0; i < batch; i++) {
            labels[i] = train.label(i);
        }
        return Gemm.record(() -> net.trainStep(rows, labels, batch));
    }

    private static double flops(List<GemmShape> shapes) {
        return shapes.stream().mapToDouble(GemmShape::flops).sum();
    }
}
