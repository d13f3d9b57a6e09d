package org.paramprediction.distributed;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.paramprediction.SharedSpark;
import org.paramprediction.covariance.SparkCovarianceSource;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.data.SplitSpec;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.Network;
import org.paramprediction.stats.Covariance;
import org.paramprediction.sweep.config.Method;
import org.paramprediction.train.CovarianceSource;
import org.paramprediction.train.DictionarySpec;
import org.paramprediction.train.LayerSpec;
import org.paramprediction.train.ModelSpec;
import org.paramprediction.train.TrainingConfig;

/** Shared test data and settings: a small real Fashion-MNIST split, held once per test JVM. */
final class ColumnFixtures {

    static final int TRAIN = 2000;
    static final int VALID = 500;
    static final int TEST = 2000;
    /** The sweep's defaults: relative ridge and SE length scale in pixels. */
    static final double RIDGE = 0.001;
    static final double LENGTH_SCALE = 2.0;

    private static DataSplits splits;

    private ColumnFixtures() {}

    /** The per-JVM cache that tasks read, as a real {@link ColumnSplits} would. */
    static synchronized DataSplits splits() {
        if (splits == null) {
            DataSplits s = FashionMnist.load(FashionMnist.DEFAULT_ROOT, new SplitSpec(TRAIN, VALID), null);
            splits = new DataSplits(s.train(), s.valid(), s.test().slice(0, TEST));
        }
        return splits;
    }

    static Dataset train() {
        return splits().train();
    }

    static ColumnSplits taskSplits() {
        return ColumnFixtures::splits;
    }

    static JavaSparkContext sc() {
        return JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
    }

    /** 784 -> hidden (ReLU) -> 10 with {@code method}'s dictionaries at {@code fraction} and {@code columns}. */
    static ModelSpec model(Method method, double fraction, int columns, int... hidden) {
        List<DictionarySpec> dictionaries = method.layers(hidden.length, fraction, columns, RIDGE, LENGTH_SCALE, 0,
                false);
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 0; l < hidden.length; l++) {
            layers.add(new LayerSpec(hidden[l], Activation.RELU, dictionaries.get(l)));
        }
        return new ModelSpec(784, 28, 28, layers, 10);
    }

    static TrainingConfig training(int epochs) {
        return TrainingConfig.defaults().withMaxEpochs(epochs);
    }

    /** A Spark covariance source over the training rows that remembers what it returned. */
    static Recording recordingCovariances() {
        return new Recording(new SparkCovarianceSource(sc(), ColumnFixtures::train, 2));
    }

    /** Keeps every covariance a run was given, so a test can rebuild its dictionaries. */
    static final class Recording implements CovarianceSource {
        final List<Covariance> seen = new ArrayList<>();
        private final CovarianceSource inner;

        Recording(CovarianceSource inner) {
            this.inner = inner;
        }

        @Override
        public Covariance covariance(Network lower, int layer, boolean squaredInputs) {
            Covariance c = inner.covariance(lower, layer, squaredInputs);
            seen.add(c);
            return c;
        }

        @Override
        public Covariance patchCovariance(Network lower, int layer, org.paramprediction.train.ConvSpec conv,
                org.paramprediction.data.Shape input, boolean squaredInputs) {
            Covariance c = inner.patchCovariance(lower, layer, conv, input, squaredInputs);
            seen.add(c);
            return c;
        }

        Covariance byId(String id) {
            return id == null ? null : seen.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        }
    }
}
