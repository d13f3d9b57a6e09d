package org.paramprediction.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Dataset;
import org.paramprediction.layer.Gemm;
import org.paramprediction.layer.GemmShape;
import org.paramprediction.layer.Network;
import org.paramprediction.train.EpochMetrics;
import org.paramprediction.train.LocalCovarianceSource;
import org.paramprediction.train.StagedTraining;
import org.paramprediction.train.TrainingConfig;
import org.paramprediction.train.TrainingResult;

/**
 * Trains 784-500-500-10 ReLU on Fashion-MNIST for each configuration and measures test accuracy at
 * the best validation epoch, seconds per epoch, and the achieved GFLOP/s of training next to the
 * gemm rate ({@link GemmRate}) on exactly the products of one training step, measured in the same
 * run.
 *
 * <p>The figures come back as values ({@link Measured}); progress goes to a {@link Listener}. The
 * command line that prints them ({@code submit-scripts/bench-training.sh}) and the Spark {@code
 * bench} command's training section live in spark-jobs.
 */
public final class TrainingBenchmark {

    /** Dictionary settings of the benchmark's factored networks (the sweeps' defaults). */
    public static final double DEFAULT_RIDGE = 1e-3;
    public static final double DEFAULT_LENGTH_SCALE = 2.0;

    private TrainingBenchmark() {}

    /** What a run reports while it trains, on the calling thread. */
    public interface Listener {

        /** An epoch of {@code config}'s training finished. */
        default void onEpoch(BenchConfig config, EpochMetrics metrics) {}

        /** A configuration of {@link #run} is trained and measured. */
        default void onMeasured(Measured measured) {}

        Listener NONE = new Listener() {};
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

        /** The command line's defaults, with the given configurations, grid, epochs and seed. */
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
     * calling thread, telling {@code listener} of each epoch and each finished configuration.
     */
    public static List<Measured> run(Settings settings, DataSplits data, Listener listener) {
        List<Measured> rows = new ArrayList<>();
        for (BenchConfig config : settings.configs()) {
            for (double fraction : config.isFull() ? List.of(1.0) : settings.fractions()) {
                for (int columns : config.isFull() ? List.of(1) : settings.columns()) {
                    rows.add(train(settings, config, fraction, columns, data, listener));
                    listener.onMeasured(rows.get(rows.size() - 1));
                }
            }
        }
        return rows;
    }

    /** Trains one configuration and measures it, including its own gemm baseline; epochs go to {@code listener}. */
    public static Measured train(Settings settings, BenchConfig config, double fraction, int columns, DataSplits data,
            Listener listener) {
        TrainingConfig cfg = settings.trainingConfig();
        TrainingResult r = StagedTraining.run(
                config.model(fraction, columns, settings.ridge(), settings.lengthScale(), settings.orthonormal()), cfg,
                data, new LocalCovarianceSource(data.train()), settings.seed(), DataType.FLOAT,
                m -> listener.onEpoch(config, m));
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
        String name = config.label(fraction, columns, settings.orthonormal());
        return new Measured(name, config, fraction, columns, 1 - r.testError(), r.bestEpoch(), secondsPerEpoch,
                n / secondsPerEpoch, achieved, gemm.nd4j(), gemm.cblas(), r.counts().dynamic(), r.finalEpochs());
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
