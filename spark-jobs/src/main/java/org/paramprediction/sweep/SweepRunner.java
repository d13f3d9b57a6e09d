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

/**
 * Runs a sweep on Spark: skips trials already committed (resume), precomputes the input covariances
 * trials need, runs every remaining trial as its own one-task Spark job (so as many run at once as
 * there are task slots, each on one BLAS thread), commits each finished trial to Parquet from the
 * driver before its console line (no Spark job, so no task slot: {@link ResultStore}), and compacts
 * the output at the end. Trials with a {@code distributed:} section run after those, one
 * at a time, each spread over the whole cluster ({@link DistributedTrial}).
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

    /** What a run did. */
    public record Result(int total, int skipped, int ran, int failed) {}

    public Result run(SweepSpec sweep, String out, boolean resume, boolean retryFailed) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ResultStore store = new ResultStore(spark, out, sweep.name());
        Map<String, String> committed = store.committedStatus();
        if (!committed.isEmpty() && !resume && !retryFailed) {
            throw new BadInputException(store.trialsDir() + " already holds " + committed.size()
                    + " trials of sweep '" + sweep.name() + "'; pass --resume to continue it (or --retry-failed), "
                    + "or choose another output directory");
        }
        List<TrialSpec> toRun = new ArrayList<>();
        Set<String> rerun = new HashSet<>();
        for (TrialSpec t : sweep.trials()) {
            String status = committed.get(t.trialId());
            if (status == null) {
                toRun.add(t);
            } else if (retryFailed && TrialOutcome.FAILED.equals(status)) {
                toRun.add(t);
                rerun.add(t.trialId());
            }
        }
        store.prepare(rerun);
        List<TrialSpec> single = toRun.stream().filter(t -> t.distributed() == null).toList();
        List<TrialSpec> cluster = toRun.stream().filter(t -> t.distributed() != null).toList();
        Progress progress = new Progress(console, sweep.trials().size(), slots(sc));
        progress.started(sweep.trials().size() - toRun.size(), single.size(), cluster.size());
        if (toRun.isEmpty()) {
            return new Result(sweep.trials().size(), sweep.trials().size(), 0, 0);
        }
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
        SweepContext ctx = new SweepContext(hadoop, out, sha, sweep.keepWeights());
        if (!single.isEmpty()) {
            runAll(sc, single, ctx, store, provenance, progress);
        }
        for (TrialSpec t : cluster) {
            // a distributed trial uses every task slot itself: one at a time, from the driver
            sc.setJobDescription("trial " + t.trialId() + " " + t.label());
            progress.distributedStarting(t);
            TrialOutcome o = DistributedTrial.run(t, sc, ctx, console);
            store.append(List.of(o), provenance);
            progress.finished(o, 0);
        }
        store.compact();
        return new Result(sweep.trials().size(), sweep.trials().size() - toRun.size(), toRun.size(), progress.failed());
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
                    TrialOutcome o = outcome(e.getKey(), e.getValue());
                    store.append(List.of(o), provenance); // committed before its console line
                    progress.finished(o, Math.min(running.size(), slots(sc)));
                }
            }
            sleep(50);
        }
    }

    private static TrialOutcome outcome(JavaFutureAction<List<TrialOutcome>> f, TrialSpec t) {
        try {
            return f.get().get(0);
        } catch (ExecutionException e) {
            // The task itself died (e.g. the executor was lost more often than Spark retries).
            long now = System.currentTimeMillis();
            return new TrialOutcome(t, TrialOutcome.FAILED, "Spark task failed: " + e.getCause(), 0, Double.NaN,
                    Double.NaN, 0, 0, 0, null, null, null, null, List.of(), Machine.UNKNOWN, now, now, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for trial " + t.trialId(), e);
        }
    }

    private static int slots(JavaSparkContext sc) {
        return Math.max(1, sc.defaultParallelism());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
