package org.paramprediction.sweep;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Dataset;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.Machine;
import org.paramprediction.results.TrialOutcome;
import org.paramprediction.sweep.config.TrialSpec;
import org.paramprediction.train.EpochMetrics;
import org.paramprediction.train.LearnedWeights;
import org.paramprediction.train.MemoryEstimate;
import org.paramprediction.train.ModelSpec;
import org.paramprediction.train.StagedTraining;
import org.paramprediction.train.TrainingResult;

/**
 * Runs one trial inside a Spark task, on one BLAS thread. Anything that goes wrong — an exception, a
 * non-finite loss, running out of memory — becomes a FAILED outcome with the error, so the sweep
 * goes on (never a failed task, which Spark would retry). Out of memory: a trial whose model cannot
 * fit under the executor's off-heap limit ({@link MemoryEstimate}) is FAILED before it allocates
 * anything; an OutOfMemoryError that still happens is caught in the trial's own thread, where the
 * trial's arrays become garbage as its stack unwinds, and FAILS the trial (a trial running beside
 * it on the same executor may fail with it; {@code --retry-failed} reruns both). All randomness comes from the trial's seed, so a task retry reproduces the same numbers.
 * A trial with {@code training.timeout_s} has its thread interrupted when the limit runs out; training
 * stops before its next minibatch and the trial is FAILED as timed out.
 */
public final class TrialExecutor {

    private TrialExecutor() {}

    public static DataRef dataRef(TrialSpec t) {
        return new DataRef(t.dataFormatEnum(), t.dataRoot(), t.trainSize(), t.validSize(), t.testSize(),
                t.permutationSeed());
    }

    /** Interrupts the threads of trials that run past their {@code training.timeout_s}. */
    private static final ScheduledExecutorService TIMEOUTS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread th = new Thread(r, "trial-timeouts");
        th.setDaemon(true);
        return th;
    });

    public static TrialOutcome run(TrialSpec t, SweepContext ctx) {
        Nd4j.factory().blas().setMaxThreads(1);
        long start = System.currentTimeMillis();
        List<EpochMetrics> epochs = new ArrayList<>();
        Thread task = Thread.currentThread();
        ScheduledFuture<?> limit = t.timeoutSeconds() == null ? null
                : TIMEOUTS.schedule(task::interrupt, t.timeoutSeconds(), TimeUnit.SECONDS);
        try {
            TrialOutcome o = train(t, ctx, start, epochs);
            if (limit != null && limit.isDone() && TrialOutcome.FAILED.equals(o.status())) {
                return failed(t, "timed out: training ran longer than training.timeout_s = " + t.timeoutSeconds()
                        + " s (" + o.error().lines().findFirst().orElse("") + ")", epochs, start);
            }
            return o;
        } finally {
            if (limit != null && !limit.cancel(false)) {
                Thread.interrupted(); // the limit fired: the next task on this thread starts uninterrupted
            }
        }
    }

    private static TrialOutcome train(TrialSpec t, SweepContext ctx, long start, List<EpochMetrics> epochs) {
        try {
            if (t.isRica()) {
                return RicaTrial.run(t, ctx, start);
            }
            DataSplits data = DatasetCache.get(dataRef(t), ctx.hadoop());
            ModelSpec spec = modelSpec(t, data.train());
            String refused = memoryRefusal(spec, t);
            if (refused != null) {
                return failed(t, refused, epochs, start);
            }
            TrainingResult r = StagedTraining.run(spec, t.training(), data,
                    new TrialCovarianceSource(ctx, dataRef(t), data.train()), t.seed(), DataType.FLOAT, epochs::add,
                    t.alternate(), t.grow());
            return completed(t, ctx, r, start);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return failed(t, describe(e), epochs, start);
        }
    }

    /**
     * Why the trial's model cannot train on this executor (out of off-heap memory), or null. Checked
     * before allocating: an OutOfMemoryError would hit the JVM's other trials too.
     */
    static String memoryRefusal(ModelSpec spec, TrialSpec t) {
        long needs = MemoryEstimate.trainingBytesLowerBound(spec, t.training().batchSize());
        long limit = MemoryEstimate.offHeapLimitBytes();
        return needs <= limit ? null : "out of memory: training this model needs at least " + needs / (1 << 20)
                + " MiB off-heap (weights, gradients, momentum, activations of a minibatch), but this executor's"
                + " limit is " + limit / (1 << 20) + " MiB (JavaCPP maxbytes, by default the JVM's -Xmx; raise "
                + "spark.executor.memory or the driver's -Xmx for local[N])";
    }

    /** The outcome of a training run that ended: OK, or FAILED on a non-finite validation or test error. */
    static TrialOutcome completed(TrialSpec t, SweepContext ctx, TrainingResult r, long start) {
        if (!Double.isFinite(r.bestValidError()) || !Double.isFinite(r.testError())) {
            return failed(t, "non-finite validation or test error", r.epochs(), start);
        }
        return new TrialOutcome(t, TrialOutcome.OK, null, r.bestEpoch(), r.bestValidError(), r.testError(),
                r.seconds(), r.counts().total(), r.counts().dynamic(), r.counts().fractionLearned(), r.deadUnits(),
                r.excludedInputs(), recipesText(r.recipes()), r.epochs(), Machine.here(), start,
                System.currentTimeMillis(), List.of(), ctx.keepWeights() ? LearnedWeights.of(r) : List.of());
    }

    /** The {@code recipes} column: every layer's column recipes, {@code [[r11, r12], [r21, ...]]}. */
    static String recipesText(List<List<DictionaryRecipe>> recipes) {
        return recipes.stream()
                .map(layer -> layer.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static ModelSpec modelSpec(TrialSpec t, Dataset train) {
        return t.modelSpec(train.shape(), train.numClasses());
    }

    static TrialOutcome failed(TrialSpec t, String error, List<EpochMetrics> epochs, long start) {
        return new TrialOutcome(t, TrialOutcome.FAILED, error, 0, Double.NaN, Double.NaN,
                (System.currentTimeMillis() - start) / 1e3, 0, 0, null, null, null, null, List.copyOf(epochs),
                Machine.here(), start, System.currentTimeMillis(), List.of());
    }

    static String describe(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String s = trace.toString();
        return s.length() > 4000 ? s.substring(0, 4000) + "..." : s;
    }
}
