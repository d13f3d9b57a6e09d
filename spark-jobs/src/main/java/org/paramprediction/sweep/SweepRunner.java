package org.paramprediction.sweep;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.console.Console;
import org.paramprediction.io.BadInputException;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.io.Machine;
import org.paramprediction.io.Provenance;
import org.paramprediction.results.ResultStore;
import org.paramprediction.results.TrialOutcome;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;
import org.paramprediction.sweep.select.Choice;

/**
 * Runs a sweep on Spark: skips trials already committed (resume), precomputes the input covariances
 * trials need, runs every remaining trial as its own one-task Spark job (so as many run at once as
 * there are task slots, each on one BLAS thread), commits each finished trial to Parquet from the
 * driver before its console line (no Spark job, so no task slot: {@link ResultStore}), and compacts
 * the output at the end. Trials with a {@code distributed:} section run after those, one
 * at a time, each spread over the whole cluster ({@link DistributedTrial}). A sweep with a {@code
 * select} section runs in two phases ({@link SelectPhases}); one with a {@code scheduler} runs its
 * trials in segments between rungs ({@link ScheduledSweep}).
 */
public final class SweepRunner {

    private final SparkSession spark;
    private final Console console;

    /** Progress lines only, to {@code console} (no detail, no live line). */
    public SweepRunner(SparkSession spark, PrintStream console) {
        this(spark, Console.quiet(console));
    }

    public SweepRunner(SparkSession spark, Console console) {
        this.spark = spark;
        this.console = console;
    }

    /**
     * What a run did.
     *
     * @param total   trials the sweep runs (with {@code select}: phase 1 and the chosen values' phase 2)
     * @param choices with {@code select}: the choice in every configuration, else empty
     */
    public record Result(int total, int skipped, int ran, int failed, List<Choice> choices) {

        public Result {
            choices = List.copyOf(choices);
        }

        public Result(int total, int skipped, int ran, int failed) {
            this(total, skipped, ran, failed, List.of());
        }
    }

    public Result run(SweepSpec sweep, String out, boolean resume, boolean retryFailed) {
        ResultStore store = new ResultStore(spark, out, sweep.name());
        Map<String, String> committed = store.committedStatus();
        if (!committed.isEmpty() && !resume && !retryFailed) {
            throw new BadInputException(store.trialsDir() + " already holds " + committed.size()
                    + " trials of sweep '" + sweep.name() + "'; pass --resume to continue it (or --retry-failed), "
                    + "or choose another output directory");
        }
        if (sweep.select() != null) {
            return new SelectPhases(this, console).run(sweep, out, store, committed, retryFailed);
        }
        if (sweep.scheduler() != null) {
            return new ScheduledSweep(this, console).run(sweep, out, store, committed, retryFailed);
        }
        Set<String> rerun = new HashSet<>();
        List<TrialSpec> toRun = pending(sweep.trials(), committed, retryFailed, rerun);
        store.prepare(rerun);
        Progress progress = progress(sweep, sweep.trials().size(), sweep.trials().size() - toRun.size(), toRun);
        if (toRun.isEmpty()) {
            return new Result(sweep.trials().size(), sweep.trials().size(), 0, 0);
        }
        execute(toRun, sweep, out, store, progress);
        store.compact();
        return new Result(sweep.trials().size(), sweep.trials().size() - toRun.size(), toRun.size(), progress.failed());
    }

    /**
     * A progress printer for {@code total} trials of {@code sweep}, its start line printed: {@code toRun}
     * left, the rest done.
     */
    Progress progress(SweepSpec sweep, int total, int alreadyDone, List<TrialSpec> toRun) {
        Progress progress = new Progress(console, total, slots(JavaSparkContext.fromSparkContext(spark.sparkContext())),
                new TrialLabels(sweep));
        long cluster = toRun.stream().filter(t -> t.distributed() != null).count();
        progress.started(alreadyDone, toRun.size() - (int) cluster, (int) cluster);
        return progress;
    }

    /**
     * The trials of {@code trials} that are not committed, and with {@code retryFailed} those committed
     * as FAILED (whose ids are added to {@code rerun}), in order.
     */
    static List<TrialSpec> pending(List<TrialSpec> trials, Map<String, String> committed, boolean retryFailed,
            Set<String> rerun) {
        List<TrialSpec> toRun = new ArrayList<>();
        for (TrialSpec t : trials) {
            String status = committed.get(t.trialId());
            if (status == null) {
                toRun.add(t);
            } else if (retryFailed && TrialOutcome.FAILED.equals(status)) {
                toRun.add(t);
                rerun.add(t.trialId());
            }
        }
        return toRun;
    }

    /**
     * Runs {@code toRun} (not empty) and commits each as it finishes: input covariances first, then the
     * single-task trials side by side, then the distributed ones one at a time.
     */
    void execute(List<TrialSpec> toRun, SweepSpec sweep, String out, ResultStore store, Progress progress) {
        Prepared p = prepare(toRun, sweep, out);
        List<TrialSpec> single = toRun.stream().filter(t -> t.distributed() == null).toList();
        List<TrialSpec> cluster = toRun.stream().filter(t -> t.distributed() != null).toList();
        if (!single.isEmpty()) {
            runAll(p.sc(), single, p.ctx(), store, p.provenance(), progress);
        }
        for (TrialSpec t : cluster) {
            // a distributed trial uses every task slot itself: one at a time, from the driver
            p.sc().setJobDescription("trial " + t.trialId() + " " + t.label());
            progress.distributedStarting(t);
            TrialOutcome o = DistributedTrial.run(t, p.sc(), p.ctx(), console);
            store.append(List.of(o), p.provenance());
            progress.finished(o, 0);
        }
    }

    /** What trial tasks need, made once per run: the Spark context, the trials' context, the provenance. */
    record Prepared(JavaSparkContext sc, SweepContext ctx, Provenance provenance) {}

    /**
     * Precomputes the input covariances {@code toRun} (not empty) needs, checks that every trial uses
     * one dataset, and hashes it for the provenance.
     */
    Prepared prepare(List<TrialSpec> toRun, SweepSpec sweep, String out) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf hadoop = HadoopConf.of(sc.hadoopConfiguration());
        InputCovariances inputs = new InputCovariances(sc, hadoop, out);
        inputs.prepare(toRun);
        String root = toRun.get(0).dataRoot();
        String format = toRun.get(0).dataFormat();
        for (TrialSpec t : toRun) {
            if (!t.dataRoot().equals(root) || !t.dataFormat().equals(format)) {
                throw new BadInputException("all trials of a sweep must use one dataset, but found "
                        + format + " " + root + " and " + t.dataFormat() + " " + t.dataRoot());
            }
        }
        String sha = inputs.datasetSha256(toRun.get(0).dataFormatEnum(), root);
        Provenance provenance = Provenance.of(spark.version(), root, sha);
        return new Prepared(sc, new SweepContext(hadoop, out, sha, sweep.keepWeights()), provenance);
    }

    private void runAll(JavaSparkContext sc, List<TrialSpec> trials, SweepContext ctx, ResultStore store,
            Provenance provenance, Progress progress) {
        // At most two trials per task slot are submitted at a time: the slots never idle, and the
        // Spark queue stays short (its jobs and their closures are held by the driver).
        int inFlight = 2 * slots(sc);
        Iterator<TrialSpec> queue = trials.iterator();
        Map<JavaFutureAction<List<TrialOutcome>>, TrialSpec> running = new LinkedHashMap<>();
        while (queue.hasNext() || !running.isEmpty()) {
            while (running.size() < inFlight && queue.hasNext()) {
                TrialSpec t = queue.next();
                sc.setJobDescription("trial " + t.trialId() + " " + t.label());
                running.put(sc.parallelize(List.of(t), 1).map(spec -> TrialExecutor.run(spec, ctx))
                        .collectAsync(), t);
            }
            Iterator<Map.Entry<JavaFutureAction<List<TrialOutcome>>, TrialSpec>> it = running.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getKey().isDone()) {
                    it.remove();
                    TrialOutcome o = outcome(sc, e.getKey(), e.getValue());
                    store.append(List.of(o), provenance); // committed before its console line
                    progress.finished(o, Math.min(running.size(), slots(sc)));
                }
            }
            sleep(50);
        }
    }

    private static TrialOutcome outcome(JavaSparkContext sc, JavaFutureAction<List<TrialOutcome>> f, TrialSpec t) {
        try {
            return f.get().get(0);
        } catch (ExecutionException e) {
            stoppedSpark(sc, t.trialId(), e);
            // The task itself died (e.g. the executor was lost more often than Spark retries).
            long now = System.currentTimeMillis();
            return new TrialOutcome(t, TrialOutcome.FAILED, "Spark task failed: " + e.getCause(), 0, Double.NaN,
                    Double.NaN, 0, 0, 0, null, null, null, null, List.of(), Machine.UNKNOWN, now, now, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for trial " + t.trialId(), e);
        }
    }

    /**
     * Throws when Spark itself was stopped (the driver is shutting down, e.g. on SIGTERM or Ctrl-C):
     * the trial's task was cancelled, not failed, so it must stay uncommitted for {@code --resume}.
     */
    static void stoppedSpark(JavaSparkContext sc, String trialId, ExecutionException e) {
        if (sc.sc().isStopped()) {
            throw new IllegalStateException("Spark stopped while trial " + trialId + " was running: the trial is "
                    + "not committed, and --resume runs it", e);
        }
    }

    static int slots(JavaSparkContext sc) {
        return Math.max(1, sc.defaultParallelism());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
