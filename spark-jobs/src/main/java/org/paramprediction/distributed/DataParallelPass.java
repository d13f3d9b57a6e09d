package org.paramprediction.distributed;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.paramprediction.aggregate.OrderedTreeAggregate;
import org.paramprediction.data.DataSplits;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.Param;
import org.paramprediction.layer.ParamVectors;
import org.paramprediction.layer.UHashes;
import org.paramprediction.train.EpochPass;
import org.paramprediction.train.NetworkRecipe;
import org.paramprediction.train.PassTotals;
import org.paramprediction.train.TrainingConfig;
import org.paramprediction.wire.ParamAverage;
import org.paramprediction.wire.ParamMessage;

/**
 * Data-parallel SGD with alpha-only traffic: an {@link EpochPass} whose minibatches run on Spark
 * executors, each partition of the training rows on its own worker task.
 *
 * <p>Once per stage the driver broadcasts a {@link PassSetup}: the network's {@link NetworkRecipe}
 * (dictionary recipes and the covariances they name). Every worker rebuilds every {@code U} from it;
 * a check job compares the workers' {@code U} hashes with the driver's before training starts. Then
 * each round:
 *
 * <ol>
 *   <li>the driver broadcasts the dynamic parameters (every {@code V}, biases, output layer; and
 *       the momentum velocities when they are averaged), encoded as a {@link ParamMessage};
 *   <li>every worker decodes them into its network, runs the round's minibatches of its shard
 *       (shuffled each epoch with a seed the driver drew for that partition) with the same inner
 *       loop as single-machine training ({@link org.paramprediction.train.MinibatchSgd}), and sends
 *       back its parameters, velocities and loss totals;
 *   <li>an ordered tree aggregation ({@link OrderedTreeAggregate}, depth {@link
 *       DataParallelSettings#treeDepth()}) gathers the uploads: each level combines its inputs, in
 *       partition order, into one example-weighted mean ({@link ParamAverage}) and sends that one
 *       message on, so reruns agree bit for bit and an intermediate level costs one message per
 *       group; the driver writes the final average into its network. {@code bytes_up} counts every
 *       message that travelled: the workers' uploads and the intermediate levels' messages.
 * </ol>
 *
 * Learning rate: workers use the schedule's rate times {@link DataParallelSettings#learningRateScale()}
 * (1 reproduces single-machine SGD for one partition; the number of partitions is the linear
 * scaling rule, since averaging {@code P} workers makes {@code P} times fewer sequential updates).
 *
 * <p>Momentum: with {@code averageMomentum} the velocities are part of the state that travels and is
 * averaged, so one partition running one minibatch per round is exactly single-machine SGD;
 * otherwise each worker starts every round from zero velocity and only parameters travel.
 *
 * <p>Dense (Full) layers use the same code: then the traffic is ordinary parameter averaging.
 */
public final class DataParallelPass implements EpochPass {

    private static final AtomicLong STAGES = new AtomicLong();

    private final JavaSparkContext sc;
    private final Network net;
    private final DataSplits data;
    private final TrainingConfig cfg;
    private final SplittableRandom shuffle;
    private final int stage;
    private final DataParallelSettings settings;
    private final Consumer<RoundMetrics> sink;
    private final AtomicLong rounds;
    private final Broadcast<PassSetup> setup;
    private final JavaRDD<Integer> partitions;
    private final List<Param> params;
    private final int paramCount;
    private final float[] velocity;
    private final int fullParamCount;
    private final List<String> workerHashes;

    /**
     * A factory for {@link org.paramprediction.train.StagedTraining}; {@code rounds} numbers the
     * rounds across the stages of one training run, {@code sink} receives each round's metrics.
     */
    public static EpochPass.Factory factory(JavaSparkContext sc, DataRef dataRef, HadoopConf hadoop,
            DataParallelSettings settings, AtomicLong rounds, Consumer<RoundMetrics> sink) {
        return (net, recipe, data, cfg, shuffle, stage) -> new DataParallelPass(sc, dataRef, hadoop, settings,
                rounds, sink, net, recipe, data, cfg, shuffle, stage);
    }

    private DataParallelPass(JavaSparkContext sc, DataRef dataRef, HadoopConf hadoop, DataParallelSettings settings,
            AtomicLong rounds, Consumer<RoundMetrics> sink, Network net, NetworkRecipe recipe, DataSplits data,
            TrainingConfig cfg, SplittableRandom shuffle, int stage) {
        if (recipe == null) {
            throw new IllegalArgumentException("data-parallel training needs the network's recipe");
        }
        this.sc = sc;
        this.net = net;
        this.data = data;
        this.cfg = cfg;
        this.shuffle = shuffle;
        this.stage = stage;
        this.settings = settings;
        this.sink = sink;
        this.rounds = rounds;
        this.params = net.params();
        this.paramCount = ParamVectors.length(params);
        this.velocity = settings.averageMomentum() ? new float[paramCount] : null;
        this.fullParamCount = fullAveragingParams(recipe);
        String key = sc.sc().applicationId() + "/stage-" + STAGES.incrementAndGet();
        this.setup = sc.broadcast(new PassSetup(key, recipe, cfg, dataRef, hadoop, settings, stage));
        List<Integer> ids = new ArrayList<>();
        for (int p = 0; p < settings.partitions(); p++) {
            ids.add(p);
        }
        this.partitions = sc.parallelize(ids, settings.partitions());
        this.workerHashes = checkDictionaries();
    }

    /**
     * Per partition, the comma-joined hashes of the {@code U}s its worker rebuilt, layer by layer
     * (checked equal to the driver's when the pass opened).
     */
    public List<String> workerHashes() {
        return workerHashes;
    }

    private List<String> checkDictionaries() {
        Broadcast<PassSetup> s = setup;
        List<String> reported = partitions.map(p -> {
            WorkerModels.Model m = WorkerModels.borrow(s.value());
            WorkerModels.giveBack(s.value(), m);
            return String.join(",", m.uHashes);
        }).collect();
        String driver = String.join(",", UHashes.of(net));
        for (int p = 0; p < reported.size(); p++) {
            if (!driver.equals(reported.get(p))) {
                throw new IllegalStateException("the dictionaries rebuilt by worker " + p + " differ from the driver's: "
                        + reported.get(p) + " vs " + driver + " (stage " + stage + ")");
            }
        }
        return reported;
    }

    @Override
    public PassTotals train(int epoch, double learningRate, double momentum) {
        int n = data.train().size();
        int batch = Math.min(cfg.batchSize(), n);
        int partitionsCount = settings.partitions();
        long[] seeds = new long[partitionsCount];
        int maxBatches = 0;
        for (int p = 0; p < partitionsCount; p++) {
            seeds[p] = shuffle.nextLong();
            int rows = Shards.to(n, partitionsCount, p) - Shards.from(n, partitionsCount, p);
            maxBatches = Math.max(maxBatches, (rows + batch - 1) / batch);
        }
        int k = settings.stepsPerRound();
        PassTotals total = PassTotals.ZERO;
        for (int first = 0; first < maxBatches; first += k) {
            total = total.plus(round(epoch, first, Math.min(maxBatches, first + k),
                    learningRate * settings.learningRateScale(), momentum, seeds));
        }
        return total;
    }

    private PassTotals round(int epoch, int first, int end, double lr, double momentum, long[] seeds) {
        long start = System.nanoTime();
        boolean withVelocity = velocity != null;
        float[] state = new float[withVelocity ? 2 * paramCount : paramCount];
        ParamVectors.readValues(params, state, 0);
        if (withVelocity) {
            System.arraycopy(velocity, 0, state, paramCount, paramCount);
        }
        byte[] down = new ParamMessage(settings.encoding(), paramCount, state, withVelocity, null).encode();
        Broadcast<RoundTask> task = sc.broadcast(new RoundTask(down, epoch, first, end, lr, momentum, seeds));
        Broadcast<PassSetup> s = setup;
        ParamAverage avg;
        try {
            avg = OrderedTreeAggregate.aggregateByLevel(partitions.map(p -> Worker.round(s.value(), task.value(), p)),
                    () -> ParamAverage.EMPTY, DataParallelPass::onlyUpload, ParamAverage::combine,
                    settings.treeDepth());
        } finally {
            task.destroy();
        }
        if (avg.isEmpty()) {
            throw new IllegalStateException("no worker had minibatches " + first + ".." + end + " in epoch " + epoch);
        }
        ParamMessage up = avg.mean();
        ParamVectors.writeValues(up.values(), 0, params);
        if (withVelocity) {
            System.arraycopy(up.values(), paramCount, velocity, 0, paramCount);
        }
        PassTotals t = up.totals();
        int tasks = settings.partitions();
        long fullDown = (long) ParamMessage.size(settings.encoding(), fullParamCount, withVelocity, false) * tasks;
        long fullUp = (long) ParamMessage.size(settings.encoding(), fullParamCount, withVelocity, true)
                * avg.messagesSent();
        sink.accept(new RoundMetrics((int) rounds.incrementAndGet(), stage, epoch, avg.leaves(), t.examples(),
                (long) down.length * tasks, avg.uploadBytes(), fullDown, fullUp, (System.nanoTime() - start) / 1e9,
                t.lossSum() / t.examples(), Double.NaN));
        return t;
    }

    /** A partition holds one worker's upload (the fold starts from the empty average). */
    private static ParamAverage onlyUpload(ParamAverage acc, ParamAverage upload) {
        if (!acc.isEmpty()) {
            throw new IllegalStateException("a partition uploaded twice: " + acc + " and " + upload);
        }
        return upload;
    }

    @Override
    public void close() {
        setup.destroy();
    }

    /** Dynamic parameters of the same architecture with every hidden layer dense: what full averaging ships. */
    static int fullAveragingParams(NetworkRecipe recipe) {
        long n = 0;
        int in = recipe.inputs();
        for (NetworkRecipe.Layer l : recipe.layers()) {
            n += (long) in * l.units() + l.units();
            in = l.units();
        }
        n += (long) in * recipe.classes() + recipe.classes();
        return Math.toIntExact(n);
    }
}
