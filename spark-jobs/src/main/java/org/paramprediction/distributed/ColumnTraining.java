package org.paramprediction.distributed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.paramprediction.columns.ColumnAssembler;
import org.paramprediction.columns.ColumnFineTune;
import org.paramprediction.columns.ColumnFineTuning;
import org.paramprediction.columns.ColumnHeadStart;
import org.paramprediction.columns.ColumnOutcome;
import org.paramprediction.columns.ColumnTrainer;
import org.paramprediction.covariance.LowerLayers;
import org.paramprediction.data.DataSplits;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.HiddenLayer;
import org.paramprediction.train.NetworkBuilder;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.SoftmaxOutputLayer;
import org.paramprediction.stats.Covariance;
import org.paramprediction.train.CovarianceSource;
import org.paramprediction.train.DictionarySpec;
import org.paramprediction.train.LayerSpec;
import org.paramprediction.train.ModelSpec;
import org.paramprediction.train.ParameterCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains each column of each hidden layer as an independent Spark task and assembles the network on
 * the driver (Denil et al. 2013, section 4: a layer's units split into {@code c} columns, each with
 * its own {@code alpha_j}, {@code U_j} and {@code V_j}; the layer's output is the concatenation of
 * its columns' outputs). Only {@code V_j}, the column's bias, its recipe, its {@code U_j} hash and
 * its best validation error come back (plus, for the last layer and {@link
 * ColumnHeadStart#COLUMN_AVERAGE}, the column's head); {@code U_j} is rebuilt from the recipe
 * wherever it is needed. Results travel with Spark's serializer as {@link ColumnOutcome}s.
 *
 * <p><b>Seeds.</b> From {@code new SplittableRandom(seed)} draw, in order: one dictionary seed per
 * (layer, column) by {@link NetworkBuilder#dictionarySeeds}, as every training path does (so all
 * build the same recipes), then an init stream, a shuffle stream and a task stream; from the task stream
 * one long per (layer, column), in order. Task {@code (l, j)} derives its own init and shuffle
 * streams from its long (see {@link ColumnTrainer}); the driver's init stream initialises the fresh
 * head and its shuffle stream orders the fine-tuning. Same inputs and seed, same result.
 *
 * <p><b>Per hidden layer {@code l}</b>, in order:
 * <ol>
 *   <li>if its dictionary needs a covariance: {@code covariances.covariance(lower, l, squared)},
 *       where {@code lower} is the already assembled layers {@code 1..l-1} (none for layer 1; with
 *       a {@code SparkCovarianceSource}: the distributed covariance of the inputs, resp. of the
 *       lower layers' activations);
 *   <li>recipes by {@link DictionarySpec#recipes} (with the covariance id), and the driver's own
 *       build of every {@code U_j};
 *   <li>one broadcast each of the covariance and of the frozen lower layers (as dense weights);
 *   <li>one Spark task per column (an RDD with {@code c} partitions): column {@code j} with
 *       {@code units / c} units (the first {@code units mod c} columns one more, as the factored map
 *       splits them) under its own softmax head, trained on the lower layers' activations of the
 *       train rows with early stopping on the valid rows;
 *   <li>the driver checks every returned {@code U_j} hash against its own build (fails otherwise),
 *       then assembles the layer: the weight map of all {@code c} dictionaries with each {@code
 *       V_j} and bias written into column {@code j}'s block.
 * </ol>
 * Then a softmax head ({@link ColumnHeadStart}) goes on top and the driver fine-tunes the output
 * layer only (on the frozen top features) or everything, per {@link ColumnFineTune}.
 */
public final class ColumnTraining {

    private static final Logger LOG = LoggerFactory.getLogger(ColumnTraining.class);

    private final JavaSparkContext sc;
    private final ColumnTrainingSpec spec;
    private final DataSplits data;
    private final ColumnSplits taskData;
    private final CovarianceSource covariances;
    private final ColumnListener listener;
    private final long[][] dictSeeds;
    private final long[][] taskSeeds;
    private final SplittableRandom init;
    private final SplittableRandom shuffle;
    private final List<HiddenLayer> built = new ArrayList<>();
    private final List<List<DictionaryRecipe>> recipes = new ArrayList<>();
    private final List<List<ColumnOutcome>> outcomes = new ArrayList<>();
    private final double[] layerSeconds;
    private double covarianceSeconds;
    private long bytesCollected;
    private long bytesBroadcast;

    private ColumnTraining(JavaSparkContext sc, ColumnTrainingSpec spec, DataSplits data, ColumnSplits taskData,
            CovarianceSource covariances, ColumnListener listener) {
        this.sc = sc;
        this.spec = spec;
        this.data = data;
        this.taskData = taskData;
        this.covariances = covariances;
        this.listener = listener;
        int layers = spec.model().hidden().size();
        SplittableRandom root = new SplittableRandom(spec.seed());
        this.dictSeeds = NetworkBuilder.dictionarySeeds(spec.model(), root);
        this.init = root.split();
        this.shuffle = root.split();
        this.taskSeeds = NetworkBuilder.dictionarySeeds(spec.model(), root.split());
        this.layerSeconds = new double[layers];
    }

    /**
     * Trains the network of {@code spec} column by column on Spark and fine-tunes it on the driver.
     *
     * @param data        the driver's splits (fine-tuning and evaluation; sizes checked by the tasks)
     * @param taskData    how tasks load the same splits
     * @param covariances covariances for empirical and PCA dictionaries, e.g. a
     *                    {@code SparkCovarianceSource} over the training rows
     * @throws IllegalStateException if a task rebuilt a different {@code U_j} than the driver
     */
    public static ColumnTrainingResult run(JavaSparkContext sc, ColumnTrainingSpec spec, DataSplits data,
            ColumnSplits taskData, CovarianceSource covariances, ColumnListener listener) {
        if (sc == null || spec == null || data == null || taskData == null || covariances == null || listener == null) {
            throw new IllegalArgumentException("sc, spec, data, taskData, covariances and listener must not be null");
        }
        if (data.train().features() != spec.model().inputs() || data.train().numClasses() != spec.model().classes()) {
            throw new IllegalArgumentException("the model takes " + spec.model().inputs() + " inputs and "
                    + spec.model().classes() + " classes but the data has " + data.train().features() + " and "
                    + data.train().numClasses());
        }
        return new ColumnTraining(sc, spec, data, taskData, covariances, listener).run();
    }

    private ColumnTrainingResult run() {
        long start = System.nanoTime();
        LOG.info("columns as tasks: {} hidden layers {}, seed {}, {} train / {} valid rows, fine-tune {}",
                spec.model().hidden().size(), describeLayers(), spec.seed(), data.train().size(),
                data.valid().size(), spec.fineTune());
        for (int l = 0; l < spec.model().hidden().size(); l++) {
            trainLayer(l);
        }
        ColumnFineTuning.Outcome tuned = ColumnFineTuning.run(built, head(), data, spec.training(), spec.fineTune(),
                shuffle, listener::onFineTuneEpoch);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("columns as tasks done in {} s: valid error {} -> {}, test error {} -> {}, {} bytes collected,"
                + " {} broadcast", String.format("%.1f", seconds), tuned.validBefore(), tuned.validAfter(),
                tuned.testBefore(), tuned.testAfter(), bytesCollected, bytesBroadcast);
        return new ColumnTrainingResult(spec.seed(), tuned.network(), List.copyOf(recipes), List.copyOf(outcomes),
                tuned.validBefore(), tuned.testBefore(), tuned.validAfter(), tuned.testAfter(), tuned.kept(),
                tuned.epochs(), ParameterCounts.of(tuned.network()), layerSeconds.clone(),
                covarianceSeconds, tuned.seconds(), seconds, bytesCollected, bytesBroadcast);
    }

    private void trainLayer(int l) {
        LayerSpec ls = spec.model().hidden().get(l);
        DictionarySpec ds = ls.dictionary();
        ModelSpec model = spec.model();
        Covariance cov = covariance(l, ds);
        List<DictionaryRecipe> layerRecipes = ds.recipes(model.layerInputs(l), model.layerGridRows(l),
                model.layerGridCols(l), dictSeeds[l], cov == null ? null : cov.id());
        List<Dictionary> dictionaries = new ArrayList<>();
        for (DictionaryRecipe r : layerRecipes) {
            dictionaries.add(DictionaryBuilder.build(r, cov));
        }
        long start = System.nanoTime();
        List<ColumnOutcome> got = collect(l, layerRecipes, cov);
        HiddenLayer layer = ColumnAssembler.layer(l, dictionaries, got, ls, l > 0);
        built.add(layer);
        recipes.add(List.copyOf(layerRecipes));
        outcomes.add(List.copyOf(got));
        layerSeconds[l] = (System.nanoTime() - start) / 1e9;
        for (ColumnOutcome o : got) {
            bytesCollected += o.payloadBytes();
            listener.onColumn(o);
        }
        LOG.info("layer {}: {} columns trained as tasks in {} s, column valid errors {}", l + 1, got.size(),
                String.format("%.1f", layerSeconds[l]),
                got.stream().map(o -> String.format("%.4f", o.validError())).toList());
        listener.onLayer(l, layerSeconds[l]);
    }

    /** Runs the layer's column tasks with the covariance and lower layers broadcast once, in column order. */
    private List<ColumnOutcome> collect(int l, List<DictionaryRecipe> layerRecipes, Covariance cov) {
        LayerSpec ls = spec.model().hidden().get(l);
        int c = layerRecipes.size();
        int[] units = new int[c];
        List<Integer> columns = new ArrayList<>(c);
        for (int j = 0; j < c; j++) {
            units[j] = spec.columnUnits(l, j);
            columns.add(j);
        }
        LowerLayers frozen = l == 0 ? null : LowerLayers.of(lowerNetwork(), l);
        Broadcast<Covariance> bc = cov == null ? null : sc.broadcast(cov);
        Broadcast<LowerLayers> bl = frozen == null ? null : sc.broadcast(frozen);
        bytesBroadcast += (cov == null ? 0 : (long) cov.dimension() * cov.dimension() * Double.BYTES)
                + (frozen == null ? 0 : frozen.payloadBytes());
        try {
            boolean lastLayer = l == spec.model().hidden().size() - 1;
            ColumnTask task = new ColumnTask(l, layerRecipes, units, taskSeeds[l], ls.activation(),
                    spec.model().classes(), spec.training(), taskData, bc, bl, data.train().size(),
                    data.valid().size(), lastLayer && spec.fineTune().head() == ColumnHeadStart.COLUMN_AVERAGE);
            List<ColumnOutcome> got = new ArrayList<>(sc.parallelize(columns, c).map(task).collect());
            got.sort(Comparator.comparingInt(ColumnOutcome::column));
            return got;
        } finally {
            if (bc != null) {
                bc.destroy();
            }
            if (bl != null) {
                bl.destroy();
            }
        }
    }

    private Covariance covariance(int l, DictionarySpec ds) {
        if (!ds.needsCovariance()) {
            return null;
        }
        long start = System.nanoTime();
        Covariance cov = covariances.covariance(l == 0 ? null : lowerNetwork(), l, ds.squaredCovariance());
        covarianceSeconds += (System.nanoTime() - start) / 1e9;
        return cov;
    }

    /** The layers assembled so far under an unused placeholder head. */
    private Network lowerNetwork() {
        int width = built.get(built.size() - 1).outputs();
        return new Network(built, new SoftmaxOutputLayer(width, spec.model().classes(), ColumnAssembler.DTYPE),
                ColumnAssembler.DTYPE);
    }

    /** The head the fine-tuning starts from: fresh from the init stream, or the mean of the column heads. */
    private SoftmaxOutputLayer head() {
        SoftmaxOutputLayer head = new SoftmaxOutputLayer(built.get(built.size() - 1).outputs(),
                spec.model().classes(), ColumnAssembler.DTYPE);
        head.initialize(init);
        if (spec.fineTune().head() == ColumnHeadStart.COLUMN_AVERAGE) {
            ColumnAssembler.averageHead(head, outcomes.get(outcomes.size() - 1));
        }
        return head;
    }

    private String describeLayers() {
        return spec.model().hidden().stream()
                .map(ls -> ls.units() + " " + ls.activation() + " " + ls.dictionary().label()).toList().toString();
    }
}
